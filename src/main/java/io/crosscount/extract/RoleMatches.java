package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lexicon matches of one role, indexed by start and by end, so that the rules ask "what
 * ends just before this number" or "what lies in this clause" in logarithmic time. An article
 * full of numbers must not make the extractor quadratic.
 */
final class RoleMatches {
    private static final Comparator<Match> START_THEN_LONGEST =
            Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed());

    static final RoleMatches EMPTY = new RoleMatches(List.of());

    private final List<Match> byStart;
    private final int[] starts;
    private final List<Match> byEnd;
    private final int[] ends;

    RoleMatches(List<Match> matches) {
        byStart = new ArrayList<>(matches);
        if (!inStartOrder(byStart)) { // the lexicon gives them in this order: the sort is for other callers
            byStart.sort(START_THEN_LONGEST);
        }
        int n = byStart.size();
        starts = new int[n];
        long[] endKeys = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = byStart.get(i).start();
            endKeys[i] = ((long) byStart.get(i).end() << 32) | i; // by end, ties in start order
        }
        java.util.Arrays.sort(endKeys);
        byEnd = new ArrayList<>(n);
        ends = new int[n];
        for (int i = 0; i < n; i++) {
            byEnd.add(byStart.get((int) endKeys[i]));
            ends[i] = (int) (endKeys[i] >>> 32);
        }
    }

    private static boolean inStartOrder(List<Match> matches) {
        for (int i = 1; i < matches.size(); i++) {
            if (START_THEN_LONGEST.compare(matches.get(i - 1), matches.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    List<Match> all() {
        return byStart;
    }

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    /** Matches whose start lies in [from, to), in order of start. */
    List<Match> startingIn(int from, int to) {
        int i = lowerBound(starts, from);
        int j = lowerBound(starts, to);
        return byStart.subList(i, j);
    }

    /** Matches whose end lies in [from, to]. */
    List<Match> endingIn(int from, int to) {
        int i = lowerBound(ends, from);
        int j = lowerBound(ends, to + 1);
        return byEnd.subList(i, j);
    }

    /** Index of the first element >= key. */
    static int lowerBound(int[] a, int key) {
        return lowerBound(a, key, a.length);
    }

    /** Index of the first of a[0, length) >= key, {@code length} when none is. */
    static int lowerBound(int[] a, int key, int length) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Non-overlapping matches, taken left to right, the longest at each start (one sweep). */
    RoleMatches leftmostLongest() {
        List<Match> kept = new ArrayList<>(byStart.size());
        int lastEnd = -1;
        for (Match m : byStart) {
            if (m.start() >= lastEnd) {
                kept.add(m);
                lastEnd = m.end();
            }
        }
        return new RoleMatches(kept);
    }

    /** Of overlapping matches keeps the longest ("une centaine" over "une"); one linear sweep. */
    RoleMatches longestOnly() {
        List<Match> kept = new ArrayList<>(byStart.size());
        int maxEnd = -1;
        int maxEndStart = -1;
        for (Match m : byStart) {
            boolean dominated = maxEnd > m.end() || (maxEnd == m.end() && maxEndStart < m.start());
            if (!dominated) {
                kept.add(m);
            }
            if (m.end() > maxEnd) {
                maxEnd = m.end();
                maxEndStart = m.start();
            }
        }
        return new RoleMatches(kept);
    }
}
