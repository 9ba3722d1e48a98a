package io.crosscount.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test broker does what the EXACTLY_ONCE sinks rely on: transactions and read_committed. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void committedTransactionIsReadBackWithReadCommitted() {
        String topic = KafkaBrokerExtension.newTopicName("committed");
        KafkaBrokerExtension.createTopic(topic, 1);

        try (KafkaProducer<String, String> producer = transactionalProducer(topic + "-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "first"));
            producer.send(new ProducerRecord<>(topic, "k2", "second"));
            producer.send(new ProducerRecord<>(topic, "k3", "third"));
            producer.commitTransaction();
        }

        var records = KafkaBrokerExtension.consumeAll(topic, 3, TIMEOUT);

        assertThat(KafkaBrokerExtension.values(records)).containsExactly("first", "second", "third");
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("k1", "k2", "k3");
    }

    @Test
    void abortedTransactionIsNotRead() {
        String topic = KafkaBrokerExtension.newTopicName("aborted");
        KafkaBrokerExtension.createTopic(topic, 1);

        try (KafkaProducer<String, String> producer = transactionalProducer(topic + "-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "lost-1"));
            producer.send(new ProducerRecord<>(topic, "lost-2"));
            producer.flush();
            producer.abortTransaction();
            // A committed record after the aborted ones: once it is read, the consumer is past them.
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "kept"));
            producer.commitTransaction();
        }

        assertThat(KafkaBrokerExtension.values(KafkaBrokerExtension.consumeAll(topic, 1, TIMEOUT)))
                .containsExactly("kept");
        assertThat(KafkaBrokerExtension.values(
                        KafkaBrokerExtension.consumeUntilQuiet(topic, Duration.ofMillis(500), TIMEOUT)))
                .containsExactly("kept");
    }

    @Test
    void plainProduceHelpersAreReadBackInOrder() {
        String topic = KafkaBrokerExtension.newTopicName("plain");
        KafkaBrokerExtension.createTopic(topic, 1);

        KafkaBrokerExtension.produceStrings(topic, List.of("a", "b"));
        KafkaBrokerExtension.produce(topic, "key".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8));

        assertThat(KafkaBrokerExtension.values(KafkaBrokerExtension.consumeAll(topic, 3, TIMEOUT)))
                .containsExactly("a", "b", "c");
    }

    private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
