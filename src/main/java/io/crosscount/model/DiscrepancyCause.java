package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The likely reason two reports disagree, from rules over the evidence (see
 * {@code aggregate.DiscrepancyCauses}): a hint for the analyst, in the order the rules try them.
 */
public enum DiscrepancyCause {
    /** The lower report of a cumulative figure is older than the other by more than the figure's usual growth explains. */
    STALE_REPORT,
    /**
     * One report names who or where it counts and the other leaves it to be inferred (from the
     * place's residents, or the article's place): the key merged figures that may count different
     * things ("45 people" in a story about Gaza, and "45 Palestinians in Gaza City").
     */
    SCOPE,
    /** The reports cite different authorities (the health ministry and the army). */
    ATTRIBUTION,
    /** The gap is within the rounding of an approximate, round figure ("about 26,000" and 25,400). */
    ROUNDING,
    /** A side distances itself from its figure ("reportedly", "seraient"). */
    HEDGED,
    /** None of the above. */
    UNEXPLAINED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
