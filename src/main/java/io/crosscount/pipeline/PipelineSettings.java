package io.crosscount.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the pipeline's operators need to know; built from {@code app.JobConfig}. The user
 * gazetteer travels as text inside the job, so TaskManagers need no access to the file.
 */
public record PipelineSettings(
        Duration outOfOrderness,
        Duration idleness,
        Duration windowSize,
        Duration allowedLateness,
        double tolerance,
        double outlierThreshold,
        Duration dedupRetention,
        Duration stateRetention,
        int maxArticleBytes,
        int consensusGaugeKeys,
        String userGazetteerJson) implements Serializable {

    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofDays(1),
                Duration.ofHours(1), 0.01, 0.2, Duration.ofDays(7), Duration.ofDays(30), 1 << 20, 50, null);
    }

    /** The same settings with a user gazetteer (the file's text, shipped with the job). */
    public PipelineSettings withUserGazetteer(String json) {
        return new PipelineSettings(outOfOrderness, idleness, windowSize, allowedLateness, tolerance, outlierThreshold,
                dedupRetention,
                stateRetention, maxArticleBytes, consensusGaugeKeys, json);
    }
}
