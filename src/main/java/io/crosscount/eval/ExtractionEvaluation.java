package io.crosscount.eval;

import io.crosscount.eval.CorpusEntry.ExpectedClaim;
import io.crosscount.extract.ArticleExtractor;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores the extractor against the labelled corpus. A claim is found when an extracted claim
 * has the same metric and figure (the value, or the bounds for vague amounts and ranges); among
 * those, bounds, qualifier, hedging and subject are scored as accuracies.
 */
public final class ExtractionEvaluation {

    /** Counts for one slice (a language, a metric, or all). */
    public static final class Score {
        public int truePositives;
        public int falsePositives;
        public int falseNegatives;
        public int boundsRight;
        public int qualifierRight;
        public int hedgedRight;
        public int subjectRight;

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double accuracy(int right) {
            return ratio(right, truePositives);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    /** A mistake, for the report: the passage and what was missed or wrongly found. */
    public record Miss(String entryId, String kind, String claim, String text) {}

    private final Score total = new Score();
    private final Map<String, Score> byLanguage = new TreeMap<>();
    private final Map<String, Score> byMetric = new TreeMap<>();
    private final List<Miss> misses = new ArrayList<>();
    private final PassageTally passages = new PassageTally();

    public static ExtractionEvaluation run(ArticleExtractor extractor, List<CorpusEntry> corpus) {
        ExtractionEvaluation eval = new ExtractionEvaluation();
        for (CorpusEntry entry : corpus) {
            Article article = new Article(entry.id(), "corpus", Instant.EPOCH, entry.text(), null, null, entry.lang());
            List<Claim> claims = extractor.extract(article).claims();
            eval.score(entry, claims);
            eval.passages.add(entry.id(), entry.pending(), PassageCheck.differences(entry, claims));
        }
        return eval;
    }

    private void score(CorpusEntry entry, List<Claim> actual) {
        List<Claim> unmatched = new ArrayList<>(actual);
        Score lang = byLanguage.computeIfAbsent(entry.lang(), k -> new Score());
        for (ExpectedClaim expected : entry.claims()) {
            Score metric = byMetric.computeIfAbsent(expected.metric(), k -> new Score());
            Claim match = unmatched.stream().filter(c -> sameFigure(expected, c)).findFirst().orElse(null);
            if (match == null) {
                for (Score s : List.of(total, lang, metric)) {
                    s.falseNegatives++;
                }
                misses.add(new Miss(entry.id(), "missed", describe(expected), entry.text()));
                continue;
            }
            unmatched.remove(match);
            for (Score s : List.of(total, lang, metric)) {
                s.truePositives++;
                if (Objects.equals(expected.low(), match.low()) && Objects.equals(expected.high(), match.high())) {
                    s.boundsRight++;
                }
                if (expected.qualifier().equals(match.qualifier().wireName())) {
                    s.qualifierRight++;
                }
                if (expected.hedged() == match.hedged()) {
                    s.hedgedRight++;
                }
                if (Objects.equals(expected.subject(), match.subject())) {
                    s.subjectRight++;
                }
            }
        }
        for (Claim extra : unmatched) {
            Score metric = byMetric.computeIfAbsent(extra.metric().wireName(), k -> new Score());
            for (Score s : List.of(total, lang, metric)) {
                s.falsePositives++;
            }
            misses.add(new Miss(entry.id(), "spurious", extra.metric().wireName() + " " + figure(extra.value(),
                    extra.low(), extra.high()) + " \"" + extra.text() + "\"", entry.text()));
        }
    }

    /** The evaluation's notion of "found": same metric and figure, whatever else differs. */
    static boolean sameFigure(ExpectedClaim e, Claim c) {
        if (!e.metric().equals(c.metric().wireName())) {
            return false;
        }
        if (e.value() != null) {
            return e.value().equals(c.value());
        }
        return c.value() == null && Objects.equals(e.low(), c.low()) && Objects.equals(e.high(), c.high());
    }

    private static String describe(ExpectedClaim e) {
        return e.metric() + " " + figure(e.value(), e.low(), e.high());
    }

    static String figure(Long value, Long low, Long high) {
        return value != null ? value.toString() : "[" + low + ".." + (high == null ? "" : high) + "]";
    }

    public Score total() {
        return total;
    }

    public Map<String, Score> byLanguage() {
        return byLanguage;
    }

    public Map<String, Score> byMetric() {
        return byMetric;
    }

    public List<Miss> misses() {
        return misses;
    }

    /** The passages by verdict, as the spec test judges them one by one. */
    public PassageTally passages() {
        return passages;
    }

    /** The report {@code scripts/evaluate-extraction} prints. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-22s %5s %5s %5s %7s %7s %7s %7s %7s %7s %7s%n", "slice", "tp", "fp", "fn",
                "prec", "recall", "f1", "bounds", "qualif", "hedged", "subject"));
        row(sb, "all", total);
        byLanguage.forEach((k, v) -> row(sb, "lang " + k, v));
        byMetric.forEach((k, v) -> row(sb, "metric " + k, v));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Score s) {
        sb.append(String.format("%-22s %5d %5d %5d %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", name,
                s.truePositives, s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f1(),
                s.accuracy(s.boundsRight), s.accuracy(s.qualifierRight), s.accuracy(s.hedgedRight),
                s.accuracy(s.subjectRight)));
    }
}
