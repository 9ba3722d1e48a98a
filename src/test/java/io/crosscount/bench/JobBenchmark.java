package io.crosscount.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.cli.LoadArticles;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code scripts/bench-job} (issue #15): the whole job's throughput against its ceiling, on one
 * machine, in one JVM. The script loads an archive into a topic; this harness then runs, each in
 * a local Flink runtime at the same parallelism:
 * <ol start="0">
 *   <li>warm-up, untimed: rounds of the full job over the archive's first articles on a topic of
 *   their own, for {@code --warm-up-seconds}. The JIT compiles the extractor's rules during a
 *   new JVM's first minute (C2 alone took 85 CPU seconds in one run), which a run of ten
 *   thousand articles would otherwise mostly measure; a deployed job runs for days, in the
 *   steady state measured after it. Each round's rate is printed: what a job does right after
 *   a start;</li>
 *   <li>read-and-parse, the ceiling: the job's own Kafka source and deserializer
 *   ({@link CrosscountJob#readArticles}) from the earliest to the latest offsets, into a
 *   discarding sink;</li>
 *   <li>the full job ({@link CrosscountJob#build}) over the same offsets into fresh output topics
 *   with its exactly-once sinks (the run ends with the final checkpoint's commit);</li>
 *   <li>latency: the full job unbounded on a fresh topic while a producer appends articles at
 *   half the full job's measured rate; a read_committed consumer of the extractions topic notes
 *   when each article's extraction becomes visible. Latency is that moment minus the producer's
 *   acknowledgement of the article. Outputs are committed at checkpoints, so it follows the
 *   checkpoint interval.</li>
 * </ol>
 * Throughput is the job's net runtime (submission to end, {@link JobExecutionResult#getNetRuntime}),
 * MB/s counts the articles' JSON bytes. It exits 1 when any figure could not be measured.
 */
public final class JobBenchmark {
    private static final String RECORDS = "records";
    private static final double MB = 1_000_000.0;
    /**
     * The bounded phases' watermark drift: more than any archive spans, so alignment never pauses
     * a partition and cannot meet FLINK-39728 (see {@link #retried}). On a backlog in publication
     * order alignment costs nothing else: at 6 h and 200 ms a week of news is at most 6 s of pauses.
     */
    static final String BOUNDED_DRIFT = "3650 d";

    /** What to run on. */
    record Options(String bootstrap, String topic, Path archive, int parallelism, int partitions,
                   String checkpointInterval, String earlyUpdates, Duration latencyRun, String runId, Path checkpointDir,
                   int warmUpSeconds) {}

    /** An archive's articles: count, JSON bytes, languages. */
    record Archive(long articles, long bytes, Set<String> languages) {
        double meanKb() {
            return articles == 0 ? 0 : bytes / 1000.0 / articles;
        }
    }

    /** A bounded run: how many records in how long. */
    record Throughput(long articles, long bytes, long millis) {
        double perSecond() {
            return articles * 1000.0 / millis;
        }

        double mbPerSecond() {
            return bytes / MB * 1000.0 / millis;
        }
    }

    /** The latency phase: per article appended, ms from acknowledgement to visible extraction; null when never visible. */
    record Latencies(List<Long> millis, int sent, double rate, long seconds) {
        int visible() {
            return (int) millis.stream().filter(java.util.Objects::nonNull).count();
        }

        /**
         * The p-th percentile over every article sent, an article never visible counting as
         * infinitely late: null when the percentile falls on one.
         */
        Long percentile(int p) {
            if (millis.isEmpty()) {
                return null;
            }
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    private JobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Archive archive = readArchive(options.archive());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s (%s), max heap %d MB, %s %s%n",
                rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), rt.maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.version"));
        System.out.printf(Locale.ROOT, "parameters: %d articles (%d languages: %s; %.1f KB mean, %.1f MB in all), "
                        + "topic %s with %d partitions, parallelism %d, checkpoint interval %s, latency run %d s, max watermark drift "
                        + BOUNDED_DRIFT + " in the bounded runs (FLINK-39728)%n",
                archive.articles(), archive.languages().size(), String.join(",", archive.languages()),
                archive.meanKb(), archive.bytes() / MB, options.topic(), options.partitions(), options.parallelism(),
                options.checkpointInterval(), options.latencyRun().toSeconds());
        List<String> problems = new ArrayList<>();
        startRuntime(options);
        try {
            if (options.warmUpSeconds() > 0) {
                warmUpTheJit(options);
            }
            Throughput ceiling = retried("read-and-parse", attempt -> readAndParse(options, archive, attempt));
            System.out.println(describe("read-and-parse", ceiling));
            if (ceiling.articles() != archive.articles()) {
                problems.add("read-and-parse read " + ceiling.articles() + " records, the topic holds "
                        + archive.articles());
            }

            Map<String, Long> committed = new LinkedHashMap<>();
            AtomicReference<CheckpointWatch.Seen> checkpoints = new AtomicReference<>();
            Throughput full = retried("full job", attempt -> fullJob(options, archive, committed, checkpoints, attempt));
            System.out.println(describe("full job (exactly-once sinks)", full) + String.format(Locale.ROOT,
                    "; committed %d extractions, %d dead letters", committed.get("extractions"),
                    committed.get("dead-letters")));
            // What the job writes per article read: the outputs' committed records and JSON bytes.
            System.out.printf(Locale.ROOT, "outputs committed: extractions %d (%.1f MB), aggregates %d (%.1f MB), "
                            + "discrepancies %d (%.1f MB), dead letters %d (%.1f MB)%n",
                    committed.get("extractions"), committed.get("extractions bytes") / MB,
                    committed.get("aggregates"), committed.get("aggregates bytes") / MB,
                    committed.get("discrepancies"), committed.get("discrepancies bytes") / MB,
                    committed.get("dead-letters"), committed.get("dead-letters bytes") / MB);
            if (committed.get("extractions") == 0) {
                problems.add("the full job committed no extraction");
            }
            // Not a failure when missing: a small run may end before its first checkpoint.
            CheckpointWatch.Seen seen = checkpoints.get();
            CheckpointWatch.Checkpoint last = seen.lastWhileReading(archive.articles());
            if (last == null) {
                System.out.printf(Locale.ROOT, "state: not measured, no checkpoint completed while the input was read "
                        + "(%d completed, %d failed)%n", seen.completed().size(), seen.failed());
            } else {
                System.out.println(CheckpointWatch.stateLine(last,
                        committed.get("claims") / (double) Math.max(1, archive.articles())));
                System.out.println(CheckpointWatch.operatorsLine(last) + String.format(Locale.ROOT,
                        " (checkpoints: %d completed, %d failed)", seen.completed().size(), seen.failed()));
            }
            double ratio = full.perSecond() / ceiling.perSecond();
            System.out.printf(Locale.ROOT, "ratio (full / read-and-parse): %.2f%n", ratio);

            double rate = Math.max(1, Math.floor(full.perSecond() / 2));
            Latencies latencies = latency(options, rate);
            Long p50 = latencies.percentile(50);
            Long p99 = latencies.percentile(99);
            System.out.printf(Locale.ROOT, "latency, append to committed extraction (checkpoint interval %s): %d articles "
                            + "appended at %.0f/s for %d s, %d visible: p50 %s, p99 %s%n",
                    options.checkpointInterval(), latencies.sent(), latencies.rate(), latencies.seconds(),
                    latencies.visible(), ms(p50), ms(p99));
            if (p50 == null || p99 == null) {
                problems.add("latency: " + (latencies.sent() - latencies.visible()) + " of " + latencies.sent()
                        + " articles never became visible, p50/p99 not measured");
            }
            if (!(ceiling.perSecond() > 0) || !(full.perSecond() > 0) || !Double.isFinite(ratio)) {
                problems.add("a throughput could not be measured");
            }
            for (String problem : problems) {
                System.out.println("bench-job: FAILED: " + problem);
            }
            System.out.println(lastLine(full, ceiling));
        } catch (Exception e) {
            e.printStackTrace();
            System.out.println("bench-job: FAILED: " + e);
            runtime.close();
            System.exit(1); // the runtime's and clients' threads must not keep the JVM alive
        }
        runtime.close();
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** The required last line: {@code bench-job: full N/s, read-and-parse M/s, ratio R}. */
    static String lastLine(Throughput full, Throughput ceiling) {
        return String.format(Locale.ROOT, "bench-job: full %.0f/s, read-and-parse %.0f/s, ratio %.2f",
                full.perSecond(), ceiling.perSecond(), full.perSecond() / ceiling.perSecond());
    }

    static String describe(String phase, Throughput t) {
        return String.format(Locale.ROOT, "%s: %d articles, %.1f MB in %.1f s: %.0f articles/s, %.2f MB/s", phase,
                t.articles(), t.bytes() / MB, t.millis() / 1000.0, t.perSecond(), t.mbPerSecond());
    }

    private static String ms(Long value) {
        return value == null ? "not measured" : value + " ms";
    }

    /** A bounded run, from scratch on topics of its own. */
    interface BoundedRun {
        Throughput run(int attempt) throws Exception;
    }

    /**
     * Runs a bounded phase, once more (at most twice) when it failed on FLINK-39728: in
     * flink-connector-kafka 5.0.0-2.2 watermark alignment may pause a partition whose split has
     * just finished, and the Kafka consumer throws "No current assignment for partition". A
     * bounded run with several partitions meets it now and then; the job restarts from its
     * checkpoint, a benchmark run restarts from the beginning. Fixed upstream by
     * apache/flink-connector-kafka#257.
     */
    static Throughput retried(String phase, BoundedRun run) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return run.run(attempt);
            } catch (Exception e) {
                if (attempt >= 3 || !isFinishedSplitRace(e)) {
                    throw e;
                }
                System.out.printf(Locale.ROOT, "%s: attempt %d failed on FLINK-39728 (a finished split paused by "
                        + "watermark alignment); running it again from the beginning%n", phase, attempt);
            }
        }
    }

    static boolean isFinishedSplitRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("No current assignment for partition")) {
                return true;
            }
        }
        return false;
    }

    // --- (0) warm-up --------------------------------------------------------------------------------

    /** Articles per warm-up round: the archive's first, on a topic of their own. */
    static final int WARM_UP_ARTICLES = 3_000;
    static final int MIN_WARM_UP_ROUNDS = 2;

    /**
     * Rounds of the full job over the warm-up topic until {@link Options#warmUpSeconds} have
     * passed, and at least {@link #MIN_WARM_UP_ROUNDS}. On two cores the C2 compiler's queue holds
     * the extractor's large methods for most of a minute: the first rounds run largely
     * interpreted (on these machines about 200 articles/s in the first, 900-1,100 from the fifth).
     * Each round prints its rate and how long the JIT compiled in it. It never goes fully quiet
     * in rounds this short: each job's start and end run Flink's and Kafka's setup code once, and
     * round after round more of it reaches the compile thresholds (in one run of rounds 6-9, over
     * 3,000 compilations, four fifths of them Flink, Kafka and JDK methods).
     */
    private static void warmUpTheJit(Options o) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        String input = o.runId() + "-warm-up-articles";
        long[] loaded = loadWarmUpArticles(o, input);
        long until = System.nanoTime() + o.warmUpSeconds() * 1_000_000_000L;
        for (int round = 1; round <= MIN_WARM_UP_ROUNDS || System.nanoTime() < until; round++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long wallBefore = System.nanoTime();
            int r = round;
            Throughput warm = retried("warm-up", attempt -> warmUpRound(o, input, loaded, r, attempt));
            System.out.println(describe("warm-up round " + round + " (untimed)", warm)
                    + String.format(Locale.ROOT, "; JIT compiler threads busy %.1f s (summed) in the round's %.1f s",
                            (jit.getTotalCompilationTime() - compiledBefore) / 1e3,
                            (System.nanoTime() - wallBefore) / 1e9));
        }
    }

    /**
     * The archive's first {@link #WARM_UP_ARTICLES} articles onto topic {@code input}, once for
     * all rounds: their count and JSON bytes. A failed send fails the benchmark rather than
     * leaving the warm-up short.
     */
    private static long[] loadWarmUpArticles(Options o, String input) throws Exception {
        createTopics(o, List.of(input), o.partitions());
        long count = 0;
        long bytes = 0;
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(o.bootstrap());
             BufferedReader in = Files.newBufferedReader(o.archive(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && count < WARM_UP_ARTICLES; line = in.readLine()) {
                if (!line.isBlank()) {
                    byte[] value = line.getBytes(StandardCharsets.UTF_8);
                    bytes += value.length;
                    count++;
                    sent.add(producer.send(LoadArticles.toRecord(input, value)));
                }
            }
            producer.flush();
            for (var acknowledged : sent) {
                acknowledged.get();
            }
        }
        return new long[] {count, bytes};
    }

    /** The full job, bounded, over the warm-up topic {@code input} ({@code loaded}: its count and bytes). */
    private static Throughput warmUpRound(Options o, String input, long[] loaded, int round, int attempt)
            throws Exception {
        String run = o.runId() + "-warm-up-" + round + "-" + attempt;
        createOutputTopics(o, run);
        StreamExecutionEnvironment env = localEnvironment(o);
        CrosscountJob.build(env, jobConfig(o, input, run, true));
        JobExecutionResult result = env.execute("bench-job warm-up");
        return new Throughput(loaded[0], loaded[1], result.getNetRuntime(TimeUnit.MILLISECONDS));
    }

    // --- (a) read and parse -----------------------------------------------------------------------

    private static Throughput readAndParse(Options o, Archive archive, int attempt) throws Exception {
        JobConfig config = jobConfig(o, o.topic(), o.runId() + "-read-" + attempt, true);
        StreamExecutionEnvironment env = localEnvironment(o);
        CrosscountJob.readArticles(env, config)
                .map(new CountRecords()).name("count")
                .sinkTo(new DiscardingSink<>()).name("discard");
        JobExecutionResult result = env.execute("bench-job read-and-parse");
        Long records = result.getAccumulatorResult(RECORDS);
        return new Throughput(records == null ? 0 : records, archive.bytes(), result.getNetRuntime(TimeUnit.MILLISECONDS));
    }

    /** Counts what passes, into an accumulator the job's result reports. */
    static final class CountRecords extends RichMapFunction<ParsedRecord, ParsedRecord> {
        private transient LongCounter records;

        @Override
        public void open(OpenContext context) {
            records = new LongCounter();
            getRuntimeContext().addAccumulator(RECORDS, records);
        }

        @Override
        public ParsedRecord map(ParsedRecord value) {
            records.add(1);
            return value;
        }
    }

    // --- (b) the full job ---------------------------------------------------------------------------

    private static Throughput fullJob(Options o, Archive archive, Map<String, Long> committed,
                                      AtomicReference<CheckpointWatch.Seen> checkpoints, int attempt) throws Exception {
        String run = o.runId() + "-full-" + attempt;
        createOutputTopics(o, run);
        JobConfig config = jobConfig(o, o.topic(), run, true);
        int restPort = restPort();
        StreamExecutionEnvironment env = localEnvironment(o);
        CrosscountJob.build(env, config);
        JobExecutionResult result;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap()))) {
            JobClient job = env.executeAsync("bench-job full");
            // The group is the run's (jobConfig): its offsets are what the job had read at its last checkpoint.
            try (CheckpointWatch watch = new CheckpointWatch(restPort, job.getJobID().toHexString(),
                    () -> committedOffsets(admin, run))) {
                result = job.getJobExecutionResult().get();
                checkpoints.set(watch.seen());
            }
        }
        for (Map.Entry<String, String> output : Map.of("extractions", config.extractionsTopic(),
                "aggregates", config.aggregatesTopic(), "discrepancies", config.discrepanciesTopic(),
                "dead-letters", config.deadLettersTopic()).entrySet()) {
            long[] countAndBytes = countCommitted(o.bootstrap(), output.getValue());
            committed.put(output.getKey(), countAndBytes[0]);
            committed.put(output.getKey() + " bytes", countAndBytes[1]);
            if (output.getKey().equals("extractions")) {
                committed.put("claims", countAndBytes[2]);
            }
        }
        return new Throughput(archive.articles(), archive.bytes(), result.getNetRuntime(TimeUnit.MILLISECONDS));
    }

    // --- (c) latency -----------------------------------------------------------------------------

    private static Latencies latency(Options o, double rate) throws Exception {
        String run = o.runId() + "-latency";
        String input = run + "-articles";
        createTopics(o, List.of(input), o.partitions());
        createOutputTopics(o, run);
        JobConfig config = jobConfig(o, input, run, false);
        StreamExecutionEnvironment env = localEnvironment(o);
        CrosscountJob.build(env, config);
        JobClient job = env.executeAsync("bench-job latency");
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                readVisible(o.bootstrap(), config.extractionsTopic(), visibleAt, reading);
            } catch (Throwable t) {
                readFailure.set(t);
            }
        }, "bench-job-visible");
        reader.start();
        try (KafkaProducer<byte[], byte[]> producer = producer(o.bootstrap())) {
            List<byte[]> templates = sampleArticles(o.archive(), 2_000);
            // Warm-up: the job is running and has committed once before the clock starts.
            primeLatencyJob(producer, input, templates, visibleAt, Duration.ofSeconds(180));
            int count = (int) Math.max(1, Math.round(rate * o.latencyRun().toSeconds()));
            long start = System.currentTimeMillis() + 500;
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = o.runId() + "-lat-" + i;
                long at = start + Math.round(i * 1000.0 / rate);
                ids.add(id);
                records.add(LoadArticles.toRecord(input, article(templates.get(i % templates.size()), id, at)));
            }
            Map<String, Long> ackedAt = new ConcurrentHashMap<>();
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            for (int i = 0; i < count; i++) {
                long due = start + Math.round(i * 1000.0 / rate);
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
                }
                String id = ids.get(i);
                ProducerRecord<byte[], byte[]> r = records.get(i);
                producer.send(new ProducerRecord<>(r.topic(), null, System.currentTimeMillis(), r.key(), r.value()),
                        (metadata, error) -> {
                            if (error != null) {
                                sendFailure.compareAndSet(null, error);
                            } else {
                                ackedAt.put(id, System.currentTimeMillis());
                            }
                        });
            }
            producer.flush();
            if (sendFailure.get() != null) {
                throw sendFailure.get();
            }
            // Everything sent is committed within about one checkpoint; wait up to three and a margin.
            long deadline = System.currentTimeMillis() + 3 * config.checkpointInterval().toMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !visibleAt.keySet().containsAll(ids)
                    && readFailure.get() == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            List<Long> latencies = new ArrayList<>(count);
            for (String id : ids) {
                Long acked = ackedAt.get(id);
                Long visible = visibleAt.get(id);
                latencies.add(acked == null || visible == null ? null : Math.max(0, visible - acked));
            }
            return new Latencies(latencies, count, rate, o.latencyRun().toSeconds());
        } finally {
            reading.set(false);
            reader.join();
            job.cancel().get(60, TimeUnit.SECONDS);
            if (readFailure.get() != null) {
                throw new IllegalStateException("reading the extractions failed", readFailure.get());
            }
        }
    }

    /** Sends an article every 200 ms until the first one's extraction is visible. */
    private static void primeLatencyJob(KafkaProducer<byte[], byte[]> producer, String topic, List<byte[]> templates,
                               Map<String, Long> visibleAt, Duration limit) throws Exception {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        List<String> sent = new ArrayList<>();
        while (sent.stream().noneMatch(visibleAt::containsKey)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the latency job committed no extraction within " + limit.toSeconds()
                        + " s of starting");
            }
            String id = "warm-up-" + sent.size();
            producer.send(LoadArticles.toRecord(topic, article(templates.get(sent.size() % templates.size()), id,
                    System.currentTimeMillis()))).get();
            sent.add(id);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** An archive article with a new id, published at {@code publishedAt}: live news, nothing late. */
    static byte[] article(byte[] template, String id, long publishedAt) throws IOException {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(template);
        json.put("id", id);
        json.put("published_at", Instant.ofEpochMilli(publishedAt).toString());
        return Json.writeBytes(json);
    }

    private static void readVisible(String bootstrap, String topic, Map<String, Long> visibleAt, AtomicBoolean running) {
        try (KafkaConsumer<byte[], byte[]> consumer = committedReaderFromStart(bootstrap, topic)) {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.key() != null) {
                        visibleAt.putIfAbsent(new String(r.key(), StandardCharsets.UTF_8), now);
                    }
                }
            }
        }
    }

    // --- shared -----------------------------------------------------------------------------------

    private static JobConfig jobConfig(Options o, String input, String run, boolean bounded) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", o.bootstrap(), "--input-topic", input,
                "--extractions-topic", run + "-extractions", "--aggregates-topic", run + "-aggregates",
                "--discrepancies-topic", run + "-discrepancies", "--dead-letters-topic", run + "-dead-letters",
                "--group-id", run, "--transactional-id-prefix", run, "--starting-offsets", "earliest",
                "--checkpoint-interval", o.checkpointInterval(), "--parallelism", Integer.toString(o.parallelism()),
                "--early-updates", o.earlyUpdates()));
        if (bounded) {
            args.addAll(List.of("--stopping-offsets", "latest", "--max-watermark-drift", BOUNDED_DRIFT));
        }
        return JobConfig.parse(args.toArray(String[]::new));
    }

    /**
     * The local runtime every phase runs on: one MiniCluster for the whole benchmark, as a
     * deployed job runs on a TaskManager that lives across its jobs. A runtime per job (what
     * {@code createLocalEnvironment} gives) loads its RPC system and scheduler anew, and the JIT
     * compiled them again for each job (4-5 s of compiler time per job on two cores, in every
     * timed phase).
     */
    private static MiniCluster runtime;

    private static void startRuntime(Options o) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("rest.bind-address", "127.0.0.1");
        conf.setString("rest.address", "127.0.0.1");
        conf.setString("rest.bind-port", "0");
        runtime = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(o.parallelism())
                .build());
        runtime.start();
    }

    /** The port of the runtime's REST API, where {@link CheckpointWatch} reads the checkpoints. */
    private static int restPort() throws Exception {
        return runtime.getRestAddress().get().getPort();
    }

    /**
     * A job environment on the shared runtime. No restarts: a failed run is run again from the
     * beginning ({@link #retried}), never timed across a failover.
     */
    private static StreamExecutionEnvironment localEnvironment(Options o) {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none");
        // On files, as deployed: the default, the JobManager's memory, fails any checkpoint in
        // which one subtask's state is above 5 MB (the detector's, with many keys at parallelism 1).
        conf.setString("execution.checkpointing.dir", o.checkpointDir().toUri().toString());
        StreamExecutionEnvironment env = new TestStreamEnvironment(runtime, conf, o.parallelism(), List.of(), List.of());
        env.setParallelism(o.parallelism());
        return env;
    }

    private static void createOutputTopics(Options o, String run) throws Exception {
        createTopics(o, List.of(run + "-extractions", run + "-aggregates", run + "-discrepancies",
                run + "-dead-letters"), o.partitions());
    }

    private static void createTopics(Options o, List<String> topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1"))).toList()).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** A read_committed consumer of every partition of {@code topic}, from its beginning. */
    private static KafkaConsumer<byte[], byte[]> committedReaderFromStart(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * Records a read_committed consumer reads from a finished topic, their values' bytes, and the
     * elements of their {@code claims} arrays (an extraction's claims).
     */
    private static long[] countCommitted(String bootstrap, String topic) throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = committedReaderFromStart(bootstrap, topic)) {
            List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long bytes = 0;
            long claims = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    bytes += r.value() == null ? 0 : r.value().length;
                    claims += r.value() == null ? 0 : Json.MAPPER.readTree(r.value()).path("claims").size();
                }
            }
            return new long[] {count, bytes, claims};
        }
    }

    /** The records group {@code group} has committed, over all partitions: 0 before its first commit. */
    private static long committedOffsets(Admin admin, String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .values().stream().filter(java.util.Objects::nonNull).mapToLong(m -> m.offset()).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Archive readArchive(Path file) throws IOException {
        long articles = 0;
        long bytes = 0;
        Set<String> languages = new java.util.TreeSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                articles++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length;
                String lang = Json.MAPPER.readTree(line).path("lang").asText("");
                if (!lang.isEmpty()) {
                    languages.add(lang);
                }
            }
        }
        return new Archive(articles, bytes, languages);
    }

    /** Up to {@code max} distinct articles of the archive, every language among them. */
    private static List<byte[]> sampleArticles(Path file, int max) throws IOException {
        List<byte[]> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && out.size() < max; line = in.readLine()) {
                String id = Json.MAPPER.readTree(line).path("id").asText();
                if (ids.add(id)) {
                    out.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no article");
        }
        return out;
    }

    static Options parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("bootstrap-servers", "topic", "archive")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        int parallelism = Integer.parseInt(o.getOrDefault("parallelism", "2"));
        return new Options(o.get("bootstrap-servers"), o.get("topic"), Path.of(o.get("archive")), parallelism,
                Integer.parseInt(o.getOrDefault("partitions", Integer.toString(parallelism))),
                o.getOrDefault("checkpoint-interval", "5 s"), o.getOrDefault("early-updates", "every claim"),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("latency-seconds", "30"))),
                o.getOrDefault("run-id", "bench-job-" + System.currentTimeMillis()),
                Path.of(o.getOrDefault("checkpoint-dir", Path.of(o.get("archive")).toAbsolutePath().getParent()
                        .resolve("checkpoints").toString())).toAbsolutePath(),
                Integer.parseInt(o.getOrDefault("warm-up-seconds", "60")));
    }
}
