package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.app.CommandConfig;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints discrepancies (and dead letters) in a readable form as they are committed. Reads with
 * {@code read_committed}, like every consumer of the job's exactly-once outputs, from the end of
 * the topics as they are when it starts, so each run shows what its own job finds.
 */
@Command(name = "scripts/watch", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
        sortOptions = false,
        description = {"Prints discrepancies and dead letters in a readable form as the job commits them "
                + "(read_committed), from the end of the topics as they are when it starts, until stopped "
                + "(Ctrl-C).", ""})
public final class WatchDiscrepancies implements Callable<Integer> {
    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--discrepancies-topic", paramLabel = "TOPIC", defaultValue = "discrepancies",
            description = "the job's discrepancies topic (default: ${DEFAULT-VALUE})")
    String discrepanciesTopic;

    @Option(names = "--dead-letters-topic", paramLabel = "TOPIC", defaultValue = "dead-letters",
            description = "the job's dead-letters topic (default: ${DEFAULT-VALUE})")
    String deadLettersTopic;

    @Spec
    CommandSpec spec;

    /** The topics to watch and the Kafka client settings. */
    public record Options(String bootstrapServers, String discrepanciesTopic, String deadLettersTopic,
                   Map<String, String> clientProperties) {}

    public static void main(String[] args) {
        Tool.main(new WatchDiscrepancies(), "scripts/watch", args);
    }

    @Override
    public Integer call() {
        Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw Tool.usageError(spec.commandLine(), e.getMessage());
        }
        watch(options, System.out, () -> true);
        return 0;
    }

    /** The options of {@code args}; a usage error throws picocli's ParameterException or IllegalArgumentException. */
    public static Options parse(String[] args) {
        return Tool.parse(new WatchDiscrepancies(), args).options();
    }

    private Options options() {
        Map<String, String> client = kafka.clientProperties();
        return new Options(kafka.bootstrapServers, discrepanciesTopic, deadLettersTopic, client);
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
