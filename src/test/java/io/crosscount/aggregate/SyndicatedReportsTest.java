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

    @Test
    void bandingGroupsAsComparingEveryPairOnEditedWireCopiesAndDistinctReports() {
        // 40 wire stories, each carried by 2 to 9 outlets with an edit of 5 % to 45 % of the words
        // (similarities from about 0.9 down through the threshold), and 400 outlets' own reports.
        java.util.Random random = new java.util.Random(7);
        List<ClaimEvent> claims = new ArrayList<>();
        int outlet = 0;
        int copyPairs = 0;
        int[] aboveThreshold = new int[1];
        for (int story = 0; story < 40; story++) {
            String original = sentences(random, 150);
            int copies = 2 + random.nextInt(8);
            copyPairs += copies * (copies - 1) / 2;
            for (int c = 0; c < copies; c++) {
                String body = c == 0 ? original : edited(random, original, 0.05 + 0.4 * random.nextDouble());
                claims.add(withBody(exact("outlet-" + outlet, "a" + outlet, "2024-01-26T10:00:00Z", 1), body));
                outlet++;
            }
        }
        for (int own = 0; own < 400; own++) {
            claims.add(withBody(exact("outlet-" + outlet, "a" + outlet, "2024-01-26T11:00:00Z", 1),
                    sentences(random, 120)));
            outlet++;
        }
        int[] banded = SyndicatedReports.groups(claims, 0.5);
        int[] exhaustive = exhaustiveGroups(claims, 0.5, aboveThreshold);

        // Some pairs of copies of one story are at or above the threshold, the more edited fall
        // below it: both sides of the threshold are exercised.
        assertThat(aboveThreshold[0]).as("pairs at or above the threshold").isEqualTo(170);
        assertThat(copyPairs).as("pairs of copies of one story").isEqualTo(660);
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                assertThat(root(banded, i) == root(banded, j)).as("%d and %d together", i, j)
                        .isEqualTo(root(exhaustive, i) == root(exhaustive, j));
            }
        }
    }

    @Test
    void bandingFindsEveryPairAboveTheThresholdWhateverItsSketches() {
        // Sketches agreeing in 33 of 64 buckets at random places: above 0.5, so always a candidate.
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int[] a = new int[BodyFingerprint.SIZE];
            int[] b = new int[BodyFingerprint.SIZE];
            List<Integer> positions = new ArrayList<>();
            for (int k = 0; k < BodyFingerprint.SIZE; k++) {
                a[k] = random.nextInt(1 << 30);
                b[k] = a[k] + 1;
                positions.add(k);
            }
            Collections.shuffle(positions, random);
            positions.subList(0, 33).forEach(k -> b[k] = a[k]);
            ClaimEvent x = exact("x", "x1", "2024-01-26T10:00:00Z", 1);
            x.fingerprint = a;
            ClaimEvent y = exact("y", "y1", "2024-01-26T11:00:00Z", 1);
            y.fingerprint = b;
            assertThat(SyndicatedReports.of(List.of(x, y), 0.5)).hasSize(1);
        }
    }

    /** The reference: every pair compared, as before banding. */
    private static int[] exhaustiveGroups(List<ClaimEvent> claims, double threshold, int[] pairsAbove) {
        int[] parent = new int[claims.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < parent.length; i++) {
            for (int j = i + 1; j < parent.length; j++) {
                if (BodyFingerprint.similarity(claims.get(i).fingerprint, claims.get(j).fingerprint) >= threshold) {
                    pairsAbove[0]++;
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        return parent;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static final String[] WORDS = ("the health ministry said on friday that people were killed in gaza since "
            + "the war began at least more than toll rose overnight strikes hit homes in khan younis and rafah "
            + "hospital officials reported civilians children women wounded buildings destroyed northern southern "
            + "city camp families fled shelter aid trucks crossing border talks ceasefire hostages released army "
            + "forces operation tanks fighting residents told reporters figures cannot be verified").split(" ");

    private static String sentences(java.util.Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(w % 15 == 14 ? ". " : " ");
        }
        return b.toString();
    }

    /** A copy with a new headline and a run of about {@code share} of the words rewritten. */
    private static String edited(java.util.Random random, String original, double share) {
        String[] w = original.split(" ");
        int length = (int) (w.length * share);
        int from = random.nextInt(w.length - length);
        StringBuilder b = new StringBuilder(sentences(random, 6));
        for (int k = 0; k < w.length; k++) {
            b.append(k >= from && k < from + length ? WORDS[random.nextInt(WORDS.length)] : w[k]).append(' ');
        }
        return b.toString();
    }

    private static ClaimEvent withBody(ClaimEvent e, String body) {
        e.fingerprint = BodyFingerprint.of(body);
        return e;
    }
}
