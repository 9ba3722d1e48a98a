package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.ActorMention;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.Extraction;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.testutil.Samples;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The article the project started from: every figure and actor it must find, and nothing else. */
class SeedArticleExtractionTest {
    private static Article seed;
    private static Extraction extraction;

    @BeforeAll
    static void extract() {
        seed = Samples.seedArticle();
        extraction = ArticleExtractor.withDefaults().extract(seed);
    }

    @Test
    void findsExactlyTheFiveFiguresWithTheirBounds() {
        assertThat(extraction.claims()).extracting(Claim::metric, Claim::subject, Claim::location,
                        Claim::value, Claim::low, Claim::high, Claim::qualifier, Claim::hedged)
                .containsExactly(
                        tuple(Metric.HOSTAGES_TAKEN, "unknown", "gaza", 250L, 225L, 275L, Qualifier.APPROX, false),
                        tuple(Metric.HOSTAGES_RELEASED, "unknown", "gaza", 100L, 80L, 120L, Qualifier.APPROX, false),
                        tuple(Metric.HOSTAGES_HELD, "unknown", "gaza", 132L, 118L, 146L, Qualifier.APPROX, false),
                        tuple(Metric.HOSTAGES_DEAD, "unknown", "gaza", 28L, 28L, 28L, Qualifier.EXACT, true),
                        tuple(Metric.KILLED, "palestinians", "gaza", 26000L, 26000L, null, Qualifier.MORE_THAN, false));
    }

    @Test
    void claimOffsetsPointAtTheWordingInTheBody() {
        assertThat(extraction.claims()).extracting(Claim::text).containsExactly(
                "Quelque 250 soldats et colons", "Une centaine", "Environ 132 soldats et colons israéliens", "28",
                "plus de 26000 Palestiniens");
        for (Claim c : extraction.claims()) {
            assertThat(seed.body().substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void findsTheActorsIncludingMisspeltAndTransliteratedNames() {
        assertThat(extraction.actors().stream().map(ActorMention::actorId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("cia", "israel", "egypt", "qatar", "hamas", "joe_biden", "william_burns",
                        "tamim_bin_hamad_al_thani", "white_house", "afp", "united_states");
        assertThat(extraction.actors()).filteredOn(m -> m.actorId().equals("william_burns"))
                .extracting(ActorMention::surface).containsExactly("Williams Burns");
        assertThat(extraction.actors()).filteredOn(m -> m.actorId().equals("tamim_bin_hamad_al_thani"))
                .extracting(ActorMention::surface).containsExactly("Tamim ben Hamad Al-Thani");
        for (ActorMention m : extraction.actors()) {
            assertThat(seed.body().substring(m.start(), m.end())).isEqualTo(m.surface());
        }
    }

    @Test
    void detectsFrenchWhenLangIsAbsent() {
        Article withoutLang = seed.withLang(null);
        assertThat(ArticleExtractor.withDefaults().extract(withoutLang).lang()).isEqualTo("fr");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

}
