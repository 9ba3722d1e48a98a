package io.crosscount.pipeline;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import java.nio.charset.StandardCharsets;

/**
 * A claim that arrived after its window closed (past the allowed lateness) is not lost: it goes
 * to dead letters with reason {@code late}, so it can be counted, audited or replayed.
 */
public class LateClaims extends org.apache.flink.api.common.functions.RichMapFunction<ClaimEvent, DeadLetter> {
    private static final long serialVersionUID = 1L;

    private transient org.apache.flink.metrics.Counter late;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        late = io.crosscount.metrics.CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                io.crosscount.metrics.CrosscountMetrics.LATE_CLAIMS);
    }

    @Override
    public DeadLetter map(ClaimEvent e) {
        late.inc();
        String detail = "Claim " + e.key + " from " + e.source + " (article " + e.articleId + ", published "
                + e.publishedAt + ") arrived after its window closed; raise allowed-lateness or replay the range.";
        return DeadLetter.of(io.crosscount.model.DeadLetterReason.LATE, detail, e.topic, e.partition, e.offset, e.publishedAt.toEpochMilli(),
                e.articleId.getBytes(StandardCharsets.UTF_8), Json.writeBytes(e));
    }
}
