package io.crosscount.sink;

import io.crosscount.json.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a record as one JSON value, keyed as CONTRACT.md says for its topic. */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final KeySelector<T, String> key;

    public JsonRecordSerializer(String topic, KeySelector<T, String> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k;
        try {
            k = key.getKey(element);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compute the Kafka key of " + element, e);
        }
        return new ProducerRecord<>(topic, null, timestamp,
                k == null ? null : k.getBytes(StandardCharsets.UTF_8), Json.writeBytes(element));
    }
}
