package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.Extraction;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each claim quotes the sentence it was read in, bounded, so that a reader can check it. */
class SentenceQuotesTest {
    private static ArticleExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = ArticleExtractor.withDefaults();
    }

    private static Extraction extract(String lang, String body) {
        return extractor.extract(new Article("q-1", "outlet-q", Instant.parse("2026-12-06T09:00:00Z"), body,
                "Strikes overnight", "https://example.org/q-1", lang));
    }

    @Test
    void eachFigureQuotesItsOwnSentenceWithItsSpacesCollapsed() {
        Extraction e = extract("en", "The talks resumed on Friday.\nAt least 41 people were killed in  the strikes,"
                + "\tthe civil defence said on 3.12.2026! Another 12 were wounded near the port.");

        assertThat(e.claims()).extracting(Claim::value, Claim::sentence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(41L,
                        "At least 41 people were killed in the strikes, the civil defence said on 3.12.2026!"),
                org.assertj.core.groups.Tuple.tuple(12L, "Another 12 were wounded near the port."));
        assertThat(e.url()).isEqualTo("https://example.org/q-1");
        assertThat(e.title()).isEqualTo("Strikes overnight");
    }

    @Test
    void aSentenceLongerThanTheBoundIsCutAroundTheFigure() {
        String padding = "the convoy moved slowly along the coast road ".repeat(20);
        Extraction e = extract("en", "Witnesses said " + padding + "and 17 people were killed when it was hit "
                + padding + "before dawn.");

        String sentence = e.claims().get(0).sentence();
        assertThat(sentence).hasSizeLessThanOrEqualTo(Claim.MAX_SENTENCE_CHARS).contains("17 people were killed")
                .startsWith("…").endsWith("…");
    }

    @Test
    void arabicSentencesEndAtTheArabicQuestionMarkAndFullStop() {
        Extraction e = extract("ar", "هل انتهت المعارك؟ قتل 23 شخصا في القصف. وصل الوفد مساء أمس.");

        assertThat(e.claims()).extracting(Claim::sentence).containsExactly("قتل 23 شخصا في القصف.");
    }
}
