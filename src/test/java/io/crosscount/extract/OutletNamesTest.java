package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.ActorMention;
import io.crosscount.testutil.Samples;
import org.junit.jupiter.api.Test;

/** The outlet names an article's source gives, and the media actor where the text credits one. */
class OutletNamesTest {

    @Test
    void namesInParenthesesAreSplitAtCommasAndNotesAboutTheOutletLeftOut() {
        assertThat(ArticleExtractor.outletNames("Harbour Chronicle (La Voz austral, English edition)"))
                .containsExactly("Harbour Chronicle", "La Voz austral");
        assertThat(ArticleExtractor.outletNames("Alpenblatt (deutsch, Kestrel Wire)"))
                .containsExactly("Alpenblatt", "Kestrel Wire");
        assertThat(ArticleExtractor.outletNames("Gazette du Fleuve (Opinion, mise à jour)"))
                .containsExactly("Gazette du Fleuve");
        assertThat(ArticleExtractor.outletNames("Savanna Radar (Meridian Press)"))
                .containsExactly("Savanna Radar", "Meridian Press");
    }

    @Test
    void anOutletNamedBeforeACommaNoteIsCreditedInTheText() {
        ArticleExtractor extractor = ArticleExtractor.shared(null, "default");
        var actors = extractor.extract(Samples.article("x", "Harbour Chronicle (La Voz austral, English edition)", "en",
                "2025-03-01T00:00:00Z", "Residents reached by La Voz austral said at least 40 people were killed.")).actors();
        assertThat(actors).extracting(ActorMention::actorId).containsExactly("media:la_voz_austral");

        var noted = extractor.extract(Samples.article("y", "Harbour Chronicle (La Voz austral, English edition)", "en",
                "2025-03-01T00:00:00Z", "The English edition of the paper said at least 40 people were killed.")).actors();
        assertThat(noted).extracting(ActorMention::actorId).doesNotContain("media:english_edition");
    }
}
