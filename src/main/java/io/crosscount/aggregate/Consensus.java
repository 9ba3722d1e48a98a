package io.crosscount.aggregate;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Claim;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Pure computation of an {@link Aggregate} from the sources' latest claims. */
public final class Consensus {
    private Consensus() {}

    public static Aggregate of(Collection<ClaimEvent> latest, Instant windowStart, Instant windowEnd, boolean isFinal) {
        return of(latest, windowStart, windowEnd, isFinal, SyndicatedReports.DEFAULT_SIMILARITY);
    }

    /** {@code latest}: each outlet's latest claim; syndicated copies among them count as one source. */
    public static Aggregate of(Collection<ClaimEvent> latest, Instant windowStart, Instant windowEnd, boolean isFinal,
                               double syndicationSimilarity) {
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
        return new Aggregate(any.metric(), any.subject(), any.group(), any.location(), windowStart, windowEnd, sources,
                sources.size(), min, max, median, consensusLow, consensusHigh, isFinal);
    }

    private static double median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
