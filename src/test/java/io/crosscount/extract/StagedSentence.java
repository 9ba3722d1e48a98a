package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence taken through the figure stages the way {@link FigureExtractor} chains them, so that
 * each stage's test reads that stage's own output: the recognised numbers, their segments, the
 * population resolver of the sentence and the bound candidates. Spans are given back as the
 * sentence's own words.
 */
final class StagedSentence {

    private static final Map<String, Lexicon> LEXICONS = new ConcurrentHashMap<>();

    final FoldedText text;
    final Lexicon lexicon;
    final Map<Role, RoleMatches> byRole;
    final List<RecognizedNumber> numbers;
    final TextSegments segments;
    final PopulationResolver populations;
    final List<Candidate> candidates;

    private StagedSentence(String lang, String sentence) {
        text = FoldedText.of(sentence);
        lexicon = LEXICONS.computeIfAbsent(lang, Lexicon::load);
        byRole = TextScan.byRole(lexicon.matchAsWritten(text));
        String s = text.folded();
        numbers = NumberRecognizer.recognize(text, lexicon, byRole, Deadline.NONE);
        segments = FigureExtractor.segments(s, numbers, byRole, lexicon);
        populations = new PopulationResolver(s, byRole, lexicon, segments,
                PlaceResolver.of(text, byRole, lexicon.locatives(), null));
        List<PlacedNumber> placed = FigureExtractor.place(numbers, segments, TextScan.role(byRole, Role.PROJECTION),
                populations, Deadline.NONE);
        candidates = CueBinder.bind(s, placed, byRole, lexicon, segments, text::isParentheticalDash, Deadline.NONE);
    }

    static StagedSentence of(String lang, String sentence) {
        return new StagedSentence(lang, sentence);
    }

    /** The sentence's words between two folded positions. */
    String span(int start, int end) {
        return text.originalSpan(start, end);
    }

    /** The words of a number with its qualifier or range ("more than 26,000", "between 40 and 50"). */
    String phrase(RecognizedNumber n) {
        return span(n.phraseStart(), n.phraseEnd());
    }

    String phrase(Candidate c) {
        return span(c.phraseStart(), c.phraseEnd());
    }

    /** The words of the cue bound to {@code c} ("were wounded": an inflected cue to the end of its word), or "-". */
    String cue(Candidate c) {
        if (c.cue() == null) {
            return "-";
        }
        String s = text.folded();
        int end = c.cue().start() + c.cue().entry().phrase().length();
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return span(c.cue().start(), end);
    }
}
