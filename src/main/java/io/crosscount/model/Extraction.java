package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the extractor found in one accepted article. {@code wire} (an addition to the contract)
 * names the agency the story is credited to, or is null; {@code url} and {@code title} (also
 * added) are the article's, carried so that every claim quoted downstream links to its article. {@code fingerprint}, the body's
 * MinHash sketch, is added by the job ({@code pipeline.ExtractArticles}), not the extractor, and
 * stays inside the job: it lets the aggregation recognise syndicated copies and is not written
 * to the extractions topic; so does {@code origin}, where the article was read. Equality is that
 * of the published record, so it leaves both out.
 */
public record Extraction(
        @JsonProperty("article_id") String articleId,
        String source,
        @JsonProperty("published_at") Instant publishedAt,
        String lang,
        List<ActorMention> actors,
        List<Claim> claims,
        @JsonInclude(JsonInclude.Include.ALWAYS) String wire,
        String url,
        String title,
        @JsonIgnore int[] fingerprint,
        @JsonIgnore RecordOrigin origin) {

    /** The same extraction with the body's sketch, which the job adds for syndication. */
    public Extraction withFingerprint(int[] sketch) {
        return new Extraction(articleId, source, publishedAt, lang, actors, claims, wire, url, title, sketch, origin);
    }

    /** The same extraction with at most the first {@code maxClaims} claims and {@code maxActors} actors. */
    public Extraction capped(int maxClaims, int maxActors) {
        if (claims.size() <= maxClaims && actors.size() <= maxActors) {
            return this;
        }
        return new Extraction(articleId, source, publishedAt, lang,
                actors.size() <= maxActors ? actors : List.copyOf(actors.subList(0, maxActors)),
                claims.size() <= maxClaims ? claims : List.copyOf(claims.subList(0, maxClaims)),
                wire, url, title, fingerprint, origin);
    }

    /** The same extraction with where its article was read, which the job adds for dead letters. */
    public Extraction withOrigin(RecordOrigin recordOrigin) {
        return new Extraction(articleId, source, publishedAt, lang, actors, claims, wire, url, title, fingerprint, recordOrigin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extraction e && Objects.equals(articleId, e.articleId) && Objects.equals(source, e.source)
                && Objects.equals(publishedAt, e.publishedAt) && Objects.equals(lang, e.lang)
                && Objects.equals(actors, e.actors) && Objects.equals(claims, e.claims) && Objects.equals(wire, e.wire)
                && Objects.equals(url, e.url) && Objects.equals(title, e.title);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, source, publishedAt, lang, actors, claims, wire, url, title);
    }

    @Override
    public String toString() {
        return "Extraction[articleId=" + articleId + ", source=" + source + ", publishedAt=" + publishedAt + ", lang="
                + lang + ", actors=" + actors + ", claims=" + claims + ", wire=" + wire + ", url=" + url + ", title=" + title + "]";
    }
}
