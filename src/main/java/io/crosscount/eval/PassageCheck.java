package io.crosscount.eval;

import io.crosscount.eval.CorpusEntry.ExpectedClaim;
import io.crosscount.model.Claim;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One labelled passage against what the extractor made of it, as a spec: every expected claim
 * must come out once with the same metric, figure, bounds, qualifier, subject, group and
 * hedging, its span inside the extracted claim's span, and nothing else may come out.
 * {@link ExtractionEvaluation} scores the corpus as a whole; this says which passages are
 * wrong and how, one line per difference.
 */
public final class PassageCheck {

    /** A passage's standing: its differences against its {@code pending} flag. */
    public enum Verdict {
        /** Comes out as labelled, and is not flagged. */
        PASSES,
        /** Flagged pending and still wrong: expected. */
        PENDING,
        /** Not flagged, but wrong: a regression or a new passage the extractor gets wrong. */
        FAILS,
        /** Flagged pending but now right: the flag must go. */
        FIXED;

        public static Verdict of(String pending, List<String> differences) {
            if (pending == null) {
                return differences.isEmpty() ? PASSES : FAILS;
            }
            return differences.isEmpty() ? FIXED : PENDING;
        }
    }

    private PassageCheck() {}

    /** Faults of the labels themselves: a claim without its span, or a span that is not the text at its start. */
    public static List<String> specErrors(CorpusEntry entry) {
        List<String> errors = new ArrayList<>();
        if (entry.pending() != null && entry.pending().isBlank()) {
            errors.add("\"pending\" is empty: say what is wrong, or remove it");
        }
        for (int i = 0; i < entry.claims().size(); i++) {
            ExpectedClaim e = entry.claims().get(i);
            if (e.span() == null || e.span().isEmpty() || e.start() == null) {
                errors.add("claim " + i + " (" + describe(e) + ") has no \"span\" and \"start\"");
            } else if (!entry.text().startsWith(e.span(), e.start())) {
                errors.add("claim " + i + ": \"" + e.span() + "\" is not the text at start " + e.start());
            }
        }
        return errors;
    }

    /** What differs between the labelled claims and the extracted ones; empty when the passage is right. */
    public static List<String> differences(CorpusEntry entry, List<Claim> extracted) {
        List<Claim> unmatched = new ArrayList<>(extracted);
        List<ExpectedClaim> unfound = new ArrayList<>();
        for (ExpectedClaim e : entry.claims()) {
            Claim match = unmatched.stream().filter(c -> fieldDifferences(e, c).isEmpty()).findFirst().orElse(null);
            if (match == null) {
                unfound.add(e);
            } else {
                unmatched.remove(match);
            }
        }
        // Only now pair what is left by figure, so that a near miss does not take another claim's match.
        List<String> differences = new ArrayList<>();
        for (ExpectedClaim e : unfound) {
            Claim near = unmatched.stream().filter(c -> ExtractionEvaluation.sameFigure(e, c)).findFirst().orElse(null);
            if (near == null) {
                differences.add("missed " + describe(e));
            } else {
                unmatched.remove(near);
                differences.add(describe(e) + ": " + String.join(", ", fieldDifferences(e, near)));
            }
        }
        for (Claim c : unmatched) {
            differences.add("spurious " + c.metric().wireName() + " " + ExtractionEvaluation.figure(c.value(), c.low(),
                    c.high()) + " " + c.qualifier().wireName() + " \"" + c.text() + "\"");
        }
        return differences;
    }

    /** What differs between a set of labelled actor ids and the ones found; empty when they are equal. */
    public static List<String> differences(ActorEvaluation.Entry entry, Collection<String> found) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(entry.actors()).stream().filter(id -> !found.contains(id)).forEach(id -> differences.add("missed " + id));
        new TreeSet<>(found).stream().filter(id -> !entry.actors().contains(id)).forEach(id -> differences.add("spurious " + id));
        return differences;
    }

    private static List<String> fieldDifferences(ExpectedClaim e, Claim c) {
        List<String> differences = new ArrayList<>();
        differ(differences, "metric", e.metric(), c.metric().wireName());
        differ(differences, "value", e.value(), c.value());
        differ(differences, "low", e.low(), c.low());
        differ(differences, "high", e.high(), c.high());
        differ(differences, "qualifier", e.qualifier(), c.qualifier().wireName());
        differ(differences, "subject", e.subject(), c.subject());
        differ(differences, "group", e.group(), c.group());
        differ(differences, "hedged", e.hedged(), c.hedged());
        if (e.span() != null && e.start() != null
                && (e.start() < c.start() || e.start() + e.span().length() > c.end())) {
            differences.add("span \"" + e.span() + "\" not inside the extracted \"" + c.text() + "\"");
        }
        return differences;
    }

    private static void differ(List<String> differences, String field, Object expected, Object extracted) {
        if (!Objects.equals(expected, extracted)) {
            differences.add(field + " " + expected + ", extracted " + extracted);
        }
    }

    private static String describe(ExpectedClaim e) {
        return e.metric() + " " + ExtractionEvaluation.figure(e.value(), e.low(), e.high())
                + (e.span() == null ? "" : " \"" + e.span() + "\"");
    }
}
