package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crosscount.model.Extraction;
import io.crosscount.testutil.Samples;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No single article can make the extractor slow: every rule works on indexed matches, so a
 * 1 MB body built to trigger as many candidates and matches as possible stays near-linear. The
 * bound is generous (a normal 4 KB article takes well under a millisecond); it catches
 * quadratic behaviour, which takes minutes on such inputs, not machine noise.
 */
class AdversarialInputTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final int ONE_MB = 1 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"digits", "separators", "numbers-and-cues", "words", "no-spaces", "actors",
            "list-appositions", "dashes", "lists-of-articles", "remaining", "cues-between-figures",
            "changes", "proportions", "possessives", "publications"})
    void aOneMegabyteBodyIsProcessedInBoundedTime(String shape) {
        String body = build(shape);
        Extraction e = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                EXTRACTOR.extract(Samples.article("adv-" + shape, "test", "en", "2024-01-26T00:00:00Z", body)));
        assertThat(e.articleId()).isEqualTo("adv-" + shape);
    }

    /** A place's name ending the body, then a char that folds to nothing: once an exception, the article dead-lettered. */
    @ParameterizedTest
    @ValueSource(strings = {"en:12 people were killed in Gaza\u00AD", "en:12 people were killed in Gaza\u200B",
            "ar:\u0642\u062A\u0644 12 \u0634\u062E\u0635\u0627 \u0641\u064A \u063A\u0632\u0629\u0640"})
    void aBodyEndingInACharThatFoldsToNothingIsExtracted(String langAndBody) {
        String lang = langAndBody.substring(0, 2);
        Extraction e = EXTRACTOR.extract(Samples.article("trailing-" + lang, "test", lang, "2026-12-07T00:00:00Z",
                langAndBody.substring(3)));

        assertThat(e.claims()).extracting(c -> c.metric().wireName(), c -> c.value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("killed", 12L));
    }

    /** A body that opens with spaces and a comma: once an index out of bounds, the article dead-lettered. */
    @org.junit.jupiter.api.Test
    void aBodyOpeningWithACommaIsExtracted() {
        Extraction e = EXTRACTOR.extract(Samples.article("leading-comma", "test", "en", "2026-12-08T00:00:00Z",
                " , 14 men and 3 children, were killed."));

        assertThat(e.claims()).extracting(c -> c.metric().wireName(), c -> c.value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("killed", 14L),
                        org.assertj.core.groups.Tuple.tuple("killed", 3L));
    }

    private static String build(String shape) {
        IntFunction<String> piece = switch (shape) {
            case "digits" -> i -> "9";
            case "separators" -> i -> "1,000 000.000'";
            case "numbers-and-cues" -> i -> "at least " + i + " people killed, including " + (i % 97) + " children, ";
            case "words" -> i -> "twenty eight hundred thousand dozens of hostages held ";
            case "actors" -> i -> "Hamas Israel Qatar Williams Burns the White House AFP ";
            // one sentence of list appositions, breakdowns in dashes, chains of articles and
            // weak holdings: the rules that look to the sentence's end or back to its start
            case "list-appositions" -> i -> "the freed hostages, " + i + " men and " + (i % 7) + " children, ";
            case "dashes" -> i -> i + " dead - " + (i % 5) + " soldiers and 2 civilians - and ";
            case "lists-of-articles" -> i -> i + " Thais, a Nepali, a Filipino and a Briton, ";
            case "remaining" -> i -> "kidnapped " + i + " people and " + (i % 9) + " remain ";
            case "cues-between-figures" -> i -> i == 0 ? "Gunmen killed 5 people " : "wounded ";
            // the session's rules that read around each number or mention: changes of a figure,
            // proportions, states in the possessive and things published before a release
            case "changes" -> i -> "the toll rose by " + (i % 9 + 1) + " to " + i + " and climbed from " + i + " to ";
            case "proportions" -> i -> (i % 9 + 1) + " in 10 of the dead were " + i + " in 10 ";
            case "possessives" -> i -> "Israel's Hamas Sudan's RSF Israel's military said Iran's ";
            case "publications" -> i -> "a video released by the report, released " + i + " freed ";
            default -> i -> "1.2million" + i + "killed";
        };
        StringBuilder sb = new StringBuilder(ONE_MB + 200);
        for (int i = 0; sb.length() < ONE_MB; i++) {
            sb.append(piece.apply(i));
        }
        return sb.toString();
    }
}
