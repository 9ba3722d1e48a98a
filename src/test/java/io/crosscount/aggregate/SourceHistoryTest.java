package io.crosscount.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Since when a source has said what it says, and what it said before a window, in any arrival order. */
class SourceHistoryTest {
    private static SourceClaim claim(String id, String at, long value) {
        return Claims.source("Outlet", id, at, value, value, value, Qualifier.EXACT, false);
    }

    private static final SourceClaim MON = claim("a1", "2026-11-30T13:00:00Z", 3000);
    private static final SourceClaim TUE = claim("a2", "2026-12-01T05:00:00Z", 3000);
    private static final SourceClaim WED = claim("a3", "2026-12-02T04:00:00Z", 3183);
    private static final SourceClaim WED_LATER = claim("a4", "2026-12-02T18:00:00Z", 3183);

    @Test
    void aRepeatedFigureHasBeenSaidSinceItsFirstReportEvenWhenANewerFigureIsKnown() {
        SourceHistory history = new SourceHistory();
        List.of(MON, TUE, WED).forEach(history::add);
        assertThat(history.since(TUE)).isEqualTo(MON.publishedAt());
        assertThat(history.since(WED)).isEqualTo(WED.publishedAt());
    }

    @Test
    void theLastClaimBeforeAWindowIsTheSourcesFigureThen() {
        SourceHistory history = new SourceHistory();
        List.of(MON, TUE, WED, WED_LATER).forEach(history::add);
        assertThat(history.lastBefore(Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo(TUE);
        assertThat(history.lastBefore(Instant.parse("2026-12-03T00:00:00Z"))).isEqualTo(WED_LATER);
        assertThat(history.lastBefore(Instant.parse("2026-11-30T00:00:00Z"))).isNull();
    }

    @Test
    void everyArrivalOrderGivesTheSameAnswers() {
        List<SourceClaim> claims = new ArrayList<>(List.of(MON, TUE, WED, WED_LATER));
        Random random = new Random(1);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(claims, random);
            SourceHistory history = new SourceHistory();
            claims.forEach(history::add);
            claims.forEach(history::add); // re-sent claims change nothing
            assertThat(history.since(TUE)).as("order %s", claims).isEqualTo(MON.publishedAt());
            assertThat(history.since(WED_LATER)).isEqualTo(WED.publishedAt());
            assertThat(history.lastBefore(Instant.parse("2026-12-02T00:00:00Z")).low()).isEqualTo(3000L);
            assertThat(history.runs).hasSize(2);
        }
    }

    @Test
    void forgettingKeepsTheLatestRun() {
        SourceHistory history = new SourceHistory();
        List.of(MON, TUE, WED).forEach(history::add);
        history.forgetBefore(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(history.runs).hasSize(1);
        assertThat(history.since(WED)).isEqualTo(WED.publishedAt());
    }
}
