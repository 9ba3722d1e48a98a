package io.crosscount.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.cli.JsonLines;
import io.crosscount.cli.ReconcileCli;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Extraction;
import io.crosscount.pipeline.Pipeline;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.MiniClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over 5,000 generated articles with known injected discrepancies, syndicated
 * copies, stale sources, late and re-sent articles, fed in the order they arrive (as the live job
 * reads them). Discrepancies are compared with the ground truth by key, window and kind.
 */
class SyntheticStreamIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Instant START = Instant.parse("2024-02-01T00:00:00Z");

    @TempDir
    static Path out;
    @TempDir
    static Path withoutStaleness;

    private static SyntheticStream stream;
    private static SyntheticStream.Truth truth;

    @BeforeAll
    static void run() throws Exception {
        stream = SyntheticStream.generate(5_000, 25, 7, START, 1_200);
        truth = stream.truth();
        String jsonl = stream.arrivals().stream().map(SyntheticStream.Generated::json).collect(Collectors.joining("\n"));
        List<RawRecord> records = JsonLines.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "synthetic");
        runInArrivalOrder(records, PipelineSettings.defaults(), out);
        runInArrivalOrder(records, PipelineSettings.defaults().withStalenessHorizon(java.time.Duration.ofDays(365)),
                withoutStaleness);
    }

    private static void runInArrivalOrder(List<RawRecord> records, PipelineSettings settings, Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(1);
        ReconcileCli.writeJsonl(Pipeline.define(
                Pipeline.readRecords(env.fromData(records, TypeInformation.of(RawRecord.class)), settings), settings),
                dir, "synthetic-stream", line -> { });
    }

    @Test
    void everyInjectedDiscrepancyIsFoundAndNothingElse() throws Exception {
        Set<SyntheticStream.Expected> detected = new HashSet<>();
        for (Discrepancy d : read("discrepancies.jsonl", Discrepancy.class)) {
            detected.add(new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()));
        }
        Set<SyntheticStream.Expected> expected = truth.discrepancies();

        Map<DiscrepancyKind, int[]> confusion = new TreeMap<>(); // true positives, false positives, false negatives
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            confusion.put(kind, new int[3]);
        }
        detected.forEach(d -> confusion.get(d.kind())[expected.contains(d) ? 0 : 1]++);
        expected.stream().filter(e -> !detected.contains(e)).forEach(e -> confusion.get(e.kind())[2]++);
        int tp = confusion.values().stream().mapToInt(c -> c[0]).sum();
        int fp = confusion.values().stream().mapToInt(c -> c[1]).sum();
        int fn = confusion.values().stream().mapToInt(c -> c[2]).sum();
        StringBuilder report = new StringBuilder(String.format("%nSynthetic stream: %d articles arriving (%d re-sent), "
                        + "%d windows, injected cases %s%n%-12s %5s %5s %5s%n", stream.arrivals().size(),
                stream.arrivals().stream().filter(SyntheticStream.Generated::resent).count(), truth.cases().size(),
                stream.caseCounts(), "kind", "TP", "FP", "FN"));
        confusion.forEach((kind, c) -> report.append(String.format("%-12s %5d %5d %5d%n", kind.wireName(), c[0], c[1], c[2])));
        report.append(String.format("%-12s %5d %5d %5d   precision %.3f recall %.3f%n", "all", tp, fp, fn,
                tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn)));
        System.out.print(report);

        assertThat(expected).hasSizeGreaterThanOrEqualTo(20);
        assertThat(detected).as(report.toString()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void withoutTheStalenessHorizonTheStaleCasesWouldBeConflicts() throws Exception {
        Set<String> staleWindows = new HashSet<>();
        truth.cases().forEach((window, c) -> {
            if (c == SyntheticStream.Case.STALE || c == SyntheticStream.Case.STALE_WIRE_COPY) {
                staleWindows.add(window);
            }
        });
        Set<String> extraConflicts = new HashSet<>();
        for (Discrepancy d : read(withoutStaleness, "discrepancies.jsonl", Discrepancy.class)) {
            if (!truth.discrepancies().contains(new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()))) {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
                extraConflicts.add(SyntheticStream.Truth.window(d.key(), d.windowStart()));
            }
        }
        assertThat(extraConflicts).isEqualTo(staleWindows).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void syndicatedCopiesAreCountedOnceSoTheyNeverMakeAgreementByThemselves() throws Exception {
        Map<String, Aggregate> lastFinal = new HashMap<>();
        for (Aggregate a : read("aggregates.jsonl", Aggregate.class)) {
            lastFinal.put(SyntheticStream.Truth.window(a.key(), a.windowStart()), a);
        }
        assertThat(lastFinal.keySet()).isEqualTo(truth.reportsPerWindow().keySet());
        int syndicatedWindows = 0;
        for (Map.Entry<String, Aggregate> e : lastFinal.entrySet()) {
            Aggregate a = e.getValue();
            assertThat(a.sourceCount()).as("independent reports in %s", e.getKey())
                    .isEqualTo(truth.reportsPerWindow().get(e.getKey()));
            int outlets = a.sources().stream().mapToInt(s -> s.outlets().size()).sum();
            assertThat(outlets).as("outlets in %s", e.getKey()).isEqualTo(truth.outletsPerWindow().get(e.getKey()));
            if (outlets > a.sourceCount()) {
                syndicatedWindows++;
            }
        }
        // The wire-copy, near-duplicate, stale-wire and copied-conflict cases, each on several days.
        assertThat(syndicatedWindows).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyArticleGivesItsClaimAndLateOnesBecomeDeadLetters() throws Exception {
        List<Extraction> extractions = read("extractions.jsonl", Extraction.class);
        assertThat(extractions).hasSize(truth.claimsByArticle().size()); // re-sent articles once
        for (Extraction e : extractions) {
            SyntheticStream.ExpectedClaim want = truth.claimsByArticle().get(e.articleId());
            assertThat(e.claims()).as(e.articleId()).singleElement().satisfies(c -> {
                assertThat(ClaimKey.of(c.metric(), c.subject(), c.group(), c.location())).isEqualTo(want.key());
                assertThat(c.low()).isEqualTo(want.low());
                assertThat(c.high()).isEqualTo(want.high());
            });
        }
        List<DeadLetter> dead = read("dead-letters.jsonl", DeadLetter.class);
        assertThat(dead).extracting(DeadLetter::reason).containsOnly(io.crosscount.model.DeadLetterReason.LATE);
        assertThat(dead).hasSize(truth.lateClaims()).hasSizeGreaterThanOrEqualTo(2);
        // A late claim's dead letter still says where its article was read (here: the input's line).
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.topic()).isNotNull();
            assertThat(d.offset()).isNotNull();
        });
    }

    private static <T> List<T> read(String file, Class<T> type) throws Exception {
        return read(out, file, type);
    }

    private static <T> List<T> read(Path dir, String file, Class<T> type) throws Exception {
        List<T> items = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(file))) {
            if (!line.isBlank()) {
                items.add(Json.MAPPER.readValue(line, type));
            }
        }
        return items;
    }
}
