package io.crosscount.aggregate;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.EvidenceClaim;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies the discrepancy rules to each aggregate of a key. Keyed state remembers each source's
 * claim in the last final result of an earlier window (for {@code regression}), its latest claim,
 * and which discrepancies were already
 * emitted, so that an early conflict is not repeated at window end unless its claims changed.
 * It also remembers since when each source has reported its current figure, so that a source
 * stuck on an old cumulative figure is stale rather than in conflict. All of it expires after the
 * configured retention, so state does not grow without bound.
 */
public class DiscrepancyDetector extends KeyedProcessFunction<String, Aggregate, Discrepancy> {
    private static final long serialVersionUID = 1L;

    private final double tolerance;
    private final double outlierThreshold;
    private final Duration stalenessHorizon;
    private final Duration stateRetention;

    private transient MapState<String, SourceClaim> latestBySource;
    private transient MapState<String, Boolean> emitted;
    private transient MapState<String, Long> figureSince;
    /** Each source's claim in the latest final result of an earlier window: what a regression is measured from. */
    private transient MapState<String, SourceClaim> settledBySource;
    private transient CrosscountMetrics.LabelledCounters counters;

    public DiscrepancyDetector(double tolerance, double outlierThreshold, Duration stalenessHorizon,
                               Duration stateRetention) {
        this.tolerance = tolerance;
        this.outlierThreshold = outlierThreshold;
        this.stalenessHorizon = stalenessHorizon;
        this.stateRetention = stateRetention;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(stateRetention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        MapStateDescriptor<String, SourceClaim> latest = new MapStateDescriptor<>(
                "latest-claim-by-source", Types.STRING, TypeInformation.of(SourceClaim.class));
        latest.enableTimeToLive(ttl);
        MapStateDescriptor<String, Boolean> seen = new MapStateDescriptor<>(
                "emitted-discrepancies", Types.STRING, Types.BOOLEAN);
        seen.enableTimeToLive(ttl);
        latestBySource = getRuntimeContext().getMapState(latest);
        emitted = getRuntimeContext().getMapState(seen);
        MapStateDescriptor<String, Long> since = new MapStateDescriptor<>("figure-since-by-source", Types.STRING, Types.LONG);
        since.enableTimeToLive(ttl);
        figureSince = getRuntimeContext().getMapState(since);
        MapStateDescriptor<String, SourceClaim> settled = new MapStateDescriptor<>(
                "settled-claim-by-source", Types.STRING, TypeInformation.of(SourceClaim.class));
        settled.enableTimeToLive(ttl);
        settledBySource = getRuntimeContext().getMapState(settled);
        counters = new CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.DISCREPANCIES, CrosscountMetrics.KIND, CrosscountMetrics.SEVERITY);
    }

    @Override
    public void processElement(Aggregate aggregate, Context ctx, Collector<Discrepancy> out) throws Exception {
        Map<String, Instant> since = new HashMap<>();
        for (SourceClaim claim : aggregate.sources()) {
            since.put(claim.source(), reportedSince(claim));
        }
        Aggregate current = DiscrepancyRules.withoutStale(aggregate, since, stalenessHorizon);
        emitOnce(DiscrepancyRules.conflict(current, tolerance), out);
        emitOnce(DiscrepancyRules.outlier(current, outlierThreshold), out);
        for (SourceClaim claim : aggregate.sources()) {
            // A regression is across windows: within one, a source's newer claim simply replaces its older one.
            SourceClaim settled = settledBySource.get(claim.source());
            if (settled != null && settled.publishedAt().isBefore(aggregate.windowStart())) {
                emitOnce(DiscrepancyRules.regression(aggregate, settled, claim, tolerance), out);
            }
            if (aggregate.isFinal() && (settled == null || claim.publishedAt().isAfter(settled.publishedAt()))) {
                settledBySource.put(claim.source(), claim);
            }
            SourceClaim earlier = latestBySource.get(claim.source());
            long claimSince = since.get(claim.source()).toEpochMilli();
            if (earlier == null || claim.publishedAt().isAfter(earlier.publishedAt())) {
                latestBySource.put(claim.source(), claim);
                figureSince.put(claim.source(), claimSince);
            } else if (sameBounds(earlier, claim)) {
                // An older report of the same figure, arriving late, moves "since" back.
                Long known = figureSince.get(claim.source());
                if (known == null || claimSince < known) {
                    figureSince.put(claim.source(), claimSince);
                }
            }
        }
    }

    /** Since when the source has reported these bounds: earlier than this claim if it repeats itself. */
    private Instant reportedSince(SourceClaim claim) throws Exception {
        SourceClaim earlier = latestBySource.get(claim.source());
        Long earlierSince = figureSince.get(claim.source());
        if (earlier != null && earlierSince != null && sameBounds(earlier, claim)) {
            Instant s = Instant.ofEpochMilli(earlierSince);
            return s.isBefore(claim.publishedAt()) ? s : claim.publishedAt();
        }
        return claim.publishedAt();
    }

    private static boolean sameBounds(SourceClaim a, SourceClaim b) {
        return java.util.Objects.equals(a.low(), b.low()) && java.util.Objects.equals(a.high(), b.high());
    }

    private void emitOnce(Optional<Discrepancy> candidate, Collector<Discrepancy> out) throws Exception {
        if (candidate.isEmpty()) {
            return;
        }
        Discrepancy d = candidate.get();
        String signature = d.windowStart() + "|" + d.kind().wireName() + "|" + d.claims().stream()
                .map(EvidenceClaim::articleId).sorted().collect(Collectors.joining(","));
        if (!emitted.contains(signature)) {
            emitted.put(signature, true);
            counters.get(d.kind().wireName(), d.severity().wireName()).inc();
            out.collect(d);
        }
    }
}
