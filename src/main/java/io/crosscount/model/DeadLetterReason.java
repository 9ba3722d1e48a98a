package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a record became a dead letter: the contract's reasons, {@code late} (an addition) for a
 * claim that came after its window had closed for good, and {@code extraction_timeout} (an
 * addition) for an article the extractor gave up on. Written in lower case on the wire.
 */
public enum DeadLetterReason {
    /** Not JSON, not an object, empty, or beyond the parser's limits. */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong type or an impossible value. */
    INVALID_FIELD,
    /** Larger than {@code --max-article-bytes}. */
    TOO_LARGE,
    /** Not valid UTF-8. */
    INVALID_ENCODING,
    /** A stage of the job failed on it; the detail names the stage. */
    PROCESSING_ERROR,
    /** An article whose extraction took more than {@code --extraction-budget} of CPU time. */
    EXTRACTION_TIMEOUT,
    /** A claim past its window's allowed lateness. */
    LATE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeadLetterReason fromWire(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
