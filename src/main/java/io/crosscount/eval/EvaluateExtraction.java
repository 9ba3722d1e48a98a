package io.crosscount.eval;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/evaluate-extraction [DIR] [--misses]}: precision, recall and F1 of claims per
 * language and per metric on the labelled corpus, and the accuracy of bounds, qualifiers,
 * hedging and subjects.
 */
public final class EvaluateExtraction {
    private EvaluateExtraction() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("src/test/resources/corpus");
        boolean showMisses = false;
        for (String a : args) {
            if (a.equals("--misses")) {
                showMisses = true;
            } else {
                dir = Path.of(a);
            }
        }
        List<CorpusEntry> corpus = load(dir);
        if (corpus.isEmpty()) {
            System.err.println("evaluate-extraction: no figures-*.jsonl corpus files in " + dir);
            System.exit(2);
        }
        ExtractionEvaluation eval = ExtractionEvaluation.run(ArticleExtractor.withDefaults(), corpus);
        System.out.println("Claims on " + corpus.size() + " labelled passages in " + dir + " (a claim is found when"
                + " metric and figure match; bounds, qualifier, hedged and subject are accuracies over found claims)");
        System.out.print(eval.report());
        if (showMisses) {
            for (ExtractionEvaluation.Miss m : eval.misses()) {
                System.out.printf("%-9s %-8s %-40s %s%n", m.kind(), m.entryId(), m.claim(), m.text().replace('\n', ' '));
            }
        }
        List<ActorEvaluation.Entry> actorCorpus = ActorEvaluation.load(dir);
        if (!actorCorpus.isEmpty()) {
            ActorEvaluation actors = ActorEvaluation.run(ArticleExtractor.withDefaults(), actorCorpus);
            System.out.println();
            System.out.println("Actors on " + actorCorpus.size() + " labelled passages (sets of actor ids per passage)");
            System.out.print(actors.report());
            if (showMisses) {
                actors.misses().forEach(m -> System.out.println(m.replace('\n', ' ')));
            }
        }
    }

    public static List<CorpusEntry> load(Path dir) throws IOException {
        List<CorpusEntry> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "figures-*.jsonl")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(Json.MAPPER.readValue(line, CorpusEntry.class));
                } catch (IOException e) {
                    throw new IOException(file + " line " + n + " is not a corpus entry: " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }
}
