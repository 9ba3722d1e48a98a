package io.crosscount.ingest;

import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads a raw record into a {@link ParsedRecord}: parses and validates it, and decides the event
 * time it counts at. Used inside the Kafka source (so that Flink keeps event time per partition)
 * and by the file-based tools. Never throws for bad input.
 *
 * <p>Event time is {@code published_at}, except when a publisher's clock or time zone puts it
 * ahead of the record's arrival (its Kafka timestamp, or the wall clock when that is later or
 * absent): such an article counts at its arrival, so one wrong clock cannot drag event time into
 * the future and make every other article late. Arrival is the Kafka timestamp whenever that is
 * in the past, so a replay decides exactly as the live run did. Beyond {@code maxFuture} ahead
 * the date is not believable at all and the article is refused.
 */
public final class ArticleReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArticleParser parser;
    private final long maxFutureMillis;

    public ArticleReader(ArticleParser parser, Duration maxFuture) {
        this.parser = parser;
        this.maxFutureMillis = maxFuture.toMillis();
    }

    public ParsedRecord read(RawRecord raw, long wallClockMillis) {
        ParseResult result = parser.parse(raw);
        if (!result.isAccepted()) {
            return rejected(raw, result.deadLetter());
        }
        long arrival = raw.timestamp() >= 0 ? Math.min(raw.timestamp(), wallClockMillis) : wallClockMillis;
        long published = result.article().publishedAt().toEpochMilli();
        if (published - arrival > maxFutureMillis) {
            return rejected(raw, ArticleParser.deadLetter(raw, DeadLetterReason.INVALID_FIELD, String.format(Locale.ROOT,
                    "Field 'published_at' is %s, %s ahead of the time the record reached Kafka (%s); the limit is %s. "
                            + "The publisher's clock or time zone is probably wrong: correct published_at (with its UTC "
                            + "offset) and send the article again, or raise --max-future-publication.",
                    result.article().publishedAt(), readable(published - arrival), Instant.ofEpochMilli(arrival),
                    readable(maxFutureMillis))));
        }
        return new ParsedRecord(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), result.article(), null,
                Math.min(published, arrival));
    }

    private static ParsedRecord rejected(RawRecord raw, DeadLetter deadLetter) {
        return new ParsedRecord(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), null, deadLetter,
                ParsedRecord.NO_EVENT_TIME);
    }

    private static String readable(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toHours() >= 1 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
