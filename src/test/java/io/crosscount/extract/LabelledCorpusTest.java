package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.eval.CorpusEntry;
import io.crosscount.eval.EvaluateExtraction;
import io.crosscount.eval.ExtractionEvaluation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus as the extractor's targets (issue [figures]): claim F1 at least 0.95
 * overall and 0.90 in every language (measured: 0.955, the lowest language 0.919), bounds right
 * on at least 97% of found claims. {@code scripts/evaluate-extraction --misses} lists what is
 * still missed.
 */
class LabelledCorpusTest {
    private static final double OVERALL_F1_FLOOR = 0.95;
    private static final double LANGUAGE_F1_FLOOR = 0.90;
    private static final double BOUNDS_ACCURACY_FLOOR = 0.97;

    private static ExtractionEvaluation evaluation;

    @BeforeAll
    static void evaluate() throws Exception {
        List<CorpusEntry> corpus = EvaluateExtraction.load(Path.of("src/test/resources/corpus"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        evaluation = ExtractionEvaluation.run(ArticleExtractor.withDefaults(), corpus);
    }

    @Test
    void claimF1StaysAboveTheFloorOverallAndInEveryLanguage() {
        assertThat(evaluation.total().f1()).as(evaluation.report()).isGreaterThanOrEqualTo(OVERALL_F1_FLOOR);
        assertThat(evaluation.byLanguage()).containsOnlyKeys("ar", "de", "en", "es", "fr");
        evaluation.byLanguage().forEach((lang, score) ->
                assertThat(score.f1()).as("claim F1 in %s%n%s", lang, evaluation.report())
                        .isGreaterThanOrEqualTo(LANGUAGE_F1_FLOOR));
    }

    @Test
    void foundClaimsHaveTheBoundsTheirWordingGives() {
        ExtractionEvaluation.Score total = evaluation.total();
        assertThat(total.accuracy(total.boundsRight)).as(evaluation.report()).isGreaterThanOrEqualTo(BOUNDS_ACCURACY_FLOOR);
    }
}
