package io.crosscount.pipeline;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts every dead letter by reason, whichever stage set it aside, on its way to the topic: one
 * place, so that no stage's rejects go uncounted.
 */
public class CountDeadLetters extends RichMapFunction<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;

    private transient CrosscountMetrics.LabelledCounters byReason;

    @Override
    public void open(OpenContext openContext) {
        byReason = new CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.DEAD_LETTERS, CrosscountMetrics.REASON);
    }

    @Override
    public DeadLetter map(DeadLetter deadLetter) {
        byReason.get(deadLetter.reason().wireName()).inc();
        return deadLetter;
    }
}
