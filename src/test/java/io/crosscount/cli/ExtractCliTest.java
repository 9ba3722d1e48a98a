package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtractCliTest {

    @Test
    void printsOneExtractionPerArticleAndADeadLetterOnStderrForABadLine() throws Exception {
        String input = Samples.seedJson() + "\n{broken\n\n" + Samples.seedJson().replace("seed-fr-2024-01-26", "again") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ExtractCli.run(JsonLines.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "stdin"), out, err);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        Extraction first = Json.MAPPER.readValue(lines[0], Extraction.class);
        assertThat(first).isEqualTo(ArticleExtractor.withDefaults().extract(Samples.seedArticle()));
        assertThat(Json.MAPPER.readValue(lines[1], Extraction.class).articleId()).isEqualTo("again");
        String deadLetter = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(Json.MAPPER.readTree(deadLetter).get("reason").asText()).isEqualTo("malformed_json");
        assertThat(Json.MAPPER.readTree(deadLetter).get("offset").asLong()).isEqualTo(2L);
        assertThat(Json.MAPPER.readTree(deadLetter).get("value").asText()).isEqualTo("{broken");
    }
}
