package io.crosscount.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Extraction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMixTest {
    private static final Instant START = Instant.parse("2024-02-01T00:00:00Z");
    private static final String[] LANGS = {"en", "fr", "es", "de", "ar"};

    /** Every key, language and qualifier: the sentence gives one claim, of its key, with the figure's bounds. */
    @Test
    void everySentenceOfTheMixGivesItsKey() {
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        List<String> wrong = new ArrayList<>();
        for (SyntheticStream.Story story : KeyMix.first(KeyMix.MAX)) {
            for (int lang = 0; lang < LANGS.length; lang++) {
                for (int qualifier = 0; qualifier < 3; qualifier++) {
                    long figure = story.base() + 17;
                    String body = story.templates()[lang][qualifier]
                            .replace("{N}", SyntheticStream.format(figure, LANGS[lang]));
                    Extraction e = extractor.extract(new Article("k", "Test", START, body, "t", null, LANGS[lang]));
                    String got = e.claims().size() != 1 ? e.claims().size() + " claims"
                            : describe(e.claims().get(0));
                    String want = story.key() + " " + figure + ".." + (qualifier == 0 ? figure : null);
                    if (!got.equals(want)) {
                        wrong.add(body + "\n    want " + want + "\n    got  " + got);
                    }
                }
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void keysAreDistinctAndVaryPlaceMetricAndGroup() {
        List<String> keys = KeyMix.first(KeyMix.MAX).stream().map(SyntheticStream.Story::key).toList();
        assertThat(new HashSet<>(keys)).hasSize(KeyMix.MAX);
        assertThat(KeyMix.first(8).stream().map(s -> s.key().split("/")[2]).distinct()).hasSize(8);
        assertThat(keys).contains("killed/palestinians/gaza", "wounded/ukrainians/ukraine/children",
                "displaced/sudanese/sudan/women", "killed/israelis/israel/civilians");
        assertThatThrownBy(() -> KeyMix.first(KeyMix.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A stream over many keys: every article (copies, wire stories included) gives the claim of its truth. */
    @Test
    void aStreamOverManyKeysGivesTheClaimsOfItsTruth() throws Exception {
        SyntheticStream stream = SyntheticStream.generate(3_000, 3, 4, START, 600, true, 24);
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        Map<String, SyntheticStream.ExpectedClaim> truth = stream.truth().claimsByArticle();
        Map<String, Integer> perKey = new HashMap<>();
        Set<String> langs = new HashSet<>();
        for (SyntheticStream.Generated g : stream.arrivals()) {
            Article article = Json.MAPPER.readValue(g.json(), Article.class);
            langs.add(article.lang());
            Extraction extraction = extractor.extract(article);
            SyntheticStream.ExpectedClaim expected = truth.get(g.id());
            assertThat(extraction.claims()).as(g.json()).hasSize(1);
            Claim claim = extraction.claims().get(0);
            assertThat(describe(claim)).as(g.json())
                    .isEqualTo(expected.key() + " " + expected.low() + ".." + expected.high());
            perKey.merge(expected.key(), 1, Integer::sum);
        }
        assertThat(perKey).hasSize(24);
        assertThat(langs).containsExactlyInAnyOrder(LANGS);
        // The first key is the busiest, the last among the quietest.
        assertThat(perKey.get("killed/palestinians/gaza")).isGreaterThan(2 * perKey.get("displaced/russians/russia"));
    }

    private static String describe(Claim c) {
        return ClaimKey.of(c.metric(), c.subject(), c.group(), c.location()) + " " + c.low() + ".." + c.high();
    }
}
