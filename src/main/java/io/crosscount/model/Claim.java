package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reported figure with the bounds its wording supports. {@code high == null} means
 * unbounded above ("more than 26000").
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Claim(
        Metric metric,
        String subject,
        String group,
        String location,
        Long value,
        Long low,
        Long high,
        Qualifier qualifier,
        boolean hedged,
        @JsonProperty("attributed_to") String attributedTo,
        int start,
        int end,
        String text) {}
