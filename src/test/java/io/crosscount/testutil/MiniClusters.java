package io.crosscount.testutil;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster shape the integration tests use: one TaskManager, two slots unless a test needs more. */
public final class MiniClusters {
    private MiniClusters() {}

    public static MiniClusterExtension extension() {
        return extension(2);
    }

    /** A TaskManager with {@code slots} slots, for jobs of that parallelism. */
    public static MiniClusterExtension extension(int slots) {
        return extension(slots, new Configuration());
    }

    /** A TaskManager with {@code slots} slots and {@code configuration} (e.g. a metric reporter). */
    public static MiniClusterExtension extension(int slots, Configuration configuration) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .setConfiguration(configuration)
                .build());
    }
}
