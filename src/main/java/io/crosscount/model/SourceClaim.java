package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The latest claim of one source for one aggregation key, as listed in an {@link Aggregate}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourceClaim(
        String source,
        Long value,
        Long low,
        Long high,
        Qualifier qualifier,
        boolean hedged,
        @JsonProperty("article_id") String articleId,
        @JsonProperty("published_at") Instant publishedAt,
        String text) {}
