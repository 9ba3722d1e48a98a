package io.crosscount.aggregate;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * said before a window, for {@code regression}) and the open discrepancies, so that an early
 * conflict is not repeated at window end unless its claims changed, and is resolved when a later
 * result no longer shows it. The answers
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
    private transient MapState<String, Discrepancy> openBySlot;
    private transient CrosscountMetrics.LabelledCounters counters;
    private transient DiscrepancyCheck check;
    private transient DiscrepancyCheck.Histories histories;
    private transient DiscrepancyCheck.Open open;

    public DiscrepancyDetector(double tolerance, double outlierThreshold, Duration stalenessHorizon,
                               Duration stateRetention) {
        this.tolerance = tolerance;
        this.outlierThreshold = outlierThreshold;
        this.stalenessHorizon = stalenessHorizon;
        this.stateRetention = stateRetention;
    }

    @Override
    public void open(OpenContext openContext) {
        // No incremental cleanup: on the heap backend it deep-copies whole maps of histories on
        // every state access (TtlMapState.getUnexpiredOrNull), which was half of the job's CPU in
        // scripts/bench-job. RocksDB drops expired entries in compaction; on the heap, the
        // event-time sweep below does (onTimer), and full snapshots leave expired entries out.
        StateTtlConfig ttl = StateTtlConfig.newBuilder(stateRetention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .disableCleanupInBackground()
                .cleanupFullSnapshot()
                .cleanupInRocksdbCompactFilter(1000)
                .build();
        // Named anew whenever SourceClaim's shape changes: an older history would restore without
        // its claims, so it is left behind and the history starts again (see the README, upgrading).
        MapStateDescriptor<String, SourceHistory> history = new MapStateDescriptor<>(
                "quoted-history-by-source", Types.STRING, TypeInformation.of(SourceHistory.class));
        history.enableTimeToLive(ttl);
        MapStateDescriptor<String, Discrepancy> opened = new MapStateDescriptor<>(
                "open-discrepancies", Types.STRING, TypeInformation.of(Discrepancy.class));
        opened.enableTimeToLive(ttl);
        historyBySource = getRuntimeContext().getMapState(history);
        openBySlot = getRuntimeContext().getMapState(opened);
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
        open = new DiscrepancyCheck.Open() {
            @Override
            public Discrepancy get(String slot) throws Exception {
                return openBySlot.get(slot);
            }

            @Override
            public void put(String slot, Discrepancy reported) throws Exception {
                openBySlot.put(slot, reported);
            }

            @Override
            public void remove(String slot) throws Exception {
                openBySlot.remove(slot);
            }

            @Override
            public Iterable<String> slotsOf(Instant windowStart) throws Exception {
                String prefix = windowStart + "|";
                List<String> slots = new ArrayList<>();
                for (String slot : openBySlot.keys()) {
                    if (slot.startsWith(prefix)) {
                        slots.add(slot);
                    }
                }
                return slots;
            }
        };
    }

    @Override
    public void processElement(Aggregate aggregate, Context ctx, Collector<Discrepancy> out) throws Exception {
        // One sweep timer per key and day at most (timers of the same time are one timer).
        long day = Duration.ofDays(1).toMillis();
        long windowEnd = aggregate.windowEnd().toEpochMilli();
        ctx.timerService().registerEventTimeTimer(Math.floorDiv(windowEnd, day) * day + day + stateRetention.toMillis());
        try {
            detect(aggregate, out);
        } catch (RuntimeException e) {
            ctx.output(io.crosscount.pipeline.DeadLetters.TAG, io.crosscount.pipeline.DeadLetters.processingError(
                    "discrepancies", aggregate.key(), aggregate, null, null, null, e));
        }
    }

    /**
     * Forgets, in event time, what the retention has passed: sources whose last report is older
     * than the retention and open discrepancies of windows that ended before it. Replays of old
     * news therefore keep what the live job would have kept, whatever the wall clock says.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Discrepancy> out) throws Exception {
        Instant horizon = Instant.ofEpochMilli(timestamp).minus(stateRetention);
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, SourceHistory> entry : historyBySource.entries()) {
            Instant last = entry.getValue().lastReported();
            if (last == null || last.isBefore(horizon)) {
                silent.add(entry.getKey());
            }
        }
        for (String source : silent) {
            historyBySource.remove(source);
        }
        List<String> ended = new ArrayList<>();
        for (Map.Entry<String, Discrepancy> entry : openBySlot.entries()) {
            if (entry.getValue().windowEnd().isBefore(horizon)) {
                ended.add(entry.getKey());
            }
        }
        for (String slot : ended) {
            openBySlot.remove(slot);
        }
    }

    private void detect(Aggregate aggregate, Collector<Discrepancy> out) throws Exception {
        for (Discrepancy d : check.check(aggregate, histories, open)) {
            if (d.status() == io.crosscount.model.DiscrepancyStatus.OPEN) {
                counters.get(d.kind().wireName(), d.severity().wireName()).inc();
            }
            out.collect(d);
        }
    }
}
