package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscount.model.ActorMention;
import io.crosscount.testutil.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerOverrideTest {

    @Test
    void aUserFileAddsAndOverridesActorsWithoutRebuilding() {
        String json = """
                [
                  {"id": "gaza_civil_defence", "name": "Gaza Civil Defence", "type": "government_body",
                   "aliases": {"en": ["Civil Defence", "Gaza Civil Defence"], "fr": ["Défense civile"]}, "parent": "hamas"},
                  {"id": "afp", "name": "Agence France-Presse", "type": "media",
                   "aliases": {"fr": ["AFP", "l'agence française"]}}
                ]""";
        ArticleExtractor extractor = ArticleExtractor.withGazetteer(json, "user.json");
        List<ActorMention> mentions = extractor.extract(Samples.article("x", "t", "fr", "2024-01-26T00:00:00Z",
                "La Défense civile a indiqué à l'AFP que les secours continuaient.")).actors();
        assertThat(mentions).extracting(ActorMention::actorId, ActorMention::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("gaza_civil_defence", "Gaza Civil Defence"),
                org.assertj.core.groups.Tuple.tuple("afp", "Agence France-Presse"));
    }

    @Test
    void aBadFileIsRejectedWithTheLineAndTheReason() {
        assertThatThrownBy(() -> Gazetteer.withOverrides("""
                [
                  {"id": "ok_one", "name": "OK", "type": "media", "aliases": {"en": ["OK One"]}},
                  {"id": "bad", "name": "Bad", "type": "militia", "aliases": {"en": ["Bad"]}}
                ]""", "user.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user.json:3: actor 'bad' has type 'militia'; use one of");
        assertThatThrownBy(() -> Gazetteer.withOverrides("[\n{\"id\": \"x\",,}\n]", "user.json"))
                .hasMessageStartingWith("user.json:2: not valid JSON");
        assertThatThrownBy(() -> Gazetteer.withOverrides("""
                [{"id": "child", "name": "Child", "type": "media", "aliases": {"en": ["Child"]}, "parent": "nobody"}]""",
                "user.json"))
                .hasMessageContaining("names parent 'nobody'");
    }

    @Test
    void aDemonymAfterANumberCountsPeopleNotTheStateActing() {
        String thailand = """
                [{"id": "thailand", "name": "Thailand", "type": "state", "aliases": {"fr": ["Thaïlande"]},
                  "demonyms": {"fr": ["thaïlandais", "thaïlandaise"]}}]""";
        List<ActorMention> mentions = ArticleExtractor.withGazetteer(thailand, "test").extract(Samples.article("x", "t",
                "fr", "2024-01-26T00:00:00Z", "Le Hamas a libéré 10 Thaïlandais. Le gouvernement thaïlandais a salué leur retour."))
                .actors();
        assertThat(mentions).extracting(ActorMention::actorId, ActorMention::surface).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hamas", "Hamas"),
                org.assertj.core.groups.Tuple.tuple("thailand", "thaïlandais"));
    }
}
