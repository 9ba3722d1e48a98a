package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Adds the window to the accumulated claims. A firing is final once the watermark has passed
 * the window's end; earlier firings are early updates.
 */
public class ToAggregate extends ProcessWindowFunction<LatestBySource, Aggregate, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final int consensusGaugeKeys;
    private transient org.apache.flink.metrics.Counter emitted;
    private transient io.crosscount.metrics.ConsensusGauges gauges;

    private final double syndicationSimilarity;

    public ToAggregate(int consensusGaugeKeys, double syndicationSimilarity) {
        this.consensusGaugeKeys = consensusGaugeKeys;
        this.syndicationSimilarity = syndicationSimilarity;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        emitted = io.crosscount.metrics.CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                io.crosscount.metrics.CrosscountMetrics.AGGREGATES);
        gauges = new io.crosscount.metrics.ConsensusGauges(getRuntimeContext().getMetricGroup(), consensusGaugeKeys);
    }

    @Override
    public void process(String key, Context context, Iterable<LatestBySource> elements, Collector<Aggregate> out) {
        LatestBySource latest = elements.iterator().next();
        if (latest.bySource.isEmpty()) {
            return;
        }
        TimeWindow window = context.window();
        boolean isFinal = context.currentWatermark() >= window.maxTimestamp();
        Aggregate aggregate;
        try {
            aggregate = Consensus.of(latest.bySource.values(), Instant.ofEpochMilli(window.getStart()),
                    Instant.ofEpochMilli(window.getEnd()), isFinal, syndicationSimilarity);
            gauges.update(aggregate);
        } catch (RuntimeException e) {
            // The window's claims stay in its state: the next claim or the final firing tries again.
            context.output(io.crosscount.pipeline.DeadLetters.TAG, io.crosscount.pipeline.DeadLetters.processingError(
                    "aggregate-window", key, latest, null, null, null, e));
            return;
        }
        emitted.inc();
        out.collect(aggregate);
    }
}
