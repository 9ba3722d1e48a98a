package io.crosscount.aggregate;

import io.crosscount.model.Claim;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Instant;

/** Builders of claims and claim events for aggregate tests. */
final class Claims {
    private Claims() {}

    static ClaimEvent event(String source, String articleId, String publishedAt, Long value, Long low, Long high,
                            Qualifier qualifier) {
        ClaimEvent e = new ClaimEvent();
        e.claim = new Claim(Metric.KILLED, "palestinians", null, "gaza", value, low, high, qualifier, false, null,
                0, 5, value == null ? "dozens" : String.valueOf(value));
        e.key = "killed/palestinians/gaza";
        e.source = source;
        e.articleId = articleId;
        e.publishedAt = Instant.parse(publishedAt);
        return e;
    }

    static ClaimEvent exact(String source, String articleId, String publishedAt, long value) {
        return event(source, articleId, publishedAt, value, value, value, Qualifier.EXACT);
    }

    static SourceClaim source(String source, String articleId, String publishedAt, Long value, Long low, Long high,
                              Qualifier qualifier, boolean hedged) {
        Claim claim = new Claim(Metric.KILLED, "palestinians", null, "gaza", value, low, high, qualifier, hedged, null,
                0, 5, String.valueOf(value));
        return new SourceClaim(source, articleId, Instant.parse(publishedAt), null, null, java.util.List.of(source),
                claim);
    }
}
