package io.crosscount.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Extraction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticStreamTest {
    private static final Instant START = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void writesFourLanguagesByDefault() throws Exception {
        assertThat(languages(SyntheticStream.generate(400, 4, 3, START, 300)))
                .containsExactlyInAnyOrder("en", "fr", "es", "de");
    }

    @Test
    void addsAnArabicOutletWhenAsked() throws Exception {
        assertThat(languages(SyntheticStream.generate(400, 4, 3, START, 300, true)))
                .containsExactlyInAnyOrder("en", "fr", "es", "de", "ar");
    }

    @Test
    void everyArabicArticleGivesTheClaimOfItsTruth() throws Exception {
        SyntheticStream stream = SyntheticStream.generate(400, 4, 3, START, 2_000, true);
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        List<SyntheticStream.Generated> arabic = stream.arrivals().stream()
                .filter(g -> g.source().equals("Al-Sahil Daily")).toList();
        assertThat(arabic).hasSizeGreaterThan(5);
        for (SyntheticStream.Generated g : arabic) {
            Extraction extraction = extractor.extract(Json.MAPPER.readValue(g.json(), Article.class));
            SyntheticStream.ExpectedClaim expected = stream.truth().claimsByArticle().get(g.id());
            assertThat(extraction.claims()).as(g.json()).hasSize(1);
            Claim claim = extraction.claims().get(0);
            assertThat(ClaimKey.of(claim.metric(), claim.subject(), claim.group(), claim.location()))
                    .isEqualTo(expected.key());
            assertThat(claim.low()).isEqualTo(expected.low());
            assertThat(claim.high()).isEqualTo(expected.high());
        }
    }

    private static Set<String> languages(SyntheticStream stream) throws Exception {
        Set<String> langs = new java.util.HashSet<>();
        for (SyntheticStream.Generated g : stream.arrivals()) {
            JsonNode json = Json.MAPPER.readTree(g.json());
            langs.add(json.get("lang").asText());
        }
        return langs.stream().collect(Collectors.toSet());
    }
}
