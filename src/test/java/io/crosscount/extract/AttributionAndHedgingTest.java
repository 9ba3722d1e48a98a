package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.ActorMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 4 on its own: whether each candidate is hedged and who gave it. The actors are given
 * by hand ({@code surface=id/type}, comma-separated, "-" for none) so that only this stage's
 * rules are read; each candidate as {@code phrase hedged|plain source}, " ; " between them.
 */
class AttributionAndHedgingTest {

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | At least 45 people were reportedly killed in Khartoum. | - | At least 45 hedged null
        en | At least 45 people were killed in Khartoum. | - | At least 45 plain null
        fr | Environ 132 otages sont toujours retenus à Gaza, dont 28 seraient morts. | - | Environ 132 plain null ; 28 hedged null
        es | Unos 130 rehenes siguen retenidos en Gaza, de los cuales 28 habrían muerto. | - | Unos 130 plain null ; 28 hedged null
        de | Achtundzwanzig Geiseln sollen ums Leben gekommen sein. | - | Achtundzwanzig hedged null
        en | At least 45 people were killed in Khartoum, according to the Sudanese army. | Sudanese army=sd_army/military | At least 45 plain sd_army
        en | The Health Ministry said 25,700 Palestinians have been killed. | Health Ministry=ps_moh/government | 25,700 plain ps_moh
        en | John Smith said 25,700 Palestinians have been killed. | John Smith=john_smith/person | 25,700 plain null
        en | The Health Ministry reopened as 30 people were killed. | Health Ministry=ps_moh/government | 30 plain null
        fr | Selon le ministère de la Santé, 30 personnes ont été tuées. | ministère de la Santé=ps_moh/government | 30 plain ps_moh
        es | Más de 26.000 palestinos han muerto, según el Ministerio de Sanidad. | Ministerio de Sanidad=ps_moh/government | Más de 26.000 plain ps_moh
        fr | Au moins neuf personnes auraient été tuées et 118 enlevées. | - | Au moins neuf hedged null ; 118 hedged null
        fr | Au moins neuf personnes auraient été tuées et 118 ont été enlevées. | - | Au moins neuf hedged null ; 118 plain null
        en | Nine people were reportedly killed and 118 were abducted. | - | Nine hedged null ; 118 plain null
        es | Más de 40 civiles habrían muerto, y unos 4.000 vecinos huyeron. | - | Más de 40 hedged null ; unos 4.000 plain null
        en | Nine people were reportedly killed in the north. In the south 118 were abducted. | - | Nine hedged null ; 118 plain null
        de | Neun Menschen sollen getötet worden sein und 118 entführt. | - | Neun hedged null ; 118 hedged null
        """)
    void hedgesAndAttributesEachFigure(String lang, String sentence, String mentions, String expected) {
        StagedSentence t = StagedSentence.of(lang, sentence);
        AttributionAndHedging stage = new AttributionAndHedging(t.text, t.byRole, actors(sentence, mentions),
                t.segments, t.lexicon.auxiliaries(), Deadline.NONE);
        List<String> actual = new ArrayList<>();
        Candidate hedgedBefore = null;
        for (Candidate c : t.candidates) {
            boolean hedged = stage.isHedged(c, hedgedBefore);
            hedgedBefore = hedged ? c : null;
            actual.add(t.phrase(c) + (hedged ? " hedged " : " plain ") + stage.sourceOf(c));
        }
        assertThat(actual).as("attribution of: %s", sentence).containsExactly(expected.split(" ; "));
    }

    /** Mentions at the first occurrence of each surface, by start. */
    private static List<ActorMention> actors(String sentence, String mentions) {
        List<ActorMention> out = new ArrayList<>();
        if (mentions.equals("-")) {
            return out;
        }
        for (String m : mentions.split(",")) {
            String surface = m.substring(0, m.indexOf('='));
            String[] idAndType = m.substring(m.indexOf('=') + 1).split("/");
            int start = sentence.indexOf(surface);
            out.add(new ActorMention(idAndType[0], surface, idAndType[1], surface, start, start + surface.length()));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
