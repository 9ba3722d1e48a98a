package io.crosscount.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscount.json.Json;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.SourceClaim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * {@code scripts/run-local --live}: a {@link SyntheticStream} published now, as it happens. The
 * stream's days are compressed into {@link Clock#dayMillis()} of wall-clock time (the rate sets
 * it), each article is stamped and sent when the wall clock reaches its publication time, and the
 * job runs with every duration of its semantics compressed alike (window, out-of-orderness,
 * lateness, staleness, retention: {@code --print-job-options}). So the generator's ground truth
 * still holds, in windows of the compressed day, and a user watches discrepancies appear live.
 *
 * <p>With {@code --measure-latency TOPIC} it also reads the discrepancies the job commits
 * (read_committed) and reports, for each, the time from the append of the last article of its
 * evidence to the moment it became readable: p50, p90, p99 and max.
 */
public final class LiveFeed {
    private static final Duration DAY = Duration.ofDays(1);
    /** Any midnight: the generated stream is mapped onto the wall clock. */
    private static final Instant STREAM_START = Instant.parse("2026-01-01T00:00:00Z");

    private LiveFeed() {}

    /** The mapping of stream time onto the wall clock: one stream day lasts {@code dayMillis}. */
    public record Clock(long dayMillis, long wallStartMillis) {
        /** A clock starting at the current compressed day, so that window starts fall on its days. */
        public static Clock startingNow(long dayMillis, long nowMillis) {
            return new Clock(dayMillis, Math.floorDiv(nowMillis, dayMillis) * dayMillis);
        }

        public Instant toWall(Instant streamTime) {
            long sinceStart = Duration.between(STREAM_START, streamTime).toMillis();
            return Instant.ofEpochMilli(wallStartMillis + Math.floorDiv(sinceStart * dayMillis, DAY.toMillis()));
        }

        public Duration compress(Duration streamDuration) {
            return Duration.ofMillis(Math.max(1, streamDuration.toMillis() * dayMillis / DAY.toMillis()));
        }

        /**
     * The job options that compress the pipeline's durations as the stream is compressed. Not the
     * watermark alignment's drift: below a few seconds (its update interval is 200 ms) alignment
     * pauses partitions again and again, and discrepancies came 30 s late instead of 1 s.
     */
        public List<String> jobOptions() {
            List<String> options = new ArrayList<>();
            Map<String, Duration> durations = new LinkedHashMap<>();
            durations.put("window-size", DAY);
            durations.put("out-of-orderness", Duration.ofMinutes(10));
            durations.put("allowed-lateness", Duration.ofHours(1));
            durations.put("staleness-horizon", Duration.ofHours(12));
            durations.put("dedup-retention", Duration.ofDays(7));
            durations.put("state-retention", Duration.ofDays(30));
            durations.forEach((name, d) -> options.addAll(List.of("--" + name, compress(d).toMillis() + " ms")));
            return options;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int articles = Integer.parseInt(o.getOrDefault("articles", "2000"));
        int days = Integer.parseInt(o.getOrDefault("days", "10"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "5"));
        if (rate <= 0 || articles <= 0) {
            fail("--rate and --articles must be positive");
        }
        // One compressed day carries the day's share of the articles at the given rate.
        long dayMillis = Math.max(2000, Math.round(1000.0 * articles / days / rate));
        Clock clock = Clock.startingNow(dayMillis, System.currentTimeMillis());
        if (o.containsKey("print-job-options")) {
            System.out.println(String.join("\n", clock.jobOptions()));
            return;
        }
        String bootstrap = o.get("bootstrap-servers");
        String topic = o.getOrDefault("topic", "articles");
        if (bootstrap == null) {
            fail("--bootstrap-servers is required");
        }
        SyntheticStream stream = SyntheticStream.generate(articles, days, Long.parseLong(o.getOrDefault("seed", "1")),
                STREAM_START, Integer.parseInt(o.getOrDefault("body-chars", "1500")));
        if (o.containsKey("truth")) {
            writeTruth(stream, clock, Path.of(o.get("truth")));
        }
        Map<String, Long> appendedAt = new ConcurrentHashMap<>();
        LatencyProbe probe = o.containsKey("measure-latency")
                ? LatencyProbe.start(bootstrap, o.get("measure-latency"), appendedAt) : null;
        System.err.printf(Locale.ROOT, "[live] %d articles over %d stream days of %.1f s each, into %s%n",
                stream.arrivals().size(), days, dayMillis / 1000.0, topic);
        feed(stream, clock, bootstrap, topic, appendedAt);
        if (probe != null) {
            // The last windows fire once the job has seen the last articles and committed.
            Thread.sleep(Long.parseLong(o.getOrDefault("drain-ms", "15000")));
            probe.stop();
            System.out.println(probe.report());
        }
    }

    private static void feed(SyntheticStream stream, Clock clock, String bootstrap, String topic,
                             Map<String, Long> appendedAt) throws InterruptedException, IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        long sendAt = 0;
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SyntheticStream.Generated article : stream.arrivals()) {
                Instant published = clock.toWall(article.publishedAt());
                // Arrival order: an article that arrives late is sent at its turn, stamped in the past.
                sendAt = Math.max(sendAt, published.toEpochMilli());
                long wait = sendAt - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                ObjectNode json = (ObjectNode) Json.MAPPER.readTree(article.json());
                json.put("published_at", published.toString());
                String id = article.id();
                producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), Json.writeBytes(json)),
                        (metadata, error) -> {
                            if (error == null) {
                                appendedAt.putIfAbsent(id, metadata.timestamp());
                            }
                        });
                if (++sent % 100 == 0) {
                    System.err.printf(Locale.ROOT, "[live] %d articles sent%n", sent);
                }
            }
            producer.flush();
        }
        System.err.printf(Locale.ROOT, "[live] all %d articles sent%n", sent);
    }

    private static void writeTruth(SyntheticStream stream, Clock clock, Path file) throws IOException {
        List<Map<String, String>> expected = stream.truth().discrepancies().stream()
                .sorted(java.util.Comparator.comparing(SyntheticStream.Expected::windowStart)
                        .thenComparing(SyntheticStream.Expected::key).thenComparing(SyntheticStream.Expected::kind))
                .map(e -> Map.of("key", e.key(), "window_start", clock.toWall(e.windowStart()).toString(),
                        "kind", e.kind().wireName()))
                .toList();
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("day_ms", clock.dayMillis(), "discrepancies", expected)));
    }

    /** Reads committed discrepancies and measures how long after its evidence each became readable. */
    static final class LatencyProbe {
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static LatencyProbe start(String bootstrap, String topic, Map<String, Long> appendedAt) {
            LatencyProbe probe = new LatencyProbe();
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            probe.thread = new Thread(() -> {
                try (consumer) {
                    while (probe.running.get()) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                            long readable = System.currentTimeMillis();
                            Discrepancy d = Json.MAPPER.readValue(r.value(), Discrepancy.class);
                            if (d.status() == io.crosscount.model.DiscrepancyStatus.RESOLVED) {
                                continue; // latency is measured to a discrepancy's finding
                            }
                            long lastAppend = d.claims().stream().map(SourceClaim::articleId)
                                    .map(appendedAt::get).filter(java.util.Objects::nonNull)
                                    .mapToLong(Long::longValue).max().orElse(-1);
                            if (lastAppend > 0) {
                                probe.latencies.add(readable - lastAppend);
                                System.err.printf(Locale.ROOT, "[latency] %s %s readable at %s, %d ms after its last "
                                        + "evidence article%n", d.kind().wireName(), d.key(),
                                        Instant.ofEpochMilli(readable), readable - lastAppend);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "latency-probe");
            probe.thread.start();
            return probe;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        String report() {
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            if (sorted.isEmpty()) {
                return "latency: no discrepancy was committed";
            }
            return String.format(Locale.ROOT, "latency from the append of the last evidence article to a readable "
                            + "discrepancy, over %d discrepancies: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }

        static long percentile(List<Long> sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("print-job-options")) {
                o.put(name, "true");
            } else if (i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                fail("--" + name + " needs a value");
            }
        }
        return o;
    }

    private static void fail(String message) {
        System.err.println("live-feed: " + message + "\nusage: LiveFeed --bootstrap-servers HOST:PORT [--topic articles] "
                + "[--rate 5] [--articles 2000] [--days 10] [--seed 1] [--truth FILE] [--measure-latency TOPIC] "
                + "| --print-job-options [--rate 5] [--articles 2000] [--days 10]");
        System.exit(2);
    }
}
