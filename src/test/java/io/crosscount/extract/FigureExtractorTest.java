package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Claim;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.Samples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven cases in English and French: sentence, then the expected claims as
 * {@code metric/subject/location value [low..high] qualifier hedged}, separated by " ; ",
 * or "-" for none. Every bug found becomes a row.
 */
class FigureExtractorTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | The Gaza Health Ministry said 25,700 Palestinians have been killed since October 7. | killed/palestinians/gaza 25700 [25700..25700] exact false
        en | More than 26,000 Palestinians have been killed in Gaza. | killed/palestinians/gaza 26000 [26000..] more_than false
        en | Israeli strikes killed at least 80 people, including 30 children, in Gaza. | killed/palestinians/gaza 80 [80..] at_least false ; killed/palestinians/gaza 30 [30..30] exact false
        en | About 136 Israeli hostages are still held in Gaza. | hostages_held/unknown/gaza 136 [122..150] approx false
        en | Some 1.2 million people have been displaced in Gaza. | displaced/palestinians/gaza 1200000 [1080000..1320000] approx false
        en | Between 40 and 50 people were reportedly killed in Khartoum. | killed/sudanese/sudan - [40..50] range true
        en | Dozens of people were wounded in Gaza. | wounded/palestinians/gaza - [24..99] vague false
        en | The ceasefire began on 24 November and lasted seven days. | -
        en | Prices rose by 26% in 2023 and 3,5 tonnes of flour arrived. | -
        en | The 2023 report lists 100 trucks that entered Gaza. | -
        fr | Plus de 26 000 Palestiniens ont été tués à Gaza. | killed/palestinians/gaza 26000 [26000..] more_than false
        fr | Au moins 64 487 personnes ont été blessées dans la bande de Gaza. | wounded/palestinians/gaza 64487 [64487..] at_least false
        fr | Environ 132 otages israéliens sont toujours retenus à Gaza, dont 28 seraient morts. | hostages_held/unknown/gaza 132 [118..146] approx false ; hostages_dead/unknown/gaza 28 [28..28] exact true
        fr | Des dizaines de personnes ont été tuées au Darfour. | killed/sudanese/sudan - [20..99] vague false
        fr | Deux cent cinquante civils ont été tués au Soudan. | killed/sudanese/sudan 250 [250..250] exact false
        fr | L'attaque du 7 octobre a eu lieu il y a 100 jours, selon l'armée israélienne. | -
        fr | Le pays a reçu 500 millions de dollars et 20 % de l'aide. | -
        ar | أعلنت وزارة الصحة أن أكثر من 26 ألف فلسطيني استشهدوا في قطاع غزة. | killed/palestinians/gaza 26000 [26000..] more_than false
        ar | قُتل ٢٥٧٠٠ فلسطيني في غزة منذ بداية الحرب. | killed/palestinians/gaza 25700 [25700..25700] exact false
        ar | لا يزال نحو 132 رهينة محتجزين في غزة، بينهم 28 يُعتقد أنهم لقوا حتفهم. | hostages_held/unknown/gaza 132 [118..146] approx false ; hostages_dead/unknown/gaza 28 [28..28] exact true
        ar | أصيب ما بين 40 و50 شخصا في الخرطوم. | wounded/sudanese/sudan - [40..50] range false
        ar | بدأ الهجوم في 7 أكتوبر واستمر 12 ساعة. | -
        fr | Quatre-vingt-dix-neuf otages ont été libérés vendredi. | hostages_released/unknown/null 99 [99..99] exact false
        en | Twenty-eight hostages were released on Friday. | hostages_released/unknown/null 28 [28..28] exact false
        en | Two hundred and fifty thousand people were displaced in Darfur. | displaced/sudanese/sudan 250000 [250000..250000] exact false
        es | Doscientas cincuenta mujeres murieron en Gaza. | killed/palestinians/gaza 250 [250..250] exact false
        de | Zweihundertfünfzig Menschen wurden im Gazastreifen getötet. | killed/palestinians/gaza 250 [250..250] exact false
        es | Más de 26.000 palestinos han muerto en Gaza, según el Ministerio de Sanidad. | killed/palestinians/gaza 26000 [26000..] more_than false
        es | Unos 130 rehenes israelíes siguen retenidos en Gaza, de los cuales 28 habrían muerto. | hostages_held/unknown/gaza 130 [117..143] approx false ; hostages_dead/unknown/gaza 28 [28..28] exact true
        es | Veintiocho civiles perdieron la vida en Jartum. | killed/sudanese/sudan 28 [28..28] exact false
        es | El ataque del 7 de octubre duró 12 horas. | -
        de | Mehr als 26.000 Palästinenser sind im Gazastreifen getötet worden. | killed/palestinians/gaza 26000 [26000..] more_than false
        de | Rund 1,2 Millionen Menschen wurden im Sudan vertrieben. | displaced/sudanese/sudan 1200000 [1080000..1320000] approx false
        de | Achtundzwanzig Geiseln sollen ums Leben gekommen sein. | hostages_dead/unknown/null 28 [28..28] exact true
        de | Am 7. Oktober wurden 1.200 Menschen in Israel getötet. | killed/israelis/israel 1200 [1200..1200] exact false
        en | A drone hit a bus in Kherson, wounding 14 passengers; nine people were killed. | wounded/ukrainians/ukraine 14 [14..14] exact false ; killed/ukrainians/ukraine 9 [9..9] exact false
        en | Three soldiers were killed in southern Gaza on Tuesday. | killed/unknown/gaza 3 [3..3] exact false
        en | Seventeen hostages were freed in Gaza overnight. | hostages_released/unknown/gaza 17 [17..17] exact false
        es | Israel liberó a 30 palestinos a cambio de dos rehenes. | prisoners_released/palestinians/gaza 30 [30..30] exact false ; hostages_released/unknown/gaza 2 [2..2] exact false
        en | Hamas freed three hostages in exchange for 90 Palestinian prisoners. | hostages_released/unknown/null 3 [3..3] exact false ; prisoners_released/palestinians/null 90 [90..90] exact false
        en | Residents said 21 villagers were killed near Goma. | killed/unknown/democratic_republic_of_the_congo 21 [21..21] exact false
        fr | Quarante-deux personnes ont été blessées dans le sud du Liban. | wounded/lebanese/lebanon 42 [42..42] exact false
        es | Al menos 60 personas siguen desaparecidas tras el bombardeo en Jan Yunis. | missing/palestinians/gaza 60 [60..] at_least false
        de | Im Kibbuz Nir Oz wurden damals 38 Bewohner getötet. | killed/israelis/israel 38 [38..38] exact false
        ar | قتل 12 شخصا في قصف على مدينة إدلب السورية. | killed/syrians/syria 12 [12..12] exact false
        """)
    void extractsTheExpectedClaims(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream().map(FigureExtractorTest::describe).toList();
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    /**
     * Where the victims are (issue #12): {@code metric location} per claim, separated by " ; ". A
     * country named as the one striking, a possessive or hyphenated name that qualifies something
     * else, and an adjective of the striker are not the place; a dateline is.
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Russia's overnight missile attack killed 9 civilians in Odesa and wounded 20 in Kharkiv. | killed ukraine ; wounded ukraine
        en | Gaza: Israel's relentless shelling killed 30 people overnight, the ministry said. | killed gaza
        en | Five people were killed in Kabul, among them Pakistan's consul. | killed afghanistan
        en | BEIRUT: The toll of the Israel-Hezbollah war rose to 2,500 dead on Monday. | killed lebanon
        en | KHARTOUM (Reuters) - Fighting killed 40 people on Sunday, medics said. | killed sudan
        en | Gunmen abducted 25 pupils from a school in Kebbi state on Friday. | hostages_taken nigeria
        fr | Douze civils ont été tués par Israël lundi au Liban. | killed lebanon
        fr | Les frappes aériennes israéliennes ont fait 12 morts dans le sud du Liban. | killed lebanon
        fr | Au moins 20 soldats maliens ont été tués dans une embuscade. | killed mali
        fr | Trente personnes ont été tuées à Goma, dans le Nord-Kivu. | killed democratic_republic_of_the_congo
        es | Rusia atacó con drones la ciudad de Járkov, donde murieron 7 personas. | killed ukraine
        es | Los ataques rusos dejaron 9 muertos. | killed null
        es | En Puerto Príncipe murieron 12 personas en choques entre pandillas. | killed haiti
        de | Israels Armee griff in der Nacht Rafah an, dabei wurden 25 Menschen getötet. | killed gaza
        de | Bei Russlands Drohnenangriffen wurden 4 Menschen in Saporischschja getötet. | killed ukraine
        de | In Damaskus wurden 14 Menschen verletzt. | wounded syria
        ar | قصفت إسرائيل مدينة رفح، ما أسفر عن مقتل 25 شخصا. | killed gaza
        ar | أسفرت الغارات الإسرائيلية على لبنان عن مقتل 8 أشخاص. | killed lebanon
        ar | قتل 9 أشخاص في الفاشر يوم الأحد. | killed sudan
        en | Hamas handed over 4 hostages to Israel on Thursday. | hostages_released gaza
        fr | Israël a libéré 90 prisonniers palestiniens à Ramallah, sous l'égide du Qatar. | prisoners_released gaza
        es | Con la mediación de Qatar, se liberó a 110 prisioneros palestinos detenidos en Gaza. | prisoners_released gaza
        de | Die Hamas übergab sechs israelische Geiseln. Noch 59 Menschen sind in der Gewalt der Islamisten. | hostages_released gaza ; hostages_held gaza
        """)
    void placesTheFigureWhereTheVictimsAre(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream().map(c -> c.metric().wireName() + " " + c.location()).toList();
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(List.of(expected.split(" ; ")));
    }

    /**
     * Number reading alone: the wording of a figure and its bounds, as
     * {@code metric value [low..high] qualifier}, separated by " ; ", or "-" for none.
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | No less than 40 people were killed in the shelling. | killed 40 [40..] at_least
        en | Not less than 75 civilians were wounded overnight. | wounded 75 [75..] at_least
        en | Not more than 12 hostages were freed on Sunday. | hostages_released 12 [0..12] at_most
        fr | Pas plus de 20 otages ont été libérés dimanche. | hostages_released 20 [0..20] at_most
        fr | Pas moins de 35 civils ont été tués dans le bombardement. | killed 35 [35..] at_least
        es | No menos de 50 personas murieron en el ataque. | killed 50 [50..] at_least
        de | Nicht weniger als 60 Menschen wurden bei dem Angriff getötet. | killed 60 [60..] at_least
        de | Nicht mehr als 8 Geiseln wurden am Montag freigelassen. | hostages_released 8 [0..8] at_most
        ar | قتل لا أقل من 40 شخصا في القصف. | killed 40 [40..] at_least
        en | A dozen soldiers were wounded near the border. | wounded 12 [9..15] approx
        en | About a dozen soldiers were wounded near the border. | wounded 12 [9..15] approx
        en | More than two dozen people were wounded in the blast. | wounded 24 [24..] more_than
        en | Dozens of people were wounded in the blast. | wounded - [24..99] vague
        fr | Une douzaine de soldats ont été blessés. | wounded 12 [9..15] approx
        es | Una docena de soldados resultaron heridos. | wounded 12 [9..15] approx
        de | Ein Dutzend Soldaten wurden verletzt. | wounded 12 [9..15] approx
        de | Einige Dutzend Menschen wurden verletzt. | wounded - [20..99] vague
        de | Bei den Kämpfen wurden fünfzehntausend Menschen verletzt. | wounded 15000 [15000..15000] exact
        de | Zweihunderttausend Menschen wurden aus der Region vertrieben. | displaced 200000 [200000..200000] exact
        de | Mehr als dreitausend Menschen wurden verletzt. | wounded 3000 [3000..] more_than
        ar | أصيب نحو ألفي شخص في القصف. | wounded 2000 [1800..2200] approx
        ar | أصيب دزينة من الجنود في الهجوم. | wounded 12 [9..15] approx
        en | Above 300 people were wounded in the blasts. | wounded 300 [300..] more_than
        en | Strikes killed upwards of 70 people. | killed 70 [70..] more_than
        es | El número de desplazados es superior a 5.000. | displaced 5000 [5000..] more_than
        en | The convoy carried a dozen crates and no less than 40 tents. | -
        en | Officials said 1,000-5,000 people were displaced. | displaced - [1000..5000] range
        en | The strike killed 100-200 people. | killed - [100..200] range
        en | Some 300 to 400 people were killed in the attack. | killed - [300..400] range
        en | Between 3 and 4 million people have been displaced. | displaced - [3000000..4000000] range
        fr | 20 à 30 personnes ont été blessées dans l'explosion. | wounded - [20..30] range
        fr | Les combats ont fait 1.000–5.000 déplacés. | displaced - [1000..5000] range
        es | 20 a 30 personas resultaron heridas. | wounded - [20..30] range
        de | 20 bis 30 Menschen wurden verletzt. | wounded - [20..30] range
        ar | أصيب 20 إلى 30 شخصا في الانفجار. | wounded - [20..30] range
        ar | قتل بين 300 و400 شخص. | killed - [300..400] range
        en | Men aged 18 to 60 were detained. | -
        de | Das Spiel endete 2-0, 3 Fans wurden verletzt. | wounded 3 [3..3] exact
        fr | Les frappes ont fait 26 morts et 40 blessés. | killed 26 [26..26] exact ; wounded 40 [40..40] exact
        en | 400 or more people were displaced by the fighting. | displaced 400 [400..] at_least
        en | About 170 people or more were taken hostage. | hostages_taken 170 [170..] at_least
        fr | Au total 50 personnes et plus ont été tuées. | killed 50 [50..] at_least
        fr | Les frappes ont fait 50 morts et plus de 100 blessés. | killed 50 [50..50] exact ; wounded 100 [100..] more_than
        es | Murieron 30 personas al menos en el ataque. | killed 30 [30..] at_least
        es | Murieron 30 personas al menos y 12 resultaron heridas. | killed 30 [30..] at_least ; wounded 12 [12..12] exact
        de | Bei dem Angriff wurden 300 Menschen und mehr verletzt. | wounded 300 [300..] at_least
        ar | قتل 40 شخصا أو أكثر في القصف. | killed 40 [40..] at_least
        ar | قتل 40 شخصا وأكثر في القصف. | killed 40 [40..] at_least
        en | The final score was 3-1, and 14 fans were wounded. | wounded 14 [14..14] exact
        en | Half a million people were displaced by the fighting. | displaced 500000 [500000..500000] exact
        en | A million people were displaced by the fighting. | displaced 1000000 [1000000..1000000] exact
        fr | Un million deux cent mille personnes ont été déplacées. | displaced 1200000 [1200000..1200000] exact
        fr | Deux millions trois cent mille personnes ont été déplacées. | displaced 2300000 [2300000..2300000] exact
        es | Medio millón de personas fueron desplazadas. | displaced 500000 [500000..500000] exact
        de | Eine Million Menschen wurden vertrieben. | displaced 1000000 [1000000..1000000] exact
        ar | نزح أكثر من مليون شخص في السودان. | displaced 1000000 [1000000..] more_than
        ar | نزح ألف شخص في السودان. | displaced 1000 [1000..1000] exact
        ar | قتل 12 ألفا و640 شخصا منذ بداية الحرب. | killed 12640 [12640..12640] exact
        ar | قالت المديرية إن خمسة آلاف و208 أشخاص ما زالوا محتجزين لدى التنظيم. | hostages_held 5208 [5208..5208] exact
        ar | قتل ألفًا و75 شخصا في المعارك. | killed 1075 [1075..1075] exact
        ar | قتل آلاف المدنيين في المعارك. | killed - [2000..9999] vague
        es | El gobierno destinó un millón de euros a los desplazados. | -
        en | Two and a half million people have fled their homes. | displaced 2500000 [2500000..2500000] exact
        fr | Deux millions et demi de personnes ont été déplacées. | displaced 2500000 [2500000..2500000] exact
        es | Unos 3 millones y medio de personas han huido. | displaced 3500000 [3150000..3850000] approx
        """)
    void readsTheNumberForms(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream().map(c -> c.metric().wireName() + " "
                + (c.value() == null ? "-" : c.value()) + " [" + c.low() + ".." + (c.high() == null ? "" : c.high()) + "] "
                + c.qualifier().wireName()).toList();
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    /**
     * Cue words in their inflected forms, idioms and weak cues that need hostages or prisoners
     * named nearby: the metric each figure gets, as {@code metric value}, separated by " ; ", or
     * "-" for none. The forms come from the lexicons (stems, {@code cue_prefixes},
     * {@code cue_suffixes}), not from lists of every form.
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ar | سقط 12 قتيلاً في غارة على سوق شعبي. | killed 12
        ar | ارتفعت الحصيلة إلى 41 قتيلًا و96 جريحًا. | killed 41 ; wounded 96
        ar | بلغ عدد المصابين في القصف 64 شخصا. | wounded 64
        ar | افتتحت الوزارة 3 مستشفيات لعلاج المصابين. | -
        de | Bei dem Anschlag gab es 14 Schwerverletzte. | wounded 14
        de | Die Behörden sprachen zunächst von 23 Todesopfern. | killed 23
        de | Das Krankenhaus hat 120 Betten für Schwerverletzte. | -
        fr | Les assaillants ont ouvert le feu, tuant 12 civils et blessant 30 autres. | killed 12 ; wounded 30
        en | Two dead hostages were identified by forensic experts. | hostages_dead 2
        en | Of the 101 captives still held, 35 are no longer alive. | hostages_held 101 ; hostages_dead 35
        en | Gunmen abducted 40 villagers. Nine people were found dead after the raid. | hostages_taken 40 ; killed 9
        en | The party held 30 seats in the outgoing parliament. | -
        fr | Sur les 59 otages encore retenus, 24 ne sont plus en vie. | hostages_held 59 ; hostages_dead 24
        fr | Le Hamas a restitué 2 dépouilles d'otages jeudi soir. | hostages_dead 2
        fr | Les ravisseurs ont enlevé 25 personnes. Le bilan fait état de six morts. | hostages_taken 25 ; killed 6
        es | Hamás entregó los restos de 4 rehenes a la Cruz Roja. | hostages_dead 4
        de | Von den 48 Geiseln sind nach israelischen Angaben 28 nicht mehr am Leben. | hostages_held 48 ; hostages_dead 28
        de | Zwei tote Geiseln wurden an das Rote Kreuz übergeben. | hostages_dead 2
        ar | سلمت حماس رفات 4 رهائن إلى الصليب الأحمر. | hostages_dead 4
        ar | انتشلت فرق الدفاع المدني 30 جثة من تحت الأنقاض. | killed 30
        en | Hamas still keeps 59 hostages in Gaza. | hostages_held 59
        en | Some 30 reporters remain in the hotel lobby. | -
        en | Nine villagers remain missing since the landslide. | missing 9
        en | The two city morgues held 230 bodies by Sunday evening. | killed 230
        en | The blast claimed 18 lives in the crowded market. | killed 18
        en | The handover of 6 hostages took place in Khan Younis. | hostages_released 6
        en | Thousands of demonstrators demanded the release of the hostages. | -
        en | Gunmen dragged 14 passengers into the forest. | hostages_taken 14
        en | More than 2,000 refugees crossed into Chad. | displaced 2000
        fr | Trente otages restent aux mains du groupe armé. | hostages_held 30
        fr | La libération de 4 otages a eu lieu vendredi. | hostages_released 4
        es | Quedan 59 rehenes en Gaza. | hostages_held 59
        es | Quedan 12 plazas libres en el albergue. | -
        es | Unas 5.000 personas pidieron la liberación de los rehenes. | -
        es | Nueve mineros sucumbieron tras el derrumbe. | killed 9
        de | Die Kämpfe kosteten 40 Soldaten das Leben. | killed 40
        de | Rund 2.000 Flüchtlinge erreichten die Grenze. | displaced 2000
        ar | ولا يزال 20 رهينة لدى حماس. | hostages_held 20
        ar | لديها 3 أطفال وتعمل في مستشفى المدينة. | -
        ar | ولا يزال 73 رهينة في غزة، يُعتقد أن 35 منهم قد فارقوا الحياة. | hostages_held 73 ; hostages_dead 35
        ar | وكانت حماس قد سلمت الأسبوع الماضي رفات 7 رهائن. | hostages_dead 7
        ar | حذّر الأمين العام من أن اجتياح رفح قد يوقع آلاف القتلى. | -
        en | Families keep vigil for the remaining 11 captives. | hostages_held 11
        en | The remaining 30 soldiers were wounded in the second ambush. | wounded 30
        en | Officials said 35 of the remaining hostages are no longer alive. | hostages_dead 35
        de | Die verbleibenden 17 Geiseln sollen später freikommen. | hostages_held 17
        ar | احتجزت الميليشيا 48 شخصا كرهائن في القرية. | hostages_taken 48
        ar | قالت الأمم المتحدة إن المتمردين يحتجزون 31 أسيرا من الجنود. | detained 31
        ar | استعادت أوكرانيا 95 أسيرا في عملية التبادل. | prisoners_released 95
        fr | Onze personnes ont été hospitalisées après l'explosion. | wounded 11
        fr | Kiev a rapatrié 64 prisonniers de guerre jeudi. | prisoners_released 64
        en | Fourteen workers were hospitalised after the blast. | wounded 14
        es | La policía informó de 230 personas aprehendidas durante las protestas. | detained 230
        es | Unos 400 presos políticos siguen privados de libertad. | detained 400
        es | Doce personas fueron hospitalizadas tras el ataque. | wounded 12
        de | Nach dem Gefangenenaustausch sind 88 Soldaten wieder in Freiheit. | prisoners_released 88
        """)
    void readsInflectedAndIdiomaticCues(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream()
                .map(c -> c.metric().wireName() + " " + (c.value() == null ? "-" : c.value())).toList();
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    /**
     * Lists of figures (issue #12): the items of "A, B and C" share the cue one of them has, the
     * items of a breakdown ("among them", "dont", a bracket) count what their parent counts, and
     * a comma alone makes no list. {@code metric value} per claim, separated by " ; ".
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Nine loggers and four rangers were killed when the bridge collapsed. | killed 9 ; killed 4
        en | The strike killed 16 civilians, among them seven women, five men and four children. | killed 16 ; killed 7 ; killed 5 ; killed 4
        en | At least 33 people, among them ten women and six infants, were killed overnight. | killed 33 ; killed 10 ; killed 6
        en | The patrol lost two, and 14 people were injured in the blast. | wounded 14
        en | Militants kidnapped 18 nurses, three doctors and 40 patients from the clinic. | hostages_taken 18 ; hostages_taken 3 ; hostages_taken 40
        en | The militia freed 12 hostages or 15 according to the church. | hostages_released 12
        fr | Cinq douaniers et trois gendarmes ont été tués près de la frontière. | killed 5 ; killed 3
        fr | Au moins 27 civils (11 hommes, 10 femmes et 6 enfants) ont été tués lundi. | killed 27 ; killed 11 ; killed 10 ; killed 6
        fr | Ces huit derniers jours, une quarantaine de civils ont été tués. | killed 40
        es | Tres periodistas, dos médicos y cuatro enfermeros fueron secuestrados en la ruta. | hostages_taken 3 ; hostages_taken 2 ; hostages_taken 4
        es | El ataque dejó 19 muertos, entre ellos seis mujeres y dos niños. | killed 19 ; killed 6 ; killed 2
        de | Bei dem Anschlag kamen 21 Soldaten und fünf Polizisten ums Leben. | killed 21 ; killed 5
        de | Die Rebellen haben 33 Arbeiter, vier Ingenieure und zwei Fahrer entführt. | hostages_taken 33 ; hostages_taken 4 ; hostages_taken 2
        ar | قتل 95 شخصا في الغارة بينهم 30 طفلا و22 امرأة و5 مسنين. | killed 95 ; killed 30 ; killed 22 ; killed 5
        ar | ارتفعت الحصيلة إلى (276) شهيدا، منهم (71) طفلا و(39) سيدة. | killed 276 ; killed 71 ; killed 39
        en | Bandits seized 23 pupils, two cooks and a driver near the school. | hostages_taken 23 ; hostages_taken 2 ; hostages_taken 1
        de | Die Miliz hat 9 Bauern, drei Händler und einen Lehrer verschleppt. | hostages_taken 9 ; hostages_taken 3 ; hostages_taken 1
        es | Ocho mineros, un capataz y dos ingenieros murieron en el derrumbe. | killed 8 ; killed 1 ; killed 2
        fr | Ces six derniers jours, une trentaine de civils ont été tués. | killed 30
        """)
    void sharesOneCueAcrossAListOfFigures(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream()
                .map(c -> c.metric().wireName() + " " + (c.value() == null ? "-" : c.value())).toList();
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    /**
     * Which cue reports a figure (issue #12): a cue after the figure is measured from the end of
     * its noun, so a time phrase or a second number nearer the cue does not take it; a capture
     * word after the figure that describes the captives gives way to the release that follows,
     * and says whether they were hostages or prisoners. {@code metric value} per claim.
     */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | Eight people died when 14 drones hit the depot. | killed 8
        es | La violencia dejó al menos 1.300 personas muertas en los seis primeros meses del año. | killed 1300
        es | Cinco agentes que permanecían secuestrados desde marzo fueron liberados el martes. | hostages_released 5
        fr | Quelque 250 manifestants arrêtés en juin ont été libérés cette semaine. | prisoners_released 250
        en | Twelve prisoners held by the rebels were freed on Sunday. | prisoners_released 12
        en | Of the 25 workers who were abducted in May, three have been released. | hostages_taken 25 ; hostages_released 3
        en | The 30 people released on Monday had been kidnapped in March. | hostages_released 30
        fr | Quelque 60 villageois enlevés près de Tillabéri en mai, ont été relâchés jeudi. | hostages_released 60
        es | Diecisiete obreros fueron secuestrados el lunes, pero el ejército los rescató el miércoles. | hostages_taken 17 ; hostages_released 17
        en | Gunmen abducted 14 traders on Monday; they were freed on Friday. | hostages_taken 14 ; hostages_released 14
        fr | Sept des vingt-cinq otages retenus dans la région étaient morts, selon un porte-parole. | hostages_dead 7 ; hostages_held 25
        es | Tres de los 22 secuestrados fueron liberados. | hostages_released 3 ; hostages_taken 22
        en | Five armed groups attacked the village, said the report, which was released on Monday. | -
        fr | Le porte-parole de l'exécutif a annoncé que 12 personnes avaient été tuées. | killed 12
        """)
    void bindsTheCueThatReportsTheFigure(String lang, String sentence, String expected) {
        Extraction e = EXTRACTOR.extract(Samples.article("t", "test", lang, "2024-01-26T00:00:00Z", sentence));
        List<String> actual = e.claims().stream()
                .map(c -> c.metric().wireName() + " " + (c.value() == null ? "-" : c.value())).toList();
        List<String> wanted = TableRows.of(expected);
        assertThat(actual).as("claims of: %s", sentence).containsExactlyElementsOf(wanted);
    }

    private static String describe(Claim c) {
        return c.metric().wireName() + "/" + c.subject() + "/" + c.location() + " "
                + (c.value() == null ? "-" : c.value()) + " [" + c.low() + ".." + (c.high() == null ? "" : c.high()) + "] "
                + c.qualifier().wireName() + " " + c.hedged();
    }
}
