package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Event time survives a restore: a claim for a day the job had closed before a failure is late
 * after it too, although the restored job's watermark starts again from nothing.
 */
class RestoredWatermarkHarnessTest {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration LATENESS = Duration.ofHours(1);

    private static OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new RestoredWatermark(DAY, DAY, LATENESS)));
    }

    private static StreamRecord<ClaimEvent> record(ClaimEvent e) {
        return new StreamRecord<>(e, e.publishedAt.toEpochMilli());
    }

    /** Runs a job to a watermark on the 28th at noon and returns its checkpoint. */
    private static OperatorSubtaskState checkpointAtNoonOnThe28th() throws Exception {
        try (OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> before = harness()) {
            before.open();
            before.processElement(record(exact("uk", "a1", "2024-01-28T11:00:00Z", 25700)));
            before.processWatermark(new Watermark(Instant.parse("2024-01-28T12:00:00Z").toEpochMilli()));
            before.processElement(record(exact("uk", "a2", "2024-01-28T12:30:00Z", 25800)));
            return before.snapshot(1, 1);
        }
    }

    @Test
    void afterARestoreAClaimForADayClosedBeforeTheFailureIsStillLate() throws Exception {
        OperatorSubtaskState checkpoint = checkpointAtNoonOnThe28th();

        try (OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> after = harness()) {
            after.initializeState(checkpoint);
            after.open();
            // The 26th closed for good at the 27th 01:00 (end plus lateness); the 28th is still open.
            after.processElement(record(exact("fr", "old", "2024-01-26T18:00:00Z", 30000)));
            after.processElement(record(exact("fr", "today", "2024-01-28T10:00:00Z", 26000)));

            assertThat(after.getSideOutput(Pipeline.LATE_CLAIMS)).extracting(r -> r.getValue().articleId)
                    .containsExactly("old");
            assertThat(after.extractOutputValues()).extracting(e -> e.articleId).containsExactly("today");
        }
    }

    @Test
    void theLatenessWindowOfTheDayBeforeIsKept() throws Exception {
        OperatorSubtaskState checkpoint = checkpointAtNoonOnThe28th();

        try (OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> after = harness()) {
            after.initializeState(checkpoint);
            after.open();
            // The 27th ended at midnight but took late claims until 01:00 only: closed by noon.
            // A claim of the 28th's first minute is in an open window.
            after.processElement(record(exact("fr", "27th", "2024-01-27T23:59:00Z", 30000)));
            after.processElement(record(exact("fr", "28th", "2024-01-28T00:01:00Z", 30000)));

            assertThat(after.getSideOutput(Pipeline.LATE_CLAIMS)).extracting(r -> r.getValue().articleId)
                    .containsExactly("27th");
        }
    }

    @Test
    void onceTheWatermarkHasCaughtUpTheWindowJudgesLatenessItself() throws Exception {
        OperatorSubtaskState checkpoint = checkpointAtNoonOnThe28th();

        try (OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> after = harness()) {
            after.initializeState(checkpoint);
            after.open();
            after.processWatermark(new Watermark(Instant.parse("2024-01-28T13:00:00Z").toEpochMilli()));
            after.processElement(record(exact("fr", "old", "2024-01-26T18:00:00Z", 30000)));

            assertThat(after.getSideOutput(Pipeline.LATE_CLAIMS)).isNull();
            assertThat(after.extractOutputValues()).extracting(e -> e.articleId).containsExactly("old");
        }
    }

    @Test
    void aFreshJobHasNothingToRestoreAndPassesEveryClaim() throws Exception {
        try (OneInputStreamOperatorTestHarness<ClaimEvent, ClaimEvent> fresh = harness()) {
            fresh.open();
            fresh.processElement(record(exact("fr", "old", "2024-01-26T18:00:00Z", 30000)));

            assertThat(fresh.extractOutputValues()).extracting(e -> e.articleId).containsExactly("old");
        }
    }
}
