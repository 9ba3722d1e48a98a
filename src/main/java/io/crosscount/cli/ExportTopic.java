package io.crosscount.cli;

import io.crosscount.app.CommandConfig;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/export}: writes a topic's records between two times (or the whole topic) to
 * stdout as JSONL, one record value per line, reading only committed records and stopping at the
 * end offsets the topic had when the export started. Uses no consumer group.
 */
@Command(name = "scripts/export", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
        sortOptions = false,
        description = {"Writes a topic's records between two times (or all of them) to stdout as JSONL, one record "
                + "value a line, reading only committed records (read_committed) and stopping at the end the topic "
                + "had when the export started. Uses no consumer group.", ""},
        footer = {"", "TIME is ISO-8601 with its offset, e.g. 2024-01-26T00:00:00Z: the records' Kafka timestamps."})
public final class ExportTopic implements Callable<Integer> {
    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", required = true, description = "the topic to export")
    String topic;

    @Option(names = "--from", paramLabel = "TIME", converter = Tool.EpochMillis.class,
            description = "the first record stamped at or after TIME (default: the beginning)")
    Long from;

    @Option(names = "--to", paramLabel = "TIME", converter = Tool.EpochMillis.class,
            description = "stop before the first record stamped at or after TIME (default: the end)")
    Long to;

    @Spec
    CommandSpec spec;

    /** What to export: a topic, an optional time range (epoch millis) and the Kafka client settings. */
    public record Options(String bootstrapServers, String topic, Long from, Long to, Map<String, String> clientProperties) {}

    public static void main(String[] args) {
        Tool.main(new ExportTopic(), "scripts/export", args);
    }

    /** The options of {@code args}; a usage error throws picocli's ParameterException or IllegalArgumentException. */
    public static Options parse(String[] args) {
        return Tool.parse(new ExportTopic(), args).options();
    }

    private Options options() {
        Map<String, String> client = kafka.clientProperties();
        return new Options(kafka.bootstrapServers, topic, from, to, client);
    }

    @Override
    public Integer call() throws IOException {
        Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw Tool.usageError(spec.commandLine(), e.getMessage());
        }
        long written = export(options, System.out);
        System.err.println("[crosscount] exported " + written + " records from " + options.topic());
        return 0;
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
