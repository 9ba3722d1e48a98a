package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.crosscount.eval.ActorEvaluation;
import io.crosscount.eval.CorpusEntry;
import io.crosscount.eval.EvaluateExtraction;
import io.crosscount.eval.PassageCheck;
import io.crosscount.model.ActorMention;
import io.crosscount.model.Article;
import io.crosscount.model.Extraction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus as a spec, one case per passage (docs/testing.md, "The labelled corpus"):
 * a figures passage must give exactly its labelled claims, each with every field equal and its
 * span inside the extracted claim's span, and nothing else; an actors passage exactly its actor
 * ids. A passage flagged {@code "pending"} must still fail: when a change makes it pass, this
 * test fails until the flag is removed, so that the fix is recorded and kept.
 * {@link LabelledCorpusTest} keeps the aggregate floors.
 */
class CorpusSpecTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

    static Stream<Named<CorpusEntry>> figurePassages() throws IOException {
        return EvaluateExtraction.load(CORPUS).stream().map(e -> Named.of(label(e.id(), e.text()), e));
    }

    static Stream<Named<ActorEvaluation.Entry>> actorPassages() throws IOException {
        return ActorEvaluation.load(CORPUS).stream().map(e -> Named.of(label(e.id(), e.text()), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figurePassages")
    void figurePassageGivesExactlyItsLabelledClaims(CorpusEntry entry) {
        assertThat(PassageCheck.specErrors(entry)).as("labels of %s in figures-%s.jsonl", entry.id(), entry.lang())
                .isEmpty();
        List<String> differences = PassageCheck.differences(entry, extract(entry.id(), entry.lang(), entry.text()).claims());
        judge(entry.id(), "figures-" + entry.lang() + ".jsonl", entry.pending(), differences);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actorPassages")
    void actorPassageGivesExactlyItsLabelledActors(ActorEvaluation.Entry entry) {
        Set<String> found = extract(entry.id(), entry.lang(), entry.text()).actors().stream()
                .map(ActorMention::actorId).collect(Collectors.toSet());
        judge(entry.id(), "actors-" + entry.lang() + ".jsonl", entry.pending(), PassageCheck.differences(entry, found));
    }

    private static Extraction extract(String id, String lang, String text) {
        return EXTRACTOR.extract(new Article(id, "corpus", Instant.EPOCH, text, null, null, lang));
    }

    /** Passes a right unflagged passage and a wrong flagged one; fails the other two ways, saying what to do. */
    private static void judge(String id, String file, String pending, List<String> differences) {
        switch (PassageCheck.Verdict.of(pending, differences)) {
            case PASSES, PENDING -> { }
            case FAILS -> fail("%s (%s) differs from its labels:%n  %s%nFix the extractor (or the labels, if they are"
                    + " wrong). Only a passage added for a gap not fixed yet may carry \"pending\": \"<what is wrong>\".",
                    id, file, String.join(System.lineSeparator() + "  ", differences));
            case FIXED -> fail("%s (%s) is flagged \"pending\": \"%s\", but now gives exactly its labels: remove its"
                    + " \"pending\" field, so that the spec keeps it fixed.", id, file, pending);
        }
    }

    /** The case's name: the passage id and the start of its text. */
    private static String label(String id, String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return id + " " + (oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…");
    }
}
