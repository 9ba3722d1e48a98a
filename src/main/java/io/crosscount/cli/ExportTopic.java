package io.crosscount.cli;

import io.crosscount.app.CommandConfig;
import io.crosscount.app.KafkaFailures;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    /** What to export: a topic, an optional time range (epoch millis) and the Kafka client settings. */
    public record Options(String bootstrapServers, String topic, Long from, Long to, Map<String, String> clientProperties) {}

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("export: " + e.getMessage());
            System.err.println("usage: scripts/export --bootstrap-servers HOST:PORT --topic TOPIC [--from TIMESTAMP] "
                    + "[--to TIMESTAMP] [--command-config FILE]");
            System.exit(2);
            return;
        }
        try {
            long written = export(options, System.out);
            System.err.println("[crosscount] exported " + written + " records from " + options.topic());
        } catch (RuntimeException e) {
            String message = KafkaFailures.describe(e);
            if (message == null) {
                throw e;
            }
            System.err.println("export: " + message);
            System.exit(1);
        }
    }

    public static Options parse(String[] args) {
        String bootstrap = null;
        String topic = null;
        Long from = null;
        Long to = null;
        Map<String, String> client = Map.of();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = value;
                case "--topic" -> topic = value;
                case "--from" -> from = epochMillis("--from", value);
                case "--to" -> to = epochMillis("--to", value);
                case CommandConfig.OPTION -> client = CommandConfig.read(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("--topic is required");
        }
        CommandConfig.clientProperties(client, bootstrap); // fails now if there is no bootstrap server
        return new Options(bootstrap, topic, from, to, client);
    }

    private static long epochMillis(String option, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " is '" + value + "'; write an ISO-8601 time such as "
                    + "2024-01-26T00:00:00Z");
        }
    }

    /** The consumer's settings: the command config's, then committed records only and no group. */
    static Properties consumerProperties(Options options) {
        Properties props = CommandConfig.clientProperties(options.clientProperties(), options.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /** Writes the records to {@code sink} (flushed, not closed) and returns how many. */
    public static long export(Options options, OutputStream sink) throws IOException {
        String topic = options.topic();
        Long from = options.from();
        Long to = options.to();
        long written = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(options),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             OutputStream out = new BufferedOutputStream(new FilterOutputStream(sink) {
                 @Override
                 public void close() throws IOException {
                     flush(); // the caller's stream stays open
                 }
             })) {
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
        return written;
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
}
