package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 3 on its own: what each bound candidate's cue means among the people its noun names,
 * and whom and where it counts. Each candidate with a metric as {@code metric
 * subject/group/location}, resolved alone (no parent figure, nothing to refer back to); " ; "
 * between candidates.
 */
class PopulationResolverTest {

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Russian strikes killed 9 civilians in Odesa. | killed ukrainians/civilians/ukraine
        en | Five Syrian soldiers were killed. | killed syrians/soldiers/syria
        en | Twelve soldiers and two policemen were killed in the ambush. | killed unknown/soldiers/null ; killed unknown/police/null
        fr | Environ 132 otages israéliens sont toujours retenus à Gaza, dont 28 seraient morts. | hostages_held unknown/null/gaza ; hostages_dead unknown/null/gaza
        fr | 26 morts et 40 blessés à Gaza. | killed palestinians/null/gaza ; wounded palestinians/null/gaza
        es | Unos 130 rehenes israelíes siguen retenidos en Gaza. | hostages_held unknown/null/gaza
        en | Three Russian hostages are still held in Gaza. | hostages_held russians/null/gaza
        de | Zwölf israelische Geiseln wurden im Gazastreifen freigelassen. | hostages_released unknown/null/gaza
        de | Bei dem Angriff wurden 14 Syrerinnen getötet. | killed syrians/null/syria
        de | Seit Kriegsbeginn sind 40 Ukrainern getötet worden. | killed ukrainians/null/ukraine
        es | Entre 20 y 30 civiles murieron. | killed unknown/civilians/null
        de | Achtundzwanzig Geiseln sollen ums Leben gekommen sein. | hostages_dead unknown/null/null
        ar | قتل 12 شخصا في قصف على مدينة إدلب. | killed syrians/null/syria
        fr | Il reste 59 otages à Gaza. | hostages_held unknown/null/gaza
        fr | Le conflit israélo-palestinien a fait 30 morts cette semaine. | killed unknown/null/null
        fr | Le Hamas a libéré quatre otages, parmi lesquels l'Israélo-Brésilien Paulo Lima. | hostages_released unknown/null/gaza
        en | Hamas still has 59 hostages. | hostages_held unknown/null/null
        es | La banda liberó a 38 rehenes, pero 121 guardias permanecían detenidos. | hostages_released unknown/null/null ; hostages_held unknown/null/null
        es | Tras las protestas, 300 manifestantes permanecen detenidos. | detained unknown/null/null
        de | Die Hamas hält weiterhin 59 Geiseln gefangen. | hostages_held unknown/null/null
        ar | لدى الحركة 48 رهينة في غزة. | hostages_held unknown/null/gaza
        en | The gunmen executed 6 hostages. | hostages_dead unknown/null/null
        de | Die Entführer töteten 6 Geiseln. | hostages_dead unknown/null/null
        en | The gunmen executed 6 soldiers. | killed unknown/soldiers/null
        """)
    void resolvesMetricPopulationAndPlace(String lang, String sentence, String expected) {
        StagedSentence t = StagedSentence.of(lang, sentence);
        List<String> actual = new ArrayList<>();
        for (int k = 0; k < t.candidates.size(); k++) {
            Candidate c = t.candidates.get(k);
            PopulationResolver.NounPhrase np = t.populations.nounOf(c);
            Metric metric = t.populations.metricOf(c, np, k > 0 ? t.candidates.get(k - 1) : null, null, null);
            if (metric != null) {
                PopulationResolver.Population who = t.populations.populationOf(c, metric, np, null, null);
                actual.add(metric.wireName() + " " + who.subject() + "/" + who.group() + "/" + who.location());
            }
        }
        assertThat(actual).as("populations of: %s", sentence).containsExactly(expected.split(" ; "));
    }

    @Test
    void aReturnCountsTheCaptivesOfTheExchangeTheSentenceBeforeNames() {
        assertThat(metricOfLast("fr", "La Russie et l'Ukraine ont échangé des prisonniers. Au total, 75 soldats sont rentrés."))
                .isEqualTo(Metric.PRISONERS_RELEASED);
        assertThat(metricOfLast("fr", "Les combats ont cessé. Au total, 75 habitants sont rentrés au village.")).isNull();
    }

    @Test
    void aCaptureAfterTheFigureOfAReturnSaysWhomItCounts() {
        assertThat(metricOfLast("es", "El presidente celebró la vuelta de 88 soldados que permanecían detenidos."))
                .isEqualTo(Metric.PRISONERS_RELEASED);
        assertThat(metricOfLast("es", "El presidente celebró la vuelta de 88 soldados a sus cuarteles.")).isNull();
    }

    @Test
    void aHoldingWordHoldsOnlyHostagesOrPrisoners() {
        assertThat(metricOfLast("en", "The village still has 300 residents.")).isNull();
        assertThat(metricOfLast("de", "Die Stadt hat noch 300 Einwohner.")).isNull();
        assertThat(metricOfLast("ar", "لا يزال 40 شخصا في المستشفى.")).isNull();
    }

    @Test
    void bodiesHandedBackAreDeadHostages() {
        assertThat(metricOfLast("en", "The bodies of 4 hostages were returned.")).isEqualTo(Metric.HOSTAGES_DEAD);
        assertThat(metricOfLast("en", "Israel returned the bodies of 30 Palestinians.")).isEqualTo(Metric.KILLED);
        assertThat(metricOfLast("en", "Hamas has returned 4 hostages.")).isEqualTo(Metric.HOSTAGES_RELEASED);
    }

    @Test
    void aPartOfTheBodiesOfHostagesIsDeadHostages() {
        for (String[] c : new String[][] {{"fr", "Le Hamas a rendu 9 des 17 corps d'otages."},
                {"es", "Hamás ha devuelto 9 de los 17 cuerpos de rehenes."},
                {"de", "Die Hamas hat 9 der 17 Leichen von Geiseln zurückgegeben."},
                {"ar", "أعادت حماس 9 من أصل 17 جثة لرهائن."}}) {
            StagedSentence t = StagedSentence.of(c[0], c[1]);
            Candidate part = t.candidates.get(0);
            assertThat(part.whole()).as(c[1]).isEqualTo(1);
            Candidate whole = t.candidates.get(1);
            assertThat(t.populations.metricOf(part, t.populations.nounOf(whole), null, null, null, whole))
                    .as(c[1]).isEqualTo(Metric.HOSTAGES_DEAD);
        }
    }

    /** The metric of the last candidate of {@code sentence}, resolved alone. */
    private static Metric metricOfLast(String lang, String sentence) {
        StagedSentence t = StagedSentence.of(lang, sentence);
        Candidate c = t.candidates.get(t.candidates.size() - 1);
        return t.populations.metricOf(c, t.populations.nounOf(c), null, null, null);
    }

    @Test
    void theDeadAmongHostagesAreDeadHostages() {
        StagedSentence t = StagedSentence.of("fr", "26 morts et 40 blessés.");
        Candidate dead = t.candidates.get(0);
        PopulationResolver.NounPhrase np = t.populations.nounOf(dead);

        assertThat(t.populations.metricOf(dead, np, null, null, null)).isEqualTo(Metric.KILLED);
        assertThat(t.populations.metricOf(dead, np, null, Metric.HOSTAGES_HELD, null)).isEqualTo(Metric.HOSTAGES_DEAD);
    }

    @Test
    void aFigureWithoutItsOwnPeopleTakesThoseItRefersTo() {
        StagedSentence t = StagedSentence.of("en", "26 were killed.");
        Candidate c = t.candidates.get(0);
        PopulationResolver.NounPhrase np = t.populations.nounOf(c);
        assertThat(np.isEmpty()).isTrue();

        PopulationResolver.Population who = t.populations.populationOf(c, Metric.KILLED, np, "israelis", "israel");

        assertThat(who.subject()).isEqualTo("israelis");
        assertThat(who.location()).isEqualTo("israel");
    }

    @Test
    void aCaptureReportedWithItsReleaseGivesASecondMetric() {
        StagedSentence t = StagedSentence.of("en", "Fifty people were kidnapped and later freed.");
        Candidate c = t.candidates.get(0);
        PopulationResolver.NounPhrase np = t.populations.nounOf(c);
        Metric capture = t.populations.metricOf(c, np, null, null, null);

        assertThat(capture).isEqualTo(Metric.HOSTAGES_TAKEN);
        assertThat(PopulationResolver.releaseOf(c, np, capture)).isEqualTo(Metric.HOSTAGES_RELEASED);
    }
}
