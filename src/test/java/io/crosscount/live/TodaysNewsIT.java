package io.crosscount.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.SourceClaim;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.LiveJobTopics;
import io.crosscount.testutil.MiniClusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The news of the day on a broker with Kafka's default settings: articles published minutes ago,
 * a three-partition topic read at parallelism 2, the job unbounded as in production. The window
 * of today ends tonight, hours ahead of the broker's clock; nothing the job writes may carry such
 * a timestamp, or the broker refuses it and the job restarts in a loop.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TodaysNewsIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void articlesPublishedTodayGiveACommittedConflictAndNoOutputIsStampedInTheFuture() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String run = KafkaBrokerExtension.newTopicName("today");
        JobConfig config = LiveJobTopics.create(run, "--transactional-id-prefix", run);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CrosscountJob.build(env, config);
        JobClient job = env.executeAsync("crosscount-today");
        try {
            produce(run, "today-1", article("today-1", "Harbour Gazette", now.minus(Duration.ofMinutes(40)),
                    "The health ministry said 26,083 Palestinians have been killed in Gaza since the war began."));
            produce(run, "today-2", article("today-2", "Northern Ledger", now.minus(Duration.ofMinutes(25)),
                    "Israeli strikes have killed 25,700 Palestinians in Gaza, the newspaper's own count shows."));
            // A publisher whose clock runs three hours fast: counted at its arrival, its stated time kept.
            produce(run, "today-3", article("today-3", "Radio Littoral", now.plus(Duration.ofHours(3)),
                    "Plus de 26 000 Palestiniens ont été tués dans la bande de Gaza, selon le ministère."));
            // Two days ahead: not a believable date. A dead letter, and event time does not move.
            produce(run, "today-4", article("today-4", "Radio Littoral", now.plus(Duration.ofDays(2)),
                    "Plus de 26 100 Palestiniens ont été tués dans la bande de Gaza."));
            // Thousands of nested arrays: Jackson's nesting limit, a dead letter rather than a restart loop.
            produce(run, "deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<byte[], byte[]>> conflicts = KafkaBrokerExtension.consumeAll(run + "-discrepancies", 1, WAIT);
            Discrepancy conflict = parse(conflicts.get(0).value(), Discrepancy.class);
            assertThat(conflict.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
            assertThat(conflict.key()).isEqualTo("killed/palestinians/gaza");
            assertThat(conflict.claims()).extracting(SourceClaim::articleId).contains("today-2");

            List<ConsumerRecord<byte[], byte[]>> extractions = KafkaBrokerExtension.consumeAll(run + "-extractions", 3, WAIT);
            Extraction fast = extractions.stream().map(r -> parse(r.value(), Extraction.class))
                    .filter(e -> e.articleId().equals("today-3")).findFirst().orElseThrow();
            assertThat(fast.publishedAt()).isEqualTo(now.plus(Duration.ofHours(3)));

            List<DeadLetter> dead = KafkaBrokerExtension.consumeAll(run + "-dead", 2, WAIT).stream()
                    .map(r -> parse(r.value(), DeadLetter.class)).toList();
            assertThat(dead).extracting(DeadLetter::key, DeadLetter::reason).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("today-4", DeadLetterReason.INVALID_FIELD),
                    org.assertj.core.groups.Tuple.tuple("deep", DeadLetterReason.MALFORMED_JSON));
            assertThat(dead).allSatisfy(d -> {
                assertThat(d.topic()).isEqualTo(run + "-articles");
                assertThat(d.partition()).isNotNull();
                assertThat(d.offset()).isNotNull();
            });
            assertThat(dead).filteredOn(d -> d.key().equals("today-4")).singleElement()
                    .satisfies(d -> assertThat(d.detail()).contains("ahead of the time the record reached Kafka",
                            "--max-future-publication"));
            assertThat(dead).filteredOn(d -> d.key().equals("deep")).singleElement()
                    .satisfies(d -> assertThat(d.detail()).contains("nesting"));

            // Every committed output record carries a timestamp the broker accepted, none ahead of now.
            long readAt = System.currentTimeMillis();
            for (String output : List.of("extractions", "aggregates", "discrepancies", "dead")) {
                assertThat(KafkaBrokerExtension.consumeUntilQuiet(run + "-" + output, Duration.ofSeconds(2), WAIT))
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.timestamp()).isLessThanOrEqualTo(readAt));
            }
        } finally {
            job.cancel().get();
        }
    }

    private static byte[] article(String id, String source, Instant publishedAt, String body) {
        return Json.write(java.util.Map.of("id", id, "source", source, "published_at", publishedAt.toString(),
                "body", body)).getBytes(StandardCharsets.UTF_8);
    }

    private static void produce(String run, String key, byte[] value) {
        KafkaBrokerExtension.produce(run + "-articles", key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static <T> T parse(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
