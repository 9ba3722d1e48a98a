package io.crosscount.aggregate;

import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Extraction;
import io.crosscount.model.SourceClaim;
import java.time.Instant;

/**
 * One claim of one article, on its way to the window of its key. A mutable POJO rather than a
 * record because it is the hottest type in state: Flink's POJO serializer handles it without Kryo.
 */
public class ClaimEvent {
    public String key;
    public Claim claim;
    public String source;
    public String articleId;
    public Instant publishedAt;
    /** The article's link and headline, quoted with the claim as evidence. */
    public String url;
    public String title;
    /** The agency the article credits, or null (see {@code syndication.WireCredit}). */
    public String wire;
    /** The article body's MinHash sketch, to recognise syndicated copies. */
    public int[] fingerprint;
    /** Where the article was read (topic, partition, offset), for a dead letter if it comes too late. */
    public String topic;
    public Integer partition;
    public Long offset;

    public ClaimEvent() {}

    public ClaimEvent(Extraction extraction, Claim claim) {
        this.key = ClaimKey.of(claim.metric(), claim.subject(), claim.group(), claim.location());
        this.claim = claim;
        this.source = extraction.source();
        this.articleId = extraction.articleId();
        this.publishedAt = extraction.publishedAt();
        this.url = extraction.url();
        this.title = extraction.title();
        this.wire = extraction.wire();
        this.fingerprint = extraction.fingerprint();
        if (extraction.origin() != null) {
            this.topic = extraction.origin().topic();
            this.partition = extraction.origin().partition();
            this.offset = extraction.origin().offset();
        }
    }

    public String key() {
        return key;
    }

    /** This claim as the report of {@code reporter}, carried by {@code outlets}. */
    public SourceClaim toSourceClaim(String reporter, java.util.List<String> outlets) {
        return new SourceClaim(reporter, articleId, publishedAt, url, title, outlets, claim);
    }

    /** Later publication wins; the article id breaks ties so that every run chooses alike. */
    public boolean isNewerThan(ClaimEvent other) {
        int byTime = publishedAt.compareTo(other.publishedAt);
        return byTime != 0 ? byTime > 0 : articleId.compareTo(other.articleId) > 0;
    }
}
