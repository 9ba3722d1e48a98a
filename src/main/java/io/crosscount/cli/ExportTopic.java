package io.crosscount.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code scripts/export}: writes a topic's records between two times (or the whole topic) to
 * stdout as JSONL, one record value per line, reading only committed records and stopping at the
 * end offsets the topic had when the export started. Uses no consumer group.
 */
public final class ExportTopic {
    private ExportTopic() {}

    public static void main(String[] args) throws IOException {
        String bootstrap = null;
        String topic = null;
        Long from = null;
        Long to = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[i + 1];
                case "--topic" -> topic = args[i + 1];
                case "--from" -> from = OffsetDateTime.parse(args[i + 1]).toInstant().toEpochMilli();
                case "--to" -> to = OffsetDateTime.parse(args[i + 1]).toInstant().toEpochMilli();
                default -> usage();
            }
        }
        if (bootstrap == null || topic == null || args.length % 2 != 0) {
            usage();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long written = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             OutputStream out = new BufferedOutputStream(System.out)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> stops = new HashMap<>(consumer.endOffsets(partitions));
            if (to != null) {
                stops.putAll(offsetsForTime(consumer, partitions, to, stops));
            }
            if (from != null) {
                offsetsForTime(consumer, partitions, from, consumer.endOffsets(partitions)).forEach(consumer::seek);
            } else {
                consumer.seekToBeginning(partitions);
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < stops.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < stops.get(new TopicPartition(r.topic(), r.partition())) && r.value() != null) {
                        out.write(r.value());
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        System.err.println("[crosscount] exported " + written + " records from " + topic);
    }

    private static Map<TopicPartition, Long> offsetsForTime(KafkaConsumer<byte[], byte[]> consumer,
                                                            List<TopicPartition> partitions, long time,
                                                            Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        partitions.forEach(p -> offsets.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
        return offsets;
    }

    private static void usage() {
        System.err.println("usage: scripts/export --bootstrap-servers HOST:PORT --topic TOPIC [--from TIMESTAMP] [--to TIMESTAMP]");
        System.exit(2);
    }
}
