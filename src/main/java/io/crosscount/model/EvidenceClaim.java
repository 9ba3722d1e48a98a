package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** One claim quoted as evidence in a {@link Discrepancy}, with the outlets that carried it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvidenceClaim(
        String source,
        @JsonProperty("article_id") String articleId,
        @JsonProperty("published_at") Instant publishedAt,
        Long value,
        Long low,
        Long high,
        Qualifier qualifier,
        boolean hedged,
        String text,
        List<String> outlets) {}
