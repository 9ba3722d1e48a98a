package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;

/**
 * A metric cue bound to a candidate: the lexicon entry ("tués", "were kidnapped"), where the cue
 * starts in the folded text, and its distance from the figure (from the number, or from the end
 * of its noun for a cue after it). Cues are compared by distance and moved between candidates
 * as one value, so that entry, position and distance never disagree.
 */
record BoundCue(Entry entry, int start, int distance) {

    /** The cue's sense: a metric ("killed") or a word that needs context ("released", "held"). */
    String metric() {
        return entry.metric();
    }

    /** The distance of {@code cue}, or {@link Integer#MAX_VALUE} when there is none: any cue is nearer. */
    static int distance(BoundCue cue) {
        return cue == null ? Integer.MAX_VALUE : cue.distance();
    }
}
