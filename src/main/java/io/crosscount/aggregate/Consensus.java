package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Claim;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pure computation of an {@link Aggregate} from the sources' latest claims. The figures are over
 * every source; the record lists at most {@link #MAX_LISTED_SOURCES} of them (see
 * {@link #listed}), and the discrepancy rules judge those.
 */
public final class Consensus {
    /**
     * The most sources an aggregate lists. A listed source is about 300 bytes of JSON plus its
     * outlets' names, so 100 keep a record far under Kafka's 1 MB default whatever the number of
     * outlets, and the detector's pairwise rules at 10^4 pairs a firing. No key in the samples or
     * the labelled corpus comes near it: below it, every source is listed and nothing changes.
     */
    public static final int MAX_LISTED_SOURCES = 100;

    private Consensus() {}

    public static Aggregate of(Collection<ClaimEvent> latest, Instant windowStart, Instant windowEnd, boolean isFinal) {
        return of(latest, windowStart, windowEnd, isFinal, SyndicatedReports.DEFAULT_SIMILARITY);
    }

    /** {@code latest}: each outlet's latest claim; syndicated copies among them count as one source. */
    public static Aggregate of(Collection<ClaimEvent> latest, Instant windowStart, Instant windowEnd, boolean isFinal,
                               double syndicationSimilarity) {
        return of(latest, windowStart, windowEnd, isFinal, syndicationSimilarity, MAX_LISTED_SOURCES);
    }

    static Aggregate of(Collection<ClaimEvent> latest, Instant windowStart, Instant windowEnd, boolean isFinal,
                        double syndicationSimilarity, int maxListed) {
        List<SourceClaim> sources = new ArrayList<>(latest.size());
        for (SyndicatedReports.Report report : SyndicatedReports.of(latest, syndicationSimilarity)) {
            sources.add(report.claim().toSourceClaim(report.source(), report.outlets()));
        }
        sources.sort(Comparator.comparing(SourceClaim::source));
        Claim any = latest.iterator().next().claim;

        List<Long> values = new ArrayList<>();
        Long consensusLow = null;
        Long consensusHigh = null;
        boolean unboundedAbove = true;
        for (SourceClaim s : sources) {
            if (s.value() != null) {
                values.add(s.value());
            }
            if (s.low() != null) {
                consensusLow = consensusLow == null ? s.low() : Math.max(consensusLow, s.low());
            }
            if (s.high() != null) {
                consensusHigh = unboundedAbove ? s.high() : Math.min(consensusHigh, s.high());
                unboundedAbove = false;
            }
        }
        if (consensusLow != null && consensusHigh != null && consensusLow > consensusHigh) {
            consensusLow = null; // the sources' intervals have no common point
            consensusHigh = null;
        }
        values.sort(Long::compare);
        Long min = values.isEmpty() ? null : values.get(0);
        Long max = values.isEmpty() ? null : values.get(values.size() - 1);
        Double median = values.isEmpty() ? null : median(values);
        List<SourceClaim> listed = listed(sources, median, maxListed);
        return new Aggregate(any.metric(), any.subject(), any.group(), any.location(), windowStart, windowEnd, listed,
                sources.size(), min, max, median, consensusLow, consensusHigh, isFinal, sources.size() - listed.size());
    }

    /**
     * The sources an aggregate lists when there are more than {@code limit}, by source name: the
     * evidence any discrepancy needs. A quarter each of:
     * <ul>
     *   <li>the lowest (by upper bound, then lower bound): the low side of the widest conflict,
     *       and the figures a stale source is stuck on;
     *   <li>the highest (by lower bound): the high side of the widest conflict. With both ends
     *       listed, the conflict rule finds the same widest pair and gap as over every source;
     *   <li>the nearest to the median: the outlier rule measures against the listed sources'
     *       median, which the ends on both sides and these keep near the median of all;
     *   <li>the newest (by publication), filling up to {@code limit}: the claim that made a firing
     *       is almost always among them, so each source's history (staleness, regression) is
     *       updated when its claim arrives.
     * </ul>
     * Names break ties, so the choice is a function of the set of sources, not of their order,
     * and the streaming job and {@code scripts/reconcile} list the same. On a key this large the
     * rules' counts ("40 sources against 3") and evidence are among the listed sources.
     */
    static List<SourceClaim> listed(List<SourceClaim> sources, Double median, int limit) {
        if (sources.size() <= limit) {
            return sources;
        }
        int quarter = limit / 4;
        Comparator<SourceClaim> byName = Comparator.comparing(SourceClaim::source);
        Set<SourceClaim> chosen = new LinkedHashSet<>();
        addFirst(chosen, sources, Comparator.comparing(SourceClaim::high, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SourceClaim::low, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName),
                quarter);
        addFirst(chosen, sources, Comparator.comparing(SourceClaim::low, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(byName), 2 * quarter);
        if (median != null) {
            addFirst(chosen, sources, Comparator.comparingDouble((SourceClaim s) -> s.value() == null
                    ? Double.POSITIVE_INFINITY : Math.abs(s.value() - median)).thenComparing(byName), 3 * quarter);
        }
        addFirst(chosen, sources, Comparator.comparing(SourceClaim::publishedAt, Comparator.nullsLast(
                Comparator.reverseOrder())).thenComparing(byName), limit);
        List<SourceClaim> listed = new ArrayList<>(chosen);
        listed.sort(byName);
        return listed;
    }

    /** Adds {@code sources} in {@code order} to {@code chosen} until it holds {@code upTo}. */
    private static void addFirst(Set<SourceClaim> chosen, List<SourceClaim> sources, Comparator<SourceClaim> order,
                                 int upTo) {
        List<SourceClaim> sorted = new ArrayList<>(sources);
        sorted.sort(order);
        for (int i = 0; i < sorted.size() && chosen.size() < upTo; i++) {
            chosen.add(sorted.get(i));
        }
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
