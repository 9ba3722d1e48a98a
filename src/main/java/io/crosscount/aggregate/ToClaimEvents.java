package io.crosscount.aggregate;

import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Extraction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * One event per aggregation key of an article. When an article gives several figures for the
 * same key ("100 killed overnight, bringing the toll to 26,000") the one with the highest lower
 * bound is its report: cumulative tolls are the larger figure.
 */
public class ToClaimEvents implements FlatMapFunction<Extraction, ClaimEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Extraction extraction, Collector<ClaimEvent> out) {
        Map<String, Claim> byKey = new LinkedHashMap<>();
        for (Claim claim : extraction.claims()) {
            String key = ClaimKey.of(claim.metric(), claim.subject(), claim.group(), claim.location());
            byKey.merge(key, claim, (a, b) -> lowOf(b) > lowOf(a) ? b : a);
        }
        for (Claim claim : byKey.values()) {
            out.collect(new ClaimEvent(extraction, claim));
        }
    }

    private static long lowOf(Claim c) {
        return c.low() == null ? Long.MIN_VALUE : c.low();
    }
}
