package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims of a key reach the window in publication order, once the watermark has passed them. */
class EventTimeOrderHarnessTest {
    private KeyedOneInputStreamOperatorTestHarness<String, ClaimEvent, ClaimEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EventTimeOrder()),
                ClaimEvent::key, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void claim(ClaimEvent e) throws Exception {
        harness.processElement(new StreamRecord<>(e, e.publishedAt.toEpochMilli()));
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private List<String> released() {
        return harness.extractOutputValues().stream().map(e -> e.articleId).toList();
    }

    @Test
    void claimsWaitForTheWatermarkThenGoOnInPublicationOrder() throws Exception {
        // A partition read ahead delivers the afternoon before the morning.
        claim(exact("Ledger", "c", "2026-12-06T15:00:00Z", 300));
        claim(exact("Wire", "a", "2026-12-06T09:00:00Z", 100));
        claim(exact("Radio", "b", "2026-12-06T12:00:00Z", 200));
        assertThat(released()).isEmpty();

        harness.processWatermark(new Watermark(at("2026-12-06T12:00:00Z")));
        assertThat(released()).containsExactly("a", "b");
        assertThat(harness.extractOutputStreamRecords()).extracting(StreamRecord::getTimestamp)
                .containsExactly(at("2026-12-06T09:00:00Z"), at("2026-12-06T12:00:00Z"));

        harness.processWatermark(new Watermark(at("2026-12-06T16:00:00Z")));
        assertThat(released()).containsExactly("a", "b", "c");
    }

    @Test
    void simultaneousClaimsGoOnByArticleIdWhateverTheirArrival() throws Exception {
        claim(exact("Radio", "z-article", "2026-12-06T09:00:00Z", 100));
        claim(exact("Wire", "a-article", "2026-12-06T09:00:00Z", 110));
        harness.processWatermark(new Watermark(at("2026-12-06T10:00:00Z")));
        assertThat(released()).containsExactly("a-article", "z-article");
    }

    @Test
    void aClaimAlreadyBehindTheWatermarkGoesOnAtOnceForTheWindowToJudge() throws Exception {
        harness.processWatermark(new Watermark(at("2026-12-06T12:00:00Z")));
        claim(exact("Wire", "old", "2026-12-06T08:00:00Z", 100));
        assertThat(released()).containsExactly("old");
    }

    @Test
    void waitingClaimsSurviveARestoreFromASnapshot() throws Exception {
        claim(exact("Wire", "a", "2026-12-06T09:00:00Z", 100));
        var snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EventTimeOrder()),
                ClaimEvent::key, Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        harness.processWatermark(new Watermark(at("2026-12-06T10:00:00Z")));
        assertThat(released()).containsExactly("a");
    }
}
