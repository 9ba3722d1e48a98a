package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.model.Qualifier;

/**
 * A number of the text with all that the number and cue stages found about it, as the later
 * stages read it: its span ({@code phraseStart}..{@code phraseEnd} takes in its qualifier or
 * range), value and bounds, sentence and clause, the nearest cue bound to it (null: no figure
 * unless it is a subset) and the next one, and the figures it belongs to, as indices in the
 * article's list of candidates (-1 for none). Immutable: a stage that revises it makes a new one.
 *
 * @param capturedAs "hostage" or "prisoner" when a capture word describes the released ("arrêtés ... libérés")
 * @param alsoCue    a release reported after the capture this figure's cue reports ("were kidnapped on
 *                   Friday, but freed on Saturday"): a second claim about the same people, or null
 * @param whole      the figure this one is taken out of ("three of the 19 hostages"), or -1
 * @param listHead   the first figure of the list this one continues ("12 soldiers and two policemen"), or -1
 */
record Candidate(int start, int end, int phraseStart, int phraseEnd, Long value, Long low, Long high,
                 Qualifier qualifier, Double band, boolean vague, int sentence, int clause, BoundCue cue,
                 BoundCue secondCue, String capturedAs, Entry alsoCue, int whole, boolean subset, int listHead) {

    /** This candidate with a qualifier read after its noun ("30 personas al menos"): new bounds, a longer phrase. */
    Candidate withQualifier(Qualifier qualifier, Long low, Long high, int phraseEnd) {
        return new Candidate(start, end, phraseStart, phraseEnd, value, low, high, qualifier, band, vague, sentence,
                clause, cue, secondCue, capturedAs, alsoCue, whole, subset, listHead);
    }
}
