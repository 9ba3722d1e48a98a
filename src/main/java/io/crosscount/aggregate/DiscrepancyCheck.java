package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** The discrepancies already reported for the key, by {@link #signature}. */
    public interface Reported {
        /** Records the signature; true when it was not recorded before. */
        boolean firstTime(String signature) throws Exception;
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

    /** The discrepancies {@code aggregate} shows that were not reported before; updates both memories. */
    public List<Discrepancy> check(Aggregate aggregate, Histories histories, Reported reported) throws Exception {
        Map<String, SourceHistory> updated = new HashMap<>();
        Map<String, Instant> since = new HashMap<>();
        for (SourceClaim claim : aggregate.sources()) {
            SourceHistory history = histories.of(claim.source());
            if (history == null) {
                history = new SourceHistory();
            }
            history.add(claim);
            history.forgetBefore(claim.publishedAt().minus(stateRetention));
            updated.put(claim.source(), history);
            since.put(claim.source(), history.since(claim));
        }
        List<Discrepancy> found = new ArrayList<>();
        Aggregate current = DiscrepancyRules.withoutStale(aggregate, since, stalenessHorizon);
        addIfNew(DiscrepancyRules.conflict(current, tolerance), reported, found);
        addIfNew(DiscrepancyRules.outlier(current, outlierThreshold), reported, found);
        for (SourceClaim claim : aggregate.sources()) {
            // A regression is across windows: within one, a source's newer claim simply replaces its older one.
            SourceClaim before = updated.get(claim.source()).lastBefore(aggregate.windowStart());
            if (before != null) {
                addIfNew(DiscrepancyRules.regression(aggregate, before, claim, tolerance), reported, found);
            }
        }
        histories.update(updated);
        return found;
    }

    /** A discrepancy is reported again only when its window, kind or evidence changed. */
    public static String signature(Discrepancy d) {
        return d.windowStart() + "|" + d.kind().wireName() + "|" + d.claims().stream()
                .map(SourceClaim::articleId).sorted().collect(Collectors.joining(","));
    }

    private static void addIfNew(Optional<Discrepancy> candidate, Reported reported, List<Discrepancy> found)
            throws Exception {
        if (candidate.isPresent() && reported.firstTime(signature(candidate.get()))) {
            found.add(candidate.get());
        }
    }
}
