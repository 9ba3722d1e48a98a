package io.crosscount.aggregate;

import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one source has reported for one key over time, as runs of the same figure (bounds). It
 * answers the detector's two questions from the claims themselves, whatever order the aggregates
 * carrying them arrive in: since when has the source said what this claim says (staleness), and
 * what did it say last before a window began (regression). A later window's early update may
 * reach the detector before an earlier window's final result; answers do not change with that.
 */
public class SourceHistory {
    /** Runs in time order; a run is a stretch of claims with the same bounds. */
    public List<FigureRun> runs = new ArrayList<>();

    public SourceHistory() {}

    /** Consecutive claims of one source with the same bounds. */
    public static class FigureRun {
        public Long low;
        public Long high;
        public SourceClaim first;
        public SourceClaim last;

        public FigureRun() {}

        FigureRun(SourceClaim claim) {
            low = claim.low();
            high = claim.high();
            first = claim;
            last = claim;
        }

        boolean sameFigure(SourceClaim claim) {
            return Objects.equals(low, claim.low()) && Objects.equals(high, claim.high());
        }

        Instant since() {
            return first.publishedAt();
        }
    }

    /**
     * Records a claim; a claim already known changes nothing. Returns whether the history changed,
     * so that the detector writes back to state only the histories that did.
     */
    public boolean add(SourceClaim claim) {
        Instant t = claim.publishedAt();
        int i = lastRunStartingAtOrBefore(t);
        if (i >= 0 && runs.get(i).sameFigure(claim)) {
            FigureRun run = runs.get(i);
            if (t.isAfter(run.last.publishedAt())) {
                run.last = claim;
                mergeWithNext(i);
                return true;
            }
            return false;
        }
        FigureRun next = i + 1 < runs.size() ? runs.get(i + 1) : null;
        if (next != null && next.sameFigure(claim)) {
            next.first = claim; // an earlier report of the next run's figure, arriving late (it starts after t)
            return true;
        }
        runs.add(i + 1, new FigureRun(claim));
        return true;
    }

    /** When the source began saying what {@code claim} says, without saying anything else in between. */
    public Instant since(SourceClaim claim) {
        int i = lastRunStartingAtOrBefore(claim.publishedAt());
        return i >= 0 && runs.get(i).sameFigure(claim) ? runs.get(i).since() : claim.publishedAt();
    }

    /** The source's last claim published before {@code start}, or null. */
    public SourceClaim lastBefore(Instant start) {
        int i = lastRunStartingAtOrBefore(start.minusMillis(1));
        if (i < 0) {
            return null;
        }
        FigureRun run = runs.get(i);
        // Inside a run the figure is the same: its last claim before the start, or its first.
        return run.last.publishedAt().isBefore(start) ? run.last : run.first;
    }

    /** Forgets runs that ended before {@code horizon}, keeping the latest one; returns whether any was. */
    public boolean forgetBefore(Instant horizon) {
        boolean forgot = false;
        while (runs.size() > 1 && runs.get(0).last.publishedAt().isBefore(horizon)) {
            runs.remove(0);
            forgot = true;
        }
        return forgot;
    }

    /** When the source last reported the key: its latest claim's publication time, or null when empty. */
    public Instant lastReported() {
        Instant latest = null;
        for (FigureRun run : runs) {
            Instant t = run.last.publishedAt();
            if (latest == null || t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }

    /** Adds to {@code rates} how fast the figure rose, per hour, each time this source raised it. */
    void addGrowthPerHour(List<Double> rates) {
        for (int i = 1; i < runs.size(); i++) {
            FigureRun before = runs.get(i - 1);
            FigureRun after = runs.get(i);
            double hours = java.time.Duration.between(before.since(), after.since()).toMinutes() / 60.0;
            if (before.low != null && after.low != null && after.low > before.low && hours > 0) {
                rates.add((after.low - before.low) / hours);
            }
        }
    }

    private int lastRunStartingAtOrBefore(Instant t) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (!runs.get(i).since().isAfter(t)) {
                return i;
            }
        }
        return -1;
    }

    private void mergeWithNext(int i) {
        if (i + 1 < runs.size() && runs.get(i + 1).sameFigure(runs.get(i).last)) {
            runs.get(i).last = runs.get(i + 1).last;
            runs.remove(i + 1);
        }
    }
}
