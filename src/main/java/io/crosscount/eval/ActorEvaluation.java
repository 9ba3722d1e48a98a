package io.crosscount.eval;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.ActorMention;
import io.crosscount.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores actor recognition on the labelled corpus ({@code actors-*.jsonl}): per passage, the
 * set of actor ids found against the set expected; precision, recall and F1 per language.
 */
public final class ActorEvaluation {

    /**
     * One labelled passage: the actors it mentions, as a set of ids. {@code pending} (null for
     * most) says in one line what the extractor still gets wrong in it (see {@link CorpusEntry}).
     */
    public record Entry(String id, String lang, String text, List<String> actors, String pending) {}

    private final ExtractionEvaluation.Score total = new ExtractionEvaluation.Score();
    private final Map<String, ExtractionEvaluation.Score> byLanguage = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private final PassageTally passages = new PassageTally();

    public static ActorEvaluation run(ArticleExtractor extractor, List<Entry> corpus) {
        ActorEvaluation eval = new ActorEvaluation();
        for (Entry e : corpus) {
            Set<String> found = extractor.extract(new Article(e.id(), "corpus", Instant.EPOCH, e.text(), null, null,
                    e.lang())).actors().stream().map(ActorMention::actorId).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>(e.actors());
            eval.passages.add(e.id(), e.pending(), PassageCheck.differences(e, found));
            ExtractionEvaluation.Score lang = eval.byLanguage.computeIfAbsent(e.lang(), k -> new ExtractionEvaluation.Score());
            for (String id : found) {
                boolean right = expected.contains(id);
                for (ExtractionEvaluation.Score s : List.of(eval.total, lang)) {
                    if (right) {
                        s.truePositives++;
                    } else {
                        s.falsePositives++;
                    }
                }
                if (!right) {
                    eval.misses.add("spurious  " + e.id() + "  " + id + "  " + e.text());
                }
            }
            for (String id : expected) {
                if (!found.contains(id)) {
                    eval.total.falseNegatives++;
                    lang.falseNegatives++;
                    eval.misses.add("missed    " + e.id() + "  " + id + "  " + e.text());
                }
            }
        }
        return eval;
    }

    public ExtractionEvaluation.Score total() {
        return total;
    }

    public Map<String, ExtractionEvaluation.Score> byLanguage() {
        return byLanguage;
    }

    public List<String> misses() {
        return misses;
    }

    /** The passages by verdict, as the spec test judges them one by one. */
    public PassageTally passages() {
        return passages;
    }

    public String report() {
        StringBuilder sb = new StringBuilder(String.format("%-10s %5s %5s %5s %7s %7s %7s%n",
                "actors", "tp", "fp", "fn", "prec", "recall", "f1"));
        row(sb, "all", total);
        byLanguage.forEach((k, v) -> row(sb, "lang " + k, v));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, ExtractionEvaluation.Score s) {
        sb.append(String.format("%-10s %5d %5d %5d %7.3f %7.3f %7.3f%n", name, s.truePositives, s.falsePositives,
                s.falseNegatives, s.precision(), s.recall(), s.f1()));
    }

    public static List<Entry> load(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "actors-*.jsonl")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (!line.isBlank()) {
                    try {
                        entries.add(Json.MAPPER.readValue(line, Entry.class));
                    } catch (IOException e) {
                        throw new IOException(file + " line " + n + " is not an actor corpus entry: " + e.getMessage(), e);
                    }
                }
            }
        }
        return entries;
    }
}
