package io.crosscount.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.LiveJobTopics;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile records sent to a running job, each followed by a good article, on a broker with
 * default settings (so a record must stay under its 1 MB limit, and so must whatever the job
 * writes about it). The job runs without a restart strategy: any record that fails a task fails
 * the test. Every poison record must come out as one dead letter whose reason a person can act
 * on, with where it was read, and every good article as its extraction. An article whose
 * extraction would run for minutes is stopped by the budget and is one {@code extraction_timeout}
 * dead letter.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PoisonRecordsIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int NEAR_BROKER_LIMIT = 900_000;
    /** CPU time per article: four times what the dense articles take, a tiny share of the slow one's. */
    private static final String EXTRACTION_BUDGET = "2000 ms";

    @Test
    void noRecordStopsTheJobAndEachIsOneDeadLetterOrOneExtraction() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, byte[]> poison = new LinkedHashMap<>();
        Map<String, DeadLetterReason> expectedReason = new LinkedHashMap<>();
        poison.put("deep", ascii("[".repeat(5000) + "]".repeat(5000)));
        expectedReason.put("deep", DeadLetterReason.MALFORMED_JSON);
        // Control characters are not JSON, and each one becomes six characters once escaped in a
        // dead letter: 0.9 MB of them would make a 5 MB dead letter that no default broker accepts.
        poison.put("control-characters", new byte[NEAR_BROKER_LIMIT]);
        java.util.Arrays.fill(poison.get("control-characters"), (byte) 1);
        expectedReason.put("control-characters", DeadLetterReason.MALFORMED_JSON);
        poison.put("not-utf8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        expectedReason.put("not-utf8", DeadLetterReason.INVALID_ENCODING);
        poison.put("year-999999999", article("year-999999999", "+999999999-12-31T23:59:59Z", "12 morts."));
        expectedReason.put("year-999999999", DeadLetterReason.INVALID_FIELD);
        poison.put("year-0", article("year-0", "0000-01-01T00:00:00Z", "12 morts."));
        expectedReason.put("year-0", DeadLetterReason.INVALID_FIELD);
        poison.put("long-number", ascii("{\"id\": " + "9".repeat(20_000) + "}"));
        expectedReason.put("long-number", DeadLetterReason.MALFORMED_JSON);
        poison.put("empty", new byte[0]);
        expectedReason.put("empty", DeadLetterReason.MALFORMED_JSON);
        // Valid, but minutes of extraction (Samples.slowToExtract). The budget stops it; the
        // dense articles below take about 0.5 s.
        poison.put("slow-extraction", ascii(Json.write(Map.of("id", "slow-extraction", "source", "Outlet slow-extraction",
                "published_at", now.minus(Duration.ofMinutes(30)).toString(), "lang", Samples.SLOW_LANG,
                "body", Samples.slowToExtract(600_000)))));
        expectedReason.put("slow-extraction", DeadLetterReason.EXTRACTION_TIMEOUT);

        // Valid, but dense: thousands of figures or actors in one body must not make an output
        // record larger than the broker takes.
        Map<String, byte[]> dense = new LinkedHashMap<>();
        dense.put("dense-figures", article("dense-figures", now.minus(Duration.ofMinutes(30)).toString(),
                "Au moins 12 personnes ont été tuées à Gaza et 30 blessées. ".repeat(NEAR_BROKER_LIMIT / 60)));
        dense.put("dense-actors", article("dense-actors", now.minus(Duration.ofMinutes(30)).toString(),
                "Le Hamas, Israël, l'ONU, le Hezbollah et l'armée israélienne, ".repeat(NEAR_BROKER_LIMIT / 64)));

        String run = KafkaBrokerExtension.newTopicName("poison");
        JobConfig config = LiveJobTopics.create(run, "--extraction-budget", EXTRACTION_BUDGET);
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
        env.setParallelism(2);
        CrosscountJob.build(env, config);
        JobClient job = env.executeAsync("crosscount-poison");
        try {
            List<String> good = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, byte[]> record : concat(poison, dense).entrySet()) {
                KafkaBrokerExtension.produce(run + "-articles", ascii(record.getKey()), record.getValue());
                String id = "good-" + n++;
                KafkaBrokerExtension.produce(run + "-articles", ascii(id),
                        article(id, now.minus(Duration.ofMinutes(20)).toString(), "Trois civils ont été tués à Gaza."));
                good.add(id);
            }

            Map<String, DeadLetter> dead = KafkaBrokerExtension.consumeAll(run + "-dead", poison.size(), WAIT).stream()
                    .map(r -> parse(r.value(), DeadLetter.class))
                    .collect(Collectors.toMap(DeadLetter::key, Function.identity()));
            assertThat(dead.keySet()).containsExactlyInAnyOrderElementsOf(poison.keySet());
            expectedReason.forEach((key, reason) -> assertThat(dead.get(key).reason()).as(key).isEqualTo(reason));
            assertThat(dead.values()).allSatisfy(d -> {
                assertThat(d.topic()).isEqualTo(run + "-articles");
                assertThat(d.partition()).isNotNull();
                assertThat(d.offset()).isNotNull();
                assertThat(d.detail()).isNotBlank().doesNotContain("Exception\n\tat ");
            });
            assertThat(dead.get("control-characters").value()).hasSizeLessThan(NEAR_BROKER_LIMIT);
            assertThat(dead.get("year-999999999").detail()).contains("published_at");
            assertThat(dead.get("slow-extraction").detail())
                    .contains("over its budget of " + EXTRACTION_BUDGET + ", while ").contains("--extraction-budget");

            List<String> extracted = new ArrayList<>(good);
            extracted.addAll(dense.keySet());
            Map<String, Extraction> extractions = KafkaBrokerExtension
                    .consumeAll(run + "-extractions", extracted.size(), WAIT).stream()
                    .map(r -> parse(r.value(), Extraction.class))
                    .collect(Collectors.toMap(Extraction::articleId, Function.identity()));
            assertThat(extractions.keySet()).containsExactlyInAnyOrderElementsOf(extracted);
            assertThat(extractions.get("dense-figures").claims()).isNotEmpty();
            assertThat(extractions.get("dense-actors").actors()).isNotEmpty();

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            if (job.getJobStatus().get() == JobStatus.FAILED) {
                throw new AssertionError("a record failed the job", whyFailed(job));
            }
            job.cancel().get();
        }
    }

    private static Throwable whyFailed(JobClient job) {
        try {
            job.getJobExecutionResult().get();
            return null;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }

    private static Map<String, byte[]> concat(Map<String, byte[]> first, Map<String, byte[]> second) {
        Map<String, byte[]> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }

    private static byte[] article(String id, String publishedAt, String body) {
        return ascii(Json.write(Map.of("id", id, "source", "Outlet " + id, "published_at", publishedAt, "body", body)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T parse(byte[] value, Class<T> type) {
        try {
            return Json.MAPPER.readValue(value, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + new String(value, StandardCharsets.UTF_8), e);
        }
    }
}
