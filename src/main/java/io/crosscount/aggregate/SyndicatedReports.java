package io.crosscount.aggregate;

import io.crosscount.syndication.BodyFingerprint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
        int n = claims.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameReport(claims.get(i), claims.get(j), similarityThreshold)) {
                    parent[find(parent, j)] = find(parent, i);
                }
            }
        }
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

    private static boolean sameReport(ClaimEvent a, ClaimEvent b, double similarityThreshold) {
        if (a.source.equals(b.source)) {
            return false; // an outlet's own articles are its own reports; the window keeps its latest
        }
        if (a.wire != null && a.wire.equals(b.wire)) {
            return true;
        }
        return a.fingerprint != null && b.fingerprint != null
                && BodyFingerprint.similarity(a.fingerprint, b.fingerprint) >= similarityThreshold;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
