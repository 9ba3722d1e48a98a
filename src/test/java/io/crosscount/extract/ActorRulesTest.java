package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.ActorMention;
import io.crosscount.testutil.Samples;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The actor rules read from the lexicons: persons next to titles, descriptions, victims and places. */
class ActorRulesTest {
    private static ArticleExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = ArticleExtractor.shared(null, "default");
    }

    private static List<ActorMention> actors(String lang, String body) {
        return extractor.extract(Samples.article("x", "test", lang, "2025-03-01T00:00:00Z", body)).actors();
    }

    private static List<String> ids(String lang, String body) {
        return actors(lang, body).stream().map(ActorMention::actorId).distinct().sorted().toList();
    }

    @Test
    void aNameNextToATitleIsAPersonWithAnIdFromTheName() {
        assertThat(actors("en", "Police spokesman Tomas Ferreira-Lund said four officers were hurt."))
                .extracting(ActorMention::actorId, ActorMention::name, ActorMention::type, ActorMention::surface)
                .containsExactly(Tuple.tuple("person:tomas_ferreira_lund", "Tomas Ferreira-Lund", "person",
                        "Tomas Ferreira-Lund"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Minister Yusuf Demir visited the camp.|person:yusuf_demir",
        "en|Lieutenant General Sani Bello Garba ordered a retreat.|person:sani_bello_garba",
        "en|Nadia Haddad, a spokeswoman for the hospital, gave no figure.|person:nadia_haddad",
        "fr|Le porte-parole du gouvernement, Éric Mballa, a démenti.|person:eric_mballa",
        "fr|Selon Aminata Diallo, directrice de l'école, les élèves sont rentrés.|person:aminata_diallo",
        "es|El ministro de Defensa, Rodrigo Salas del Valle, viajó al norte.|person:rodrigo_salas_del_valle",
        "de|Innenministerin Katrin Ebeling sprach von einer neuen Lage.|person:katrin_ebeling",
        "de|Laut Sprecher Jonas Albrecht wurde niemand verletzt.|person:jonas_albrecht",
    })
    void titlesInEachLanguage(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The General Staff said the front was stable.",
        "en|In Port Harcourt, a spokesman for the company declined to comment.",
        "en|The spokesman said on Monday that talks would resume.",
        "fr|Le porte-parole a refusé de commenter, selon la presse locale.",
        "de|Der Präsident hatte Anfang März Neuwahlen angekündigt.",
    })
    void noPersonWithoutAName(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("person:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The crowd had come to hear Olivia Brandt sing.|person:olivia_brandt",
        "fr|Les secours ont retrouvé Nathalie Mbarga sous les décombres.|person:nathalie_mbarga",
        "es|La familia de Gonzalo Ituarte pidió justicia.|person:gonzalo_ituarte",
        "de|Auch Sabine Oltmanns wurde verletzt.|person:sabine_oltmanns",
    })
    void aCommonGivenNameStartsAPersonWithNoTitle(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ar|وأوضح سامي عبد الكريم، مدير المستشفى، أن الجرحى نقلوا إلى بيروت.|person:sami_abdel_karim",
        "ar|واستشهد يوسف خليل النجار 30 عاما في القصف.|person:youssef_khalil_al_najjar",
    })
    void anArabicNameAfterItsVerbStartsWithAKnownGivenName(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ar|وقال مسؤول محلي إن الطريق مغلق.",
        "ar|وأكد على أن الطريق مغلق.",
        "ar|وأعلن الجيش أن جنديين قتلا.",
    })
    void noArabicPersonAfterAVerbWithoutAGivenName(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("person:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Patients were moved to the Karim Nassar Hospital.",
        "en|The wounded reached the Hussein Medical Complex at dawn.",
        "en|The convoy stopped in Victoria Park Road.",
        "es|Los heridos llegaron a San José del Guaviare.",
        "es|Los combates siguen en Jan Yunis.",
        "en|Rescue teams worked through the night, Grace Period Radio said.",
        "en|Crowds gathered at the Moshe Dayan Street roundabout.",
        "fr|Les blessés ont été transportés à l'hôpital Charles Nicolle.",
        "es|Los heridos fueron llevados al hospital José María Cabral.",
    })
    void noPersonFromAGivenNameInAPlaceOrInstitution(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("person:"));
    }

    @Test
    void aNicknameAfterAliasIsNoOtherPerson() {
        assertThat(ids("es", "Buscan a Rigoberto Quispe Mamani, alias Tío Lucho, cabecilla de la banda."))
                .containsExactly("person:rigoberto_quispe_mamani");
    }

    @Test
    void aSubjectAfterItsVerbAndAShortComplement() {
        assertThat(ids("fr", "« Tout va bien », a affirmé au téléphone Wilner Bastien."))
                .containsExactly("person:wilner_bastien");
        assertThat(ids("fr", "« Tout va bien », a affirmé à Bukavu un responsable.")).isEmpty();
    }

    @Test
    void oneIdPerPersonInAnArticleFromTheShortestForm() {
        assertThat(actors("en", "Governor Ali Musa Kanu visited the site. Later, Governor Ali Kanu said the toll had risen."))
                .extracting(ActorMention::actorId).containsOnly("person:ali_kanu");
    }

    @Test
    void aGazetteerPersonWrittenOneLetterOffIsThatPerson() {
        assertThat(ids("en", "UN Secretary-General Antonio Guteres called for a ceasefire."))
                .contains("antonio_guterres").noneMatch(id -> id.startsWith("person:"));
    }

    @Test
    void aLongFamilyNameTwoLettersOffIsStillTheGazetteerPerson() {
        assertThat(ids("fr", "Antonio Gutteres a réclamé un cessez-le-feu.")).containsExactly("antonio_guterres");
        assertThat(ActorExtractor.editDistance("gutteres", "guterres", 2)).isEqualTo(2);
        assertThat(ActorExtractor.editDistance("gonzalez", "guterres", 2)).isEqualTo(3);
        assertThat(ids("es", "El ministro Antonio Gutiérrez visitó la zona.")).containsExactly("person:antonio_gutierrez");
    }

    @Test
    void descriptionsNameTheirActor() {
        assertThat(ids("en", "The Hamas-controlled health authority said 12 people were killed."))
                .containsExactly("gaza_health_ministry", "hamas"); // the group that runs it too
        assertThat(ids("es", "Las autoridades sanitarias de Gaza elevaron el balance."))
                .containsExactly("gaza_health_ministry");
        assertThat(ids("en", "Ethiopia's human rights commission gave a toll of 30.")).containsExactly("ehrc");
    }

    @Test
    void theMilitaryIsTheArmyOfTheDominantStateOnly() {
        assertThat(ids("en", "Sudan's government rejected the plan. The army said it had retaken two towns."))
                .containsExactly("sudan", "sudanese_army");
        assertThat(ids("en", "Russia and Ukraine traded accusations; the military reported new strikes."))
                .containsExactly("russia", "ukraine");
        assertThat(ids("en", "The army said it had retaken two towns.")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Gunmen freed six Thai farm workers on Friday.",
        "en|Dozens of Nigerian villagers were abducted.",
        "fr|Les ravisseurs ont relâché trois otages thaïlandais.",
        "es|Fueron liberados dos ciudadanos tailandeses.",
        "de|Unter den Geiseln sind drei thailändische Arbeiter.",
        "ar|أفرج المسلحون عن ستة عمال تايلانديين.",
        "ar|أفرج المسلحون عن تايلانديين اثنين.",
    })
    void theNationalityOfCountedPeopleIsNoActor(String lang, String body) {
        assertThat(ids(lang, body)).isEmpty();
    }

    @Test
    void aStateStillActsThroughItsDemonym() {
        assertThat(ids("en", "Thai officials welcomed the release.")).containsExactly("thailand");
        assertThat(ids("en", "Yesterday 11 Russian missiles struck the city.")).containsExactly("russia");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Talks resumed in Cairo on Sunday.|",
        "en|Cairo proposed a new text on Sunday.|egypt",
        "fr|Les négociateurs se sont retrouvés à Doha.|",
        "de|Die Delegation reiste nach Moskau.|",
        "es|Moscú rechazó la propuesta.|russia",
        "ar|عقدت المحادثات في القاهرة.|",
    })
    void aCapitalAfterALocativeIsAPlace(String lang, String body, String expected) {
        assertThat(ids(lang, body)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    private static List<String> ids(String lang, String source, String body) {
        return extractor.extract(Samples.article("x", source, lang, "2025-03-01T00:00:00Z", body)).actors().stream()
                .map(ActorMention::actorId).distinct().sorted().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Four fishermen are missing, Bluewater Coast Radio reported.|media:bluewater_coast_radio",
        "en|The Tamsin news service said 12 people were detained.|media:tamsin",
        "en|Relatives told Harrowgate Valley News that the village was empty.|media:harrowgate_valley_news",
        "fr|Selon Radio Kalunga, six civils ont été tués.|media:radio_kalunga",
        "de|Die Nachrichtenagentur ORBA meldete zwölf Tote.|media:orba",
        "ar|وقال مصدر أمني لشبكة Mirador News إن ثلاثة أشخاص قتلوا.|media:mirador_news",
    })
    void anOutletOutsideTheGazetteerIsAMediaActor(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The Russian news agency said 12 people were detained.",
        "en|The news service said 12 people were detained.",
        "fr|La radio locale a fait état de six morts.",
    })
    void noOutletWithoutAName(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("media:"));
    }

    @Test
    void theArticlesOwnOutletNamedInTheTextIsAMediaActor() {
        assertThat(ids("en", "Harbour Times (Kestrel Wire)", "Three sailors were rescued, a coastguard officer told Kestrel Wire."))
                .containsExactly("media:kestrel_wire");
        // a credit in the dateline is no mention
        assertThat(ids("es", "Diario Sur (Kestrel)", "Lima, 3 mar (Kestrel).- Tres personas murieron en el derrumbe."))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Iraq's health ministry said nine people were wounded.|iraqi_health_ministry",
        "en|The health ministry of Ukraine said four people were killed in Kharkiv.|ukrainian_health_ministry",
        "fr|Haïti : la police a libéré deux otages, selon le gouvernement haïtien. La police a arrêté trois suspects.|haiti, haitian_police",
        "es|Libia: el Ministerio de Salud informó de 14 muertos en Trípoli; Libia pidió ayuda.|libya, libyan_health_ministry",
        "de|Das Gesundheitsministerium im Irak meldete elf Tote.|iraqi_health_ministry",
        "ar|قالت وزارة الصحة في العراق إن 11 شخصا قتلوا.|iraqi_health_ministry",
    })
    // the state named as the body's attribute or place ("Iraq's", "im Irak") is no actor of its own
    void aDescribedBodyIsTheBodyOfTheStateNamedNextToItOrOfTheDominantState(String lang, String body, String expected) {
        assertThat(ids(lang, body)).containsExactlyElementsOf(List.of(expected.split(", ")));
    }

    @Test
    void aDescribedBodyWithoutAStateIsNoActor() {
        assertThat(ids("en", "The health ministry said nine people were wounded.")).isEmpty();
        assertThat(ids("en", "Sudan and Chad traded accusations; the police said two people died.")).containsExactly("chad", "sudan");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fr|Parmi les otages libérés figure le Franco-Colombien Tomás Ureña Vidal, 41 ans.|person:tomas_urena_vidal|colombia",
        "es|Fue liberada la periodista junto al peruano Ernesto Quispe Mamani.|person:ernesto_quispe_mamani|peru",
        "en|The released group included the Canadian Orla Whitcombe and two aid workers.|person:orla_whitcombe|canada",
        "de|Unter den Toten ist der Kanadier Lorne Ashdown aus Winnipeg.|person:lorne_ashdown|canada",
        "ar|وكانت الجماعة قد احتجزت الشهر الماضي موظفة أممية، الأردنية هدى أبو زيد، ثم أفرجت عنها.|person:huda_abu_zaid|jordan",
    })
    void aNameRightAfterADemonymIsAPersonOfThatNationality(String lang, String body, String person, String state) {
        assertThat(ids(lang, body)).contains(person).doesNotContain(state);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fr|Le président colombien Tomás Ureña Vidal a reçu les familles.|colombia",
        "es|El enviado peruano Ernesto Quispe Mamani llegó a la capital.|peru",
        "ar|التقى الوزير نظيره الأردني هدى أبو زيد في عمان.|jordan",
    })
    void aDemonymAfterATitleStillNamesTheStateTheOfficeBelongsTo(String lang, String body, String state) {
        assertThat(ids(lang, body)).contains(state);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Die Angreifer zogen sich in die jemenitischen Berge Nordwest zurück.",
        "ar|قصفت القوات الإسرائيلية قطاع غزة، بحسب مصادر محلية.",
    })
    void noPersonAfterAnAdjectivalDemonym(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("person:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وقال مصدر أمني لوكالة الأنباء المستقلة إن الهجوم أوقع قتلى.|media:independent_press_agency|Independent Press Agency",
        "وأفاد مسؤول محلي لوكالة \"الأنباء الإقليمية\" بأن خمسة جرحى نقلوا إلى المستشفى.|media:regional_press_agency|Regional Press Agency",
        "وذكرت وكالة الصدى للأنباء أن المسلحين انسحبوا.|media:al_sada_news_agency|Al-Sada News Agency",
    })
    void anArabicOutletIsNamedInEnglishThroughTheGlosses(String body, String id, String name) {
        assertThat(actors("ar", body)).extracting(ActorMention::actorId, ActorMention::name)
                .contains(Tuple.tuple(id, name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وقال مدير وكالة الطاقة الدولية إن الإمدادات تراجعت.",
        "وصل مدير وكالة المخابرات إلى القاهرة أمس.",
        "وقالت الوكالة إن الحصيلة ارتفعت.",
    })
    void noArabicOutletFromUnknownWords(String body) {
        assertThat(ids("ar", body)).noneMatch(id -> id.startsWith("media:"));
    }

    @Test
    void anAbbreviationInParenthesesMayEndTheTitlesComplement() {
        assertThat(ids("es", "El portavoz de la Media Luna Roja (MLR), Tarek Jasarevic Mora, habló de 40 heridos."))
                .contains("person:tarek_jasarevic_mora");
    }

    @Test
    void anOutletsAliasAfterAPlaceNounIsThePlace() {
        assertThat(ids("de", "Im Bundesstaat al-Dschasira griffen Milizen zwei Dörfer an.")).doesNotContain("al_jazeera");
        assertThat(ids("de", "Der Sender al-Dschasira berichtete von zwei Toten.")).contains("al_jazeera");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Eleven miners died, according to the United Nations (UN) Human Rights Office.|ohchr",
        "en|The UN human rights body counted 30 executions this year.|ohchr",
        "fr|Le Haut-Commissariat des Nations unies aux droits de l'homme a compté 30 exécutions.|ohchr",
        "de|Das UN-Menschenrechtskommissariat zählte 30 Hinrichtungen.|ohchr",
        "ar|قالت المفوضية الأممية لحقوق الإنسان إن 30 شخصا أعدموا.|ohchr",
    })
    void theUnHumanRightsOfficeDescribedOrWithAnAbbreviationInsideIsTheOffice(String lang, String body, String id) {
        assertThat(actors(lang, body)).extracting(ActorMention::actorId, ActorMention::name)
                .containsExactly(Tuple.tuple(id, "Office of the UN High Commissioner for Human Rights"));
    }

    @Test
    void anAbbreviationInParenthesesInsideAnUnknownNameJoinsNothing() {
        assertThat(ids("en", "The Coastal Fishers (CFU) Union said 12 boats sank.")).isEmpty();
        assertThat(ActorExtractor.abbreviation("UN")).isTrue();
        assertThat(ActorExtractor.abbreviation("sdn-AFR")).isTrue();
        assertThat(ActorExtractor.abbreviation("Sureste")).isFalse();
        assertThat(ActorExtractor.abbreviation("see below")).isFalse();
    }

    @Test
    void aHealthMinistryIsNamedByItsOfficialName() {
        assertThat(actors("en", "Lebanon's health ministry said six people were killed."))
                .extracting(ActorMention::actorId, ActorMention::name)
                .containsExactly(Tuple.tuple("lebanese_health_ministry", "Lebanese Ministry of Public Health"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es|La Fiscalía de Kiev confirmó 12 muertos.|body:kyiv_prosecutor_s_office",
        "es|La Fiscalía Regional de Jarkov confirmó 12 muertos.|body:kharkiv_regional_prosecutor_s_office",
        "es|La Fiscalía de Ucrania confirmó 12 muertos.|ukraine_prosecutor_general",
        "fr|Le parquet de Lyon a confirmé trois morts.|body:lyon_prosecutor_s_office",
        "fr|Le parquet d'Angers a confirmé trois morts.|body:angers_prosecutor_s_office",
        "de|Die Staatsanwaltschaft Kiew bestätigte zwölf Tote.|body:kyiv_prosecutor_s_office",
        "de|Die Staatsanwaltschaft in Bremen bestätigte drei Tote.|body:bremen_prosecutor_s_office",
        "en|The Kyiv prosecutor's office confirmed 12 deaths.|body:kyiv_prosecutor_s_office",
    })
    void aProsecutorsOfficeNamedByItsCityIsThatCitysLocalBody(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es|La Fiscalía de Derechos Humanos confirmó 12 muertos.",
        "en|Ukraine's prosecutor's office confirmed 12 deaths.",
        "en|The prosecutor's office confirmed 12 deaths.",
        "en|The ICC prosecutor's office confirmed 12 deaths.",
        "de|Nach dem Tod von zwei Menschen hat die Staatsanwaltschaft Anklage gegen drei Männer erhoben.",
    })
    void noLocalProsecutorFromAFieldAStateAGazetteerNameOrNoName(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("body:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es|Bolivia: la Defensoría del Pueblo registró 14 heridos; Bolivia pidió calma.|bolivia, bolivia_ombudsman",
        "es|La Defensoría del Pueblo contó 40 desplazados en Arauca.|colombia_ombudsman",
        "es|La Defensoría del Pueblo contó 40 desplazados en Arauca, entre ellos un hombre de nacionalidad peruana.|",
        "es|La Defensoría del Pueblo contó 40 desplazados.|",
    })
    // with no state acting, the places named pick the state; a described body with no state is no actor, nor a person
    void theOmbudsmanIsTheDominantStatesOrThatOfThePlacesNamed(String lang, String body, String expected) {
        assertThat(ids(lang, body)).isEqualTo(expected == null ? List.of() : List.of(expected.split(", ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The Collectif Justice pour Tahoua said 70 people died.|org:collectif_justice_pour_tahoua",
        "en|The Coordinadora Nacional de Víctimas counted 40 disappeared.|org:coordinadora_nacional_de_victimas",
        "fr|Selon l'Association d'Aide aux Familles, 40 personnes ont disparu.|org:association_d_aide_aux_familles",
        "es|La Asociación Colombiana de Víctimas contó 40 desaparecidos.|org:asociacion_colombiana_de_victimas",
        "de|Das Collectif Paix pour Kidal zählte 70 Tote.|org:collectif_paix_pour_kidal",
    })
    void anOrganisationOutsideTheGazetteerIsNamedByItsHeadWordInAnyLanguage(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fr|L'Association des familles a recensé 40 morts.",
        "en|Association members said 40 people died.",
        "fr|Le Comité international de la Croix-Rouge a évacué 40 blessés.",
    })
    void noOrganisationFromAHeadWordWithoutANameOrBeforeAGazetteerName(String lang, String body) {
        assertThat(ids(lang, body)).noneMatch(id -> id.startsWith("org:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|May 4 (QNW) -- Nine miners died in the collapse.|media:qnw",
        "en|HARARE (ZNX) – Nine miners died in the collapse.|media:znx",
        "de|ODESSA/CHARKIW (abc-OST) - Neun Bergleute starben.|media:abc_ost",
        "es|Lima, 3 mar (LPN).- Nueve mineros murieron.|media:lpn",
    })
    void anAbbreviationInParenthesesAfterTheDatelineCreditsTheOutlet(String lang, String body, String id) {
        assertThat(ids(lang, body)).containsExactly(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "es|Lima, 3 mar (Kestrel).- Nueve mineros murieron.",
        "en|Nine miners (QNW) - all of them young - died.",
        "en|HARARE (ZNX) Nine miners died in the collapse.",
    })
    void noOutletFromAFullNameOrParenthesesOutsideADateline(String lang, String body) {
        assertThat(ids(lang, body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|The Hamas-run health ministry counted 40 dead.|gaza_health_ministry, hamas",
        "de|Die von der Hamas kontrollierte Gesundheitsbehörde zählte 40 Tote.|gaza_health_ministry, hamas",
        "es|La autoridad sanitaria controlada por Hamás contó 40 muertos.|gaza_health_ministry, hamas",
        "fr|Le ministère de la Santé dirigé par le Hamas a compté 40 morts.|gaza_health_ministry, hamas",
        "ar|أحصت وزارة الصحة التابعة لحماس 40 قتيلا.|gaza_health_ministry, hamas",
        "en|The Gaza health ministry counted 40 dead.|gaza_health_ministry",
        "en|The Israeli Health Ministry counted 40 wounded.|israeli_health_ministry",
    })
    // the state in a ministry's name is its attribute; a group that runs it is named as an actor
    void aDescriptionThatNamesItsControllerNamesTheControllerToo(String lang, String body, String expected) {
        assertThat(ids(lang, body)).containsExactlyElementsOf(List.of(expected.split(", ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Weeks after moving into the White House, she saw 40 migrants die at sea.|",
        "en|Leaders met at the Kremlin as 12 soldiers were killed.|",
        "de|Seit er ins Weiße Haus einzog, starben 40 Migranten.|",
        "fr|Il a réuni à l'Élysée les familles de 12 otages.|",
        "en|The White House said 40 migrants died.|white_house",
        "en|The Kremlin said 12 soldiers were killed.|russian_presidency",
    })
    void aBuildingAfterALocativeIsAPlaceNotItsInstitution(String lang, String body, String expected) {
        assertThat(ids(lang, body)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Sudan's RSF paramilitary killed 100 villagers.|rsf",
        "en|Yemen's Houthis seized 25 crew members.|houthis",
        "en|Israel's military said 3 soldiers were wounded.|israeli_army",
        "en|Israel's army freed 4 hostages.|israeli_army",
        "en|Israel's military operation killed 40 people, Hamas said.|hamas, israel",
    })
    // the state in the possessive is whose the group is; before an army noun, its army acts
    void aStateInThePossessiveBeforeAGroupIsNoActor(String lang, String body, String expected) {
        assertThat(ids(lang, body)).containsExactlyElementsOf(List.of(expected.split(", ")));
    }
}
