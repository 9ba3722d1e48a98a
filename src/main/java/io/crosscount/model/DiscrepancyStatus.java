package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the sources of a discrepancy still disagree. */
public enum DiscrepancyStatus {
    /** The latest result for the key and window still shows the disagreement. */
    OPEN,
    /** A later result for the same key and window shows the sources agreeing again. */
    RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
