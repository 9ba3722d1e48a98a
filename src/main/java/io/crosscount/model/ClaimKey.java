package io.crosscount.model;

/** Builds the aggregation key {@code metric/subject/location}; a missing location reads "unknown". */
public final class ClaimKey {
    public static final String UNKNOWN = "unknown";

    private ClaimKey() {}

    public static String of(Metric metric, String subject, String location) {
        return metric.wireName() + "/" + orUnknown(subject) + "/" + orUnknown(location);
    }

    private static String orUnknown(String part) {
        return part == null || part.isEmpty() ? UNKNOWN : part;
    }
}
