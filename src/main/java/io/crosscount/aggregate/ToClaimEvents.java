package io.crosscount.aggregate;

import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Extraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.crosscount.pipeline.DeadLetters;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One event per aggregation key of an article. When an article gives several figures for the
 * same key ("100 killed overnight, bringing the toll to 26,000") the one with the highest lower
 * bound is its report: cumulative tolls are the larger figure.
 */
public class ToClaimEvents extends ProcessFunction<Extraction, ClaimEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Extraction extraction, Context ctx, Collector<ClaimEvent> out) {
        List<ClaimEvent> events = new ArrayList<>();
        try {
            for (Claim claim : reportsByKey(extraction).values()) {
                events.add(new ClaimEvent(extraction, claim));
            }
        } catch (RuntimeException e) {
            var origin = extraction.origin();
            ctx.output(DeadLetters.TAG, DeadLetters.processingError("claims", extraction.articleId(), extraction,
                    origin == null ? null : origin.topic(), origin == null ? null : origin.partition(),
                    origin == null ? null : origin.offset(), e));
            return;
        }
        events.forEach(out::collect);
    }

    /** The article's report per aggregation key. */
    static Map<String, Claim> reportsByKey(Extraction extraction) {
        Map<String, Claim> byKey = new LinkedHashMap<>();
        for (Claim claim : extraction.claims()) {
            String key = ClaimKey.of(claim.metric(), claim.subject(), claim.group(), claim.location());
            byKey.merge(key, claim, (a, b) -> lowOf(b) > lowOf(a) ? b : a);
        }
        return byKey;
    }

    private static long lowOf(Claim c) {
        return c.low() == null ? Long.MIN_VALUE : c.low();
    }
}
