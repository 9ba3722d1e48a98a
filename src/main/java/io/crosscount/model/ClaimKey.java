package io.crosscount.model;

/**
 * Builds the aggregation key {@code metric/subject/location}, with {@code /group} appended when
 * the figure is about a subgroup ("killed/palestinians/gaza/children"), so that a subset is
 * never compared with its whole. A missing subject or location reads "unknown".
 */
public final class ClaimKey {
    public static final String UNKNOWN = "unknown";

    private ClaimKey() {}

    public static String of(Metric metric, String subject, String group, String location) {
        String key = metric.wireName() + "/" + orUnknown(subject) + "/" + orUnknown(location);
        return group == null ? key : key + "/" + group;
    }

    private static String orUnknown(String part) {
        return part == null || part.isEmpty() ? UNKNOWN : part;
    }
}
