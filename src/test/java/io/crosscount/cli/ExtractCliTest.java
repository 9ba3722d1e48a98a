package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.model.Extraction;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractCliTest {

    @Test
    void printsOneExtractionPerArticleAndADeadLetterOnStderrForABadLine() throws Exception {
        String input = Samples.seedJson() + "\n{broken\n\n" + Samples.seedJson().replace("seed-fr-2024-01-26", "again") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ExtractCli.run(JsonLines.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "stdin"),
                PipelineSettings.DEFAULT_EXTRACTION_BUDGET, out, err);

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

    @Test
    void anArticleOverTheBudgetIsADeadLetterOnStderrAndTheRunGoesOn() throws Exception {
        // Minutes of work unbounded; the seed article takes a few milliseconds: half a second parts them safely.
        String slow = Json.write(Map.of("id", "slow", "source", "test", "lang", Samples.SLOW_LANG,
                "published_at", "2024-01-26T00:00:00Z", "body", Samples.slowToExtract(300_000)));
        String input = slow + "\n" + Samples.seedJson() + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ExtractCli.run(JsonLines.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "stdin"),
                Duration.ofMillis(500), out, err);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        assertThat(Json.MAPPER.readValue(lines[0], Extraction.class).articleId()).isEqualTo("seed-fr-2024-01-26");
        DeadLetter deadLetter = Json.MAPPER.readValue(err.toString(StandardCharsets.UTF_8).strip(), DeadLetter.class);
        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.EXTRACTION_TIMEOUT);
        assertThat(deadLetter.offset()).isEqualTo(1L);
        assertThat(deadLetter.valueTruncated()).isTrue(); // the article as read, its first 100 kB kept
        assertThat(slow.startsWith(deadLetter.value())).isTrue();
        assertThat(deadLetter.detail()).startsWith("The extractor gave up on this article: it spent ")
                .contains("over its budget of 500 ms, while ").contains("--extraction-budget");
    }
}
