package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record the job could not accept, kept whole so that nothing is lost. {@code value} is the
 * original text, or base64 with {@code value_encoding = "base64"} when it was not valid UTF-8.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeadLetter(
        String reason,
        String detail,
        String topic,
        Integer partition,
        Long offset,
        Long timestamp,
        String key,
        String value,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("value_encoding") String valueEncoding) {

    public static final String MALFORMED_JSON = "malformed_json";
    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String TOO_LARGE = "too_large";
    public static final String INVALID_ENCODING = "invalid_encoding";
    public static final String PROCESSING_ERROR = "processing_error";
}
