package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crosscount.model.Article;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The per-article budget: an article whose extraction would run for minutes stops with an
 * {@link ExtractionTimeoutException}, and ordinary articles never reach the default budget. The
 * budgets are chosen so that no assertion depends on the machine's speed: zero stops at the
 * first check whatever the article, and the slow article needs minutes unbounded.
 */
class ExtractionBudgetTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

    @Test
    void aPathologicalArticleOverItsBudgetTimesOut() {
        Article slow = Samples.article("slow", "test", Samples.SLOW_LANG, "2024-01-26T00:00:00Z",
                Samples.slowToExtract(64_000));

        ExtractionTimeoutException timeout = catchThrowableOfType(
                () -> EXTRACTOR.extract(slow, Duration.ZERO), ExtractionTimeoutException.class);

        assertThat(timeout).isNotNull();
        assertThat(timeout.budget()).isEqualTo(Duration.ZERO);
        assertThat(timeout.stage()).isNotBlank();
        assertThat(timeout.getMessage()).contains("of CPU time, over its budget of 0.000 ms, while");
    }

    @Test
    void aBudgetStopsAnExtractionThatWouldOtherwiseRunForMinutes() {
        Article slow = Samples.article("slow", "test", Samples.SLOW_LANG, "2024-01-26T00:00:00Z",
                Samples.slowToExtract(1 << 20));

        ExtractionTimeoutException timeout = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowableOfType(
                () -> EXTRACTOR.extract(slow, Duration.ofMillis(200)), ExtractionTimeoutException.class));

        assertThat(timeout).isNotNull();
        assertThat(timeout.budget()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void ordinaryArticlesNeverReachTheDefaultBudgetAndExtractAsWithoutOne() {
        for (String line : Samples.articleLines()) {
            Article article = Samples.parse(line);

            assertThat(EXTRACTOR.extract(article, PipelineSettings.DEFAULT_EXTRACTION_BUDGET))
                    .isEqualTo(EXTRACTOR.extract(article));
        }
    }
}
