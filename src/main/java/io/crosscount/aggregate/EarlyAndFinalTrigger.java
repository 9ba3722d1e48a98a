package io.crosscount.aggregate;

import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires on every claim (an early update: readers see the figures as they arrive) and once more
 * when the watermark passes the window's end (the final result). Late claims within the allowed
 * lateness fire again, as a revised final result.
 */
public class EarlyAndFinalTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            // Not for late claims: their window's timer has fired already and would fire twice.
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "EarlyAndFinalTrigger()";
    }
}
