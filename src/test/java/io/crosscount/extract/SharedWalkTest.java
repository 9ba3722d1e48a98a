package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The actor pass walks one trie per language for the gazetteer's names and the lexicon's
 * phrases, and leaves the lexicon's matches for the figure pass: they must be exactly what the
 * lexicon's own walk finds, on every passage of the corpus in its five languages.
 */
class SharedWalkTest {

    @Test
    void theLexiconMatchesOfTheSharedWalkAreThoseOfTheLexiconsOwnWalkOnEveryCorpusPassage() throws IOException {
        Map<String, Lexicon> lexicons = new HashMap<>();
        for (String lang : ArticleExtractor.LANGUAGES) {
            lexicons.put(lang, Lexicon.load(lang));
        }
        ActorExtractor actors = new ActorExtractor(Gazetteer.loadDefault(), lexicons);
        ObjectMapper json = new ObjectMapper();
        List<String> passages = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path file : files.sorted().toList()) {
                passages.addAll(Files.readAllLines(file));
            }
        }
        int compared = 0;
        int matches = 0;
        for (String line : passages) {
            JsonNode passage = json.readTree(line);
            Lexicon lexicon = lexicons.get(passage.get("lang").asText());
            String body = passage.get("text").asText();
            List<Lexicon.Match> own = lexicon.match(FoldedText.of(body)); // no actor pass ran on this text

            FoldedText shared = FoldedText.of(body);
            actors.extract(shared, lexicon, List.of(), Deadline.NONE);
            assertThat(shared.lexiconMatches(lexicon)).as(passage.get("id").asText()).isNotNull();

            assertThat(lexicon.match(shared)).as(passage.get("id").asText()).isEqualTo(own);
            compared++;
            matches += own.size();
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(matches).isGreaterThan(9_000);
    }
}
