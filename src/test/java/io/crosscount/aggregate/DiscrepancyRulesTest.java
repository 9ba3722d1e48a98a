package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.model.Severity;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscrepancyRulesTest {
    private static final SourceClaim MORE_THAN_26000 =
            source("fr", "a1", "2024-01-26T18:00:00Z", 26000L, 26000L, null, Qualifier.MORE_THAN, false);
    private static final SourceClaim EXACT_26083 =
            source("en", "a2", "2024-01-26T09:00:00Z", 26083L, 26083L, 26083L, Qualifier.EXACT, false);
    private static final SourceClaim EXACT_25700 =
            source("uk", "a3", "2024-01-26T12:00:00Z", 25700L, 25700L, 25700L, Qualifier.EXACT, false);

    private static Aggregate aggregate(SourceClaim... claims) {
        return new Aggregate(Metric.KILLED, "palestinians", null, "gaza", Instant.parse("2024-01-26T00:00:00Z"),
                Instant.parse("2024-01-27T00:00:00Z"), List.of(claims), claims.length, null, null, null, null, null, false, 0);
    }

    @Test
    void qualifiedFiguresThatOverlapDoNotConflict() {
        assertThat(DiscrepancyRules.conflict(aggregate(MORE_THAN_26000, EXACT_26083), 0.01)).isEmpty();
        SourceClaim about132 = source("a", "x", "2024-01-26T00:00:00Z", 132L, 118L, 146L, Qualifier.APPROX, false);
        SourceClaim exact136 = source("b", "y", "2024-01-26T00:00:00Z", 136L, 136L, 136L, Qualifier.EXACT, false);
        assertThat(DiscrepancyRules.conflict(aggregate(about132, exact136), 0.01)).isEmpty();
    }

    @Test
    void boundsApartBeyondToleranceConflictWithBothClaimsAsEvidence() {
        Discrepancy d = DiscrepancyRules.conflict(aggregate(MORE_THAN_26000, EXACT_25700), 0.01).orElseThrow();
        assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
        assertThat(d.relativeGap()).isEqualTo(0.0117); // (26000 - 25700) / 25700
        assertThat(d.severity()).isEqualTo(Severity.LOW);
        assertThat(d.claims()).extracting(SourceClaim::source).containsExactly("uk", "fr");
        assertThat(d.detectedAt()).isEqualTo(Instant.parse("2024-01-26T18:00:00Z"));
        assertThat(d.explanation()).isEqualTo("fr reports \"26000\" for killed/palestinians/gaza while uk reports "
                + "\"25700\"; the figures are 1.2% apart.");
    }

    @Test
    void gapWithinToleranceIsNoConflict() {
        assertThat(DiscrepancyRules.conflict(aggregate(MORE_THAN_26000, EXACT_25700), 0.02)).isEmpty();
    }

    @Test
    void severityGrowsWithTheGapAndHedgingLowersIt() {
        assertThat(DiscrepancyRules.severity(0.05, false)).isEqualTo(Severity.LOW);
        assertThat(DiscrepancyRules.severity(0.2, false)).isEqualTo(Severity.MEDIUM);
        assertThat(DiscrepancyRules.severity(0.8, false)).isEqualTo(Severity.HIGH);
        assertThat(DiscrepancyRules.severity(0.8, true)).isEqualTo(Severity.MEDIUM);
        assertThat(DiscrepancyRules.severity(0.2, true)).isEqualTo(Severity.LOW);
    }

    @Test
    void aCumulativeFigureGoingDownIsARegression() {
        SourceClaim later = source("uk", "a9", "2024-01-27T14:00:00Z", 24900L, 24900L, 24900L, Qualifier.EXACT, false);
        Optional<Discrepancy> d = DiscrepancyRules.regression(aggregate(later), EXACT_25700, later, 0.01);
        assertThat(d).get().extracting(Discrepancy::kind, Discrepancy::relativeGap, Discrepancy::severity)
                .containsExactly(DiscrepancyKind.REGRESSION, 0.0321, Severity.LOW);
        assertThat(d.get().claims()).extracting(SourceClaim::articleId).containsExactly("a3", "a9");
    }

    @Test
    void aFigureGoingUpOrAnOlderReportIsNoRegression() {
        SourceClaim higher = source("uk", "a9", "2024-01-27T14:00:00Z", 26900L, 26900L, 26900L, Qualifier.EXACT, false);
        assertThat(DiscrepancyRules.regression(aggregate(higher), EXACT_25700, higher, 0.01)).isEmpty();
        SourceClaim older = source("uk", "a0", "2024-01-25T14:00:00Z", 24000L, 24000L, 24000L, Qualifier.EXACT, false);
        assertThat(DiscrepancyRules.regression(aggregate(older), EXACT_25700, older, 0.01)).isEmpty();
    }

    @Test
    void oneSourceFarFromTheMedianOfThreeOthersIsAnOutlier() {
        Discrepancy d = DiscrepancyRules.outlier(aggregate(
                source("a", "1", "2024-01-26T01:00:00Z", 26000L, 26000L, 26000L, Qualifier.EXACT, false),
                source("b", "2", "2024-01-26T02:00:00Z", 26083L, 26083L, 26083L, Qualifier.EXACT, false),
                source("c", "3", "2024-01-26T03:00:00Z", 25900L, 25900L, 25900L, Qualifier.EXACT, false),
                source("d", "4", "2024-01-26T04:00:00Z", 12000L, 12000L, 12000L, Qualifier.EXACT, true)), 0.2)
                .orElseThrow();
        assertThat(d.kind()).isEqualTo(DiscrepancyKind.OUTLIER);
        assertThat(d.relativeGap()).isEqualTo(1.1667); // (26000 - 12000) / 12000
        assertThat(d.severity()).isEqualTo(Severity.MEDIUM); // high, lowered because the claim is hedged
        assertThat(d.explanation()).startsWith("d reports \"12000\" for killed/palestinians/gaza, 116.7% away from "
                + "the median 26000 of the 3 other sources.");
        assertThat(d.claims()).extracting(SourceClaim::source).containsExactly("d", "c", "a", "b");
    }

    @Test
    void twoGroupsOfSourcesApartAreMoreSevereThanOneSourceApart() {
        SourceClaim lowA = source("a", "1", "2024-01-26T01:00:00Z", 24000L, 24000L, 24000L, Qualifier.EXACT, false);
        SourceClaim lowB = source("b", "2", "2024-01-26T02:00:00Z", 24050L, 24050L, 24050L, Qualifier.EXACT, false);
        SourceClaim highC = source("c", "3", "2024-01-26T03:00:00Z", 26000L, 26000L, 26000L, Qualifier.EXACT, false);
        SourceClaim highD = source("d", "4", "2024-01-26T04:00:00Z", 26083L, 26083L, 26083L, Qualifier.EXACT, false);

        Discrepancy lone = DiscrepancyRules.conflict(aggregate(lowA, highC, highD), 0.01).orElseThrow();
        Discrepancy split = DiscrepancyRules.conflict(aggregate(lowA, lowB, highC, highD), 0.01).orElseThrow();

        assertThat(lone.severity()).isEqualTo(Severity.LOW); // 8.7% apart, one source against two
        assertThat(split.severity()).isEqualTo(Severity.MEDIUM); // the same gap, two sources against two
        assertThat(split.explanation()).contains(", 2 sources against 2.");
    }

    @Test
    void anApproximateFigureMakesAConflictLessSevere() {
        SourceClaim about = source("a", "1", "2024-01-26T01:00:00Z", 10000L, 9000L, 11000L, Qualifier.APPROX, false);
        SourceClaim exact = source("b", "2", "2024-01-26T02:00:00Z", 26000L, 26000L, 26000L, Qualifier.EXACT, false);
        assertThat(DiscrepancyRules.conflict(aggregate(about, exact), 0.01).orElseThrow().severity())
                .isEqualTo(Severity.MEDIUM); // 136% apart: high, lowered because "about" is approximate
    }

    @Test
    void noOutlierWithFewerThanFourSourcesOrWithinTheThreshold() {
        SourceClaim a = source("a", "1", "2024-01-26T01:00:00Z", 100L, 100L, 100L, Qualifier.EXACT, false);
        SourceClaim b = source("b", "2", "2024-01-26T01:00:00Z", 105L, 105L, 105L, Qualifier.EXACT, false);
        SourceClaim c = source("c", "3", "2024-01-26T01:00:00Z", 95L, 95L, 95L, Qualifier.EXACT, false);
        SourceClaim far = source("d", "4", "2024-01-26T01:00:00Z", 300L, 300L, 300L, Qualifier.EXACT, false);
        SourceClaim near = source("e", "5", "2024-01-26T01:00:00Z", 115L, 115L, 115L, Qualifier.EXACT, false);
        assertThat(DiscrepancyRules.outlier(aggregate(a, b, far), 0.2)).isEmpty();
        assertThat(DiscrepancyRules.outlier(aggregate(a, b, c, near), 0.2)).isEmpty();
    }
}
