package io.crosscount.testutil;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.cli.LoadArticles;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The streaming job itself ({@link CrosscountJob#build}) on topics of its own on the test
 * broker, run until the end the input had when it started, with what it committed to read back.
 * Needs {@link KafkaBrokerExtension} and a MiniCluster.
 */
public final class StreamingJobRun {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String run;

    private StreamingJobRun(String run) {
        this.run = run;
    }

    /** Creates the five topics of a new run (one partition each). */
    public static StreamingJobRun create(String name) {
        String run = KafkaBrokerExtension.newTopicName(name);
        StreamingJobRun r = new StreamingJobRun(run);
        for (String t : List.of(r.input(), run + "-extractions", run + "-aggregates", run + "-discrepancies", run + "-dead")) {
            KafkaBrokerExtension.createTopic(t, 1);
        }
        return r;
    }

    public String input() {
        return run + "-articles";
    }

    /** Loads lines into this run's input topic. */
    public StreamingJobRun load(List<String> lines) {
        load(input(), lines);
        return this;
    }

    /** Loads lines as scripts/load-archive does: key = id, Kafka timestamp = published_at. */
    public static void load(String topic, List<String> lines) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line : lines) {
                producer.send(LoadArticles.toRecord(topic, line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Runs the job at parallelism 1 from the earliest offsets to those that are latest now. */
    public StreamingJobRun runToEnd() throws Exception {
        JobConfig config = JobConfig.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--input-topic", input(),
            "--extractions-topic", run + "-extractions", "--aggregates-topic", run + "-aggregates",
            "--discrepancies-topic", run + "-discrepancies", "--dead-letters-topic", run + "-dead",
            "--group-id", run, "--transactional-id-prefix", run, "--starting-offsets", "earliest",
            "--stopping-offsets", "latest", "--checkpoint-interval", "1 s"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CrosscountJob.build(env, config);
        env.execute("crosscount-" + run);
        return this;
    }

    /** The final aggregates the job committed, as JSON lines. */
    public Set<String> finalAggregates() {
        return committed("aggregates").stream()
                .filter(json -> read(json, Aggregate.class).isFinal())
                .collect(Collectors.toSet());
    }

    /** The discrepancies the job committed, as JSON lines. */
    public Set<String> discrepancies() {
        return Set.copyOf(committed("discrepancies"));
    }

    private List<String> committed(String output) {
        return KafkaBrokerExtension.consumeUntilQuiet(run + "-" + output, Duration.ofSeconds(2), WAIT).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
