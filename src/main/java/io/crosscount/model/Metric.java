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

    /** The metrics by wire name: the extractor asks for one per figure. */
    private static final java.util.Map<String, Metric> BY_WIRE_NAME = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Metric::wireName, m -> m));

    public static Metric fromWireName(String name) {
        Metric m = BY_WIRE_NAME.get(name);
        return m != null ? m : valueOf(name.toUpperCase(Locale.ROOT)); // any other case, or valueOf's exception
    }
}
