package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.event;
import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.bench.OneKeyFixtures;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final Instant START = Instant.parse("2024-01-26T00:00:00Z");
    private static final Instant END = Instant.parse("2024-01-27T00:00:00Z");
    private static final double TOLERANCE = io.crosscount.pipeline.PipelineSettings.defaults().tolerance();
    private static final double OUTLIER = io.crosscount.pipeline.PipelineSettings.defaults().outlierThreshold();

    @Test
    void intersectsTheSourcesBoundsAndSummarisesTheirValues() {
        Aggregate a = Consensus.of(List.of(
                event("fr", "a1", "2024-01-26T18:00:00Z", 26000L, 26000L, null, Qualifier.MORE_THAN),
                exact("en", "a2", "2024-01-26T09:00:00Z", 26083),
                event("de", "a3", "2024-01-26T10:00:00Z", 26100L, 23490L, 28710L, Qualifier.APPROX)), START, END, true);
        assertThat(a.sources()).extracting(SourceClaim::source).containsExactly("de", "en", "fr");
        assertThat(a.sourceCount()).isEqualTo(3);
        assertThat(a.sourcesOmitted()).isZero();
        assertThat(a.min()).isEqualTo(26000L);
        assertThat(a.max()).isEqualTo(26100L);
        assertThat(a.median()).isEqualTo(26083.0);
        assertThat(a.consensusLow()).isEqualTo(26083L);
        assertThat(a.consensusHigh()).isEqualTo(26083L);
        assertThat(a.isFinal()).isTrue();
        assertThat(a.key()).isEqualTo("killed/palestinians/gaza");
    }

    @Test
    void disjointBoundsHaveNoConsensusAndVagueAmountsNoValue() {
        Aggregate a = Consensus.of(List.of(exact("a", "1", "2024-01-26T01:00:00Z", 100),
                event("b", "2", "2024-01-26T02:00:00Z", null, 200L, 999L, Qualifier.VAGUE)), START, END, false);
        assertThat(a.consensusLow()).isNull();
        assertThat(a.consensusHigh()).isNull();
        assertThat(a.median()).isEqualTo(100.0);
        assertThat(a.min()).isEqualTo(100L);
    }

    @Test
    void aKeyOfFiveThousandOutletsListsAHundredSourcesInARecordFarUnderOneMegabyte() throws Exception {
        List<ClaimEvent> claims = OneKeyFixtures.claims(5_000);
        Aggregate a = Consensus.of(claims, START, END, false);

        assertThat(a.sourceCount()).isEqualTo(3_605); // 5,000 outlets, wire credits and copies folded
        assertThat(a.sources()).hasSize(Consensus.MAX_LISTED_SOURCES);
        assertThat(a.sourcesOmitted()).isEqualTo(3_505);
        assertThat(a.sources()).extracting(SourceClaim::source).isSorted();
        byte[] json = Json.writeBytes(a);
        assertThat(json.length).isLessThan(100_000);
        assertThat(Json.MAPPER.readTree(json).get("sources_omitted").asInt()).isEqualTo(3_505);
    }

    @Test
    void theListedSourcesHoldTheEvidenceOfTheWidestConflictTheOutlierAndTheNewestClaim() {
        List<ClaimEvent> claims = OneKeyFixtures.claims(5_000);
        Aggregate all = Consensus.of(claims, START, END, false, SyndicatedReports.DEFAULT_SIMILARITY, Integer.MAX_VALUE);
        Aggregate listed = Consensus.of(claims, START, END, false);

        assertThat(listed).usingRecursiveComparison().comparingOnlyFields("sourceCount", "min", "max", "median",
                "consensusLow", "consensusHigh").isEqualTo(all);
        Discrepancy conflictOfAll = DiscrepancyRules.conflict(all, TOLERANCE).orElseThrow();
        Discrepancy conflictOfListed = DiscrepancyRules.conflict(listed, TOLERANCE).orElseThrow();
        assertThat(conflictOfListed.relativeGap()).isEqualTo(conflictOfAll.relativeGap());
        assertThat(conflictOfListed.severity()).isEqualTo(conflictOfAll.severity());
        assertThat(conflictOfListed.claims()).hasSizeLessThanOrEqualTo(Consensus.MAX_LISTED_SOURCES);
        Discrepancy outlierOfListed = DiscrepancyRules.outlier(listed, OUTLIER).orElseThrow();
        assertThat(outlierOfListed.explanation())
                .startsWith(firstWord(DiscrepancyRules.outlier(all, OUTLIER).orElseThrow().explanation()));
        Instant newest = all.sources().stream().map(SourceClaim::publishedAt).max(Instant::compareTo).orElseThrow();
        assertThat(listed.sources()).extracting(SourceClaim::publishedAt).contains(newest);
    }

    @Test
    void whichSourcesAreListedDoesNotDependOnTheOrderClaimsArrivedIn() {
        List<ClaimEvent> claims = new java.util.ArrayList<>(OneKeyFixtures.claims(1_000));
        Aggregate first = Consensus.of(claims, START, END, false);
        java.util.Collections.shuffle(claims, new java.util.Random(3));
        assertThat(Consensus.of(claims, START, END, false)).isEqualTo(first);
        assertThat(first.sourcesOmitted()).isPositive();
    }

    private static String firstWord(String s) {
        return s.substring(0, s.indexOf(' ') + 1);
    }
}
