package io.crosscount.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.json.Json;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Watermark alignment on the job's own Kafka source, in a backlog where one partition of four is
 * a day ahead of the others. Without alignment its articles reach the rest of the job a day ahead
 * of the watermark, and every window operator downstream holds a day of them in state. With it,
 * Flink pauses that partition until the others come within the drift, so its articles arrive
 * close to the watermark, and no article is late either way.
 *
 * <p>The lead of an article is its event time minus the watermark where it arrives (after a
 * rebalance, so the minimum over both source subtasks). The feed is closed-loop: each hour of the
 * three slow partitions waits until the job has emitted it, so the test waits on the job, not on
 * a clock, except for the few seconds Flink's alignment protocol needs to start (sources report
 * their watermark every {@link EventTime#ALIGNMENT_UPDATE_INTERVAL}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class WatermarkAlignmentIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension(4);

    private static final int AHEAD_PARTITION = 3;
    private static final int AHEAD_ARTICLES = 1_000;
    /** Records a source fetch hands over at once: bounds how far one fetch can overshoot a pause. */
    private static final int MAX_POLL_RECORDS = 20;
    private static final Duration FAR_AHEAD = Duration.ofHours(4);

    @Test
    void aPartitionADayAheadIsPausedUntilTheOthersCatchUp() throws Exception {
        Backlog backlog = runBacklog("1 h");

        List<Lead> ahead = backlog.dayAhead();
        assertThat(ahead).hasSize(AHEAD_ARTICLES);
        // Only what the first fetches handed over before the pause (the batch being emitted and the
        // fetcher's queue, a few batches of MAX_POLL_RECORDS: 62 when measured) may arrive far
        // ahead; everything else waits until the others are within the drift (median 1.5 h when
        // measured: drift, out-of-orderness and an hour's step of the others).
        assertThat(ahead.stream().filter(Lead::farAhead).count())
                .as("articles of the partition a day ahead that reached the job more than %s ahead of the watermark",
                        FAR_AHEAD)
                .isLessThanOrEqualTo(5L * MAX_POLL_RECORDS);
        assertThat(medianLead(ahead)).isLessThan(Duration.ofHours(3));
        assertThat(backlog.leads()).noneMatch(Lead::late);
    }

    @Test
    void withoutAlignmentThatPartitionRunsADayAhead() throws Exception {
        // The control: the same backlog with a drift so large that alignment never pauses.
        Backlog backlog = runBacklog("3650 d");

        List<Lead> ahead = backlog.dayAhead();
        assertThat(ahead).hasSize(AHEAD_ARTICLES);
        assertThat(ahead.stream().filter(Lead::farAhead).count()).isGreaterThan(AHEAD_ARTICLES * 9L / 10);
        assertThat(medianLead(ahead)).isGreaterThan(Duration.ofHours(12));
        assertThat(backlog.leads()).noneMatch(Lead::late);
    }

    /**
     * Four partitions read in step for their first seconds (one article a second each), then
     * partition 3 jumps a day ahead with a day of articles while the other three go on a minute a
     * step through the two days.
     */
    private static Backlog runBacklog(String maxDrift) throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("alignment");
        KafkaBrokerExtension.createTopic(topic, 4);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobConfig config = JobConfig.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--input-topic", topic,
            "--group-id", topic, "--starting-offsets", "earliest", "--max-watermark-drift", maxDrift,
            "--kafka.max.poll.records", String.valueOf(MAX_POLL_RECORDS)});
        BlockingQueue<Lead> emitted = new LinkedBlockingQueue<>();
        List<Lead> all = new java.util.ArrayList<>();
        CloseableIterator<Lead> results = CrosscountJob.readArticles(env, config)
                .rebalance()
                .process(new LeadOverWatermark())
                .collectAsync();
        JobClient job = env.executeAsync("watermark-alignment");
        try (KafkaProducer<byte[], byte[]> producer = producer(); results) {
            // The iterator fails when the job is cancelled at the end: the awaits below report a job that stops early.
            Thread drain = new Thread(() -> {
                try {
                    results.forEachRemaining(emitted::add);
                } catch (RuntimeException cancelled) {
                    // Nothing more will come.
                }
            }, "collect-leads");
            drain.setDaemon(true);
            drain.start();

            // In step, a minute of articles at a time, until Flink has had time to report watermarks
            // and align (three update intervals).
            long alignedAfter = 0;
            int second = 0;
            while (second < 3600 && (alignedAfter == 0 || System.nanoTime() < alignedAfter)) {
                for (int end = second + 60; second < end; second++) {
                    for (int partition = 0; partition < 4; partition++) {
                        send(producer, topic, partition, second, start.plusSeconds(second));
                    }
                }
                producer.flush();
                awaitEmitted(emitted, all, 4 * 60, 4);
                if (alignedAfter == 0) {
                    alignedAfter = System.nanoTime() + 3 * EventTime.ALIGNMENT_UPDATE_INTERVAL.toNanos();
                }
            }
            Instant resume = start.plusSeconds(second);

            // Partition 3 jumps a day ahead: a day of articles, all at once.
            Instant dayAhead = resume.plus(Duration.ofDays(1));
            long spacing = Duration.ofDays(1).toMillis() / AHEAD_ARTICLES;
            for (int i = 0; i < AHEAD_ARTICLES; i++) {
                send(producer, topic, AHEAD_PARTITION, second + i, dayAhead.plusMillis(i * spacing));
            }
            producer.flush();

            // The other three go on through both days, an article a minute, an hour at a time.
            int minutes = (int) Duration.ofDays(2).toMinutes();
            for (int minute = 0; minute < minutes; ) {
                for (int end = minute + 60; minute < end; minute++) {
                    for (int partition = 0; partition < AHEAD_PARTITION; partition++) {
                        send(producer, topic, partition, second + minute, resume.plus(Duration.ofMinutes(minute)));
                    }
                }
                producer.flush();
                awaitEmitted(emitted, all, 3 * 60, AHEAD_PARTITION);
            }
            awaitAll(emitted, all, 4 * second + AHEAD_ARTICLES + 3 * minutes);
            return new Backlog(all, dayAhead);
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code count} more articles of partitions below {@code partitions} came out of the job. */
    private static void awaitEmitted(BlockingQueue<Lead> emitted, List<Lead> all, int count, int partitions)
            throws InterruptedException {
        int seen = 0;
        while (seen < count) {
            Lead lead = emitted.poll(60, TimeUnit.SECONDS);
            assertThat(lead).as("an article from the job within 60 s (%d received so far)", all.size()).isNotNull();
            all.add(lead);
            if (lead.partition() < partitions) {
                seen++;
            }
        }
    }

    private static void awaitAll(BlockingQueue<Lead> emitted, List<Lead> all, int total) throws InterruptedException {
        while (all.size() < total) {
            Lead lead = emitted.poll(60, TimeUnit.SECONDS);
            assertThat(lead).as("all %d articles from the job within 60 s each (%d received)", total, all.size())
                    .isNotNull();
            all.add(lead);
        }
    }

    private static Duration medianLead(List<Lead> leads) {
        long[] sorted = leads.stream().mapToLong(l -> l.eventTime() - l.watermark()).sorted().toArray();
        return Duration.ofMillis(sorted[sorted.length / 2]);
    }

    /** What came out of the job, and when partition 3's day ahead began. */
    record Backlog(List<Lead> leads, Instant dayAheadFrom) {
        List<Lead> dayAhead() {
            return leads.stream()
                    .filter(l -> l.partition() == AHEAD_PARTITION && l.eventTime() >= dayAheadFrom.toEpochMilli())
                    .toList();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int partition, int n,
                             Instant publishedAt) {
        String id = "p" + partition + "-" + n;
        byte[] value = Json.write(Map.of("id", id, "source", "outlet-" + partition,
                "published_at", publishedAt.toString(), "body", "Un article sans chiffre."))
                .getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, partition, null, id.getBytes(StandardCharsets.UTF_8), value));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** An article's partition, event time and the watermark it met. */
    record Lead(int partition, long eventTime, long watermark) {
        boolean farAhead() {
            return eventTime - watermark > FAR_AHEAD.toMillis();
        }

        boolean late() {
            return eventTime <= watermark;
        }
    }

    static final class LeadOverWatermark extends ProcessFunction<ParsedRecord, Lead> {
        @Override
        public void processElement(ParsedRecord record, Context ctx, Collector<Lead> out) {
            out.collect(new Lead(record.partition(), ctx.timestamp(), ctx.timerService().currentWatermark()));
        }
    }
}
