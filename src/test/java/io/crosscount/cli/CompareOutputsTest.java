package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompareOutputsTest {
    private static final CompareOutputs.Output EXTRACTIONS = CompareOutputs.OUTPUTS.get(0);
    private static final CompareOutputs.Output AGGREGATES = CompareOutputs.OUTPUTS.get(1);
    private static final CompareOutputs.Output DISCREPANCIES = CompareOutputs.OUTPUTS.get(2);

    private static List<JsonNode> json(String... lines) {
        return Stream.of(lines).map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new IllegalArgumentException(l, e);
            }
        }).toList();
    }

    @Test
    void theSameRecordsInAnotherOrderAndFieldOrderAreClean() {
        CompareOutputs.Counts counts = CompareOutputs.compare(EXTRACTIONS,
                json("{\"article_id\":\"a\",\"lang\":\"fr\"}", "{\"article_id\":\"b\",\"lang\":\"en\"}"),
                json("{\"article_id\":\"b\",\"lang\":\"en\"}", "{\"lang\":\"fr\",\"article_id\":\"a\"}"));

        assertThat(counts.clean()).isTrue();
        assertThat(counts.line()).startsWith("extractions       reference      2  run      2  lost 0  duplicated 0  "
                + "differing 0  unexpected 0");
    }

    @Test
    void countsLostDuplicatedDifferingAndUnexpectedExtractions() {
        CompareOutputs.Counts counts = CompareOutputs.compare(EXTRACTIONS,
                json("{\"article_id\":\"a\",\"lang\":\"fr\"}", "{\"article_id\":\"b\",\"lang\":\"en\"}",
                        "{\"article_id\":\"c\",\"lang\":\"de\"}"),
                json("{\"article_id\":\"a\",\"lang\":\"fr\"}", "{\"article_id\":\"a\",\"lang\":\"fr\"}",
                        "{\"article_id\":\"c\",\"lang\":\"es\"}", "{\"article_id\":\"z\",\"lang\":\"en\"}"));

        assertThat(counts).extracting(CompareOutputs.Counts::reference, CompareOutputs.Counts::run,
                CompareOutputs.Counts::lost, CompareOutputs.Counts::duplicated, CompareOutputs.Counts::differing,
                CompareOutputs.Counts::unexpected).containsExactly(3L, 4L, 1L, 1L, 1L, 1L);
        assertThat(counts.examples()).containsExactly("duplicated 1 beyond 1: a", "lost 1 of 1: b", "differs: c",
                "unexpected: z");
    }

    @Test
    void finalAggregatesAreComparedByKeyAndWindowAndEarlyUpdatesAreIgnored() {
        String early = "{\"metric\":\"killed\",\"subject\":\"s\",\"group\":null,\"location\":\"gaza\","
                + "\"window_start\":\"2024-02-01T00:00:00Z\",\"median\":10,\"final\":false}";
        String last = "{\"metric\":\"killed\",\"subject\":\"s\",\"group\":null,\"location\":\"gaza\","
                + "\"window_start\":\"2024-02-01T00:00:00Z\",\"median\":12,\"final\":true}";
        String otherGroup = "{\"metric\":\"killed\",\"subject\":\"s\",\"group\":\"children\",\"location\":\"gaza\","
                + "\"window_start\":\"2024-02-01T00:00:00Z\",\"median\":3,\"final\":true}";

        assertThat(CompareOutputs.compare(AGGREGATES, json(early, last, otherGroup), json(last, otherGroup)).clean())
                .isTrue();
        CompareOutputs.Counts differs = CompareOutputs.compare(AGGREGATES, json(last, otherGroup),
                json(last.replace("\"median\":12", "\"median\":11"), otherGroup, otherGroup));
        assertThat(differs.differing()).isEqualTo(1);
        assertThat(differs.duplicated()).isEqualTo(1);
        assertThat(differs.examples()).containsExactly("differs: killed/s/gaza 2024-02-01T00:00:00Z",
                "duplicated 1 beyond 1: killed/s/gaza/children 2024-02-01T00:00:00Z");
    }

    @Test
    void aDiscrepancyWithLargerEvidenceIsAnotherRecord() {
        String two = "{\"metric\":\"killed\",\"subject\":\"s\",\"location\":\"gaza\",\"window_start\":\"2024-02-01T00:00:00Z\","
                + "\"kind\":\"conflict\",\"claims\":[{\"article_id\":\"b\"},{\"article_id\":\"a\"}]}";
        String three = two.replace("[{", "[{\"article_id\":\"c\"},{");

        CompareOutputs.Counts counts = CompareOutputs.compare(DISCREPANCIES, json(two, three), json(three));

        assertThat(counts.lost()).isEqualTo(1);
        assertThat(counts.examples()).containsExactly("lost 1 of 1: killed/s/gaza 2024-02-01T00:00:00Z conflict a,b");
    }
}
