package io.crosscount.aggregate;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Applies the discrepancy rules to each aggregate of a key. Keyed state keeps each source's
 * {@link SourceHistory} (runs of the same figure: since when a source has said what it says, so
 * that a source stuck on an old cumulative figure is stale rather than in conflict, and what it
 * said before a window, for {@code regression}) and which discrepancies were already emitted, so
 * that an early conflict is not repeated at window end unless its claims changed. The answers
 * depend on the claims, not on the order aggregates arrive in: a later window's early update may
 * come before an earlier window's final result. All of it expires after the configured
 * retention, so state does not grow without bound.
 *
 * <p>The rules judge the sources the aggregate lists. Up to {@link Consensus#MAX_LISTED_SOURCES}
 * sources that is every source; on a larger key it is the subset {@link Consensus#listed} keeps
 * (both ends, the middle, the newest), which holds the widest conflict's pair, so conflicts and
 * their gap are those of all sources, while the counts in an explanation and the evidence are
 * among the listed ones. It also bounds the pairwise rules at 10^4 pairs an aggregate.
 */
public class DiscrepancyDetector extends KeyedProcessFunction<String, Aggregate, Discrepancy> {
    private static final long serialVersionUID = 1L;

    private final double tolerance;
    private final double outlierThreshold;
    private final Duration stalenessHorizon;
    private final Duration stateRetention;

    private transient MapState<String, SourceHistory> historyBySource;
    private transient MapState<String, Boolean> emitted;
    private transient CrosscountMetrics.LabelledCounters counters;
    private transient DiscrepancyCheck check;
    private transient DiscrepancyCheck.Histories histories;
    private transient DiscrepancyCheck.Reported reported;

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
        // Named anew whenever SourceClaim's shape changes: an older history would restore without
        // its claims, so it is left behind and the history starts again (see the README, upgrading).
        MapStateDescriptor<String, SourceHistory> history = new MapStateDescriptor<>(
                "quoted-history-by-source", Types.STRING, TypeInformation.of(SourceHistory.class));
        history.enableTimeToLive(ttl);
        MapStateDescriptor<String, Boolean> seen = new MapStateDescriptor<>(
                "emitted-discrepancies", Types.STRING, Types.BOOLEAN);
        seen.enableTimeToLive(ttl);
        historyBySource = getRuntimeContext().getMapState(history);
        emitted = getRuntimeContext().getMapState(seen);
        counters = new CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.DISCREPANCIES, CrosscountMetrics.KIND, CrosscountMetrics.SEVERITY);
        check = new DiscrepancyCheck(tolerance, outlierThreshold, stalenessHorizon, stateRetention);
        histories = new DiscrepancyCheck.Histories() {
            @Override
            public SourceHistory of(String source) throws Exception {
                return historyBySource.get(source);
            }

            @Override
            public void update(Map<String, SourceHistory> changed) throws Exception {
                historyBySource.putAll(changed);
            }
        };
        reported = signature -> {
            if (emitted.contains(signature)) {
                return false;
            }
            emitted.put(signature, true);
            return true;
        };
    }

    @Override
    public void processElement(Aggregate aggregate, Context ctx, Collector<Discrepancy> out) throws Exception {
        try {
            detect(aggregate, out);
        } catch (RuntimeException e) {
            ctx.output(io.crosscount.pipeline.DeadLetters.TAG, io.crosscount.pipeline.DeadLetters.processingError(
                    "discrepancies", aggregate.key(), aggregate, null, null, null, e));
        }
    }

    private void detect(Aggregate aggregate, Collector<Discrepancy> out) throws Exception {
        for (Discrepancy d : check.check(aggregate, histories, reported)) {
            counters.get(d.kind().wireName(), d.severity().wireName()).inc();
            out.collect(d);
        }
    }
}
