package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Severity;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The discrepancy rules as pure functions of claims. A claim is an interval [low, high]; two
 * claims disagree only when their intervals are apart by more than the tolerance, relative to
 * the smaller figure ("plus de 26000" and "26,083" agree; "plus de 26000" and "25,700" do not).
 * {@code detected_at} is event time (the newest evidence's publication), so that a replay
 * detects a discrepancy at the same instant as the live run did.
 */
public final class DiscrepancyRules {
    private DiscrepancyRules() {}

    /**
     * Gap between two claims' intervals relative to the smaller figure, or 0 when they overlap.
     * The lower claim's upper bound is the smaller figure.
     */
    public static double relativeGap(SourceClaim a, SourceClaim b) {
        if (a.low() == null || b.low() == null) {
            return 0;
        }
        SourceClaim lower = isBelow(a, b) ? a : isBelow(b, a) ? b : null;
        if (lower == null) {
            return 0;
        }
        SourceClaim upper = lower == a ? b : a;
        double gap = upper.low() - lower.high();
        return gap / Math.max(1, lower.high());
    }

    private static boolean isBelow(SourceClaim a, SourceClaim b) {
        return a.high() != null && a.high() < b.low();
    }

    /**
     * The aggregate without its stale claims: a claim of a cumulative figure is stale when its
     * source has reported the same bounds since {@code since} and another source reported a higher
     * figure more than {@code horizon} after that. Such a source has not caught up yet; comparing it
     * would raise a conflict between yesterday's toll and today's.
     */
    public static Aggregate withoutStale(Aggregate aggregate, Map<String, Instant> since, Duration horizon) {
        if (!aggregate.metric().isCumulative()) {
            return aggregate;
        }
        List<SourceClaim> current = new ArrayList<>();
        for (SourceClaim c : aggregate.sources()) {
            Instant reportedSince = since.getOrDefault(c.source(), c.publishedAt());
            boolean stale = aggregate.sources().stream().anyMatch(o -> o != c && isBelow(c, o)
                    && Duration.between(reportedSince, o.publishedAt()).compareTo(horizon) > 0);
            if (!stale) {
                current.add(c);
            }
        }
        if (current.size() == aggregate.sources().size()) {
            return aggregate;
        }
        return new Aggregate(aggregate.metric(), aggregate.subject(), aggregate.group(), aggregate.location(),
                aggregate.windowStart(), aggregate.windowEnd(), List.copyOf(current), current.size(), aggregate.min(),
                aggregate.max(), aggregate.median(), aggregate.consensusLow(), aggregate.consensusHigh(),
                aggregate.isFinal(), aggregate.sourcesOmitted());
    }

    /** {@code conflict}: some pair of sources apart beyond the tolerance; evidence is the widest pair. */
    public static Optional<Discrepancy> conflict(Aggregate aggregate, double tolerance) {
        List<SourceClaim> sources = aggregate.sources();
        SourceClaim bestLow = null;
        SourceClaim bestHigh = null;
        double bestGap = 0;
        Set<SourceClaim> involved = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                SourceClaim a = sources.get(i);
                SourceClaim b = sources.get(j);
                double gap = relativeGap(a, b);
                if (gap > tolerance) {
                    involved.add(a);
                    involved.add(b);
                    if (gap > bestGap) {
                        bestGap = gap;
                        bestLow = isBelow(a, b) ? a : b;
                        bestHigh = bestLow == a ? b : a;
                    }
                }
            }
        }
        if (bestLow == null) {
            return Optional.empty();
        }
        List<SourceClaim> evidence = new ArrayList<>(involved);
        evidence.sort(Comparator.comparing(SourceClaim::low).thenComparing(SourceClaim::source));
        boolean hedged = evidence.stream().anyMatch(SourceClaim::hedged);
        boolean approximate = isApproximate(bestLow) || isApproximate(bestHigh);
        // How many independent sources side with each end: below the high figure, above the low one.
        SourceClaim low = bestLow;
        SourceClaim high = bestHigh;
        long lowSide = sources.stream().filter(s -> relativeGap(s, high) > tolerance && isBelow(s, high)).count();
        long highSide = sources.stream().filter(s -> relativeGap(s, low) > tolerance && isBelow(low, s)).count();
        Instant detectedAt = evidence.stream().map(SourceClaim::publishedAt).max(Instant::compareTo).orElseThrow();
        String explanation = String.format(Locale.ROOT,
                "%s reports %s for %s while %s reports %s; the figures are %.1f%% apart%s%s.",
                bestHigh.source(), quoteOf(bestHigh), aggregate.key(),
                bestLow.source(), quoteOf(bestLow), bestGap * 100,
                lowSide > 1 || highSide > 1 ? String.format(Locale.ROOT, ", %d source%s against %d", highSide,
                        highSide == 1 ? "" : "s", lowSide) : "",
                hedged ? " (at least one claim is hedged)" : "");
        Severity severity = severity(bestGap, hedged || approximate);
        if (lowSide >= 2 && highSide >= 2) {
            severity = severity.higher(); // a split between groups of sources, not one source's slip
        }
        return Optional.of(new Discrepancy(aggregate.metric(), aggregate.subject(), aggregate.group(), aggregate.location(),
                aggregate.windowStart(), aggregate.windowEnd(), DiscrepancyKind.CONFLICT,
                severity, round(bestGap), List.copyOf(evidence),
                explanation, detectedAt));
    }

    /**
     * {@code regression}: a source's newer cumulative figure lies below its earlier one by more
     * than the tolerance.
     */
    public static Optional<Discrepancy> regression(Aggregate aggregate, SourceClaim earlier, SourceClaim later,
                                                   double tolerance) {
        if (!aggregate.metric().isCumulative() || !later.publishedAt().isAfter(earlier.publishedAt())) {
            return Optional.empty();
        }
        double gap = relativeGap(later, earlier);
        if (gap <= tolerance || !isBelow(later, earlier)) {
            return Optional.empty();
        }
        boolean hedged = earlier.hedged() || later.hedged() || isApproximate(earlier) || isApproximate(later);
        String explanation = String.format(Locale.ROOT,
                "%s reported %s for %s on %s, then %s on %s: a cumulative figure went down by %.1f%%.",
                later.source(), quoteOf(earlier), aggregate.key(), earlier.publishedAt(), quoteOf(later),
                later.publishedAt(), gap * 100);
        return Optional.of(new Discrepancy(aggregate.metric(), aggregate.subject(), aggregate.group(), aggregate.location(),
                aggregate.windowStart(), aggregate.windowEnd(), DiscrepancyKind.REGRESSION,
                severity(gap, hedged), round(gap), List.of(earlier, later), explanation,
                later.publishedAt()));
    }

    /**
     * {@code outlier}: one source whose bounds lie farther than {@code threshold} (relative) from
     * the median of at least three other sources' figures. The most distant source is reported,
     * with every claim as evidence so the reader sees the median it was measured against.
     */
    public static Optional<Discrepancy> outlier(Aggregate aggregate, double threshold) {
        List<SourceClaim> sources = aggregate.sources().stream().filter(c -> c.value() != null).toList();
        if (sources.size() < 4) {
            return Optional.empty();
        }
        SourceClaim worst = null;
        double worstGap = 0;
        double worstMedian = 0;
        for (SourceClaim candidate : sources) {
            List<Long> others = sources.stream().filter(c -> c != candidate).map(SourceClaim::value).sorted().toList();
            int n = others.size();
            double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2.0;
            double distance = candidate.low() > median ? candidate.low() - median
                    : candidate.high() != null && candidate.high() < median ? median - candidate.high() : 0;
            double gap = distance / Math.max(1, Math.min(median, candidate.value()));
            if (gap > threshold && gap > worstGap) {
                worst = candidate;
                worstGap = gap;
                worstMedian = median;
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        List<SourceClaim> evidence = new ArrayList<>(sources);
        evidence.sort(Comparator.comparing(SourceClaim::low).thenComparing(SourceClaim::source));
        String explanation = String.format(Locale.ROOT,
                "%s reports %s for %s, %.1f%% away from the median %s of the %d other sources.",
                worst.source(), quoteOf(worst), aggregate.key(), worstGap * 100, formatMedian(worstMedian),
                sources.size() - 1);
        return Optional.of(new Discrepancy(aggregate.metric(), aggregate.subject(), aggregate.group(),
                aggregate.location(), aggregate.windowStart(), aggregate.windowEnd(), DiscrepancyKind.OUTLIER,
                severity(worstGap, worst.hedged() || isApproximate(worst)), round(worstGap),
                List.copyOf(evidence), explanation,
                evidence.stream().map(SourceClaim::publishedAt).max(Instant::compareTo).orElseThrow()));
    }

    private static String formatMedian(double median) {
        return median == Math.rint(median) ? String.valueOf((long) median) : String.valueOf(median);
    }

    /** Approximate and vague wording ("about 250", "hundreds") is a weaker claim than a precise figure. */
    private static boolean isApproximate(SourceClaim c) {
        return c.qualifier() == io.crosscount.model.Qualifier.APPROX || c.qualifier() == io.crosscount.model.Qualifier.VAGUE;
    }

    /**
     * Larger gaps are more severe (under 10% low, under 50% medium, else high); a hedged or
     * approximate claim lowers the severity one step. A conflict between two groups of at least
     * two sources each is raised one step.
     */
    public static Severity severity(double relativeGap, boolean hedged) {
        Severity s = relativeGap >= 0.5 ? Severity.HIGH : relativeGap >= 0.1 ? Severity.MEDIUM : Severity.LOW;
        return hedged ? s.lower() : s;
    }

    private static String quoteOf(SourceClaim c) {
        return c.text() != null ? "\"" + c.text() + "\"" : String.valueOf(c.value());
    }

    private static double round(double gap) {
        return Math.round(gap * 10000) / 10000.0;
    }
}
