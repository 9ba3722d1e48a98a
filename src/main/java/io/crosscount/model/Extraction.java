package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** What the extractor found in one accepted article. */
public record Extraction(
        @JsonProperty("article_id") String articleId,
        String source,
        @JsonProperty("published_at") Instant publishedAt,
        String lang,
        List<ActorMention> actors,
        List<Claim> claims) {}
