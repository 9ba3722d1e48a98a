package io.crosscount.aggregate;

import io.crosscount.pipeline.Pipeline;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Keeps event time across a restore. Flink checkpoints Kafka offsets, not the watermark: after a
 * restart the source's watermark starts again from nothing, and until it has caught up, a claim
 * for a window the job had already closed and purged would open that window again, with its
 * sources reduced to that one claim, and send a "final" aggregate that replaces the true one.
 *
 * <p>This operator checkpoints the watermark it has seen (the lowest over its subtasks is
 * restored, so a rescaled job is never stricter than before) and, while the watermark is below
 * it, sends claims whose every window was already closed for good (its end plus the allowed
 * lateness passed) to {@link Pipeline#LATE_CLAIMS}, as the window would have before the failure.
 * Once the watermark has caught up, the window operator judges lateness itself.
 */
public class RestoredWatermark extends ProcessFunction<ClaimEvent, ClaimEvent> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final long windowSizeMillis;
    private final long windowSlideMillis;
    private final long allowedLatenessMillis;

    private transient ListState<Long> checkpointed;
    /** The watermark restored from the last checkpoint: claims of windows closed before it are late. */
    private transient long restored;
    /** The highest watermark this subtask has seen, kept at the next checkpoint. */
    private transient long seen;

    public RestoredWatermark(Duration windowSize, Duration windowSlide, Duration allowedLateness) {
        this.windowSizeMillis = windowSize.toMillis();
        this.windowSlideMillis = windowSlide.toMillis();
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointed = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("restored-watermark", Types.LONG));
        restored = Long.MIN_VALUE;
        seen = Long.MIN_VALUE;
        if (context.isRestored()) {
            List<Long> watermarks = new java.util.ArrayList<>();
            checkpointed.get().forEach(watermarks::add);
            restored = watermarks.stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
            seen = restored;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.update(List.of(seen));
    }

    @Override
    public void processElement(ClaimEvent claim, Context ctx, Collector<ClaimEvent> out) {
        long watermark = ctx.timerService().currentWatermark();
        seen = Math.max(seen, watermark);
        Long timestamp = ctx.timestamp();
        if (watermark < restored && timestamp != null && closedBefore(timestamp, restored)) {
            ctx.output(Pipeline.LATE_CLAIMS, claim);
            return;
        }
        out.collect(claim);
    }

    /** Whether every window holding {@code timestamp} had closed for good at {@code watermark}. */
    boolean closedBefore(long timestamp, long watermark) {
        // The last window to hold a timestamp is the one starting at the latest slide boundary.
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, 0, windowSlideMillis);
        long lastWindowMaxTimestamp = lastStart + windowSizeMillis - 1;
        return lastWindowMaxTimestamp + allowedLatenessMillis <= watermark;
    }
}
