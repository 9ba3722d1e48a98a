package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules applied to one aggregate of a key, against what is remembered of the key: each
 * source's {@link SourceHistory} and the discrepancies already reported. Plain Java, so that the
 * job's {@link DiscrepancyDetector} (Flink keyed state) and the benchmarks (maps) run the same code.
 */
public final class DiscrepancyCheck {
    /** Each source's history of figures for the key. */
    public interface Histories {
        /** The source's history, or null when it has none yet. */
        SourceHistory of(String source) throws Exception;

        void update(Map<String, SourceHistory> changed) throws Exception;
    }

    /**
     * The discrepancies of the key that are open, by {@link #slot}: what was last reported for each
     * window and kind (and source, for a regression), so that it is reported again only when its
     * evidence changes and resolved when a later result no longer shows it.
     */
    public interface Open {
        /** The open discrepancy in {@code slot}, or null. */
        Discrepancy get(String slot) throws Exception;

        void put(String slot, Discrepancy reported) throws Exception;

        void remove(String slot) throws Exception;

        /** The slots open for the window starting at {@code windowStart}. */
        Iterable<String> slotsOf(Instant windowStart) throws Exception;
    }

    private final double tolerance;
    private final double outlierThreshold;
    private final Duration stalenessHorizon;
    private final Duration stateRetention;

    public DiscrepancyCheck(double tolerance, double outlierThreshold, Duration stalenessHorizon, Duration stateRetention) {
        this.tolerance = tolerance;
        this.outlierThreshold = outlierThreshold;
        this.stalenessHorizon = stalenessHorizon;
        this.stateRetention = stateRetention;
    }

    /**
     * What {@code aggregate} changes in the key's discrepancies: those it shows that were not
     * reported with the same evidence before (open), and those of its window it no longer shows
     * (resolved). Updates both memories.
     */
    public List<Discrepancy> check(Aggregate aggregate, Histories histories, Open open) throws Exception {
        Map<String, SourceHistory> known = new HashMap<>();
        Map<String, SourceHistory> changed = new HashMap<>();
        Map<String, Instant> since = new HashMap<>();
        for (SourceClaim claim : aggregate.sources()) {
            SourceHistory history = known.get(claim.source());
            if (history == null) {
                history = histories.of(claim.source());
                if (history == null) {
                    history = new SourceHistory();
                }
                known.put(claim.source(), history);
            }
            // Most early results repeat claims already recorded: only a history that changed is
            // written back, since every write serializes it (RocksDB) or wraps it (TTL).
            boolean added = history.add(claim);
            boolean forgot = history.forgetBefore(claim.publishedAt().minus(stateRetention));
            if (added || forgot) {
                changed.put(claim.source(), history);
            }
            since.put(claim.source(), history.since(claim));
        }
        Map<String, Discrepancy> shown = new LinkedHashMap<>();
        Aggregate current = DiscrepancyRules.withoutStale(aggregate, since, stalenessHorizon);
        DiscrepancyRules.conflict(current, tolerance).ifPresent(d -> shown.put(slot(d), d));
        DiscrepancyRules.outlier(current, outlierThreshold).ifPresent(d -> shown.put(slot(d), d));
        for (SourceClaim claim : aggregate.sources()) {
            // A regression is across windows: within one, a source's newer claim simply replaces its older one.
            SourceClaim before = known.get(claim.source()).lastBefore(aggregate.windowStart());
            if (before != null) {
                DiscrepancyRules.regression(aggregate, before, claim, tolerance).ifPresent(d -> shown.put(slot(d), d));
            }
        }
        List<Discrepancy> changes = new ArrayList<>();
        Double growth = null;
        boolean growthKnown = false;
        for (Map.Entry<String, Discrepancy> entry : shown.entrySet()) {
            Discrepancy reported = open.get(entry.getKey());
            if (reported == null || !signature(reported).equals(signature(entry.getValue()))) {
                if (!growthKnown) { // a pass over every run of every source: only when something is reported
                    growth = usualGrowthPerHour(known.values());
                    growthKnown = true;
                }
                Discrepancy d = entry.getValue().withCause(DiscrepancyCauses.of(entry.getValue(), growth, stalenessHorizon));
                open.put(entry.getKey(), d);
                changes.add(d);
            }
        }
        for (String slot : toList(open.slotsOf(aggregate.windowStart()))) {
            if (!shown.containsKey(slot)) {
                Discrepancy reported = open.get(slot);
                Optional<Discrepancy> resolved = resolution(reported, aggregate, current);
                if (resolved.isPresent()) {
                    open.remove(slot);
                    changes.add(resolved.get());
                }
            }
        }
        if (!changed.isEmpty()) {
            histories.update(changed);
        }
        return changes;
    }

    /**
     * {@code reported} resolved by {@code aggregate}, which no longer shows it: with the latest
     * claims of its sources, when the aggregate still lists them (a source dropped from a large
     * aggregate's listed subset says nothing, and the discrepancy stays open).
     */
    private static Optional<Discrepancy> resolution(Discrepancy reported, Aggregate aggregate, Aggregate current) {
        Map<String, SourceClaim> latest = new LinkedHashMap<>();
        for (SourceClaim claim : aggregate.sources()) {
            latest.put(claim.source(), claim);
        }
        List<SourceClaim> now = new ArrayList<>();
        for (SourceClaim then : reported.claims()) {
            SourceClaim claim = latest.get(then.source());
            if (claim == null) {
                return Optional.empty();
            }
            if (!now.contains(claim)) {
                now.add(claim);
            }
        }
        Instant at = aggregate.sources().stream().map(SourceClaim::publishedAt).max(Instant::compareTo).orElseThrow();
        List<String> stale = now.stream().filter(c -> !current.sources().contains(c)).map(SourceClaim::source)
                .distinct().toList();
        List<String> corrected = now.stream().filter(c -> !reported.claims().contains(c)).map(SourceClaim::source)
                .distinct().toList();
        String why = !stale.isEmpty()
                ? String.join(", ", stale) + " still reports an older figure that others have since passed: stale, not in conflict."
                : corrected.isEmpty() ? "The sources agree again."
                : "The sources agree again after " + String.join(", ", corrected) + " reported a new figure.";
        return Optional.of(reported.resolvedBy(List.copyOf(now), at, why));
    }

    /** The median hourly growth of the figure between a source's successive reports, or null. */
    static Double usualGrowthPerHour(Iterable<SourceHistory> histories) {
        List<Double> rates = new ArrayList<>();
        for (SourceHistory history : histories) {
            history.addGrowthPerHour(rates);
        }
        if (rates.isEmpty()) {
            return null;
        }
        rates.sort(Double::compare);
        int n = rates.size();
        return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    /** Where a discrepancy lives among the key's: its window and kind, and the source of a regression. */
    public static String slot(Discrepancy d) {
        String slot = d.windowStart() + "|" + d.kind().wireName();
        return d.kind() == DiscrepancyKind.REGRESSION ? slot + "|" + d.claims().get(d.claims().size() - 1).source() : slot;
    }

    private static List<String> toList(Iterable<String> slots) {
        List<String> list = new ArrayList<>();
        slots.forEach(list::add);
        return list;
    }

    /** A discrepancy is reported again only when its window, kind or evidence changed. */
    public static String signature(Discrepancy d) {
        return d.windowStart() + "|" + d.kind().wireName() + "|" + d.claims().stream()
                .map(SourceClaim::articleId).sorted().collect(Collectors.joining(","));
    }

}
