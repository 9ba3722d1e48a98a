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
