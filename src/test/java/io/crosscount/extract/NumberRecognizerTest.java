package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 1 on its own: which numbers of a sentence may be head counts, and their spans and
 * bounds. Each number as {@code phrase <number> value [low..high] qualifier}, "subset" when a
 * subset marker stands by it; " ; " between numbers, "-" for none. What the numbers count is
 * not this stage's business.
 */
class NumberRecognizerTest {

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | More than 26,000 Palestinians have been killed in Gaza. | More than 26,000 <26,000> 26000 [26000..] more_than
        en | Between 40 and 50 people were killed and about 170 were wounded. | Between 40 and 50 <40 and 50> - [40..50] range ; about 170 <170> 170 [153..187] approx
        en | Dozens of people were wounded. | Dozens <Dozens> - [24..99] vague
        en | On 7 October, aged 18 to 60, the team won 3-1 and 20% of 500 dollars. | -
        fr | Plus de 26 000 Palestiniens ont été tués, dont 28 enfants. | Plus de 26 000 <26 000> 26000 [26000..] more_than ; 28 <28> 28 [28..28] exact subset
        fr | Une centaine de personnes ont été blessées et deux millions et demi déplacées. | Une centaine <Une centaine> 100 [80..120] approx ; deux millions et demi <deux millions et demi> 2500000 [2500000..2500000] exact
        de | Rund 1,2 Millionen Menschen wurden vertrieben, am 7. Oktober. | Rund 1,2 Millionen <1,2 Millionen> 1200000 [1080000..1320000] approx
        de | Zweihundertfünfzig Menschen wurden getötet. | Zweihundertfünfzig <Zweihundertfünfzig> 250 [250..250] exact
        es | Entre 20 y 30 civiles murieron. | Entre 20 y 30 <20 y 30> - [20..30] range
        en | The death toll rose from 12 to 19 overnight. | 19 <19> 19 [19..19] exact
        fr | Le nombre de disparus est passé de 80 à 46 et de 20 à 30 blessés ont été soignés. | 46 <46> 46 [46..46] exact ; de 20 à 30 <20 à 30> - [20..30] range
        de | Die Zahl der Toten ist von 12 auf 19 gestiegen. | 19 <19> 19 [19..19] exact
        ar | ارتفعت الحصيلة إلى ما بين 80 إلى 95 قتيلا. | ما بين 80 إلى 95 <80 إلى 95> - [80..95] range
        ar | أصيب ما بين 40 و50 شخصا في الخرطوم. | ما بين 40 و50 <40 و50> - [40..50] range
        ar | قتل 12 شخصا في قصف على مدينة إدلب. | 12 <12> 12 [12..12] exact
        en | One person was killed when a shell hit the market. | One <One> 1 [1..1] exact
        fr | Un soldat a été tué lors d'une attaque. | Un <Un> 1 [1..1] exact
        de | Ein Kind wurde bei einem Angriff getötet. | Ein <Ein> 1 [1..1] exact
        es | Un periodista murió en un bombardeo. | Un <Un> 1 [1..1] exact
        ar | قتلت سبع نساء وأصيبت ثلاث عشرة امرأة. | سبع <سبع> 7 [7..7] exact ; ثلاث عشرة <ثلاث عشرة> 13 [13..13] exact
        ar | استقبل المستشفى قتيلًا واحدًا وجريحين. | قتيلًا واحدًا <قتيلًا واحدًا> 1 [1..1] exact ; جريحين <جريحين> 2 [2..2] exact
        ar | أطلق الخاطفون سراح الرهينتين. | الرهينتين <الرهينتين> 2 [2..2] exact
        ar | قتل (2031) طفلا. | (2031) <(2031)> 2031 [2031..2031] exact
        ar | قال إن واحداً من الجرحى غادر المستشفى. | -
        fr | Sept ouvriers, dont un adolescent, ont été blessés. | Sept <Sept> 7 [7..7] exact ; un <un> 1 [1..1] exact subset
        es | El derrumbe dejó 64 heridos, 15 de los cuales siguen hospitalizados. | 64 <64> 64 [64..64] exact ; 15 <15> 15 [15..15] exact subset
        es | Unos 130 rehenes siguen retenidos, de los cuales 28 habrían muerto. | Unos 130 <130> 130 [117..143] approx ; 28 <28> 28 [28..28] exact subset
        ar | نزح ثلاثمائة وخمسون شخصا وأربعمئة آخرون. | ثلاثمائة وخمسون <ثلاثمائة وخمسون> 350 [350..350] exact ; أربعمئة <أربعمئة> 400 [400..400] exact
        fr | Huit otages sont détenus au Sahel et un en Somalie. | Huit <Huit> 8 [8..8] exact ; un <un> 1 [1..1] exact
        en | Twelve soldiers were killed in Mali and one in Niger. | Twelve <Twelve> 12 [12..12] exact ; one <one> 1 [1..1] exact
        de | Acht Geiseln werden in Mali festgehalten und eine in Niger. | Acht <Acht> 8 [8..8] exact ; eine <eine> 1 [1..1] exact
        en | The talks resume in Geneva and one in Doha is planned. | -
        en | Some 1.5m people fled past a 5m-high wall and a 5 m gap. | Some 1.5m <1.5m> 1500000 [1350000..1650000] approx ; 5 <5> 5 [5..5] exact
        es | Murieron treinta y uno de ellos y medio millar huyeron. | treinta y uno <treinta y uno> 31 [31..31] exact subset ; medio millar <medio millar> 500 [400..600] approx
        ar | أصيب ثلاثة آلاف وخمسمائة شخص ومئتا جندي وأحد عشر طفلا. | ثلاثة آلاف وخمسمائة <ثلاثة آلاف وخمسمائة> 3500 [3500..3500] exact ; مئتا <مئتا> 200 [200..200] exact ; أحد عشر <أحد عشر> 11 [11..11] exact
        ar | خلفت العاصفة 1900 قتيل وفي عام 1990 شهدت المدينة فيضانا. | 1900 <1900> 1900 [1900..1900] exact
        en | The storm left 2100 dead in 2023 and the 2024 floods 1850 injured. | 2100 <2100> 2100 [2100..2100] exact ; 1850 <1850> 1850 [1850..1850] exact
        fr | En 1990 la crue avait fait 1900 morts. | 1900 <1900> 1900 [1900..1900] exact
        es | La guerra de 2014 dejó 2100 muertos. | 2100 <2100> 2100 [2100..2100] exact
        de | Das Beben forderte 1900 Tote, im Jahr 2005 wurde die Stadt aufgebaut. | 1900 <1900> 1900 [1900..1900] exact
        ar | نزح ألفا شخص ومليونا مدني، وأصيب ألفًا و300 وقتل 40 ألفا. | ألفا <ألفا> 2000 [2000..2000] exact ; مليونا <مليونا> 2000000 [2000000..2000000] exact ; ألفًا و300 <ألفًا و300> 1300 [1300..1300] exact ; 40 ألفا <40 ألفا> 40000 [40000..40000] exact
        en | Since 2014 dead migrants were found, and in 2023 injured workers sued. | -
        en | Two were kidnapped; one was freed. No one was hurt, one day later. | Two <Two> 2 [2..2] exact ; one <one> 1 [1..1] exact
        fr | Deux ont été enlevés ; l'un d'eux a été libéré. | Deux <Deux> 2 [2..2] exact ; l'un d'eux <l'un d'eux> 1 [1..1] exact
        en | The toll rose by 8 to 57 and climbed from 12 to 140 later. | 57 <57> 57 [57..57] exact ; 140 <140> 140 [140..140] exact
        fr | Le bilan a augmenté de 12 à 140, de 20 à 30 blessés. | 140 <140> 140 [140..140] exact ; de 20 à 30 <20 à 30> - [20..30] range
        es | La cifra aumentó en 8 hasta 57. | 57 <57> 57 [57..57] exact
        de | Die Zahl stieg um 8 auf 57, von 12 auf 140 Verletzte. | 57 <57> 57 [57..57] exact ; 140 <140> 140 [140..140] exact
        ar | ارتفع عدد القتلى بـ8 إلى 57. | 57 <57> 57 [57..57] exact
        en | Prices rose by 8 in March, and 30 to 40 people were hurt. | 30 to 40 <30 to 40> - [30..40] range
        en | Almost 9 in 10 of the dead were civilians; 5 in 10 villages, 3 in 2 attacks. | 5 <5> 5 [5..5] exact ; 3 <3> 3 [3..3] exact
        es | Nueve de cada diez muertos eran civiles. | -
        en | Well over a hundred fled and close to 90 were held, a minimum of 12 dead. | Well over a hundred <a hundred> 100 [100..] more_than ; close to 90 <90> 90 [81..99] approx ; a minimum of 12 <12> 12 [12..] at_least
        fr | Plus d'un millier ont fui, près d'une centaine blessés. | Plus d'un millier <un millier> 1000 [1000..] more_than ; près d'une centaine <une centaine> 100 [80..120] approx
        fr | Neuf morts sur dix étaient des civils, 12 otages sur 40 ont été libérés. | 12 <12> 12 [12..12] exact ; 40 <40> 40 [40..40] exact
        de | Zwei wurden entführt, einer kam frei. | Zwei <Zwei> 2 [2..2] exact ; einer <einer> 1 [1..1] exact
        """)
    void recognisesNumbersWithTheirSpansAndBounds(String lang, String sentence, String expected) {
        StagedSentence t = StagedSentence.of(lang, sentence);
        List<String> actual = new ArrayList<>();
        for (RecognizedNumber n : t.numbers) {
            actual.add(describe(t, n));
        }
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("numbers of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    @Test
    void aQualifierAfterTheNounWidensTheBoundsAndThePhrase() {
        StagedSentence t = StagedSentence.of("es", "Al menos 60 personas siguen desaparecidas y 30 personas al menos murieron.");
        Candidate thirty = t.candidates.get(1);
        assertThat(t.phrase(thirty)).isEqualTo("30");

        Candidate read = NumberRecognizer.qualifierAfterNoun(t.text.folded(), thirty,
                t.populations.nounOf(thirty).end(), -1, t.byRole, t.lexicon.approxBand());

        assertThat(t.phrase(read)).isEqualTo("30 personas al menos");
        assertThat(read.qualifier().wireName()).isEqualTo("at_least");
        assertThat(read.low()).isEqualTo(30L);
        assertThat(read.high()).isNull();
    }

    @Test
    void aFigureWithoutAQualifierAfterItsNounIsGivenBackAsItIs() {
        StagedSentence t = StagedSentence.of("en", "Seventeen hostages were freed overnight.");
        Candidate c = t.candidates.get(0);
        assertThat(NumberRecognizer.qualifierAfterNoun(t.text.folded(), c, t.populations.nounOf(c).end(), -1,
                t.byRole, t.lexicon.approxBand())).isSameAs(c);
    }

    private static String describe(StagedSentence t, RecognizedNumber n) {
        return t.phrase(n) + " <" + t.span(n.start(), n.end()) + "> " + (n.value() == null ? "-" : n.value())
                + " [" + n.low() + ".." + (n.high() == null ? "" : n.high()) + "] " + n.qualifier().wireName()
                + (n.subset() ? " subset" : "");
    }
}
