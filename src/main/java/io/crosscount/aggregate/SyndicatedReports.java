package io.crosscount.aggregate;

import io.crosscount.syndication.BodyFingerprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds syndicated copies into one report before sources are compared, so that the same wire
 * story carried by three outlets is one source, not three sources agreeing (or a copy disagreeing
 * with its own original after an outlet's edit).
 *
 * <p>Two outlets' latest claims are one report when their articles credit the same agency, or
 * when their bodies are near-duplicates (estimated Jaccard similarity of five-word shingles at or
 * above the threshold). Reports are the connected groups. A report's source is its agency when a
 * member credits one, else the outlet that published first; its claim is the newest member's; it
 * lists every outlet that carried it. The result depends only on the set of claims, not on the
 * order they arrived in, so the streaming job and {@code scripts/reconcile} agree.
 *
 * <p>The window recomputes the reports at every firing, so they must not cost the square of its
 * outlets (a key with 5,000 outlets fired 5,000 times a day would compare 10^11 pairs): the
 * candidates are found by an agency map and by MinHash banding (locality-sensitive hashing), see
 * {@link #groups}. A firing then costs a sort of the claims and a bucket per band of each sketch.
 */
public final class SyndicatedReports {
    /** Near-duplicate threshold: edited copies of a wire story score well above, distinct reports far below. */
    public static final double DEFAULT_SIMILARITY = 0.5;

    private SyndicatedReports() {}

    /** One report: the claim that stands for it, under which source, carried by which outlets. */
    public record Report(ClaimEvent claim, String source, List<String> outlets) {}

    public static List<Report> of(Collection<ClaimEvent> latestPerOutlet, double similarityThreshold) {
        List<ClaimEvent> claims = new ArrayList<>(latestPerOutlet);
        // Oldest first: the first outlet of a group names it when no agency is credited.
        claims.sort(Comparator.comparing((ClaimEvent e) -> e.publishedAt).thenComparing(e -> e.articleId)
                .thenComparing(e -> e.source));
        int[] parent = groups(claims, similarityThreshold);
        int n = claims.size();
        Map<Integer, List<ClaimEvent>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(claims.get(i));
        }
        Map<String, Report> bySource = new TreeMap<>();
        for (List<ClaimEvent> group : groups.values()) {
            String source = group.stream().map(e -> e.wire).filter(w -> w != null).findFirst().orElse(group.get(0).source);
            ClaimEvent newest = group.get(0);
            TreeSet<String> outlets = new TreeSet<>();
            for (ClaimEvent e : group) {
                outlets.add(e.source);
                if (e.isNewerThan(newest)) {
                    newest = e;
                }
            }
            // Two groups under one name (an agency credited by outlets whose copies differ) are one report.
            Report existing = bySource.get(source);
            if (existing != null) {
                outlets.addAll(existing.outlets());
                if (existing.claim().isNewerThan(newest)) {
                    newest = existing.claim();
                }
            }
            bySource.put(source, new Report(newest, source, List.copyOf(outlets)));
        }
        return List.copyOf(bySource.values());
    }

    /**
     * The union-find forest of {@code claims}: two claims end in one tree when a chain of
     * same-report pairs joins them. Only candidate pairs are compared: outlets crediting the same
     * agency are joined through a map, and bodies only when their sketches agree on a whole band
     * (see {@link #rowsPerBand}); every other pair is left alone, so the cost grows with the
     * claims and the candidates, not with the square of the claims. A candidate pair is joined
     * exactly when {@link #sameBody} says so, so the groups are those of comparing every pair
     * whenever every pair at or above the threshold is a candidate. The trees are a function of
     * the set of claims (and of their order only through which member is a root), so is the result.
     */
    static int[] groups(List<ClaimEvent> claims, double similarityThreshold) {
        int n = claims.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstByWire = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String wire = claims.get(i).wire;
            if (wire != null) {
                Integer first = firstByWire.putIfAbsent(wire, i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
        }
        int rows = rowsPerBand(similarityThreshold);
        int bands = BodyFingerprint.SIZE / rows;
        long[] entries = new long[n * bands];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int[] sketch = claims.get(i).fingerprint;
            if (sketch == null) {
                continue;
            }
            for (int band = 0; band < bands; band++) {
                // Two short bodies share their empty buckets, not their words: an empty band is no bucket.
                if (!BodyFingerprint.isEmptyBand(sketch, band * rows, rows)) {
                    entries[count++] = (BodyFingerprint.bandHash(sketch, band * rows, rows) & 0xFFFFFFFF00000000L) | i;
                }
            }
        }
        // A bucket is a run of equal upper halves; the lower half is the claim.
        Arrays.sort(entries, 0, count);
        for (int start = 0; start < count; ) {
            int end = start + 1;
            while (end < count && (entries[end] >>> 32) == (entries[start] >>> 32)) {
                end++;
            }
            for (int p = start; p < end; p++) {
                int i = (int) entries[p];
                for (int q = p + 1; q < end; q++) {
                    int j = (int) entries[q];
                    if (find(parent, i) != find(parent, j)
                            && sameBody(claims.get(i), claims.get(j), similarityThreshold)) {
                        union(parent, i, j);
                    }
                }
            }
            start = end;
        }
        return parent;
    }

    /**
     * Rows per band of the sketch. Two rows in 32 bands for thresholds of 0.5 and above: a pair
     * whose sketches differ in {@code u} buckets and agree (not both empty) in {@code e} misses
     * every band only if each band holding an agreeing bucket also holds a differing one, so
     * {@code e <= u}, a similarity of at most 0.5. Above 0.5 a pair is always a candidate; at
     * exactly 0.5 it is missed only if its 32 agreeing buckets fall one in each band, about 2 in
     * a billion for buckets that agree at random places. Distinct reports (similarity near 0)
     * share a band with probability about 32 s^2. Below 0.5, one row: every pair sharing a bucket.
     */
    static int rowsPerBand(double similarityThreshold) {
        return similarityThreshold >= 0.5 ? 2 : 1;
    }

    private static boolean sameBody(ClaimEvent a, ClaimEvent b, double similarityThreshold) {
        return !a.source.equals(b.source) // an outlet's own articles are its own reports; the window keeps its latest
                && BodyFingerprint.similarity(a.fingerprint, b.fingerprint) >= similarityThreshold;
    }

    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
