package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The latest claim of one source for one aggregation key, as listed in an {@link Aggregate}. A
 * source is a report, not an outlet: a wire story carried by several outlets is one source (the
 * agency, or the outlet that published it first), and {@code outlets} (an addition to the
 * contract) lists every outlet that carried it.
 */
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
        String text,
        List<String> outlets) {}
