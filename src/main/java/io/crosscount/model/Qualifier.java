package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the wording qualifies a figure; it decides the claim's bounds. */
public enum Qualifier {
    EXACT, APPROX, AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN, RANGE, VAGUE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Qualifier fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
