package io.crosscount.ingest;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, with the watermark advanced on the article that moves it rather than
 * on a processing-time timer. Whether an article is late then depends only on the order articles
 * arrived in, not on how fast the job read them: a replay, {@code scripts/reconcile} and the live
 * job drop exactly the same late articles. A watermark per article that raises the maximum
 * timestamp is cheap next to extracting that article. Records without an event time (dead
 * letters, {@link ParsedRecord#NO_EVENT_TIME}) never move it.
 */
public class PerEventWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp = Long.MIN_VALUE;

    public PerEventWatermarks(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
            output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // Every watermark is emitted in onEvent.
    }
}
