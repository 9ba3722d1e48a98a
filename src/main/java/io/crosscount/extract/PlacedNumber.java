package io.crosscount.extract;

/**
 * A recognised number placed in its article, as {@link CueBinder} takes it: the sentence and
 * clause it stands in, and where its noun ends ("2.540 personas"), from where cues after it are
 * measured. Immutable.
 */
record PlacedNumber(RecognizedNumber number, int sentence, int clause, int nounEnd) {

    int start() {
        return number.start();
    }

    int end() {
        return number.end();
    }

    int phraseStart() {
        return number.phraseStart();
    }

    int phraseEnd() {
        return number.phraseEnd();
    }
}
