package io.crosscount.sink;

import java.util.Properties;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * Exactly-once Kafka sinks: each output topic is written in Kafka transactions committed on
 * Flink checkpoints, so readers with {@code isolation.level=read_committed} see every record once.
 */
public final class KafkaSinks {
    private KafkaSinks() {}

    public static <T> KafkaSink<T> exactlyOnce(String bootstrapServers, String topic, KeySelector<T, String> key,
                                               RecordTime<T> time,
                                               String transactionalIdPrefix, Properties kafkaProperties) {
        Properties producer = new Properties();
        producer.putAll(kafkaProperties);
        // Must not exceed the broker's transaction.max.timeout.ms (15 minutes by default).
        producer.putIfAbsent("transaction.timeout.ms", "600000");
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new JsonRecordSerializer<>(topic, key, time))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic)
                .build();
    }
}
