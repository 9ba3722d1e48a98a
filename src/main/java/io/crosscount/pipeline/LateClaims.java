package io.crosscount.pipeline;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A claim that arrived after its window closed (past the allowed lateness) is not lost: it goes
 * to dead letters with reason {@value #REASON}, so it can be counted, audited or replayed.
 */
public class LateClaims implements MapFunction<ClaimEvent, DeadLetter> {
    private static final long serialVersionUID = 1L;

    /** An addition to the contract's reasons: the record was valid but too late for its window. */
    public static final String REASON = "late";

    @Override
    public DeadLetter map(ClaimEvent e) {
        String detail = "Claim " + e.key + " from " + e.source + " (article " + e.articleId + ", published "
                + e.publishedAt + ") arrived after its window closed; raise allowed-lateness or replay the range.";
        return new DeadLetter(REASON, detail, null, null, null, e.publishedAt.toEpochMilli(), e.articleId,
                new String(Json.writeBytes(e), StandardCharsets.UTF_8), null);
    }
}
