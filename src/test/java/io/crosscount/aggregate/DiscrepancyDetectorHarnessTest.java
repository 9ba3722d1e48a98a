package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscrepancyDetectorHarnessTest {
    private static final Instant DAY1 = Instant.parse("2024-01-26T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2024-01-27T00:00:00Z");
    private static final Instant DAY3 = Instant.parse("2024-01-28T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Aggregate, Discrepancy> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DiscrepancyDetector(0.01, 0.2, Duration.ofHours(12), Duration.ofDays(30)), Aggregate::key, Types.STRING);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void aggregate(Instant start, Instant end, boolean isFinal, ClaimEvent... claims) throws Exception {
        harness.processElement(new StreamRecord<>(Consensus.of(List.of(claims), start, end, isFinal), end.toEpochMilli() - 1));
    }

    @Test
    void aConflictIsEmittedOnceForTheSameClaimsEvenWhenTheWindowCloses() throws Exception {
        ClaimEvent fr = Claims.event("fr", "a1", "2024-01-26T18:00:00Z", 26000L, 26000L, null,
                io.crosscount.model.Qualifier.MORE_THAN);
        ClaimEvent uk = exact("uk", "a2", "2024-01-26T12:00:00Z", 25700);
        aggregate(DAY1, DAY2, false, uk);
        aggregate(DAY1, DAY2, false, uk, fr);
        aggregate(DAY1, DAY2, true, uk, fr);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
            assertThat(d.claims()).extracting(SourceClaim::articleId).containsExactly("a2", "a1");
        });
    }

    @Test
    void whatTheRetentionHasPassedInEventTimeIsForgottenSoAMonthOldFigureRaisesNoRegression() throws Exception {
        ClaimEvent uk = exact("uk", "a2", "2024-01-26T12:00:00Z", 25700);
        ClaimEvent fr = exact("fr", "a1", "2024-01-26T13:00:00Z", 31000);
        aggregate(DAY1, DAY2, true, uk, fr);
        assertThat(harness.extractOutputValues()).singleElement().extracting(Discrepancy::kind)
                .isEqualTo(DiscrepancyKind.CONFLICT);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        // Thirty days after the window's day the sweep forgets both histories and the conflict.
        harness.processWatermark(DAY2.plus(Duration.ofDays(31)).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        // uk's lower figure a month later is news, not a regression from a figure long forgotten.
        Instant later = DAY2.plus(Duration.ofDays(31));
        aggregate(later, later.plus(Duration.ofDays(1)), true, exact("uk", "a9", later.plusSeconds(3600).toString(), 20000));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aConflictIsResolvedWhenTheSourceCorrectsItsFigureAndStaysResolved() throws Exception {
        ClaimEvent uk = exact("uk", "a2", "2024-01-26T12:00:00Z", 25700);
        ClaimEvent frWrong = exact("fr", "a1", "2024-01-26T13:00:00Z", 31000);
        ClaimEvent frCorrected = exact("fr", "a3", "2024-01-26T15:00:00Z", 25700);
        aggregate(DAY1, DAY2, false, uk, frWrong);
        aggregate(DAY1, DAY2, false, uk, frCorrected);
        aggregate(DAY1, DAY2, true, uk, frCorrected);

        assertThat(harness.extractOutputValues()).satisfiesExactly(
                found -> {
                    assertThat(found.status()).isEqualTo(io.crosscount.model.DiscrepancyStatus.OPEN);
                    assertThat(found.resolvedAt()).isNull();
                },
                resolved -> {
                    assertThat(resolved.kind()).isEqualTo(DiscrepancyKind.CONFLICT);
                    assertThat(resolved.windowStart()).isEqualTo(DAY1);
                    assertThat(resolved.status()).isEqualTo(io.crosscount.model.DiscrepancyStatus.RESOLVED);
                    assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2024-01-26T15:00:00Z"));
                    assertThat(resolved.resolution()).contains("agree again").contains("fr");
                    // The evidence is now what resolved it: each source's latest claim.
                    assertThat(resolved.claims()).extracting(SourceClaim::articleId).containsExactly("a2", "a3");
                });
    }

    @Test
    void aConflictThatComesBackAfterItsResolutionIsOpenAgain() throws Exception {
        ClaimEvent uk = exact("uk", "a2", "2024-01-26T12:00:00Z", 25700);
        aggregate(DAY1, DAY2, false, uk, exact("fr", "a1", "2024-01-26T13:00:00Z", 31000));
        aggregate(DAY1, DAY2, false, uk, exact("fr", "a3", "2024-01-26T15:00:00Z", 25700));
        aggregate(DAY1, DAY2, false, uk, exact("fr", "a4", "2024-01-26T17:00:00Z", 31000));

        assertThat(harness.extractOutputValues()).extracting(Discrepancy::status).containsExactly(
                io.crosscount.model.DiscrepancyStatus.OPEN, io.crosscount.model.DiscrepancyStatus.RESOLVED,
                io.crosscount.model.DiscrepancyStatus.OPEN);
    }

    @Test
    void aSourceWhoseFigureGoesDownInALaterWindowIsARegression() throws Exception {
        aggregate(DAY1, DAY2, true, exact("uk", "a2", "2024-01-26T12:00:00Z", 25700));
        aggregate(DAY2, DAY3, false, exact("uk", "a9", "2024-01-27T14:00:00Z", 24900));
        aggregate(DAY2, DAY3, true, exact("uk", "a9", "2024-01-27T14:00:00Z", 24900));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.REGRESSION);
            assertThat(d.windowStart()).isEqualTo(DAY2);
            assertThat(d.claims()).extracting(SourceClaim::value).containsExactly(25700L, 24900L);
        });
    }

    @Test
    void agreeingSourcesGiveNothing() throws Exception {
        aggregate(DAY1, DAY2, true, exact("en", "a1", "2024-01-26T09:00:00Z", 26083),
                Claims.event("fr", "a2", "2024-01-26T18:00:00Z", 26000L, 26000L, null,
                        io.crosscount.model.Qualifier.MORE_THAN));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aSourceStillRepeatingYesterdaysTollWhileOthersMovedOnIsStaleNotInConflict() throws Exception {
        aggregate(DAY1, DAY2, true, exact("uk", "a1", "2024-01-26T09:00:00Z", 25700));
        // uk repeats its figure of 25 hours before; fr has moved on: uk is stale.
        aggregate(DAY2, DAY3, true, exact("uk", "a2", "2024-01-27T08:00:00Z", 25700),
                exact("fr", "a3", "2024-01-27T10:00:00Z", 26500));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aSourceWithANewFigureThatDisagreesIsInConflictEvenAfterADay() throws Exception {
        aggregate(DAY1, DAY2, true, exact("uk", "a1", "2024-01-26T09:00:00Z", 25700));
        aggregate(DAY2, DAY3, true, exact("uk", "a2", "2024-01-27T08:00:00Z", 25800),
                exact("fr", "a3", "2024-01-27T10:00:00Z", 26500));
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT));
    }

    @Test
    void aRepeatedFigureWithinTheHorizonIsStillCompared() throws Exception {
        aggregate(DAY1, DAY2, true, exact("uk", "a1", "2024-01-26T22:00:00Z", 25700));
        aggregate(DAY2, DAY3, true, exact("uk", "a2", "2024-01-27T08:00:00Z", 25700),
                exact("fr", "a3", "2024-01-27T09:00:00Z", 26500));
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT));
    }

    @Test
    void stateExpiresAfterTheRetentionSoAnOldFigureNoLongerCounts() throws Exception {
        harness.setStateTtlProcessingTime(0);
        aggregate(DAY1, DAY2, true, exact("uk", "a2", "2024-01-26T12:00:00Z", 25700));
        harness.setStateTtlProcessingTime(Duration.ofDays(31).toMillis()); // past the 30-day retention
        aggregate(DAY2, DAY3, true, exact("uk", "a9", "2024-01-27T14:00:00Z", 24900));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void withinTheRetentionTheSameSequenceIsARegression() throws Exception {
        harness.setStateTtlProcessingTime(0);
        aggregate(DAY1, DAY2, true, exact("uk", "a2", "2024-01-26T12:00:00Z", 25700));
        harness.setStateTtlProcessingTime(Duration.ofDays(29).toMillis());
        aggregate(DAY2, DAY3, true, exact("uk", "a9", "2024-01-27T14:00:00Z", 24900));
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.REGRESSION));
    }

    @Test
    void anAggregateTheRulesFailOnIsADeadLetterAndTheNextOneIsStillJudged() throws Exception {
        Aggregate good = Consensus.of(List.of(exact("uk", "a2", "2024-01-26T12:00:00Z", 25700)), DAY1, DAY2, false);
        // A source claim without its publication time: the rules cannot place it in the source's history.
        SourceClaim dated = Claims.source("fr", "a1", "2024-01-26T12:00:00Z", 30000L, 30000L, 30000L,
                io.crosscount.model.Qualifier.EXACT, false);
        SourceClaim undated = new SourceClaim("fr", "a1", null, null, null, List.of("fr"), dated.claim());
        Aggregate broken = new Aggregate(good.metric(), good.subject(), good.group(), good.location(), DAY1, DAY2,
                List.of(good.sources().get(0), undated), 2, 25700L, 30000L, 27850.0, null, null, false, 0);
        harness.processElement(new StreamRecord<>(broken, DAY2.toEpochMilli() - 1));

        aggregate(DAY1, DAY2, false, exact("uk", "a2", "2024-01-26T12:00:00Z", 25700),
                exact("fr", "a3", "2024-01-26T13:00:00Z", 30000));

        assertThat(harness.getSideOutput(io.crosscount.pipeline.DeadLetters.TAG)).singleElement()
                .satisfies(record -> {
                    io.crosscount.model.DeadLetter d = record.getValue();
                    assertThat(d.reason()).isEqualTo(io.crosscount.model.DeadLetterReason.PROCESSING_ERROR);
                    assertThat(d.key()).isEqualTo(broken.key());
                    assertThat(d.detail()).contains("discrepancies stage failed", "replay");
                    assertThat(d.value()).contains("\"article_id\":\"a1\"");
                });
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.CONFLICT));
    }
}
