package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.generate.SyntheticStream;
import io.crosscount.json.Json;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import io.crosscount.testutil.StreamingJobRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Replay on a real broker: a time sub-range gives exactly its records; a full replay equals the live run. */
@ExtendWith(KafkaBrokerExtension.class)
class ReplayIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path out;

    private static String article(int i) {
        String at = Instant.parse("2024-01-26T00:00:00Z").plus(Duration.ofHours(i)).toString();
        return "{\"id\":\"a" + i + "\",\"source\":\"S" + (i % 3) + "\",\"lang\":\"en\",\"published_at\":\"" + at
                + "\",\"body\":\"At least " + (25000 + 100 * i) + " Palestinians have been killed in Gaza.\"}";
    }

    @Test
    void aSubRangeByTimestampsGivesExactlyTheRecordsOfThatRange() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("replay-range");
        KafkaBrokerExtension.createTopic(topic, 2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(article(i));
        }
        StreamingJobRun.load(topic, lines);

        ReplayCli.Request request = ReplayCli.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--topic", topic,
            "--from", "2024-01-26T03:00:00Z", "--to", "2024-01-26T07:00:00Z", "--out", out.toString()});
        // A time range reads from a day (--max-future-publication) before it: here, from the start.
        assertThat(ReplayCli.recordsInRange(request.job())).isEqualTo(10);
        ReplayCli.replayToFiles(request.job(), out, 10, 2);

        List<String> ids = Files.readAllLines(out.resolve("extractions.jsonl")).stream()
                .map(l -> read(l, Extraction.class).articleId()).sorted().toList();
        assertThat(ids).containsExactly("a3", "a4", "a5", "a6");
    }

    @Test
    void aRangeByOffsetsGoesToTopicsOfTheReplaysOwn() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("replay-offsets");
        KafkaBrokerExtension.createTopic(topic, 1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(article(i));
        }
        StreamingJobRun.load(topic, lines);
        String prefix = topic + "-rebuilt-";

        ReplayCli.Request request = ReplayCli.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--topic", topic,
            "--from", "offsets:0=2", "--to", "offsets:0=5", "--output-prefix", prefix, "--checkpoint-interval", "1 s"});
        assertThat(ReplayCli.recordsInRange(request.job())).isEqualTo(3);
        ReplayCli.replayToTopics(request.job(), request.name(), 1);

        List<String> ids = KafkaBrokerExtension.consumeAll(prefix + "extractions", 3, WAIT).stream()
                .map(r -> read(new String(r.value(), StandardCharsets.UTF_8), Extraction.class).articleId())
                .sorted().toList();
        assertThat(ids).containsExactly("a2", "a3", "a4");
    }

    @Test
    void replayingTheLiveRangeGivesTheSameFinalAggregatesAndDiscrepancies() throws Exception {
        List<String> lines = new ArrayList<>(Samples.articleLines());
        lines.addAll(Files.readAllLines(Samples.DIR.resolve("bad-records.jsonl")));
        // The live job: the streaming job itself, on the topic, until the end it had at start.
        StreamingJobRun live = StreamingJobRun.create("live").load(lines).runToEnd();

        // The live job's claim order (arrival, its default), to reproduce its early updates too.
        ReplayCli.Request replay = ReplayCli.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--topic", live.input(), "--out", out.toString(),
            "--claim-order", "arrival"});
        ReplayCli.replayToFiles(replay.job(), out, ReplayCli.recordsInRange(replay.job()), 1);

        Set<String> liveFinals = live.finalAggregates();
        Set<String> liveDiscrepancies = live.discrepancies();
        assertThat(liveFinals).hasSize(9); // the nine keys and days of the samples
        assertThat(liveDiscrepancies.stream().map(json -> read(json, io.crosscount.model.Discrepancy.class).kind()))
                .contains(io.crosscount.model.DiscrepancyKind.CONFLICT, io.crosscount.model.DiscrepancyKind.REGRESSION);
        assertThat(new HashSet<>(Files.readAllLines(out.resolve("aggregates.jsonl")))).isEqualTo(liveFinals);
        assertThat(new HashSet<>(Files.readAllLines(out.resolve("discrepancies.jsonl")))).isEqualTo(liveDiscrepancies);
    }

    /** Three days up to today's midnight, in a random order, as an archive may come. */
    private static final Instant THREE_DAYS_AGO = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .minus(Duration.ofDays(3));

    private static List<SyntheticStream.Generated> shuffledArchive() {
        List<SyntheticStream.Generated> articles =
                new ArrayList<>(SyntheticStream.generate(360, 3, 5, THREE_DAYS_AGO, 400).arrivals());
        java.util.Collections.shuffle(articles, new java.util.Random(3));
        return articles;
    }

    private static boolean onDayTwo(SyntheticStream.Generated article) {
        return !article.publishedAt().isBefore(THREE_DAYS_AGO.plus(Duration.ofDays(1)))
                && article.publishedAt().isBefore(THREE_DAYS_AGO.plus(Duration.ofDays(2)));
    }

    private static String[] dayTwo(String topic, Path outDir) {
        return new String[] {"--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--topic", topic,
            "--from", THREE_DAYS_AGO.plus(Duration.ofDays(1)).toString(),
            "--to", THREE_DAYS_AGO.plus(Duration.ofDays(2)).toString(), "--out", outDir.toString()};
    }

    @Test
    void aDayByPublicationTimeGivesExactlyThatDaysArticlesWhateverTheirOrderInTheTopic() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("replay-unordered");
        KafkaBrokerExtension.createTopic(topic, 2);
        List<SyntheticStream.Generated> archive = shuffledArchive();
        // Produced as they come: each partition out of publication order, Kafka timestamps too.
        StreamingJobRun.load(topic, archive.stream().map(SyntheticStream.Generated::json).toList());

        ReplayCli.Request request = ReplayCli.parse(dayTwo(topic, out));
        ReplayCli.replayToFiles(request.job(), out, ReplayCli.recordsInRange(request.job()), 2);

        Set<String> expected = archive.stream().filter(ReplayIT::onDayTwo).map(SyntheticStream.Generated::id)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(expected).hasSizeGreaterThan(80);
        List<String> replayed = Files.readAllLines(out.resolve("extractions.jsonl")).stream()
                .map(l -> read(l, Extraction.class).articleId()).toList();
        assertThat(replayed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(replayed)).isEqualTo(expected);
    }

    @Test
    void aDayOfAnUnorderedArchiveLoadedByLoadArchiveGivesReconcilesFinalAggregatesAndDiscrepancies() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("replay-archive");
        KafkaBrokerExtension.createTopic(topic, 2);
        List<SyntheticStream.Generated> archive = shuffledArchive();
        Path file = out.resolve("archive.jsonl");
        Files.write(file, archive.stream().map(SyntheticStream.Generated::json).toList());
        LoadArticles.load(LoadArticles.parse(new String[] {"--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(),
            "--topic", topic, file.toString()}), 64 * 1024);

        Path replayed = Files.createDirectory(out.resolve("replay"));
        ReplayCli.Request request = ReplayCli.parse(dayTwo(topic, replayed));
        ReplayCli.replayToFiles(request.job(), replayed, ReplayCli.recordsInRange(request.job()), 2);

        Path reconciled = Files.createDirectory(out.resolve("reconcile"));
        String dayTwoLines = archive.stream().filter(ReplayIT::onDayTwo).map(SyntheticStream.Generated::json)
                .collect(java.util.stream.Collectors.joining("\n"));
        ReconcileCli.run(JsonLines.read(new java.io.ByteArrayInputStream(dayTwoLines.getBytes(StandardCharsets.UTF_8)),
                "day-two"), io.crosscount.pipeline.PipelineSettings.defaults(), reconciled);

        Set<String> finals = new HashSet<>(Files.readAllLines(replayed.resolve("aggregates.jsonl")));
        assertThat(finals).hasSize(2); // two stories, one day
        assertThat(finals).isEqualTo(new HashSet<>(Files.readAllLines(reconciled.resolve("aggregates.jsonl"))));
        // A replay orders claims by publication time: at parallelism 2, the discrepancies reconcile finds.
        Set<SyntheticStream.Expected> found = kinds(replayed.resolve("discrepancies.jsonl"));
        assertThat(found).isNotEmpty().isEqualTo(kinds(reconciled.resolve("discrepancies.jsonl")));
        assertThat(Files.readAllLines(replayed.resolve("dead-letters.jsonl"))).noneMatch(l -> l.contains("\"late\""));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }

    /** Discrepancies as (key, window, kind): what must not depend on parallelism or topic order. */
    private static Set<SyntheticStream.Expected> kinds(Path discrepancies) throws java.io.IOException {
        return Files.readAllLines(discrepancies).stream()
                .map(json -> read(json, io.crosscount.model.Discrepancy.class))
                .map(d -> new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()))
                .collect(java.util.stream.Collectors.toSet());
    }
}
