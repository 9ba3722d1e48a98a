package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.event;
import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    private static final Instant START = Instant.parse("2024-01-26T00:00:00Z");
    private static final Instant END = Instant.parse("2024-01-27T00:00:00Z");

    @Test
    void intersectsTheSourcesBoundsAndSummarisesTheirValues() {
        Aggregate a = Consensus.of(List.of(
                event("fr", "a1", "2024-01-26T18:00:00Z", 26000L, 26000L, null, Qualifier.MORE_THAN),
                exact("en", "a2", "2024-01-26T09:00:00Z", 26083),
                event("de", "a3", "2024-01-26T10:00:00Z", 26100L, 23490L, 28710L, Qualifier.APPROX)), START, END, true);
        assertThat(a.sources()).extracting(SourceClaim::source).containsExactly("de", "en", "fr");
        assertThat(a.sourceCount()).isEqualTo(3);
        assertThat(a.min()).isEqualTo(26000L);
        assertThat(a.max()).isEqualTo(26100L);
        assertThat(a.median()).isEqualTo(26083.0);
        assertThat(a.consensusLow()).isEqualTo(26083L);
        assertThat(a.consensusHigh()).isEqualTo(26083L);
        assertThat(a.isFinal()).isTrue();
        assertThat(a.key()).isEqualTo("killed/palestinians/gaza");
    }

    @Test
    void disjointBoundsHaveNoConsensusAndVagueAmountsNoValue() {
        Aggregate a = Consensus.of(List.of(exact("a", "1", "2024-01-26T01:00:00Z", 100),
                event("b", "2", "2024-01-26T02:00:00Z", null, 200L, 999L, Qualifier.VAGUE)), START, END, false);
        assertThat(a.consensusLow()).isNull();
        assertThat(a.consensusHigh()).isNull();
        assertThat(a.median()).isEqualTo(100.0);
        assertThat(a.min()).isEqualTo(100L);
    }
}
