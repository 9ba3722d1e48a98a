package io.crosscount.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Event time as the source decides it: published_at, clamped to arrival, refused when far ahead. */
class ArticleReaderTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private final ArticleReader reader = new ArticleReader(new ArticleParser(), Duration.ofDays(1));

    private static RawRecord arriving(Instant kafkaTimestamp, Instant publishedAt) {
        String json = "{\"id\":\"a1\",\"source\":\"Outlet\",\"published_at\":\"" + publishedAt
                + "\",\"body\":\"Texte.\"}";
        return new RawRecord("articles", 2, 7L, kafkaTimestamp == null ? -1 : kafkaTimestamp.toEpochMilli(),
                null, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anArticlePublishedBeforeItArrivedCountsAtItsPublicationTime() {
        Instant published = NOW.minus(Duration.ofMinutes(30));
        ParsedRecord r = reader.read(arriving(NOW.minusSeconds(5), published), NOW.toEpochMilli());
        assertThat(r.eventTime()).isEqualTo(published.toEpochMilli());
        assertThat(r.publishedInTheFuture()).isFalse();
        assertThat(r).extracting(ParsedRecord::topic, ParsedRecord::partition, ParsedRecord::offset)
                .containsExactly("articles", 2, 7L);
    }

    @Test
    void anArticleDatedAheadOfItsArrivalCountsAtItsArrivalAndKeepsItsStatedTime() {
        Instant arrival = NOW.minusSeconds(5);
        ParsedRecord r = reader.read(arriving(arrival, NOW.plus(Duration.ofHours(3))), NOW.toEpochMilli());
        assertThat(r.eventTime()).isEqualTo(arrival.toEpochMilli());
        assertThat(r.publishedInTheFuture()).isTrue();
        assertThat(r.article().publishedAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
    }

    @Test
    void aKafkaTimestampAheadOfTheWallClockIsNoArrivalTime() {
        // A producer may stamp records itself (CreateTime): the wall clock bounds what arrival can be.
        ParsedRecord r = reader.read(arriving(NOW.plus(Duration.ofMinutes(50)), NOW.plus(Duration.ofMinutes(40))),
                NOW.toEpochMilli());
        assertThat(r.eventTime()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void aReplayDecidesAsTheLiveRunDid() {
        // Read a year later, the record's Kafka timestamp still is its arrival.
        Instant arrival = NOW.minusSeconds(5);
        ParsedRecord live = reader.read(arriving(arrival, NOW.plus(Duration.ofHours(3))), NOW.toEpochMilli());
        ParsedRecord replay = reader.read(arriving(arrival, NOW.plus(Duration.ofHours(3))),
                NOW.plus(Duration.ofDays(365)).toEpochMilli());
        assertThat(replay.eventTime()).isEqualTo(live.eventTime());
    }

    @Test
    void anArticleMoreThanTheBoundAheadIsADeadLetterThatSaysWhatToDo() {
        ParsedRecord r = reader.read(arriving(NOW, NOW.plus(Duration.ofHours(30))), NOW.toEpochMilli());
        assertThat(r.isAccepted()).isFalse();
        assertThat(r.eventTime()).isEqualTo(ParsedRecord.NO_EVENT_TIME);
        assertThat(r.deadLetter().reason()).isEqualTo(DeadLetterReason.INVALID_FIELD);
        assertThat(r.deadLetter().detail()).contains("30 h 0 min ahead", "clock or time zone",
                "--max-future-publication");
        assertThat(r.deadLetter()).extracting(DeadLetter::topic, DeadLetter::partition, DeadLetter::offset)
                .containsExactly("articles", 2, 7L);
    }

    @Test
    void withoutAKafkaTimestampTheWallClockIsTheArrival() {
        ParsedRecord r = reader.read(arriving(null, NOW.plus(Duration.ofHours(2))), NOW.toEpochMilli());
        assertThat(r.eventTime()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void aRecordThatDoesNotParseHasNoEventTime() {
        RawRecord raw = new RawRecord("articles", 0, 1L, NOW.toEpochMilli(), null, "{".getBytes(StandardCharsets.UTF_8));
        ParsedRecord r = reader.read(raw, NOW.toEpochMilli());
        assertThat(r.eventTime()).isEqualTo(ParsedRecord.NO_EVENT_TIME);
        assertThat(r.deadLetter().reason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
    }
}
