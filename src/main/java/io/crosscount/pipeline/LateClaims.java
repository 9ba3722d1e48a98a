package io.crosscount.pipeline;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import java.nio.charset.StandardCharsets;

/**
 * A claim that arrived after its window closed (past the allowed lateness) is not lost: it goes
 * to dead letters with reason {@value #REASON}, so it can be counted, audited or replayed.
 */
public class LateClaims extends org.apache.flink.api.common.functions.RichMapFunction<ClaimEvent, DeadLetter> {
    private static final long serialVersionUID = 1L;

    /** An addition to the contract's reasons: the record was valid but too late for its window. */
    public static final String REASON = "late";

    private transient org.apache.flink.metrics.Counter late;
    private transient org.apache.flink.metrics.Counter deadLetters;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        late = io.crosscount.metrics.CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                io.crosscount.metrics.CrosscountMetrics.LATE_CLAIMS);
        deadLetters = new io.crosscount.metrics.CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(),
                io.crosscount.metrics.CrosscountMetrics.DEAD_LETTERS, io.crosscount.metrics.CrosscountMetrics.REASON)
                .get(REASON);
    }

    @Override
    public DeadLetter map(ClaimEvent e) {
        late.inc();
        deadLetters.inc();
        String detail = "Claim " + e.key + " from " + e.source + " (article " + e.articleId + ", published "
                + e.publishedAt + ") arrived after its window closed; raise allowed-lateness or replay the range.";
        return DeadLetter.of(REASON, detail, e.topic, e.partition, e.offset, e.publishedAt.toEpochMilli(),
                e.articleId.getBytes(StandardCharsets.UTF_8), Json.writeBytes(e));
    }
}
