package io.crosscount.cli;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.app.CommandConfig;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code scripts/replay}: the live pipeline over a bounded range of an articles topic, by
 * publication time (the Kafka timestamps {@code scripts/load-archive} sets), into JSONL files or
 * into output topics of the replay's own. It uses its own consumer group and commits nothing the
 * live job reads, shows progress and exits when the range is done.
 */
@Command(name = "scripts/replay", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
        sortOptions = false,
        description = {"Replays a range of an articles topic through the pipeline (the streaming job's operators, in "
                + "a local Flink runtime) into JSONL files (--out) or topics of its own (--output-prefix), with "
                + "progress, and exits when the range is done. It uses its own consumer group and commits nothing "
                + "the live job reads.", ""},
        footer = {"", "TIME is ISO-8601 (2024-01-26T00:00:00Z), a publication time: the replay keeps the articles "
                + "published from --from (inclusive) to --to (exclusive), whatever their order in the topic. It reads "
                + "from the records stamped --max-future-publication (1 d) before --from to the end of the topic. "
                + "Offsets are taken as they are.",
            "A replay orders each key's claims by publication time (--claim-order event-time, its default): it finds "
                + "the same discrepancies at any parallelism and whatever the order of the topic, as reconcile does. "
                + "--claim-order arrival reproduces the live job's arrival-order early updates.",
            "",
            "Job options (those of the streaming job; window size, tolerance...):"})
public final class ReplayCli implements Callable<Integer> {
    /** The output topics of the job, by the names of their options and default topics. */
    private static final List<String> OUTPUTS = List.of("extractions", "aggregates", "discrepancies", "dead-letters");

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (or bootstrap.servers in the --command-config file)")
    String bootstrapServers;

    @Option(names = {"--topic", "--input-topic"}, paramLabel = "TOPIC", defaultValue = "articles",
            description = "the articles topic to read (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--from", paramLabel = "earliest|TIME|offsets:P=O,...", defaultValue = "earliest",
            description = "where the range starts (default: ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--to", paramLabel = "latest|TIME|offsets:P=O,...", defaultValue = "latest",
            description = "where the range ends (default: ${DEFAULT-VALUE})")
    String to;

    @ArgGroup(multiplicity = "1")
    Destination destination;

    /** Exactly one of the two destinations. */
    static final class Destination {
        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "write extractions, aggregates, discrepancies and dead-letters JSONL files into DIR")
        Path outDir;

        @Option(names = "--output-prefix", paramLabel = "PREFIX", required = true,
                description = "write PREFIX<topic> topics (created if missing); a prefix that is empty or names a "
                        + "live topic is refused")
        String outputPrefix;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "the replay's name: its consumer group is "
            + "crosscount-NAME (default: replay-<the time now>)")
    String name;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "the replay's parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = CommandConfig.OPTION, paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*...) for the replay's job and "
                    + "its own clients")
    Path commandConfig;

    @Unmatched
    List<String> jobOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** The range and destination of one replay. */
    public record Request(String fromSpec, String toSpec, Path outDir, String outputPrefix, String name, int parallelism,
                          JobConfig job) {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a replay as the command does and returns its exit status (0: done, 1: failed, 2: a usage error). */
    public static int run(String[] args) {
        CommandLine cli = Tool.commandLine(new ReplayCli(), "scripts/replay", System.out, System.err);
        // The job's options follow the replay's own in --help.
        List<String> footer = new ArrayList<>(List.of(cli.getCommandSpec().usageMessage().footer()));
        JobConfig.usage().lines().skip(1).map(line -> line.replace("%", "%%")).forEach(footer::add);
        cli.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Request request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            throw Tool.usageError(spec.commandLine(), e.getMessage());
        }
        long total = recordsInRange(request.job());
        System.err.printf(Locale.ROOT, "[replay] %s: %d records of %s to read for the range %s to %s%n",
                request.name(), total, request.job().inputTopic(), request.fromSpec(), request.toSpec());
        if (request.outDir() != null) {
            replayToFiles(request.job(), request.outDir(), total, request.parallelism());
        } else {
            replayToTopics(request.job(), request.name(), request.parallelism());
        }
        return 0;
    }

    /** The request of {@code args}; a usage error throws picocli's ParameterException or IllegalArgumentException. */
    public static Request parse(String[] args) {
        return Tool.parse(new ReplayCli(), args).request();
    }

    private Request request() {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism is " + parallelism + "; give 1 or more");
        }
        String replayName = name != null ? name
                : "replay-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14);
        Path out = destination.outDir;
        String prefix = destination.outputPrefix;
        List<String> jobArgs = new ArrayList<>(jobOptions);
        if (bootstrapServers != null) {
            jobArgs.addAll(List.of("--bootstrap-servers", bootstrapServers));
        }
        if (commandConfig != null) {
            jobArgs.addAll(List.of(CommandConfig.OPTION, commandConfig.toString()));
        }
        jobArgs.addAll(List.of("--input-topic", topic));
        // A topic is in arrival order, not publication order: a range by time starts early enough
        // to meet every article published in it and keeps those (see byPublicationTime).
        Duration lookBack = JobConfig.parse(jobArgs.toArray(String[]::new)).pipeline().maxFuturePublication();
        jobArgs.addAll(byPublicationTime(from, to, lookBack));
        // An audit is only as good as it is reproducible, and a bounded run loses no latency by
        // waiting for the watermark: claims go to their windows in publication order.
        if (jobArgs.stream().noneMatch(a -> a.equals("--claim-order") || a.startsWith("--claim-order="))) {
            jobArgs.addAll(List.of("--claim-order", "event-time"));
        }
        if (!jobArgs.contains("--group-id")) {
            jobArgs.addAll(List.of("--group-id", "crosscount-" + replayName));
        }
        // The job's default transactional id prefix derives from this group and the outputs: the
        // replay's own.
        if (prefix != null) {
            for (String output : OUTPUTS) {
                if (!jobArgs.contains("--" + output + "-topic")) {
                    jobArgs.addAll(List.of("--" + output + "-topic", prefix + output));
                }
            }
        }
        // A replay that writes the store writes a schema of its own, named after the replay.
        boolean store = jobArgs.stream().anyMatch(a -> a.startsWith("--postgres-url") || a.startsWith("--postgres-config"));
        if (store && jobArgs.stream().noneMatch(a -> a.startsWith("--postgres-schema"))) {
            jobArgs.addAll(List.of("--postgres-schema", replaySchema(replayName)));
        }
        JobConfig job = JobConfig.parse(jobArgs.toArray(String[]::new));
        if (prefix != null) {
            refuseLiveTopics(prefix, job);
        }
        if (job.postgres() != null && job.postgres().schema().equals(io.crosscount.store.PostgresStore.DEFAULT_SCHEMA)) {
            throw new IllegalArgumentException("the replay would write the live PostgreSQL schema "
                    + job.postgres().schema() + "; leave --postgres-schema out (the replay then writes "
                    + replaySchema(replayName) + ") or give a schema of its own");
        }
        return new Request(from, to, out, prefix, replayName, parallelism, job);
    }

    /** The store schema of a replay: {@code replay_} and its name in lower case, letters, digits and underscores. */
    static String replaySchema(String name) {
        String schema = "replay_" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return schema.length() > 63 ? schema.substring(0, 63) : schema;
    }

    /**
     * A replay into topics writes topics of its own, never the live ones: it refuses an empty
     * prefix, and any output topic named like a live topic (the default topics, or the input topic it
     * reads).
     */
    static void refuseLiveTopics(String prefix, JobConfig job) {
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("--output-prefix is empty: the replay would write the live topics "
                    + String.join(", ", OUTPUTS) + ". Give a prefix of its own, e.g. --output-prefix rebuilt-");
        }
        Set<String> live = new LinkedHashSet<>(List.of("articles"));
        live.addAll(OUTPUTS);
        live.add(job.inputTopic());
        for (String topic : List.of(job.extractionsTopic(), job.aggregatesTopic(), job.discrepanciesTopic(),
                job.deadLettersTopic())) {
            if (live.contains(topic)) {
                throw new IllegalArgumentException("the replay would write " + topic + ", a live topic (live topics: "
                        + String.join(", ", live) + "); a replay writes topics of its own. Give an --output-prefix "
                        + "whose topics are none of them, e.g. --output-prefix rebuilt-");
            }
        }
    }

    /**
     * The job options of a range. Offsets are taken as they are. A time range reads from the first
     * record stamped at or after {@code from - lookBack} to the end of the topic as it is when the
     * replay starts, and keeps the articles whose {@code published_at} lies in the range, whatever
     * their order. It is exact: every record before that start was stamped more than
     * {@code lookBack} (the job's --max-future-publication) before {@code from}, and an article
     * dated that far ahead of its arrival is refused by the live job too.
     */
    static List<String> byPublicationTime(String from, String to, Duration lookBack) {
        String start = offsetSpec(from, "earliest", "--from");
        String stop = offsetSpec(to, "latest", "--to");
        List<String> args = new ArrayList<>();
        if (start.startsWith("timestamp:")) {
            long fromMillis = Long.parseLong(start.substring("timestamp:".length()));
            args.addAll(List.of("--published-from", Instant.ofEpochMilli(fromMillis).toString()));
            start = "timestamp:" + Math.max(0, fromMillis - lookBack.toMillis());
        }
        if (stop.startsWith("timestamp:")) {
            args.addAll(List.of("--published-to",
                    Instant.ofEpochMilli(Long.parseLong(stop.substring("timestamp:".length()))).toString()));
            stop = "latest";
        }
        args.addAll(List.of("--starting-offsets", start, "--stopping-offsets", stop));
        return args;
    }

    private static String offsetSpec(String spec, String open, String option) {
        if (spec == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        if (spec.equals(open)) {
            return open;
        }
        if (spec.matches("offsets:\\d+=\\d+(,\\d+=\\d+)*")) {
            return spec;
        }
        try {
            return "timestamp:" + OffsetDateTime.parse(spec).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " is '" + spec + "'; use " + open
                    + ", an ISO-8601 timestamp such as 2024-01-26T00:00:00Z, or offsets:<partition>=<offset>,...");
        }
    }

    /** The first offset of the range in each partition of the input topic. */
    private static Map<TopicPartition, Long> rangeStarts(JobConfig job) {
        return range(job).starts();
    }

    /** How many records the replay reads (a time range keeps a part of them), for progress. */
    public static long recordsInRange(JobConfig job) {
        Range range = range(job);
        long total = 0;
        for (Map.Entry<TopicPartition, Long> start : range.starts().entrySet()) {
            total += Math.max(0, range.stops().get(start.getKey()) - start.getValue());
        }
        return total;
    }

    /** Where the replay starts and stops in each partition. */
    private record Range(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> stops) {}

    private static Range range(JobConfig job) {
        Properties props = new Properties();
        props.putAll(job.kafkaProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, job.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(job.inputTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            return new Range(
                    offsetsAt(consumer, partitions, job.startingOffsets(), consumer.beginningOffsets(partitions), ends),
                    offsetsAt(consumer, partitions, job.stoppingOffsets(), ends, ends));
        }
    }

    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer,
                                                       List<TopicPartition> partitions, String spec,
                                                       Map<TopicPartition, Long> open, Map<TopicPartition, Long> ends) {
        if (spec != null && spec.startsWith("offsets:")) {
            Map<TopicPartition, Long> result = new HashMap<>(open);
            result.putAll(CrosscountJob.partitionOffsets(spec, partitions.get(0).topic()));
            return result;
        }
        if (spec == null || !spec.startsWith("timestamp:")) {
            return open;
        }
        long ts = Long.parseLong(spec.substring("timestamp:".length()));
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, ts));
        Map<TopicPartition, Long> result = new HashMap<>();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp o = found.get(p);
            result.put(p, o == null ? ends.get(p) : o.offset());
        }
        return result;
    }

    public static void replayToFiles(JobConfig job, Path outDir, long total, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<ParsedRecord> raw = CrosscountJob.readArticles(env, job);
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        long[] lastPrint = {started};
        var counts = ReconcileCli.writeJsonl(Pipeline.define(raw, job.pipeline()), outDir, "crosscount-replay", line -> {
            if (line.output == ReconcileCli.Output.EXTRACTIONS || line.output == ReconcileCli.Output.DEAD_LETTERS) {
                done.incrementAndGet();
            }
            long now = System.nanoTime();
            if (now - lastPrint[0] > Duration.ofSeconds(1).toNanos()) {
                lastPrint[0] = now;
                printProgress(done.get(), total, now - started);
            }
        });
        printProgress(done.get(), total, System.nanoTime() - started);
        counts.forEach((output, n) -> System.out.println(outDir.resolve(output.fileName) + ": " + n + " records"));
    }

    private static void printProgress(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round(Math.max(0, total - done) / rate) : -1;
        System.err.printf(Locale.ROOT, "[replay] %,d / %,d records (%.0f%%), %,.0f records/s, ETA %s%n", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, eta < 0 ? "?" : eta + " s");
    }

    static void replayToTopics(JobConfig job, String name, int parallelism) throws Exception {
        Properties admin = new Properties();
        admin.putAll(job.kafkaProperties());
        admin.put("bootstrap.servers", job.bootstrapServers());
        try (org.apache.kafka.clients.admin.Admin client = org.apache.kafka.clients.admin.Admin.create(admin)) {
            var existing = client.listTopics().names().get();
            List<org.apache.kafka.clients.admin.NewTopic> missing = new ArrayList<>();
            for (String t : List.of(job.extractionsTopic(), job.aggregatesTopic(), job.discrepanciesTopic(),
                    job.deadLettersTopic())) {
                if (!existing.contains(t)) {
                    // Outputs carry the event time of what they report, possibly years ago: a
                    // replay's topics keep them (a topic setting; the broker keeps its defaults).
                    missing.add(new org.apache.kafka.clients.admin.NewTopic(t, java.util.Optional.empty(),
                            java.util.Optional.empty()).configs(Map.of("retention.ms", "-1")));
                }
            }
            client.createTopics(missing).all().get();
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        CrosscountJob.build(env, job);
        long started = System.nanoTime();
        long total = recordsInRange(job);
        Map<TopicPartition, Long> rangeStart = rangeStarts(job);
        org.apache.flink.core.execution.JobClient client = env.executeAsync("crosscount-" + name);
        // Progress from the offsets the job commits to its own group at each checkpoint.
        try (org.apache.kafka.clients.admin.Admin watcher = org.apache.kafka.clients.admin.Admin.create(admin)) {
            while (!client.getJobExecutionResult().isDone()) {
                Thread.sleep(2000);
                long done = 0;
                var committed = watcher.listConsumerGroupOffsets(job.groupId()).partitionsToOffsetAndMetadata().get();
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && rangeStart.containsKey(e.getKey())) {
                        done += Math.max(0, e.getValue().offset() - rangeStart.get(e.getKey()));
                    }
                }
                printProgress(Math.min(done, total), total, System.nanoTime() - started);
            }
        }
        client.getJobExecutionResult().get();
        printProgress(total, total, System.nanoTime() - started);
        System.err.printf(Locale.ROOT, "[replay] done in %.1f s; outputs in %s, %s, %s, %s%n",
                (System.nanoTime() - started) / 1e9, job.extractionsTopic(), job.aggregatesTopic(),
                job.discrepanciesTopic(), job.deadLettersTopic());
    }
}
