package io.crosscount.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.aggregate.LatestBySource;
import io.crosscount.aggregate.SourceHistory;
import io.crosscount.cli.ReconcileCli;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import java.util.List;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Types that cross operators or sit in state must use Flink's POJO serializer, never Kryo. */
class SerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {RawRecord.class, Article.class, Extraction.class, ActorMention.class, Claim.class,
            ClaimEvent.class, LatestBySource.class, SourceClaim.class, Aggregate.class, Discrepancy.class,
            DeadLetter.class, ReconcileCli.Line.class, ParsedRecord.class, SourceHistory.class,
            SourceHistory.FigureRun.class})
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }

    @Test
    void aggregateJsonUsesTheContractFieldNames() throws Exception {
        Aggregate a = new Aggregate(Metric.KILLED, "palestinians", null, "gaza",
                java.time.Instant.parse("2024-01-26T00:00:00Z"), java.time.Instant.parse("2024-01-27T00:00:00Z"),
                List.of(), 0, null, null, null, null, null, true, 0);
        JsonNode json = Json.MAPPER.readTree(Json.write(a));
        assertThat(json.fieldNames()).toIterable().containsExactly("metric", "subject", "group", "location",
                "window_start", "window_end", "sources", "source_count", "min", "max", "median",
                "consensus_low", "consensus_high", "final");
        assertThat(json.get("metric").asText()).isEqualTo("killed");
        assertThat(json.get("window_start").asText()).isEqualTo("2024-01-26T00:00:00Z");
        assertThat(json.get("final").asBoolean()).isTrue();
    }

    @Test
    void aQuotedClaimCarriesItsArticleAndEveryClaimFieldInline() throws Exception {
        Claim claim = new Claim(Metric.KILLED, "palestinians", null, "gaza", 120L, 100L, null, Qualifier.MORE_THAN,
                true, "gaza_health_ministry", 10, 24, "more than 100", "Strikes killed more than 100, the ministry said.", false, true);
        SourceClaim quoted = new SourceClaim("AFP", "a-1", java.time.Instant.parse("2026-12-06T08:00:00Z"),
                "https://example.org/a-1", "Strikes on Gaza", List.of("outlet-a", "outlet-b"), claim);

        JsonNode json = Json.MAPPER.readTree(Json.write(quoted));

        // The contract's fields of an aggregate's source and a discrepancy's claim, then the additions.
        assertThat(json.fieldNames()).toIterable().contains("source", "value", "low", "high", "qualifier", "hedged",
                "article_id", "published_at", "text", "outlets", "url", "title", "attributed_to", "sentence",
                "subject_inferred", "location_inferred");
        assertThat(json.get("url").asText()).isEqualTo("https://example.org/a-1");
        assertThat(json.get("attributed_to").asText()).isEqualTo("gaza_health_ministry");
        assertThat(json.get("high").isNull()).isTrue();
        assertThat(Json.MAPPER.readValue(Json.write(quoted), SourceClaim.class)).isEqualTo(quoted);
    }
}
