package io.crosscount.metrics;

import io.crosscount.model.Aggregate;
import io.crosscount.model.SourceClaim;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The latest figures of each aggregation key as gauges, for the dashboard's analyst panels:
 * the consensus interval and source count per key, and each source's figure in the key's latest
 * window (NaN for a source that reported in an earlier window only).
 *
 * <p>Flink cannot unregister a gauge, and every key is a Prometheus series, so the number of
 * series is capped: the first {@code maxKeys} keys a subtask sees get gauges, each with at most
 * {@link #MAX_SOURCES_PER_KEY} sources. Later keys are counted in
 * {@value CrosscountMetrics#CONSENSUS_UPDATES_NOT_EXPOSED} and remain on the aggregates topic.
 */
public final class ConsensusGauges {
    public static final int MAX_SOURCES_PER_KEY = 10;

    private final MetricGroup group;
    private final int maxKeys;
    private final Counter notExposed;
    private final Map<String, KeyFigures> byKey = new HashMap<>();

    public ConsensusGauges(MetricGroup operatorGroup, int maxKeys) {
        this.group = CrosscountMetrics.group(operatorGroup);
        this.maxKeys = maxKeys;
        this.notExposed = group.counter(CrosscountMetrics.CONSENSUS_UPDATES_NOT_EXPOSED);
    }

    /** Shows this aggregate's figures unless a later window of its key is already shown. */
    public void update(Aggregate aggregate) {
        String key = aggregate.key();
        KeyFigures figures = byKey.get(key);
        if (figures == null) {
            if (byKey.size() >= maxKeys) {
                notExposed.inc();
                return;
            }
            figures = new KeyFigures(group.addGroup(CrosscountMetrics.KEY, key));
            byKey.put(key, figures);
        }
        figures.update(aggregate);
    }

    /** Gauges read these fields; the operator thread writes them. */
    private static final class KeyFigures {
        private final MetricGroup keyGroup;
        private final Map<String, Double> sourceValues = new HashMap<>();
        private volatile long windowEnd = Long.MIN_VALUE;
        private volatile double low = Double.NaN;
        private volatile double high = Double.NaN;
        private volatile int sources;

        KeyFigures(MetricGroup keyGroup) {
            this.keyGroup = keyGroup;
            keyGroup.gauge(CrosscountMetrics.CONSENSUS_LOW, (Gauge<Double>) () -> low);
            keyGroup.gauge(CrosscountMetrics.CONSENSUS_HIGH, (Gauge<Double>) () -> high);
            keyGroup.gauge(CrosscountMetrics.CONSENSUS_SOURCES, (Gauge<Integer>) () -> sources);
        }

        void update(Aggregate aggregate) {
            long end = aggregate.windowEnd().toEpochMilli();
            if (end < windowEnd) {
                return;
            }
            boolean newWindow = end > windowEnd;
            windowEnd = end;
            low = aggregate.consensusLow() == null ? Double.NaN : aggregate.consensusLow();
            // No upper bound ("more than 26000") shows as NaN: Prometheus has no infinity for a gap.
            high = aggregate.consensusHigh() == null ? Double.NaN : aggregate.consensusHigh();
            sources = aggregate.sourceCount();
            synchronized (sourceValues) {
                if (newWindow) {
                    // A source of an older window has said nothing in this one: no figure, not its old one.
                    sourceValues.replaceAll((source, value) -> Double.NaN);
                }
                for (SourceClaim claim : aggregate.sources()) {
                    if (!sourceValues.containsKey(claim.source()) && sourceValues.size() >= MAX_SOURCES_PER_KEY) {
                        continue;
                    }
                    if (!sourceValues.containsKey(claim.source())) {
                        String source = claim.source();
                        keyGroup.addGroup(CrosscountMetrics.SOURCE, source).gauge(CrosscountMetrics.SOURCE_VALUE,
                                (Gauge<Double>) () -> {
                                    synchronized (sourceValues) {
                                        return sourceValues.get(source);
                                    }
                                });
                    }
                    sourceValues.put(claim.source(), claim.value() == null ? Double.NaN : claim.value().doubleValue());
                }
            }
        }
    }
}
