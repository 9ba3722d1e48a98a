package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An input article, as CONTRACT.md defines it. Validation happens in {@code ingest.ArticleParser}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Article(
        String id,
        String source,
        @JsonProperty("published_at") Instant publishedAt,
        String body,
        String title,
        String url,
        String lang) {

    public Article withLang(String newLang) {
        return new Article(id, source, publishedAt, body, title, url, newLang);
    }
}
