package io.crosscount.ingest;

import java.io.Serializable;
import java.time.Instant;

/**
 * The publication times a run keeps ({@code --published-from}, inclusive, and
 * {@code --published-to}, exclusive; either may be open). Replay by time reads from a little
 * before the range and keeps what this says, because a topic's order is arrival order, not
 * publication order. A dead letter has no publication time: it is kept when its record's Kafka
 * timestamp lies in the range.
 */
public record PublishedRange(Instant from, Instant to) implements Serializable {
    public static final PublishedRange ALL = new PublishedRange(null, null);

    public boolean contains(ParsedRecord record) {
        if (from == null && to == null) {
            return true;
        }
        long t = record.isAccepted() ? record.article().publishedAt().toEpochMilli() : record.kafkaTimestamp();
        return (from == null || t >= from.toEpochMilli()) && (to == null || t < to.toEpochMilli());
    }
}
