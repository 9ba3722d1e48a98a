package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.SourceClaim;
import io.crosscount.model.Extraction;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/reconcile} over the project's samples: what an analyst gets from them. */
class ReconcileCliIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    @TempDir
    Path out;

    @Test
    void samplesGiveTheirConflictsRegressionAndDeadLetters() throws Exception {
        List<RawRecord> records = new ArrayList<>();
        for (Path file : List.of(Samples.ARTICLES, Samples.DIR.resolve("bad-records.jsonl"))) {
            try (InputStream in = Files.newInputStream(file)) {
                records.addAll(JsonLines.read(in, file.toString()));
            }
        }
        ReconcileCli.run(records, PipelineSettings.defaults(), out);

        // Ten article lines, one a re-sent id: nine extractions, in publication order.
        List<Extraction> extractions = read("extractions.jsonl", Extraction.class);
        assertThat(extractions).hasSize(9);
        assertThat(extractions.get(0).articleId()).isEqualTo("levant-wire-2024-01-26-gaza-toll");

        assertThat(read("dead-letters.jsonl", DeadLetter.class)).extracting(DeadLetter::reason)
                .containsExactlyInAnyOrder(io.crosscount.model.DeadLetterReason.MALFORMED_JSON,
                        io.crosscount.model.DeadLetterReason.MISSING_FIELD, io.crosscount.model.DeadLetterReason.INVALID_FIELD);

        List<Aggregate> aggregates = read("aggregates.jsonl", Aggregate.class);
        assertThat(aggregates).allMatch(Aggregate::isFinal);
        assertThat(aggregates).filteredOn(a -> a.key().equals("hostages_held/unknown/gaza")
                        && a.windowStart().toString().startsWith("2024-01-26"))
                .singleElement().satisfies(a -> {
                    // "environ 132" and "about 136" agree: their bounds overlap on 122..146.
                    assertThat(a.sourceCount()).isEqualTo(2);
                    assertThat(a.consensusLow()).isEqualTo(122L);
                    assertThat(a.consensusHigh()).isEqualTo(146L);
                });

        List<Discrepancy> discrepancies = read("discrepancies.jsonl", Discrepancy.class);
        assertThat(discrepancies).extracting(d -> d.kind(), d -> d.windowStart().toString().substring(0, 10),
                        d -> d.claims().stream().map(SourceClaim::source).toList())
                .containsExactly(
                        tuple(DiscrepancyKind.CONFLICT, "2024-01-26", List.of("Northern Ledger", "Levant Wire")),
                        tuple(DiscrepancyKind.CONFLICT, "2024-01-26",
                                List.of("Northern Ledger", "Le Courrier du Matin", "Levant Wire")),
                        tuple(DiscrepancyKind.CONFLICT, "2024-01-26",
                                List.of("Northern Ledger", "AFP", "Le Courrier du Matin", "Levant Wire")),
                        tuple(DiscrepancyKind.CONFLICT, "2024-01-27",
                                List.of("Northern Ledger", "Levant Wire", "Radio Méridien")),
                        tuple(DiscrepancyKind.REGRESSION, "2024-01-27", List.of("Northern Ledger", "Northern Ledger")));
        // Every piece of evidence links to its article and quotes the sentence its figure came from.
        assertThat(discrepancies).flatMap(Discrepancy::claims).allSatisfy(c -> {
            assertThat(c.url()).startsWith("https://").endsWith(c.articleId());
            assertThat(c.title()).isNotBlank();
            assertThat(c.claim().sentence()).contains(c.text());
        });
        assertThat(aggregates).flatMap(Aggregate::sources).allSatisfy(c -> assertThat(c.url()).isNotNull());
        // Qualified figures that agree are never evidence on their own: no conflict about hostages or wounded.
        assertThat(discrepancies).allMatch(d -> d.key().equals("killed/palestinians/gaza"));
    }

    private <T> List<T> read(String file, Class<T> type) throws IOException {
        List<T> values = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(file))) {
            values.add(Json.MAPPER.readValue(line, type));
        }
        return values;
    }
}
