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

    /** Shared by every thread, so indexed up front: the others are one article's, indexed lazily. */
    static final RoleMatches EMPTY = new RoleMatches(new ArrayList<>());

    static {
        EMPTY.indexStarts();
        EMPTY.indexEnds();
    }

    private final List<Match> byStart;
    // The indexes are built on a role's first look-up of each kind: many roles are read whole or
    // not at all, and most only by start.
    private int[] starts;
    /** Bucketed index into {@link #starts}; null for few matches, where a binary search is as quick. */
    private int[] startBuckets;
    private List<Match> byEnd;
    private int[] ends;
    private int[] endBuckets;

    /** Keeps {@code matches}, which the caller hands over and no longer changes (no copy per role and article). */
    RoleMatches(List<Match> matches) {
        byStart = matches;
        if (!inStartOrder(byStart)) { // the lexicon gives them in this order: the sort is for other callers
            byStart.sort(START_THEN_LONGEST);
        }
    }

    /** The starts, indexed on the first look-up by start. */
    private int[] starts() {
        if (starts == null) {
            indexStarts();
        }
        return starts;
    }

    /** The ends, indexed (with the matches in order of end) on the first look-up by end. */
    private int[] ends() {
        if (ends == null) {
            indexEnds();
        }
        return ends;
    }

    private void indexStarts() {
        int n = byStart.size();
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = byStart.get(i).start();
        }
        startBuckets = buckets(a);
        starts = a;
    }

    private static boolean inStartOrder(List<Match> matches) {
        for (int i = 1; i < matches.size(); i++) {
            Match a = matches.get(i - 1);
            Match b = matches.get(i);
            if (a.start() > b.start() || a.start() == b.start() && a.end() < b.end()) {
                return false;
            }
        }
        return true;
    }

    private void indexEnds() {
        int n = byStart.size();
        long[] endKeys = new long[n];
        for (int i = 0; i < n; i++) {
            endKeys[i] = ((long) byStart.get(i).end() << 32) | i; // by end, ties in start order
        }
        java.util.Arrays.sort(endKeys);
        List<Match> list = new ArrayList<>(n);
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            list.add(byStart.get((int) endKeys[i]));
            e[i] = (int) (endKeys[i] >>> 32);
        }
        byEnd = list;
        ends = e;
        endBuckets = buckets(e);
    }

    List<Match> all() {
        return byStart;
    }

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    /** Matches whose start lies in [from, to), in order of start. */
    List<Match> startingIn(int from, int to) {
        int i = lowerBound(starts(), startBuckets, from);
        int j = lowerBound(starts, startBuckets, to);
        return byStart.subList(i, j);
    }

    /** Whether a match starts in [from, to): {@code !startingIn(from, to).isEmpty()} without the list. */
    boolean anyStartingIn(int from, int to) {
        if (from > to) {
            return !startingIn(from, to).isEmpty(); // as before: subList throws when a match starts in [to, from)
        }
        int i = lowerBound(starts(), startBuckets, from);
        return i < starts.length && starts[i] < to;
    }

    // Index-wise reads for the look-ups made around every number (TextScan.preceding and
    // following), which need no list of their own.

    int size() {
        return byStart.size();
    }

    /** The index, in order of start, of the first match starting at or after {@code from}. */
    int firstStartingFrom(int from) {
        return lowerBound(starts(), startBuckets, from);
    }

    int startAt(int i) {
        return starts[i];
    }

    Match byStart(int i) {
        return byStart.get(i);
    }

    /** The index, in order of end, of the first match ending at or after {@code from}. */
    int firstEndingFrom(int from) {
        return lowerBound(ends(), endBuckets, from);
    }

    int endAt(int i) {
        return ends[i];
    }

    Match byEnd(int i) {
        return byEnd.get(i);
    }

    /** Matches whose end lies in [from, to]. */
    List<Match> endingIn(int from, int to) {
        int i = lowerBound(ends(), endBuckets, from);
        int j = lowerBound(ends, endBuckets, to + 1);
        return byEnd.subList(i, j);
    }

    /** Whether a match ends in [from, to]: {@code !endingIn(from, to).isEmpty()} without the list. */
    boolean anyEndingIn(int from, int to) {
        if (from > to + 1) {
            return !endingIn(from, to).isEmpty(); // as before: subList throws when a match ends in (to, from)
        }
        int i = lowerBound(ends(), endBuckets, from);
        return i < ends.length && ends[i] <= to;
    }

    /** Below this many matches a binary search over them all is as quick as the table. */
    private static final int BUCKETS_FROM = 8;

    /**
     * For ascending {@code a}, a table that narrows a look-up to the few elements of one bucket of
     * positions: the rules ask about every number's surroundings. The first element is the bucket
     * width as a shift, chosen from the density so that a bucket holds about one element (the
     * table costs no more than the array); then per bucket b, the index of the first element
     * >= b << shift, and a last entry {@code a.length}.
     */
    static int[] buckets(int[] a) {
        int n = a.length;
        if (n < BUCKETS_FROM || a[0] < 0) {
            return null;
        }
        int shift = 31 - Integer.numberOfLeadingZeros(Math.max(1, (a[n - 1] + 1) / n));
        int count = (a[n - 1] >> shift) + 1;
        int[] table = new int[count + 2];
        table[0] = shift;
        int i = 0;
        for (int bucket = 0; bucket < count; bucket++) {
            while (a[i] < bucket << shift) { // stops at the last element, which lies in the last bucket
                i++;
            }
            table[bucket + 1] = i;
        }
        table[count + 1] = n;
        return table;
    }

    /**
     * {@link #lowerBound(int[], int)}, narrowed by {@code buckets} ({@link #buckets}) when there
     * are any: a binary search among the elements of the key's bucket, so that a cluster of
     * matches costs a logarithm, not a scan.
     */
    static int lowerBound(int[] a, int[] buckets, int key) {
        if (buckets == null) {
            return lowerBound(a, key, a.length);
        }
        if (key <= 0) {
            return 0;
        }
        if (key > a[a.length - 1]) {
            return a.length;
        }
        int bucket = (key >> buckets[0]) + 1;
        // the first element of the next bucket is >= key
        return lowerBound(a, key, buckets[bucket], buckets[bucket + 1]);
    }

    /** Index of the first element >= key. */
    static int lowerBound(int[] a, int key) {
        return lowerBound(a, key, a.length);
    }

    /** Index of the first of a[0, length) >= key, {@code length} when none is. */
    static int lowerBound(int[] a, int key, int length) {
        return lowerBound(a, key, 0, length);
    }

    /** Index of the first of a[from, to) >= key, {@code to} when none is. */
    private static int lowerBound(int[] a, int key, int from, int to) {
        int lo = from;
        int hi = to;
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
