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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The streaming job itself ({@link CrosscountJob#build}) on topics of its own on the test
 * broker, run until the end the input had when it started, with what it committed to read back.
 * Needs {@link KafkaBrokerExtension} and a MiniCluster.
 */
public final class StreamingJobRun {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String run;
    private final String input;

    private StreamingJobRun(String run, String input) {
        this.run = run;
        this.input = input;
    }

    /** Creates the five topics of a new run (one partition each). */
    public static StreamingJobRun create(String name) {
        return create(name, 1);
    }

    /** Creates the five topics of a new run, the input with {@code inputPartitions} partitions. */
    public static StreamingJobRun create(String name, int inputPartitions) {
        String run = KafkaBrokerExtension.newTopicName(name);
        StreamingJobRun r = new StreamingJobRun(run, run + "-articles");
        KafkaBrokerExtension.createTopic(r.input(), inputPartitions);
        for (String t : List.of(run + "-extractions", run + "-aggregates", run + "-discrepancies", run + "-dead")) {
            KafkaBrokerExtension.createTopic(t, 1);
        }
        return r;
    }

    /** A run reading the input topic of {@code other}, with outputs of its own. */
    public static StreamingJobRun sameInputAs(StreamingJobRun other, String name) {
        StreamingJobRun r = new StreamingJobRun(KafkaBrokerExtension.newTopicName(name), other.input());
        for (String t : List.of(r.run + "-extractions", r.run + "-aggregates", r.run + "-discrepancies", r.run + "-dead")) {
            KafkaBrokerExtension.createTopic(t, 1);
        }
        return r;
    }

    /**
     * Loads lines into the partitions {@code partitionOf} gives, each partition in the order of
     * {@code lines}, with the Kafka timestamp {@code scripts/load-archive} gives.
     */
    public StreamingJobRun load(List<String> lines, java.util.function.ToIntFunction<String> partitionOf) {
        send(input(), lines, (line, record) -> new ProducerRecord<>(record.topic(), partitionOf.applyAsInt(line),
                record.timestamp(), record.key(), record.value()));
        return this;
    }

    public String input() {
        return input;
    }

    /** Loads lines into this run's input topic. */
    public StreamingJobRun load(List<String> lines) {
        load(input(), lines);
        return this;
    }

    /**
     * Loads lines in the order given (unlike scripts/load-archive, which sorts them by publication
     * time), with its keys and timestamps: key = id, Kafka timestamp = published_at.
     */
    public static void load(String topic, List<String> lines) {
        send(topic, lines, (line, record) -> record);
    }

    /** Sends each line as {@code LoadArticles} would record it, after {@code placed} may move it. */
    private static void send(String topic, List<String> lines,
                             java.util.function.BiFunction<String, ProducerRecord<byte[], byte[]>,
                                     ProducerRecord<byte[], byte[]>> placed) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line : lines) {
                producer.send(placed.apply(line, LoadArticles.toRecord(topic, line.getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
        }
    }

    /** Runs the job at parallelism 1 from the earliest offsets to those that are latest now. */
    public StreamingJobRun runToEnd() throws Exception {
        return runToEnd(1);
    }

    /**
     * Runs the job at {@code parallelism} from the earliest offsets to those that are latest now,
     * with {@code options} added (job options such as {@code --claim-order event-time}).
     */
    public StreamingJobRun runToEnd(int parallelism, String... options) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(List.of(
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--input-topic", input(),
            "--extractions-topic", run + "-extractions", "--aggregates-topic", run + "-aggregates",
            "--discrepancies-topic", run + "-discrepancies", "--dead-letters-topic", run + "-dead",
            "--group-id", run, "--transactional-id-prefix", run, "--starting-offsets", "earliest",
            "--stopping-offsets", "latest", "--checkpoint-interval", "1 s"));
        args.addAll(List.of(options));
        JobConfig config = JobConfig.parse(args.toArray(String[]::new));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
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

    /** The dead letters the job committed. */
    public List<io.crosscount.model.DeadLetter> deadLetters() {
        return committed("dead").stream().map(json -> read(json, io.crosscount.model.DeadLetter.class)).toList();
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
