package io.crosscount.sink;

import io.crosscount.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a record as one JSON value, keyed as CONTRACT.md says for its topic. Its Kafka timestamp
 * is the event time it stands for ({@link RecordTime}), never later than the wall clock: a broker
 * with default settings refuses records more than an hour ahead of its clock
 * ({@code log.message.timestamp.after.max.ms}), and a window's end lies up to a window ahead.
 * Event time keeps replays reproducible; the clamp only ever applies to live records.
 */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final KeySelector<T, String> key;
    private final RecordTime<T> time;

    public JsonRecordSerializer(String topic, KeySelector<T, String> key, RecordTime<T> time) {
        this.topic = topic;
        this.key = key;
        this.time = time;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k;
        try {
            k = key.getKey(element);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compute the Kafka key of " + element, e);
        }
        return new ProducerRecord<>(topic, null, kafkaTimestamp(element, timestamp, System.currentTimeMillis()),
                k == null ? null : k.getBytes(StandardCharsets.UTF_8), Json.writeBytes(element));
    }

    /** The record's event time (or its Flink timestamp), at most {@code nowMillis}. */
    long kafkaTimestamp(T element, Long flinkTimestamp, long nowMillis) {
        Instant stated = time.of(element);
        long eventTime = stated != null ? stated.toEpochMilli()
                : flinkTimestamp != null && flinkTimestamp != Long.MIN_VALUE ? flinkTimestamp : nowMillis;
        return Math.min(eventTime, nowMillis);
    }
}
