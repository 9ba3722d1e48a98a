package io.crosscount.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the pipeline's operators need to know; built from {@code app.JobConfig}. The user
 * gazetteer travels as text inside the job, so TaskManagers need no access to the file.
 * {@code windowSlide} equal to {@code windowSize} gives tumbling windows; shorter, sliding ones.
 * {@code maxWatermarkDrift} is how far one partition's event time may run ahead of the slowest
 * one before its reading pauses; {@code maxFuturePublication} how far a {@code published_at} may
 * lie ahead of the record's arrival before the article is refused. {@code eventTimeOrder} hands
 * each key's claims to its windows in publication order, once the watermark has passed them.
 * {@code earlyUpdateInterval} is how long the claims of one open window may wait to share an
 * early update (zero: one per claim).
 */
public record PipelineSettings(
        Duration outOfOrderness,
        Duration idleness,
        Duration maxWatermarkDrift,
        Duration maxFuturePublication,
        Duration windowSize,
        Duration windowSlide,
        Duration allowedLateness,
        Duration earlyUpdateInterval,
        double tolerance,
        double outlierThreshold,
        Duration stalenessHorizon,
        double syndicationSimilarity,
        Duration dedupRetention,
        Duration stateRetention,
        int maxArticleBytes,
        Duration extractionBudget,
        int consensusGaugeKeys,
        boolean eventTimeOrder,
        String userGazetteerJson) implements Serializable {

    public PipelineSettings {
        if (earlyUpdateInterval.isNegative()) {
            throw new IllegalArgumentException("--early-updates is " + earlyUpdateInterval
                    + "; it must be 'every claim' or a positive duration, e.g. '1 s'.");
        }
        if (windowSlide.isZero() || windowSlide.isNegative() || windowSlide.compareTo(windowSize) > 0) {
            throw new IllegalArgumentException("--window-slide is " + windowSlide + "; it must be positive and at most "
                    + "--window-size (" + windowSize + "). Equal to the size gives tumbling windows.");
        }
        if (extractionBudget.isZero() || extractionBudget.isNegative()) {
            throw new IllegalArgumentException("--extraction-budget is " + extractionBudget
                    + "; it must be positive, e.g. '2 s'.");
        }
        if (syndicationSimilarity <= 0 || syndicationSimilarity > 1) {
            throw new IllegalArgumentException("--syndication-similarity is " + syndicationSimilarity
                    + "; it must be in (0, 1], e.g. 0.5.");
        }
    }

    /**
     * An ordinary article takes well under a millisecond of CPU time and a dense 0.9 MB one
     * (15,000 sentences with figures) about half a second; most 1 MB bodies built of numbers,
     * cues or names take under 1.5 s. Two seconds let all of them through, while one hostile
     * record holds its task for two seconds at most instead of the hours some would take.
     */
    public static final Duration DEFAULT_EXTRACTION_BUDGET = Duration.ofSeconds(2);

    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofHours(1), Duration.ZERO, 0.01, 0.2, Duration.ofHours(12), 0.5, Duration.ofDays(7), Duration.ofDays(30),
                1 << 20, DEFAULT_EXTRACTION_BUDGET, 50, false, null);
    }

    public boolean slidingWindows() {
        return windowSlide.compareTo(windowSize) < 0;
    }

    /** The same settings with a user gazetteer (the file's text, shipped with the job). */
    public PipelineSettings withUserGazetteer(String json) {
        return new PipelineSettings(outOfOrderness, idleness, maxWatermarkDrift, maxFuturePublication,
                windowSize, windowSlide, allowedLateness, earlyUpdateInterval, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                extractionBudget, consensusGaugeKeys, eventTimeOrder, json);
    }

    /** The same settings with other windows (tests and tools). */
    public PipelineSettings withWindows(Duration size, Duration slide) {
        return new PipelineSettings(outOfOrderness, idleness, maxWatermarkDrift, maxFuturePublication,
                size, slide, allowedLateness, earlyUpdateInterval, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                extractionBudget, consensusGaugeKeys, eventTimeOrder, userGazetteerJson);
    }

    /** The same settings with claims handed to the windows in event-time order, or in arrival order. */
    public PipelineSettings withEventTimeOrder(boolean ordered) {
        return new PipelineSettings(outOfOrderness, idleness, maxWatermarkDrift, maxFuturePublication,
                windowSize, windowSlide, allowedLateness, earlyUpdateInterval, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                extractionBudget, consensusGaugeKeys, ordered, userGazetteerJson);
    }

    /** The same settings with another staleness horizon. */
    public PipelineSettings withStalenessHorizon(Duration horizon) {
        return new PipelineSettings(outOfOrderness, idleness, maxWatermarkDrift, maxFuturePublication,
                windowSize, windowSlide, allowedLateness, earlyUpdateInterval, tolerance,
                outlierThreshold, horizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                extractionBudget, consensusGaugeKeys, eventTimeOrder, userGazetteerJson);
    }

    /** The same settings with early updates shared over {@code interval} (zero: one per claim). */
    public PipelineSettings withEarlyUpdates(Duration interval) {
        return new PipelineSettings(outOfOrderness, idleness, maxWatermarkDrift, maxFuturePublication,
                windowSize, windowSlide, allowedLateness, interval, tolerance,
                outlierThreshold, stalenessHorizon, syndicationSimilarity, dedupRetention, stateRetention, maxArticleBytes,
                extractionBudget, consensusGaugeKeys, eventTimeOrder, userGazetteerJson);
    }
}
