package io.crosscount.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.cli.JsonLines;
import io.crosscount.cli.ReconcileCli;
import io.crosscount.generate.SyntheticStream;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.model.Discrepancy;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.StreamingJobRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog of the last six days in a four-partition topic, each partition in publication order.
 * The whole backlog is there when the job starts, and the Kafka source hands it over partition by
 * partition, a fetch at a time: one partition's days are read before the next partition's first
 * hour. Event time per partition must keep every article on time, at any parallelism, and the
 * results must be those of {@code scripts/reconcile} on the same articles, run after run.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PartitionedBacklogIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension(4);

    private static final int PARTITIONS = 4;
    private static final int DAYS = 6;

    @TempDir
    static Path out;

    private static StreamingJobRun backlog;
    private static Results reconciled;

    @BeforeAll
    static void loadTheBacklogAndReconcileIt() throws Exception {
        // The six days up to today's midnight (UTC): dated now, not in 2024.
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
        SyntheticStream stream = SyntheticStream.generate(1_200, DAYS, 11, start, 800);
        List<String> inPublicationOrder = stream.arrivals().stream()
                .sorted(Comparator.comparing(SyntheticStream.Generated::publishedAt))
                .map(SyntheticStream.Generated::json).toList();
        // An outlet's articles all go to one partition, as with a key per outlet.
        backlog = StreamingJobRun.create("backlog", PARTITIONS)
                .load(inPublicationOrder, line -> Math.floorMod(outlet(line).hashCode(), PARTITIONS));

        String jsonl = String.join("\n", inPublicationOrder);
        List<RawRecord> records = JsonLines.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "gen");
        Path dir = Files.createTempDirectory(out, "reconcile");
        ReconcileCli.run(records, PipelineSettings.defaults().withEventTimeOrder(true), dir);
        reconciled = new Results(new HashSet<>(Files.readAllLines(dir.resolve("aggregates.jsonl"))),
                kinds(new HashSet<>(Files.readAllLines(dir.resolve("discrepancies.jsonl")))), List.of());
        assertThat(reconciled.finals()).hasSize(2 * DAYS);
        assertThat(reconciled.kinds()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void atParallelismOneNoArticleIsLateAndTheResultsAreReconciles() throws Exception {
        assertEqualsReconcile(run(1, "event-time"));
    }

    @Test
    void atParallelismTwoTwoRunsGiveReconcilesResults() throws Exception {
        Results first = run(2, "event-time");
        Results second = run(2, "event-time");
        assertEqualsReconcile(first);
        assertEqualsReconcile(second);
    }

    @Test
    void atParallelismFourNoArticleIsLateAndTheResultsAreReconciles() throws Exception {
        assertEqualsReconcile(run(4, "event-time"));
    }

    @Test
    void inArrivalOrderTheFinalAggregatesAreStillReconciles() throws Exception {
        // Claims reach their windows as partitions interleave them: early discrepancies may differ
        // (docs/semantics.md, event time), final results may not, and nothing in order is late.
        Results arrival = run(2, "arrival");
        assertThat(arrival.deadLetters()).extracting(DeadLetter::reason).doesNotContain(DeadLetterReason.LATE);
        assertThat(arrival.finals()).isEqualTo(reconciled.finals());
    }

    private static void assertEqualsReconcile(Results streaming) {
        assertThat(streaming.deadLetters()).extracting(DeadLetter::reason).doesNotContain(DeadLetterReason.LATE);
        assertThat(streaming.finals()).isEqualTo(reconciled.finals());
        assertThat(streaming.kinds()).isEqualTo(reconciled.kinds());
    }

    private record Results(Set<String> finals, Set<SyntheticStream.Expected> kinds, List<DeadLetter> deadLetters) {}

    private static Results run(int parallelism, String claimOrder) throws Exception {
        StreamingJobRun run = StreamingJobRun.sameInputAs(backlog, "backlog-p" + parallelism)
                .runToEnd(parallelism, "--claim-order", claimOrder);
        return new Results(run.finalAggregates(), kinds(run.discrepancies()), run.deadLetters());
    }

    private static Set<SyntheticStream.Expected> kinds(Set<String> discrepancies) {
        return discrepancies.stream().map(json -> StreamingJobRun.read(json, Discrepancy.class))
                .map(d -> new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()))
                .collect(Collectors.toSet());
    }

    private static String outlet(String json) {
        return StreamingJobRun.read(json, io.crosscount.model.Article.class).source();
    }
}
