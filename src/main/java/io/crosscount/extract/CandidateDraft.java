package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.model.Qualifier;

/**
 * A candidate while {@link NumberRecognizer} and {@link CueBinder} fill it in: its span and
 * bounds, its sentence and clause, then the cues bound to it and the list or whole it belongs
 * to. Mutable, since those rules revise earlier choices (a cue handed from a whole to its part);
 * {@link #freeze} turns the drafts into the immutable {@link Candidate}s the later stages read.
 */
final class CandidateDraft {
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
    CandidateDraft whole;
    boolean subset;
    /** The first figure of the list this one continues ("12 soldiers and two policemen"), or null. */
    CandidateDraft listHead;

    /** The drafts as immutable candidates, in the same order; their links become list indices. */
    static java.util.List<Candidate> freeze(java.util.List<CandidateDraft> drafts) {
        java.util.Map<CandidateDraft, Integer> index = new java.util.IdentityHashMap<>(drafts.size() * 2);
        for (int k = 0; k < drafts.size(); k++) {
            index.put(drafts.get(k), k);
        }
        java.util.List<Candidate> out = new java.util.ArrayList<>(drafts.size());
        for (CandidateDraft d : drafts) {
            out.add(new Candidate(d.start, d.end, d.phraseStart, d.phraseEnd, d.value, d.low, d.high, d.qualifier,
                    d.band, d.vague, d.sentence, d.clause, d.cue, d.secondCue, d.capturedAs, d.alsoCue,
                    d.whole == null ? -1 : index.get(d.whole), d.subset,
                    d.listHead == null ? -1 : index.get(d.listHead)));
        }
        return out;
    }
}
