package io.crosscount.sink;

import java.io.Serializable;
import java.time.Instant;

/**
 * The time an output record stands for, written as its Kafka timestamp (at most the wall clock,
 * see {@link JsonRecordSerializer}). Null means: the record's Flink timestamp.
 */
@FunctionalInterface
public interface RecordTime<T> extends Serializable {
    Instant of(T element);

    /** The record's Flink timestamp (an extraction's: its article's event time). */
    static <T> RecordTime<T> flinkTimestamp() {
        return element -> null;
    }
}
