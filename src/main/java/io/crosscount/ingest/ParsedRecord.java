package io.crosscount.ingest;

import io.crosscount.model.Article;
import io.crosscount.model.DeadLetter;

/**
 * One input record once read: an accepted article with the event time it counts at, or the dead
 * letter that replaced it; either way with the Kafka coordinates it came from, so that a later
 * failure can still say where the record is.
 *
 * @param eventTime the article's {@code published_at}, or its arrival when the stated time lies
 *     ahead of it (see {@link ArticleReader}); {@link Long#MIN_VALUE} for a dead letter, which
 *     never moves event time
 */
public record ParsedRecord(String topic, int partition, long offset, long kafkaTimestamp,
                           Article article, DeadLetter deadLetter, long eventTime) {

    /** A dead letter carries no event time: it must not move the watermark. */
    public static final long NO_EVENT_TIME = Long.MIN_VALUE;

    public boolean isAccepted() {
        return article != null;
    }

    /** The article said it was published later than it reached Kafka: it counts at its arrival. */
    public boolean publishedInTheFuture() {
        return article != null && article.publishedAt().toEpochMilli() > eventTime;
    }
}
