package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a figure counts. Cumulative metrics only ever grow, so a drop is a regression. */
public enum Metric {
    KILLED(true),
    WOUNDED(true),
    MISSING(false),
    HOSTAGES_TAKEN(true),
    HOSTAGES_HELD(false),
    HOSTAGES_RELEASED(true),
    HOSTAGES_DEAD(true),
    DETAINED(false),
    PRISONERS_RELEASED(true),
    DISPLACED(false);

    private final boolean cumulative;

    Metric(boolean cumulative) {
        this.cumulative = cumulative;
    }

    public boolean isCumulative() {
        return cumulative;
    }

    public boolean isHostageMetric() {
        return name().startsWith("HOSTAGES_");
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
