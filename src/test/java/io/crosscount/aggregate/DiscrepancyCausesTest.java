package io.crosscount.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Claim;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyCause;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.model.Severity;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One constructed conflict for each likely cause, and the order in which the rules are tried. */
class DiscrepancyCausesTest {
    private static final Duration STALE_AFTER = Duration.ofHours(12);

    private static SourceClaim claim(String source, String at, long low, Long high, Qualifier qualifier,
                                     boolean hedged, String attributedTo) {
        Long value = qualifier == Qualifier.EXACT || qualifier == Qualifier.APPROX && high != null
                ? (qualifier == Qualifier.EXACT ? low : (low + high) / 2) : low;
        Claim c = new Claim(Metric.KILLED, "palestinians", null, "gaza", value, low, high, qualifier, hedged,
                attributedTo, 0, 4, String.valueOf(value));
        return new SourceClaim(source, source + "-" + at, Instant.parse(at), null, null, List.of(source), c);
    }

    private static SourceClaim exact(String source, String at, long value, String attributedTo) {
        return claim(source, at, value, value, Qualifier.EXACT, false, attributedTo);
    }

    private static DiscrepancyCause causeOf(DiscrepancyKind kind, Double growthPerHour, SourceClaim... claims) {
        Discrepancy d = new Discrepancy(Metric.KILLED, "palestinians", null, "gaza",
                Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"), kind, Severity.MEDIUM,
                0.2, List.of(claims), "", Instant.parse("2026-12-06T20:00:00Z"));
        return DiscrepancyCauses.of(d, growthPerHour, STALE_AFTER);
    }

    @Test
    void anOlderLowerReportWithinTheFiguresUsualGrowthIsStale() {
        // 300 more in 10 hours, while the toll usually grows by 40 an hour.
        assertThat(causeOf(DiscrepancyKind.CONFLICT, 40.0,
                exact("a", "2026-12-06T08:00:00Z", 2000, null), exact("b", "2026-12-06T18:00:00Z", 2300, null)))
                .isEqualTo(DiscrepancyCause.STALE_REPORT);
        // The same gap in one hour is more than growth explains.
        assertThat(causeOf(DiscrepancyKind.CONFLICT, 40.0,
                exact("a", "2026-12-06T17:00:00Z", 2000, null), exact("b", "2026-12-06T18:00:00Z", 2300, null)))
                .isEqualTo(DiscrepancyCause.UNEXPLAINED);
        // Without a known growth rate, age alone beyond the horizon.
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null,
                exact("a", "2026-12-05T18:00:00Z", 2000, null), exact("b", "2026-12-06T18:00:00Z", 2300, null)))
                .isEqualTo(DiscrepancyCause.STALE_REPORT);
    }

    @Test
    void theNewerReportBeingTheLowerOneIsNeverStale() {
        assertThat(causeOf(DiscrepancyKind.CONFLICT, 40.0,
                exact("a", "2026-12-06T18:00:00Z", 2000, null), exact("b", "2026-12-06T08:00:00Z", 2300, null)))
                .isEqualTo(DiscrepancyCause.UNEXPLAINED);
    }

    @Test
    void aPopulationStatedByOneAndInferredByTheOtherIsScope() {
        SourceClaim stated = exact("a", "2026-12-06T10:00:00Z", 2000, "gaza_health_ministry");
        SourceClaim inferred = exact("b", "2026-12-06T11:00:00Z", 2600, "israel_defense_forces");
        inferred = new SourceClaim(inferred.source(), inferred.articleId(), inferred.publishedAt(), null, null,
                inferred.outlets(), inferred.claim().withInferred(true, false));
        // Scope is tried before attribution: the two may not count the same people at all.
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null, stated, inferred)).isEqualTo(DiscrepancyCause.SCOPE);
    }

    @Test
    void differentAuthoritiesCitedIsAttribution() {
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null,
                exact("a", "2026-12-06T10:00:00Z", 2000, "gaza_health_ministry"),
                exact("b", "2026-12-06T11:00:00Z", 2600, "israel_defense_forces")))
                .isEqualTo(DiscrepancyCause.ATTRIBUTION);
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null,
                exact("a", "2026-12-06T10:00:00Z", 2000, "gaza_health_ministry"),
                exact("b", "2026-12-06T11:00:00Z", 2600, "gaza_health_ministry")))
                .isEqualTo(DiscrepancyCause.UNEXPLAINED);
    }

    @Test
    void aRoundApproximateFigureWithinItsRoundingUnitIsRounding() {
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null,
                claim("a", "2026-12-06T10:00:00Z", 25900, 26100L, Qualifier.APPROX, false, null),
                exact("b", "2026-12-06T11:00:00Z", 25400, null)))
                .isEqualTo(DiscrepancyCause.ROUNDING);
        assertThat(DiscrepancyCauses.roundingUnit(26000)).isEqualTo(1000);
        assertThat(DiscrepancyCauses.roundingUnit(26083)).isEqualTo(1);
        assertThat(DiscrepancyCauses.roundingUnit(100)).isEqualTo(10);
    }

    @Test
    void aHedgedSideIsHedgedWhenNothingElseExplainsIt() {
        assertThat(causeOf(DiscrepancyKind.CONFLICT, null,
                claim("a", "2026-12-06T10:00:00Z", 2000, 2000L, Qualifier.EXACT, true, null),
                exact("b", "2026-12-06T11:00:00Z", 2600, null)))
                .isEqualTo(DiscrepancyCause.HEDGED);
    }

    @Test
    void anOutlierIsJudgedAgainstTheClaimNearestTheMedian() {
        assertThat(causeOf(DiscrepancyKind.OUTLIER, null,
                exact("a", "2026-12-06T10:00:00Z", 1000, null), exact("b", "2026-12-06T10:00:00Z", 1010, null),
                exact("c", "2026-12-06T10:00:00Z", 1020, null),
                exact("d", "2026-12-06T11:00:00Z", 3000, "ministry_of_health")))
                .isEqualTo(DiscrepancyCause.UNEXPLAINED);
        assertThat(DiscrepancyCauses.sides(new Discrepancy(Metric.KILLED, "p", null, "g", Instant.EPOCH, Instant.EPOCH,
                DiscrepancyKind.OUTLIER, Severity.LOW, 1, List.of(exact("a", "2026-12-06T10:00:00Z", 1000, null),
                exact("b", "2026-12-06T10:00:00Z", 1010, null), exact("c", "2026-12-06T10:00:00Z", 1020, null),
                exact("d", "2026-12-06T11:00:00Z", 3000, null)), "", Instant.EPOCH)))
                .extracting(SourceClaim::source).containsExactly("b", "d");
    }
}
