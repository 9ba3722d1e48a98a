package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.app.CommandConfig;
import io.crosscount.app.KafkaFailures;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints discrepancies (and dead letters) in a readable form as they are committed. Reads with
 * {@code read_committed}, like every consumer of the job's exactly-once outputs, from the end of
 * the topics as they are when it starts, so each run shows what its own job finds.
 */
public final class WatchDiscrepancies {
    private WatchDiscrepancies() {}

    /** The topics to watch and the Kafka client settings. */
    public record Options(String bootstrapServers, String discrepanciesTopic, String deadLettersTopic,
                   Map<String, String> clientProperties) {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("watch: " + e.getMessage());
            System.err.println("usage: WatchDiscrepancies --bootstrap-servers HOST:PORT "
                    + "[--discrepancies-topic T] [--dead-letters-topic T] [--command-config FILE]");
            System.exit(2);
            return;
        }
        try {
            watch(options, System.out, () -> true);
        } catch (RuntimeException e) {
            String message = KafkaFailures.describe(e);
            if (message == null) {
                throw e;
            }
            System.err.println("watch: " + message);
            System.exit(1);
        }
    }

    /**
     * Prints what is committed to the two topics after the call, to {@code out}, until
     * {@code keepWatching} says false (checked every half second; {@code main} never stops).
     */
    public static void watch(Options options, PrintStream out, BooleanSupplier keepWatching) {
        String discrepancies = options.discrepanciesTopic();
        String deadLetters = options.deadLettersTopic();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(options),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(discrepancies, deadLetters).stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            out.println("Watching " + discrepancies + " and " + deadLetters + " (Ctrl-C stops)...");
            while (keepWatching.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(r.topic().equals(discrepancies) ? describeDiscrepancy(r.value())
                            : describeDeadLetter(r.value()));
                }
            }
        }
    }

    public static Options parse(String[] args) {
        String bootstrap = null;
        String discrepancies = "discrepancies";
        String deadLetters = "dead-letters";
        Map<String, String> client = Map.of();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = value;
                case "--discrepancies-topic" -> discrepancies = value;
                case "--dead-letters-topic" -> deadLetters = value;
                case CommandConfig.OPTION -> client = CommandConfig.read(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CommandConfig.clientProperties(client, bootstrap); // fails now if there is no bootstrap server
        return new Options(bootstrap, discrepancies, deadLetters, client);
    }

    /** The consumer's settings: the command config's, then committed records only and no group. */
    static Properties consumerProperties(Options options) {
        Properties props = CommandConfig.clientProperties(options.clientProperties(), options.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /** A daily window by its date; any other by its start and end. */
    static String window(String start, String end) {
        return start.endsWith("T00:00:00Z") && end.endsWith("T00:00:00Z") ? start.substring(0, 10) : start + " .. " + end;
    }

    static String describeDiscrepancy(byte[] value) {
        try {
            JsonNode d = Json.MAPPER.readTree(value);
            StringBuilder sb = new StringBuilder();
            boolean resolved = "resolved".equals(d.path("status").asText());
            sb.append(String.format("%n%s %-10s %-6s window %s%n  %s%n", resolved ? "RESOLVED" : "DISCREPANCY",
                    d.path("kind").asText().toUpperCase(), d.path("severity").asText(),
                    window(d.path("window_start").asText(), d.path("window_end").asText()),
                    resolved ? d.path("resolution").asText() + " (was: " + d.path("explanation").asText() + ")"
                            : d.path("explanation").asText() + likelyCause(d)));
            for (JsonNode c : d.path("claims")) {
                sb.append(String.format("  - %-22s %-10s [%s .. %s]  \"%s\"  (%s, %s)%n", c.path("source").asText(),
                        c.path("qualifier").asText(), c.path("low").asText(),
                        c.path("high").isNull() ? "" : c.path("high").asText(), c.path("text").asText(),
                        c.path("url").isTextual() ? c.path("url").asText() : c.path("article_id").asText(),
                        c.path("published_at").asText()));
            }
            return sb.toString().stripTrailing();
        } catch (IOException e) {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static String likelyCause(JsonNode d) {
        String cause = d.path("cause").asText("");
        return cause.isEmpty() || cause.equals("unexplained") ? "" : " Likely cause: " + cause.replace('_', ' ') + ".";
    }

    static String describeDeadLetter(byte[] value) {
        try {
            JsonNode d = Json.MAPPER.readTree(value);
            return String.format("%nDEAD LETTER %s (offset %s): %s", d.path("reason").asText(),
                    d.path("offset").asText(), d.path("detail").asText());
        } catch (IOException e) {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
