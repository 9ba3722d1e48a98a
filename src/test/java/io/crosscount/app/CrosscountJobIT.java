package io.crosscount.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Claim;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Extraction;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.model.Severity;
import io.crosscount.model.SourceClaim;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end on a real KRaft broker and a Flink MiniCluster: the job runs unbounded while the
 * test produces the seed article, bad records, a conflicting article and a later one that closes
 * the day's window; outputs are read with read_committed, as users of the exactly-once sinks do.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CrosscountJobIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final String CONFLICTING = """
            {"id":"wire-en-1","source":"Levant Wire","lang":"en","published_at":"2024-01-26T20:00:00Z",\
            "body":"Israeli strikes killed 25,700 Palestinians in Gaza, according to figures compiled by the newspaper."}""";
    private static final String NEXT_DAY = """
            {"id":"wire-en-2","source":"Levant Wire","lang":"en","published_at":"2024-01-28T12:00:00Z",\
            "body":"Truce talks resumed in Cairo on Sunday."}""";

    @Test
    void seedAndAConflictingReportGiveExtractionAggregateAndConflictWhileBadRecordsBecomeDeadLetters()
            throws Exception {
        String run = KafkaBrokerExtension.newTopicName("e2e");
        String in = run + "-articles";
        String extractions = run + "-extractions";
        String aggregates = run + "-aggregates";
        String discrepancies = run + "-discrepancies";
        String deadLetters = run + "-dead-letters";
        for (String topic : List.of(in, extractions, aggregates, discrepancies, deadLetters)) {
            KafkaBrokerExtension.createTopic(topic, 1);
        }
        JobConfig config = JobConfig.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(),
            "--input-topic", in, "--extractions-topic", extractions, "--aggregates-topic", aggregates,
            "--discrepancies-topic", discrepancies, "--dead-letters-topic", deadLetters,
            "--group-id", run, "--transactional-id-prefix", run,
            "--starting-offsets", "earliest", "--checkpoint-interval", "1 s"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CrosscountJob.build(env, config);
        JobClient job = env.executeAsync("crosscount-e2e");
        try {
            byte[] invalidUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            produce(in, "seed-fr-2024-01-26", Samples.seedJson().getBytes(StandardCharsets.UTF_8));
            produce(in, "bad-1", "{\"id\":\"bad-1\", not json".getBytes(StandardCharsets.UTF_8));
            produce(in, "bad-2", "{\"id\":\"bad-2\",\"source\":\"X\",\"body\":\"y\"}".getBytes(StandardCharsets.UTF_8));
            produce(in, "bad-3", ("{\"id\":\"bad-3\",\"source\":\"X\",\"published_at\":\"2024-01-26T10:00:00Z\","
                    + "\"body\":42}").getBytes(StandardCharsets.UTF_8));
            produce(in, "bad-4", invalidUtf8);
            produce(in, "wire-en-1", CONFLICTING.getBytes(StandardCharsets.UTF_8));
            produce(in, "seed-fr-2024-01-26", Samples.seedJson().getBytes(StandardCharsets.UTF_8)); // re-sent
            produce(in, "wire-en-2", NEXT_DAY.getBytes(StandardCharsets.UTF_8));

            // The job went on past the bad records: all three distinct articles were extracted, once each.
            List<Extraction> extracted = read(extractions, 3, Extraction.class);
            assertThat(extracted).extracting(Extraction::articleId)
                    .containsExactly("seed-fr-2024-01-26", "wire-en-1", "wire-en-2");
            Extraction seed = extracted.get(0);
            assertThat(seed).isEqualTo(ArticleExtractor.withDefaults().extract(Samples.seedArticle()));
            assertThat(seed.wire()).isEqualTo("AFP");
            assertThat(seed.claims()).extracting(Claim::metric, Claim::value, Claim::low, Claim::high,
                            Claim::qualifier, Claim::hedged)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Metric.HOSTAGES_TAKEN, 250L, 225L, 275L, Qualifier.APPROX, false),
                            org.assertj.core.groups.Tuple.tuple(Metric.HOSTAGES_RELEASED, 100L, 80L, 120L, Qualifier.APPROX, false),
                            org.assertj.core.groups.Tuple.tuple(Metric.HOSTAGES_HELD, 132L, 118L, 146L, Qualifier.APPROX, false),
                            org.assertj.core.groups.Tuple.tuple(Metric.HOSTAGES_DEAD, 28L, 28L, 28L, Qualifier.EXACT, true),
                            org.assertj.core.groups.Tuple.tuple(Metric.KILLED, 26000L, 26000L, null, Qualifier.MORE_THAN, false));

            List<ConsumerRecord<byte[], byte[]>> deadRecords = KafkaBrokerExtension.consumeAll(deadLetters, 4, WAIT);
            List<DeadLetter> dead = deadRecords.stream().map(r -> parse(r.value(), DeadLetter.class)).toList();
            assertThat(dead).extracting(DeadLetter::reason, DeadLetter::offset, DeadLetter::key).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(io.crosscount.model.DeadLetterReason.MALFORMED_JSON, 1L, "bad-1"),
                    org.assertj.core.groups.Tuple.tuple(io.crosscount.model.DeadLetterReason.MISSING_FIELD, 2L, "bad-2"),
                    org.assertj.core.groups.Tuple.tuple(io.crosscount.model.DeadLetterReason.INVALID_FIELD, 3L, "bad-3"),
                    org.assertj.core.groups.Tuple.tuple(io.crosscount.model.DeadLetterReason.INVALID_ENCODING, 4L, "bad-4"));
            assertThat(dead.get(0).value()).isEqualTo("{\"id\":\"bad-1\", not json");
            assertThat(dead.get(1).detail()).contains("'published_at' is missing");
            assertThat(dead.get(2).detail()).contains("'body' must be a string");
            assertThat(Base64.getDecoder().decode(dead.get(3).value())).isEqualTo(invalidUtf8);
            assertThat(dead).allSatisfy(d -> assertThat(d.topic()).isEqualTo(in));

            Aggregate killed = finalAggregate(aggregates, "killed/palestinians/gaza");
            assertThat(killed.windowStart()).isEqualTo(Instant.parse("2024-01-26T00:00:00Z"));
            assertThat(killed.windowEnd()).isEqualTo(Instant.parse("2024-01-27T00:00:00Z"));
            assertThat(killed.sources()).extracting(SourceClaim::source, SourceClaim::value, SourceClaim::low,
                            SourceClaim::high)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("AFP", 26000L, 26000L, null),
                            org.assertj.core.groups.Tuple.tuple("Levant Wire", 25700L, 25700L, 25700L));
            // The seed credits AFP ("a indiqué ... à l'AFP"): its figures are AFP's report, carried by the seed's outlet.
            assertThat(killed.sources().get(0).outlets()).containsExactly("seed-outlet-fr");
            assertThat(killed.sourceCount()).isEqualTo(2);
            assertThat(killed.min()).isEqualTo(25700L);
            assertThat(killed.max()).isEqualTo(26000L);
            assertThat(killed.median()).isEqualTo(25850.0);
            assertThat(killed.consensusLow()).isNull();
            assertThat(killed.consensusHigh()).isNull();

            List<ConsumerRecord<byte[], byte[]>> found =
                    KafkaBrokerExtension.consumeUntilQuiet(discrepancies, Duration.ofSeconds(5), WAIT);
            assertThat(found).singleElement().satisfies(r ->
                    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("killed/palestinians/gaza"));
            Discrepancy conflict = parse(found.get(0).value(), Discrepancy.class);
            assertThat(conflict.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
            assertThat(conflict.severity()).isEqualTo(Severity.LOW);
            assertThat(conflict.relativeGap()).isEqualTo(0.0117);
            assertThat(conflict.claims()).extracting(SourceClaim::articleId, SourceClaim::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("wire-en-1", "25,700 Palestinians"),
                    org.assertj.core.groups.Tuple.tuple("seed-fr-2024-01-26", "plus de 26000 Palestiniens"));
        } finally {
            job.cancel().get();
        }
    }

    private static void produce(String topic, String key, byte[] value) {
        KafkaBrokerExtension.produce(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static Aggregate finalAggregate(String topic, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Aggregate> finals = KafkaBrokerExtension.consumeUntilQuiet(topic, Duration.ofSeconds(2), WAIT).stream()
                    .map(r -> parse(r.value(), Aggregate.class))
                    .filter(a -> a.isFinal() && a.key().equals(key)).toList();
            if (!finals.isEmpty()) {
                assertThat(finals).hasSize(1);
                return finals.get(0);
            }
        }
        throw new AssertionError("No final aggregate for " + key + " within " + WAIT);
    }

    private static <T> List<T> read(String topic, int count, Class<T> type) {
        return KafkaBrokerExtension.consumeAll(topic, count, WAIT).stream().map(r -> parse(r.value(), type)).toList();
    }

    private static <T> T parse(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("Output is not a valid " + type.getSimpleName() + ": "
                    + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
