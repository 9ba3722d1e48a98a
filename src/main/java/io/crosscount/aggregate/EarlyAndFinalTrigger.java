package io.crosscount.aggregate;

import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Early updates while a window is open, and a final result when the watermark passes its end.
 * Late claims within the allowed lateness fire at once, as a revised final result.
 *
 * <p>With no interval every claim fires an early update (readers see each figure as it
 * arrives). With an interval, the claims of one window that arrive within it share one early
 * update, fired that long (processing time) after the first of them: an update carries every
 * source of its window, so on a busy key one per claim writes the same sources again and again
 * (quadratic in the window's sources), where one per interval bounds the output by the number
 * of busy keys, at a latency of at most the interval.
 */
public class EarlyAndFinalTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 2L;

    /** The processing time of the pending early update of a window, if any. */
    private static final ValueStateDescriptor<Long> PENDING =
            new ValueStateDescriptor<>("pending-early-update", Types.LONG);

    private final long intervalMillis;

    /** An early update per claim. */
    public EarlyAndFinalTrigger() {
        this(Duration.ZERO);
    }

    /** At most one early update per window per {@code interval}; zero: one per claim. */
    public EarlyAndFinalTrigger(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("An early-update interval cannot be negative: " + interval);
        }
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // late: a revised final result, at once (its end timer has fired already)
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        if (intervalMillis == 0) {
            return TriggerResult.FIRE;
        }
        ValueState<Long> pending = ctx.getPartitionedState(PENDING);
        if (pending.value() == null) {
            long at = ctx.getCurrentProcessingTime() + intervalMillis;
            ctx.registerProcessingTimeTimer(at);
            pending.update(at);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) throws Exception {
        if (time != window.maxTimestamp()) {
            return TriggerResult.CONTINUE;
        }
        cancelPending(ctx); // the final result carries what the early update would have
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) throws Exception {
        ValueState<Long> pending = ctx.getPartitionedState(PENDING);
        Long at = pending.value();
        if (at == null || at != time) {
            return TriggerResult.CONTINUE; // cancelled, or another window's timer
        }
        pending.clear();
        return TriggerResult.FIRE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
        cancelPending(ctx);
    }

    private void cancelPending(TriggerContext ctx) throws Exception {
        if (intervalMillis == 0) {
            return;
        }
        ValueState<Long> pending = ctx.getPartitionedState(PENDING);
        Long at = pending.value();
        if (at != null) {
            ctx.deleteProcessingTimeTimer(at);
            pending.clear();
        }
    }

    @Override
    public String toString() {
        return intervalMillis == 0 ? "EarlyAndFinalTrigger()" : "EarlyAndFinalTrigger(" + intervalMillis + " ms)";
    }
}
