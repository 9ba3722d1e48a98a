package io.crosscount.eval;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/evaluate-extraction [DIR] [--misses]}: precision, recall and F1 of claims per
 * language and per metric on the labelled corpus, and the accuracy of bounds, qualifiers,
 * hedging and subjects.
 */
@Command(name = "scripts/evaluate-extraction", mixinStandardHelpOptions = true,
        versionProvider = io.crosscount.cli.Tool.Version.class,
        description = {"Scores the extractor on a labelled corpus: precision, recall and F1 of claims per language "
                + "and per metric, the accuracy of bounds, qualifiers, hedging and subjects, and of actors.", ""})
public final class EvaluateExtraction implements Callable<Integer> {
    @Parameters(paramLabel = "CORPUS_DIR", arity = "0..1", defaultValue = "src/test/resources/corpus",
            description = "the directory of figures-*.jsonl (and actors) corpus files (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--misses", description = "also list every missed and spurious claim")
    boolean showMisses;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        io.crosscount.cli.Tool.main(new EvaluateExtraction(), "scripts/evaluate-extraction", args);
    }

    @Override
    public Integer call() throws IOException {
        List<CorpusEntry> corpus;
        try {
            corpus = load(dir);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw io.crosscount.cli.Tool.usageError(spec.commandLine(), "no corpus directory " + dir);
        }
        if (corpus.isEmpty()) {
            throw io.crosscount.cli.Tool.usageError(spec.commandLine(), "no figures-*.jsonl corpus files in " + dir);
        }
        ExtractionEvaluation eval = ExtractionEvaluation.run(ArticleExtractor.withDefaults(), corpus);
        System.out.println("Claims on " + corpus.size() + " labelled passages in " + dir + " (a claim is found when"
                + " metric and figure match; bounds, qualifier, hedged and subject are accuracies over found claims)");
        System.out.print(eval.report());
        System.out.println(eval.passages().summary());
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
            System.out.println(actors.passages().summary());
            if (showMisses) {
                actors.misses().forEach(m -> System.out.println(m.replace('\n', ' ')));
            }
        }
        return 0;
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
