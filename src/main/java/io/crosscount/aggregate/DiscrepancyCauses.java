package io.crosscount.aggregate;

import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyCause;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The likely cause of a discrepancy, from its two sides: the lowest and highest claim of a
 * conflict, the outlier and the claim nearest the others' median, a source's earlier and later
 * claim for a regression. The rules are tried in the order of {@link DiscrepancyCause}; the first
 * that holds is the cause. They read only the evidence, so a replay finds the same causes.
 */
public final class DiscrepancyCauses {
    private DiscrepancyCauses() {}

    /**
     * @param growthPerHour how much the key's cumulative figure usually grows an hour (from the
     *     sources' histories), or null when no source has reported it growing yet
     * @param staleAfter without a growth rate, how much older the lower report must be to be stale
     */
    public static DiscrepancyCause of(Discrepancy d, Double growthPerHour, Duration staleAfter) {
        List<SourceClaim> sides = sides(d);
        if (sides == null) {
            return DiscrepancyCause.UNEXPLAINED;
        }
        SourceClaim low = sides.get(0);
        SourceClaim high = sides.get(1);
        if (d.kind() != DiscrepancyKind.REGRESSION && d.metric().isCumulative() && isStale(low, high, growthPerHour,
                staleAfter)) {
            return DiscrepancyCause.STALE_REPORT;
        }
        if (low.claim().subjectInferred() != high.claim().subjectInferred()
                || low.claim().locationInferred() != high.claim().locationInferred()) {
            return DiscrepancyCause.SCOPE;
        }
        if (low.attributedTo() != null && high.attributedTo() != null
                && !Objects.equals(low.attributedTo(), high.attributedTo())) {
            return DiscrepancyCause.ATTRIBUTION;
        }
        if (withinRounding(low, high) || withinRounding(high, low)) {
            return DiscrepancyCause.ROUNDING;
        }
        if (low.hedged() || high.hedged()) {
            return DiscrepancyCause.HEDGED;
        }
        return DiscrepancyCause.UNEXPLAINED;
    }

    /** The two claims the discrepancy opposes, lower first; null when the evidence has fewer than two. */
    static List<SourceClaim> sides(Discrepancy d) {
        List<SourceClaim> claims = d.claims().stream().filter(c -> c.low() != null).toList();
        if (claims.size() < 2) {
            return null;
        }
        Comparator<SourceClaim> byLow = Comparator.comparing(SourceClaim::low);
        return switch (d.kind()) {
            case REGRESSION -> {
                SourceClaim earlier = claims.get(0);
                SourceClaim later = claims.get(1);
                yield byLow.compare(earlier, later) <= 0 ? List.of(earlier, later) : List.of(later, earlier);
            }
            case CONFLICT -> List.of(
                    claims.stream().min(Comparator.comparing(SourceClaim::high,
                            Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow(),
                    claims.stream().max(byLow).orElseThrow());
            case OUTLIER -> {
                double median = median(claims);
                Comparator<SourceClaim> byDistance = Comparator.comparingDouble(c -> Math.abs(value(c) - median));
                SourceClaim outlier = claims.stream().max(byDistance).orElseThrow();
                SourceClaim typical = claims.stream().filter(c -> c != outlier).min(byDistance).orElseThrow();
                yield byLow.compare(outlier, typical) <= 0 ? List.of(outlier, typical) : List.of(typical, outlier);
            }
        };
    }

    /**
     * The lower report is the older one, and the figure's usual growth over the time between them
     * covers the gap: the older source has not caught up yet.
     */
    private static boolean isStale(SourceClaim low, SourceClaim high, Double growthPerHour, Duration staleAfter) {
        if (low.publishedAt() == null || high.publishedAt() == null || !low.publishedAt().isBefore(high.publishedAt())) {
            return false;
        }
        Duration older = Duration.between(low.publishedAt(), high.publishedAt());
        if (growthPerHour == null || growthPerHour <= 0) {
            return older.compareTo(staleAfter) >= 0;
        }
        double gap = high.low() - (low.high() == null ? low.low() : low.high());
        return gap <= growthPerHour * older.toMinutes() / 60.0;
    }

    /**
     * An approximate or vague figure that is round ("about 26,000", "hundreds") covers figures
     * within its rounding unit: 26,000 said loosely may be 25,400.
     */
    private static boolean withinRounding(SourceClaim rounded, SourceClaim other) {
        if (rounded.value() == null || other.value() == null
                || !(rounded.qualifier() == Qualifier.APPROX || rounded.qualifier() == Qualifier.VAGUE)) {
            return false;
        }
        long unit = roundingUnit(rounded.value());
        return unit > 1 && Math.abs(rounded.value() - other.value()) < unit;
    }

    /** The largest power of ten dividing the figure (26,000 → 1,000), at most a tenth of it. */
    static long roundingUnit(long value) {
        long unit = 1;
        while (value != 0 && value % (unit * 10) == 0 && unit * 10 <= Math.abs(value) / 10) {
            unit *= 10;
        }
        return unit;
    }

    private static double value(SourceClaim c) {
        return c.value() != null ? c.value() : c.low();
    }

    private static double median(List<SourceClaim> claims) {
        double[] values = claims.stream().mapToDouble(DiscrepancyCauses::value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
