package io.crosscount.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the pipeline's operators need to know; built from {@code app.JobConfig}. The user
 * gazetteer travels as text inside the job, so TaskManagers need no access to the file.
 * {@code windowSlide} equal to {@code windowSize} gives tumbling windows; shorter, sliding ones.
 */
public record PipelineSettings(
        Duration outOfOrderness,
        Duration idleness,
        Duration windowSize,
        Duration windowSlide,
        Duration allowedLateness,
        double tolerance,
        double outlierThreshold,
        Duration stalenessHorizon,
        double syndicationSimilarity,
        Duration dedupRetention,
        Duration stateRetention,
        int maxArticleBytes,
        int consensusGaugeKeys,
        String userGazetteerJson) implements Serializable {

    public PipelineSettings {
        if (windowSlide.isZero() || windowSlide.isNegative() || windowSlide.compareTo(windowSize) > 0) {
            throw new IllegalArgumentException("--window-slide is " + windowSlide + "; it must be positive and at most "
                    + "--window-size (" + windowSize + "). Equal to the size gives tumbling windows.");
        }
        if (syndicationSimilarity <= 0 || syndicationSimilarity > 1) {
            throw new IllegalArgumentException("--syndication-similarity is " + syndicationSimilarity
                    + "; it must be in (0, 1], e.g. 0.5.");
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofHours(1), 0.01, 0.2, Duration.ofHours(12), 0.5, Duration.ofDays(7), Duration.ofDays(30),
                1 << 20, 50, null);
    }

    public boolean slidingWindows() {
        return windowSlide.compareTo(windowSize) < 0;
    }

    /** The same settings with a user gazetteer (the file's text, shipped with the job). */
    public PipelineSettings withUserGazetteer(String json) {
        return new PipelineSettings(outOfOrderness, idleness, windowSize, windowSlide, allowedLateness, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                consensusGaugeKeys, json);
    }

    /** The same settings with other windows (tests and tools). */
    public PipelineSettings withWindows(Duration size, Duration slide) {
        return new PipelineSettings(outOfOrderness, idleness, size, slide, allowedLateness, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                consensusGaugeKeys, userGazetteerJson);
    }

    /** The same settings with another staleness horizon. */
    public PipelineSettings withStalenessHorizon(Duration horizon) {
        return new PipelineSettings(outOfOrderness, idleness, windowSize, windowSlide, allowedLateness, tolerance,
                outlierThreshold, horizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                consensusGaugeKeys, userGazetteerJson);
    }
}
