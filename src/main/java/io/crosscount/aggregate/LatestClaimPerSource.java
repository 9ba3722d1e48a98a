package io.crosscount.aggregate;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Keeps each source's latest claim in the window; an older re-sent claim changes nothing. */
public class LatestClaimPerSource implements AggregateFunction<ClaimEvent, LatestBySource, LatestBySource> {
    private static final long serialVersionUID = 1L;

    @Override
    public LatestBySource createAccumulator() {
        return new LatestBySource();
    }

    @Override
    public LatestBySource add(ClaimEvent event, LatestBySource acc) {
        acc.bySource.merge(event.source, event, (old, neu) -> neu.isNewerThan(old) ? neu : old);
        return acc;
    }

    @Override
    public LatestBySource getResult(LatestBySource acc) {
        return acc;
    }

    @Override
    public LatestBySource merge(LatestBySource a, LatestBySource b) {
        b.bySource.values().forEach(e -> add(e, a));
        return a;
    }
}
