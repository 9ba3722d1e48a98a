package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.model.Qualifier;

/**
 * A number found in the text, before it is known to be a figure: its span and bounds from
 * {@link NumberRecognizer}, its sentence and clause, then the cues {@link CueBinder} binds to it.
 * Still mutable: the stages fill it in turn.
 */
final class Candidate {
    int start;
    int end;
    int phraseStart;
    int phraseEnd;
    Long value;
    /** The multiplier the figure ended with ("nueve mil", "3 million"): 0 when none. */
    long multiplierUnit;
    Long low;
    Long high;
    Qualifier qualifier = Qualifier.EXACT;
    Double band;
    boolean vague;
    int sentence;
    int clause;
    /** The nearest metric cue bound to this number, or null: without one it is no figure. */
    BoundCue cue;
    /** Where the figure's noun ends ("2.540 personas"): cues after it are measured from there. */
    int nounEnd;
    /** The next nearest cue of the clause, read when the nearest one gives no metric. */
    BoundCue secondCue;
    /** "hostage" or "prisoner" when a capture word describes the released ("arrêtés ... libérés"). */
    String capturedAs;
    /**
     * A release reported after the capture this figure's cue reports ("were kidnapped on
     * Friday, but freed on Saturday"): a second claim about the same people, or null.
     */
    Entry alsoCue;
    /** The figure this one is taken out of ("three of the 19 hostages"), or null. */
    Candidate whole;
    boolean subset;
    /** The first figure of the list this one continues ("12 soldiers and two policemen"), or null. */
    Candidate listHead;
}
