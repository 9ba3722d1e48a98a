package io.crosscount.pipeline;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Extraction;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first extraction of each article id through and drops re-sent articles. It runs
 * after extraction, keyed by article id, so that only small extractions cross the network, never
 * whole articles. The memory of an id expires after the configured retention, which bounds
 * state; a re-send later than that is counted again, harmless to aggregates since each source's
 * latest claim is what counts.
 */
public class DeduplicateExtractions extends KeyedProcessFunction<String, Extraction, Extraction> {
    private static final long serialVersionUID = 1L;

    private final Duration retention;
    private transient ValueState<Boolean> seen;
    private transient Counter duplicates;

    public DeduplicateExtractions(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        seen = getRuntimeContext().getState(descriptor);
        duplicates = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.ARTICLES_DEDUPLICATED);
    }

    @Override
    public void processElement(Extraction extraction, Context ctx, Collector<Extraction> out) throws Exception {
        if (seen.value() == null) {
            seen.update(true);
            out.collect(extraction);
        } else {
            duplicates.inc();
        }
    }
}
