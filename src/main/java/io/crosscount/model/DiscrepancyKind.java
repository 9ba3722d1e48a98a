package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum DiscrepancyKind {
    /** Two sources' bounds do not overlap beyond the tolerance. */
    CONFLICT,
    /** A source's cumulative figure went down. */
    REGRESSION,
    /** One source far from the others' median. */
    OUTLIER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
