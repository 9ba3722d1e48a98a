package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A claim as one source reported it: the evidence quoted in an {@link Aggregate}'s sources and a
 * {@link Discrepancy}'s claims. A source is a report, not an outlet: a wire story carried by
 * several outlets is one source (the agency, or the outlet that published it first), and
 * {@code outlets} (an addition to the contract) lists every outlet that carried it.
 *
 * <p>The {@link Claim} is written inline, every field of it, so that a field added to the claim
 * reaches the evidence with no change here. {@code url} and {@code title} are the article's.
 * The accessors below only shorten the rules' code; Jackson does not see them (no get prefix).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SourceClaim(
        String source,
        @JsonProperty("article_id") String articleId,
        @JsonProperty("published_at") Instant publishedAt,
        String url,
        String title,
        List<String> outlets,
        @JsonUnwrapped Claim claim) {

    public Long value() {
        return claim.value();
    }

    public Long low() {
        return claim.low();
    }

    public Long high() {
        return claim.high();
    }

    public Qualifier qualifier() {
        return claim.qualifier();
    }

    public boolean hedged() {
        return claim.hedged();
    }

    public String text() {
        return claim.text();
    }

    public String attributedTo() {
        return claim.attributedTo();
    }
}
