package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 2 on its own: which cue binds to which number. Each candidate as {@code phrase <- cue},
 * then "list:X" when it continues the list that X heads, "of:X" when it is taken out of X,
 * "subset", and "also:Y" for a release reported after its capture; " ; " between candidates,
 * "-" for none. Whether a cue then gives a metric is the next stage's business.
 */
class CueBinderTest {

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Seven men and seven women were killed. | Seven <- killed ; seven <- killed list:Seven
        en | Twelve soldiers and two policemen were killed in the ambush. | Twelve <- killed ; two <- killed list:Twelve
        fr | Quarante hommes, quinze femmes et huit enfants ont été tués. | Quarante <- tués ; quinze <- tués list:Quarante ; huit <- tués list:Quarante
        de | 14 Israelis, vier Thailänder und einen Russen wurden getötet. | 14 <- getötet ; vier <- getötet list:14 ; einen <- getötet list:14
        es | Cuatro policías, un soldado y tres civiles murieron. | Cuatro <- murieron ; un <- murieron list:Cuatro ; tres <- murieron list:Cuatro
        en | 78 people, among them 11 women and four infants, were killed. | 78 <- killed ; 11 <- - subset ; four <- - list:11 subset
        fr | Plus de 26 000 Palestiniens ont été tués, dont 28 enfants. | Plus de 26 000 <- tués ; 28 <- - subset
        en | 26 people were killed and 40 were wounded. | 26 <- killed ; 40 <- wounded
        fr | 26 morts et 40 blessés. | 26 <- morts ; 40 <- blessés
        es | El sismo dejó 2.100 víctimas y 5.000 heridos. | 2.100 <- - ; 5.000 <- heridos list:2.100
        de | Der Brand forderte 17 Opfer und 35 Verletzte. | 17 <- - ; 35 <- Verletzte list:17
        es | El temporal dejó 12 muertos y cientos de damnificados. | 12 <- muertos ; cientos <- -
        fr | Des milliers de sinistrés et une dizaine de morts. | Des milliers <- - ; une dizaine <- morts list:Des milliers
        es | Al menos 60 personas siguen desaparecidas y 30 personas murieron. | Al menos 60 <- desaparecidas ; 30 <- murieron
        en | Three of the 19 people who were kidnapped have been released. | Three <- released of:19 ; 19 <- kidnapped
        en | Three of the 12 miners died in hospital. | Three <- died of:12 ; 12 <- -
        es | Seis de los secuestrados fueron asesinados. | Seis <- asesinados
        en | Six of the kidnapped are children. | Six <- kidnapped
        es | Tres de los excarcelados volvieron a ser arrestados. | Tres <- volvieron a ser arrestados
        de | Drei der zwölf Geiseln kamen am Montag frei. | Drei <- frei of:zwölf ; zwölf <- -
        en | Fifty people were kidnapped and later freed. | Fifty <- kidnapped also:freed
        de | Achtundzwanzig Geiseln sollen ums Leben gekommen sein. | Achtundzwanzig <- ums Leben gekommen
        ar | قتل 12 شخصا في قصف على مدينة إدلب. | 12 <- قتل
        fr | Un habitant a été tué, sept ouvriers, dont un adolescent, ont été blessés. | Un <- tué ; sept <- blessés ; un <- - subset
        en | Nine miners, including a boy, were injured. | Nine <- injured ; a <- - subset
        de | 23 Menschen kamen ums Leben. Darunter seien fünf Kinder. | 23 <- kamen ums Leben ; fünf <- - subset
        en | The strike killed 14 people. Among them were six women and two children. | 14 <- killed ; six <- - subset ; two <- - list:six subset
        en | The strike killed 14 people. Six were children. | 14 <- killed ; Six <- -
        en | The strike could kill 2,000 people. | -
        es | De los secuestrados, 14 son mineros y uno es médico. | 14 <- secuestrados ; uno <- secuestrados list:14
        en | Among the dead, nine were policemen. | nine <- dead
        fr | Parmi les blessés, 7 sont dans un état grave. | 7 <- blessés
        en | The officers said that of those abducted, 40 were freed. | 40 <- freed
        en | In the wake of the abductions, 300 soldiers were sent to the region. | 300 <- -
        en | Gunmen killed 20 villagers. Among the victims were six women. | 20 <- killed ; six <- - subset
        en | Twelve soldiers were killed in Mali and three in Niger. | Twelve <- killed ; three <- killed
        es | Cuatro rehenes siguen retenidos en el norte y uno en la capital. | Cuatro <- retenidos ; uno <- retenidos
        fr | Quatre soldats ont été tués en novembre et deux début décembre. | Quatre <- tués ; deux <- tués
        de | Vier Soldaten wurden im November getötet und zwei Anfang Dezember. | Vier <- getötet ; zwei <- getötet
        en | Eleven soldiers were killed, seven in Kidal and four in Gao. | Eleven <- killed ; seven <- killed ; four <- killed
        fr | Six otages ont été relâchés, quatre en mars et deux début avril. | Six <- relâchés ; quatre <- relâchés ; deux <- relâchés list:quatre
        en | Eleven soldiers were killed, 30 in the capital were wounded and 5 others fled. | Eleven <- killed ; 30 <- wounded ; 5 <- fled
        en | Twelve soldiers were killed and 40 civilians reached the camp. | Twelve <- killed ; 40 <- -
        es | Doce vecinos fueron asesinados y 30 fueron trasladados al hospital. | Doce <- asesinados ; 30 <- -
        es | Murieron 300 personas, entre ellas 80 agentes de la policía regional y 120 milicianos. | 300 <- Murieron ; 80 <- - subset ; 120 <- - list:80 subset
        en | About 300 civilians were killed, including 80 members of the new security forces and 120 fighters. | About 300 <- killed ; 80 <- - subset ; 120 <- - list:80 subset
        en | The army sent 300 soldiers into the hills above the old town and 40 civilians were killed. | 300 <- - ; 40 <- killed
        es | Un pescador murió y otros dos resultaron heridos. | Un <- murió ; dos <- resultaron heridos
        es | Un soldado murió y otras dos personas resultaron heridas. | Un <- murió ; dos <- heridas
        en | A soldier died and another two people were injured. | A <- died ; two <- injured
        fr | Un pêcheur est mort et deux autres ont été blessés. | Un <- est mort ; deux <- blessés
        de | Ein Fischer starb und zwei weitere wurden verletzt. | Ein <- starb ; zwei <- verletzt
        en | The stranded sailors, who number 23, were freed at dawn. | 23 <- freed
        en | The kidnapped nurses, numbering 12, remain in captivity. | 12 <- remain in captivity
        en | The ministry, which numbers its staff at 400, said 9 were kidnapped. | 400 <- - ; 9 <- kidnapped
        es | Los secuestrados, 17 en total, fueron liberados. | 17 <- liberados
        de | Die Entführten, insgesamt 8, wurden gestern freigelassen. | 8 <- freigelassen
        en | The 30 freed hostages are made up of 18 women and 12 men. | 30 <- freed ; 18 <- - subset ; 12 <- - list:18 subset
        en | Three of the 40 hostages were among the 12 freed. | Three <- freed of:40 ; 40 <- - ; 12 <- freed
        en | Of the 59 hostages, 24 are believed to be alive. | 59 <- - ; 24 <- alive
        """)
    void bindsEachCueToItsNumbers(String lang, String sentence, String expected) {
        StagedSentence t = StagedSentence.of(lang, sentence);
        List<String> actual = new ArrayList<>();
        for (Candidate c : t.candidates) {
            actual.add(describe(t, c));
        }
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("cues of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    @Test
    void aReleaseAfterTheCaptureThatDescribesTheWholeIsThePartsAndNamesItsCaptives() {
        StagedSentence t = StagedSentence.of("en", "Three of the 19 people who were kidnapped have been released.");
        assertThat(t.candidates.get(0).capturedAs()).isEqualTo("hostage");
        assertThat(t.candidates.get(1).capturedAs()).isNull();
    }

    @Test
    void aCaptureNamedBeforeTheFigureSaysWhomItsHoldingCueCounts() {
        StagedSentence t = StagedSentence.of("es", "De los secuestrados, 18 siguen en poder de la banda.");
        assertThat(t.cue(t.candidates.get(0))).isEqualTo("siguen en poder de");
        assertThat(t.candidates.get(0).capturedAs()).isEqualTo("hostage");
    }

    @Test
    void aCaptureThatDescribesThePeopleOfAReturnNamesThemCaptives() {
        StagedSentence t = StagedSentence.of("en", "They confirmed the return of 64 servicemen who had been detained abroad.");
        assertThat(t.cue(t.candidates.get(0))).isEqualTo("the return of");
        assertThat(t.candidates.get(0).capturedAs()).isEqualTo("prisoner");

        StagedSentence reported = StagedSentence.of("en", "They freed 12 villagers and were detained themselves.");
        assertThat(reported.candidates.get(0).capturedAs()).isNull();
    }

    @Test
    void aConjunctionBetweenTwoFiguresStartsAClauseButARangeDoesNot() {
        StagedSentence coordination = StagedSentence.of("fr", "26 morts et 40 blessés.");
        assertThat(breaksBefore(coordination)).containsExactly("et 40 blessés.");

        StagedSentence range = StagedSentence.of("fr", "Entre 40 et 50 personnes ont été tuées.");
        assertThat(breaksBefore(range)).isEmpty();
    }

    @Test
    void aComplementizerAfterTheConjunctionKeepsTheClausesApart() {
        StagedSentence reported = StagedSentence.of("en",
                "The mayor said 14 firefighters were hurt and that 9 residents died in the blaze.");
        assertThat(breaksBefore(reported)).containsExactly("and that 9 residents died in the blaze.");
        assertThat(reported.cue(reported.candidates.get(0))).isEqualTo("hurt");
        assertThat(reported.cue(reported.candidates.get(1))).isEqualTo("died");

        StagedSentence spanish = StagedSentence.of("es",
                "El alcalde dijo que 14 bomberos resultaron heridos y que 9 vecinos murieron en el incendio.");
        assertThat(breaksBefore(spanish)).containsExactly("y que 9 vecinos murieron en el incendio.");
        assertThat(spanish.cue(spanish.candidates.get(0))).isEqualTo("resultaron heridos");

        // Not after a figure's own relative clause: "that" there is no complementizer of a new clause.
        StagedSentence relative = StagedSentence.of("en", "The 30 people that were freed and 12 others were flown home.");
        assertThat(breaksBefore(relative)).containsExactly("and 12 others were flown home.");
    }

    @Test
    void aFigureCountedAmongALaterOneSharesItsCue() {
        StagedSentence among = StagedSentence.of("en", "Six nurses were among the 52 people wounded in the blast.");
        assertThat(among.cue(among.candidates.get(0))).isEqualTo("wounded");
        assertThat(among.cue(among.candidates.get(1))).isEqualTo("wounded");

        StagedSentence spanish = StagedSentence.of("es", "Dos soldados están entre los 19 muertos del ataque.");
        assertThat(spanish.cue(spanish.candidates.get(0))).isEqualTo(spanish.cue(spanish.candidates.get(1)));

        // Too far from "among the" to be its member: a figure of its own.
        StagedSentence far = StagedSentence.of("en",
                "Six nurses arrived at the clinic on Monday morning among the 52 people wounded.");
        assertThat(far.candidates.get(0).cue()).isNull();
    }

    @Test
    void aListSetOffByCommasAfterANounTakesTheNounsCue() {
        StagedSentence freed = StagedSentence.of("en", "The freed hostages, 14 men and 3 children, were flown home.");
        assertThat(freed.cue(freed.candidates.get(0))).isEqualTo("freed");
        assertThat(freed.cue(freed.candidates.get(1))).isEqualTo("freed");

        StagedSentence german = StagedSentence.of("de",
                "Bewaffnete verschleppten die Dorfbewohner, 22 Männer und elf Frauen, am Montag.");
        assertThat(german.cue(german.candidates.get(0))).isEqualTo("verschleppten");

        // No closing comma: the list is the subject of a clause of its own, the comma a break.
        StagedSentence subject = StagedSentence.of("en", "After the raid on the town, 22 men and 11 women were abducted.");
        assertThat(subject.cue(subject.candidates.get(0))).isEqualTo("abducted");

        // The breakdown of a figure of the clause before: its comma stays a break.
        StagedSentence breakdown = StagedSentence.of("fr", "Onze soldats ont été tués, sept à Gao et quatre près de Tessalit.");
        assertThat(breakdown.candidates.get(1).clause()).isNotEqualTo(breakdown.candidates.get(0).clause());
        assertThat(breakdown.cue(breakdown.candidates.get(0))).isEqualTo("tués");
    }

    @Test
    void aBracketOrDashAfterAFiguresOwnCueNounBreaksItDown() {
        for (String sentence : List.of("The attack left 9 dead (4 soldiers and 5 civilians) and 17 wounded.",
                "The attack left 9 dead - 4 soldiers and 5 civilians - and 17 wounded.",
                "The attack left 9 dead \u2014 4 soldiers and 5 civilians \u2014 and 17 wounded.")) {
            StagedSentence t = StagedSentence.of("en", sentence);
            assertThat(t.candidates.get(1).subset()).as(sentence).isTrue();
            assertThat(t.cue(t.candidates.get(3))).as(sentence).isEqualTo("wounded");
            assertThat(t.candidates.get(3).listHead()).as(sentence).isNegative(); // the closing dash ends the breakdown
        }
        // Items with cues of their own after a dash: a list of figures, no breakdown.
        StagedSentence layout = StagedSentence.of("en", "Toll \u2013 410 wounded \u2013 2,300 evacuated.");
        assertThat(layout.candidates.get(1).subset()).isFalse();
        assertThat(layout.cue(layout.candidates.get(1))).isEqualTo("evacuated");
    }

    @Test
    void aCoordinatedVerbTakesItsOwnObjectFigure() {
        StagedSentence t = StagedSentence.of("es", "Un coche bomba mató a 6 policías e hirió a otras 22 personas.");
        assertThat(t.cue(t.candidates.get(0))).isEqualTo("mató");
        assertThat(t.cue(t.candidates.get(1))).isEqualTo("hirió");
        StagedSentence german = StagedSentence.of("de", "Die Bombe tötete 6 Polizisten und verletzte 22 weitere Menschen.");
        assertThat(german.cue(german.candidates.get(0))).isEqualTo("tötete");
        assertThat(german.cue(german.candidates.get(1))).isEqualTo("verletzte");
    }

    @Test
    void aVerbFirstReleaseReachesItsObjectAcrossItsSubject() {
        // The subject between the verb and "عن" leaves the release the figure's cue; the
        // detention noun after the figure says whom it freed.
        StagedSentence t = StagedSentence.of("ar", "أفرجت السلطات السورية يوم الأحد عن 200 معتقل.");
        assertThat(t.cue(t.candidates.get(0))).isEqualTo("أفرجت");
        assertThat(t.candidates.get(0).capturedAs()).isEqualTo("prisoner");

        StagedSentence pardon = StagedSentence.of("ar", "عفا الرئيس عن 300 معتقل.");
        assertThat(pardon.cue(pardon.candidates.get(0))).isEqualTo("عفا");

        // A noun that is no verb's object: the detention noun after the figure stays its cue.
        StagedSentence held = StagedSentence.of("ar", "تحدثت السلطات عن 200 معتقل.");
        assertThat(held.cue(held.candidates.get(0))).isEqualTo("معتقل");
    }

    @Test
    void aReleaseBeforeTheFigureSpeaksOverAHoldingInItsRelativeClause() {
        StagedSentence t = StagedSentence.of("es", "La guerrilla liberó el martes a los 22 rehenes que seguían con vida.");
        assertThat(t.cue(t.candidates.get(0))).isEqualTo("liberó");

        // No relative pronoun: the holding stays the figure's cue, the video is what was released.
        StagedSentence video = StagedSentence.of("en",
                "The group released a 4-minute video in which 6 of the hostages it still holds appear.");
        assertThat(video.cue(video.candidates.get(0))).isNotEqualTo("released");
    }

    @Test
    void aSubsetMarkerStartsAClause() {
        StagedSentence t = StagedSentence.of("es", "Unos 130 rehenes siguen retenidos, de los cuales 28 habrían muerto.");
        assertThat(breaksBefore(t)).containsExactly("de los cuales 28 habrían muerto.");
        assertThat(t.candidates.get(0).clause()).isNotEqualTo(t.candidates.get(1).clause());
    }

    /** The text from each clause break the cue rules add (besides punctuation) to the end. */
    private static List<String> breaksBefore(StagedSentence t) {
        List<String> out = new ArrayList<>();
        for (int at : CueBinder.clauseBreaks(t.text.folded(), t.numbers, t.byRole, t.lexicon.relativePronouns())) {
            out.add(t.span(at, t.text.length()));
        }
        return out;
    }

    private static String describe(StagedSentence t, Candidate c) {
        return t.phrase(c) + " <- " + t.cue(c)
                + (c.listHead() >= 0 ? " list:" + t.phrase(t.candidates.get(c.listHead())) : "")
                + (c.whole() >= 0 ? " of:" + t.phrase(t.candidates.get(c.whole())) : "")
                + (c.subset() ? " subset" : "")
                + (c.alsoCue() == null ? "" : " also:" + c.alsoCue().phrase());
    }
}
