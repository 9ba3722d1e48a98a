package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.generate.SyntheticStream;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.Discrepancy;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.StreamingJobRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/reconcile} (a file, in publication order) and the streaming job (a Kafka topic,
 * in arrival order) over the same generated articles: conflicts, regressions, outliers, stale
 * sources, syndicated copies and re-sent articles.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReconcileVsStreamingIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    @TempDir
    Path out;

    /** Six days, two stories: each injected case of the first six kinds once, no article past the allowed lateness. */
    private final SyntheticStream stream =
            SyntheticStream.generate(1_200, 6, 11, Instant.parse("2024-03-01T00:00:00Z"), 800);

    @Test
    void articlesInPublicationOrderGiveTheSameFinalAggregatesAndTheSameDiscrepancies() throws Exception {
        List<SyntheticStream.Generated> inPublicationOrder = new ArrayList<>(stream.arrivals());
        inPublicationOrder.sort(Comparator.comparing(SyntheticStream.Generated::publishedAt));
        Outputs streaming = streamingJob(inPublicationOrder);
        Outputs reconciled = reconcile(stream.arrivals());

        assertThat(reconciled.finals()).hasSize(12).isEqualTo(streaming.finals());
        assertThat(reconciled.discrepancies()).hasSizeGreaterThanOrEqualTo(5).isEqualTo(streaming.discrepancies());
    }

    @Test
    void articlesArrivingOutOfOrderGiveTheSameFinalAggregatesAndDiscrepancyKinds() throws Exception {
        Outputs streaming = streamingJob(stream.arrivals());
        Outputs reconciled = reconcile(stream.arrivals());

        assertThat(reconciled.finals()).hasSize(12).isEqualTo(streaming.finals());
        // Early updates follow arrival order, so their evidence may differ; what is found per key, window and kind may not.
        assertThat(kinds(reconciled.discrepancies())).isEqualTo(kinds(streaming.discrepancies()))
                .isEqualTo(stream.truth().discrepancies());
    }

    private record Outputs(Set<String> finals, Set<String> discrepancies) {}

    private Outputs reconcile(List<SyntheticStream.Generated> articles) throws Exception {
        String jsonl = articles.stream().map(SyntheticStream.Generated::json).collect(Collectors.joining("\n"));
        List<RawRecord> records = JsonLines.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "gen");
        Path dir = Files.createTempDirectory(out, "reconcile");
        ReconcileCli.run(records, PipelineSettings.defaults(), dir);
        return new Outputs(new HashSet<>(Files.readAllLines(dir.resolve("aggregates.jsonl"))),
                new HashSet<>(Files.readAllLines(dir.resolve("discrepancies.jsonl"))));
    }

    private Outputs streamingJob(List<SyntheticStream.Generated> articles) throws Exception {
        StreamingJobRun run = StreamingJobRun.create("versus")
                .load(articles.stream().map(SyntheticStream.Generated::json).toList())
                .runToEnd();
        return new Outputs(run.finalAggregates(), run.discrepancies());
    }

    private static Set<SyntheticStream.Expected> kinds(Set<String> discrepancies) {
        return discrepancies.stream().map(json -> StreamingJobRun.read(json, Discrepancy.class))
                .map(d -> new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()))
                .collect(Collectors.toSet());
    }

}
