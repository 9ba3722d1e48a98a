package io.crosscount.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Output records carry the event time they stand for, never a time ahead of the wall clock. */
class JsonRecordSerializerTest {
    private static final long NOW = Instant.parse("2026-12-06T15:00:00Z").toEpochMilli();

    @Test
    void aRecordCarriesTheEventTimeItStandsFor() {
        JsonRecordSerializer<Instant> serializer = new JsonRecordSerializer<>("t", i -> "k", i -> i);
        Instant earlier = Instant.ofEpochMilli(NOW - 3_600_000);
        assertThat(serializer.kafkaTimestamp(earlier, NOW + 86_400_000L, NOW)).isEqualTo(earlier.toEpochMilli());
    }

    @Test
    void anEventTimeAheadOfTheWallClockIsClampedToIt() {
        JsonRecordSerializer<Instant> serializer = new JsonRecordSerializer<>("t", i -> "k", i -> i);
        assertThat(serializer.kafkaTimestamp(Instant.ofEpochMilli(NOW + 86_400_000L), null, NOW)).isEqualTo(NOW);
    }

    @Test
    void withoutAnEventTimeTheFlinkTimestampIsUsedAndClampedToo() {
        JsonRecordSerializer<String> serializer = new JsonRecordSerializer<>("t", s -> s, RecordTime.flinkTimestamp());
        assertThat(serializer.kafkaTimestamp("x", NOW - 5, NOW)).isEqualTo(NOW - 5);
        // A window's end, a day ahead: the broker would refuse it.
        assertThat(serializer.kafkaTimestamp("x", NOW + 86_399_999L, NOW)).isEqualTo(NOW);
        assertThat(serializer.kafkaTimestamp("x", null, NOW)).isEqualTo(NOW);
        assertThat(serializer.kafkaTimestamp("x", Long.MIN_VALUE, NOW)).isEqualTo(NOW);
    }
}
