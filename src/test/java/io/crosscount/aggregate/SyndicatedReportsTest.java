package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.crosscount.syndication.BodyFingerprint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyndicatedReportsTest {
    private static final String STORY = "Plus de 26 000 Palestiniens ont été tués dans la bande de Gaza depuis le début "
            + "de la guerre, a annoncé vendredi le ministère de la Santé du Hamas, qui ne distingue pas civils et "
            + "combattants. Les frappes se sont poursuivies dans la nuit sur Khan Younès.";

    @Test
    void nearDuplicateBodiesFromDifferentOutletsAreOneReportNamedByTheFirstOutlet() {
        ClaimEvent original = withBody(exact("Le Monde", "m1", "2024-01-26T10:00:00Z", 26000), STORY);
        ClaimEvent copy = withBody(exact("Ouest-France", "o1", "2024-01-26T11:00:00Z", 26000),
                "GAZA. " + STORY + " Notre envoyé spécial.");
        ClaimEvent independent = withBody(exact("BBC", "b1", "2024-01-26T09:00:00Z", 26083),
                "At least 26,083 people have been killed in Gaza, the Hamas-run health ministry said on Friday.");

        assertThat(SyndicatedReports.of(List.of(copy, independent, original), 0.5))
                .extracting(SyndicatedReports.Report::source, SyndicatedReports.Report::outlets, r -> r.claim().articleId)
                .containsExactly(tuple("BBC", List.of("BBC"), "b1"),
                        tuple("Le Monde", List.of("Le Monde", "Ouest-France"), "o1"));
    }

    @Test
    void outletsCreditingTheSameAgencyAreThatAgencysReportAndItsNewestClaimStands() {
        ClaimEvent morning = exact("Le Monde", "m1", "2024-01-26T08:00:00Z", 25900);
        morning.wire = "AFP";
        ClaimEvent evening = exact("Le Figaro", "f1", "2024-01-26T19:00:00Z", 26083);
        evening.wire = "AFP";

        assertThat(SyndicatedReports.of(List.of(morning, evening), 0.5)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("AFP");
            assertThat(r.outlets()).containsExactly("Le Figaro", "Le Monde");
            assertThat(r.claim().articleId).isEqualTo("f1");
        });
    }

    @Test
    void theResultDoesNotDependOnTheOrderClaimsArrivedIn() {
        List<ClaimEvent> claims = new ArrayList<>(List.of(
                withBody(exact("A", "a", "2024-01-26T10:00:00Z", 1), STORY),
                withBody(exact("B", "b", "2024-01-26T11:00:00Z", 1), STORY + " Fin."),
                withBody(exact("C", "c", "2024-01-26T12:00:00Z", 2), "Something else entirely, written by C alone."),
                withBody(exact("D", "d", "2024-01-26T13:00:00Z", 1), "Mise à jour. " + STORY)));
        List<SyndicatedReports.Report> first = SyndicatedReports.of(claims, 0.5);
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(claims, new java.util.Random(seed));
            assertThat(SyndicatedReports.of(claims, 0.5)).isEqualTo(first);
        }
        assertThat(first).extracting(SyndicatedReports.Report::source).containsExactly("A", "C");
    }

    private static ClaimEvent withBody(ClaimEvent e, String body) {
        e.fingerprint = BodyFingerprint.of(body);
        return e;
    }
}
