package io.crosscount.ingest;

import io.crosscount.pipeline.PipelineSettings;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The event-time strategy of the job's input: {@link ParsedRecord#eventTime()} with a watermark
 * trailing the newest article by the out-of-orderness.
 *
 * <p>Given to {@code fromSource}, the Kafka source runs one generator per partition and emits the
 * minimum, so a partition read ahead of the others (a backlog after a restart, consumer lag)
 * never makes the slower partitions' articles late. A partition with nothing to read for the
 * idleness stops holding the others back. Watermark alignment pauses a partition (and a source
 * subtask) whose event time runs more than the maximum drift ahead of the slowest one, so that
 * a backlog is read in step and window state stays small.
 */
public final class EventTime {
    /** Partitions and source subtasks of the articles topic are aligned as one group. */
    public static final String ALIGNMENT_GROUP = "crosscount-articles";
    /**
     * How often source subtasks report their watermark for alignment. Alignment also caps how fast
     * a backlog is read: Flink lets a source run at most the drift ahead of the lowest watermark
     * reported at the last update, its own included, so event time advances by at most the drift
     * per interval even in a single partition. At 1 s and a drift of 1 h a ten-day topic took
     * four minutes to read whatever its volume; at 200 ms and 6 h a month takes under 30 s.
     */
    public static final Duration ALIGNMENT_UPDATE_INTERVAL = Duration.ofMillis(200);

    private EventTime() {}

    /** The strategy of the Kafka source: per-partition watermarks, idleness and alignment. */
    public static WatermarkStrategy<ParsedRecord> forKafkaSource(PipelineSettings settings) {
        return forRecords(settings)
                .withWatermarkAlignment(ALIGNMENT_GROUP, settings.maxWatermarkDrift(), ALIGNMENT_UPDATE_INTERVAL);
    }

    /** The strategy of a single ordered input such as a file: no partitions to align. */
    public static WatermarkStrategy<ParsedRecord> forRecords(PipelineSettings settings) {
        return WatermarkStrategy
                .<ParsedRecord>forGenerator(context -> new PerEventWatermarks<>(settings.outOfOrderness()))
                .withTimestampAssigner((record, kafkaTimestamp) -> record.eventTime())
                .withIdleness(settings.idleness());
    }
}
