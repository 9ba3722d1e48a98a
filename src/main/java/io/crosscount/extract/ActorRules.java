package io.crosscount.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of one language that the actor rules read, from the keys of
 * {@code /crosscount/lexicon/<lang>.json} that only the actor pass uses:
 * <ul>
 *   <li>{@code person_titles}: titles and roles a person's name stands next to ("spokesman",
 *       "porte-parole", "ministro", "Sprecher", "وزير");</li>
 *   <li>{@code person_speech_verbs}: reporting verbs a name stands right after or before
 *       ("said Boubacar Hamidou", "Abdiweli Hassan Farah said", "a indiqué X Y");</li>
 *   <li>{@code person_title_links}: words that may follow a title before ", Name" ("of", "de",
 *       "del", "باسم");</li>
 *   <li>{@code person_name_particles}: lower-case words inside names ("al", "bin", "de", "van");</li>
 *   <li>{@code person_name_stopwords}: capitalised words that are never part of a name
 *       (weekdays, "Selon", "According") or, in Arabic, words that end one ("قال");</li>
 *   <li>{@code person_name_place_heads}: nouns after which a name names a place or a building,
 *       not a person ("l'hôpital Charles Nicolle", "la calle José Martí");</li>
 *   <li>{@code person_appositive_articles}: articles between ", " and a title after a name
 *       ("X, a spokesman for...");</li>
 *   <li>{@code person_nickname_cues} and {@code person_nickname_roles}: words before a person's
 *       nickname in quotes ("alias 'Tigre'", "apodado 'El Flaco'") and nouns after one and a comma
 *       ("'Tigre', a member of"); a title next to a quoted nickname names it too;</li>
 *   <li>{@code actor_descriptions}: phrases that name a gazetteer actor without its name
 *       ("Hamas-controlled health authority"), or {@code "@army"}: the army of the article's
 *       dominant state ("the military", "l'armée");</li>
 *   <li>{@code controller_cues_before} and {@code controller_cues_after}: words between which, or
 *       after which, inside a longer name, an actor is named as the one that runs the body ("the
 *       Hamas-run health ministry", "die von der Hamas geführte Gesundheitsbehörde", "la
 *       autoridad sanitaria controlada por Hamás"): that actor is named too;</li>
 *   <li>{@code locative_prepositions} and {@code place_names}: a city that is also a state's
 *       alias ("Amman", "Moscow"), or a federal state that is also its government's ("Niger
 *       State"), after one of these words is a place, not an actor;</li>
 *   <li>{@code building_names}, {@code building_prepositions} and {@code place_articles}: a
 *       building that names its institution ("the White House", "le Kremlin") is a place after a
 *       locative preposition or one of these ("after moving into the White House", "ins Weiße Haus"),
 *       one of the articles between ("at the White House"); "the White House said" stays the
 *       actor;</li>
 *   <li>{@code state_place_prepositions} (more locatives, for states only: "across", "border
 *       with"), {@code state_origin_prepositions} ("crew members from Egypt"), {@code state_place_modifiers}, {@code state_place_heads_after} and
 *       {@code state_place_heads_before}: a state named as a place or an attribute rather than
 *       as an actor. Modifiers may stand between a locative preposition and the name ("in
 *       northwestern Nigeria", "dans le nord-ouest du Nigeria"); a head noun after the name or
 *       its demonym ("the Malian border", "Haitian gang", "Yemen's Houthi rebels", "US
 *       citizens") or, in languages that put adjectives after the noun, before it ("frontière
 *       malienne", "nacionalidad estadounidense", "العاصمة العراقية") makes it an attribute;</li>
 *   <li>{@code media_name_heads_last}, {@code media_name_heads_first}, {@code media_nouns_after}
 *       and {@code media_nouns_before}: a media outlet outside the gazetteer, named by capitalised
 *       words ending or beginning with a head ("Golden Plains Radio", "Radio Okapi") or next to
 *       a common noun ("the Kvadrat news service", "Nachrichtenagentur SNAP"); in a script
 *       without capitals, {@code media_name_heads_first} with {@code media_name_glosses} instead
 *       ({@link ArabicOutlets}: "وكالة الأنباء القارية" is "Continental Press Agency");</li>
 *   <li>{@code armed_group_nouns_before} and {@code armed_group_nouns_after}: an armed group outside
 *       the gazetteer, named by capitalised words after or before a common noun ("la facción de
 *       Cascabel", "the Kraken gang");</li>
 *   <li>{@code organisation_appositive_nouns}: an organisation outside the gazetteer, named by
 *       capitalised words before ", [article] noun" ("the Kivu Families Collective, an
 *       association of..."); {@code organisation_name_heads_first} and {@code organisation_name_links}:
 *       one named by capitalised words after a head word, in any language's text ("the Collectif
 *       Justice pour Kaya", "la Coordinadora Nacional de Víctimas"), link words between them;</li>
 *   <li>{@code local_bodies_before} and {@code local_bodies_after}: a local body outside the
 *       gazetteer, a phrase before or after the capitalised name of its place, and the body's
 *       English name with "{}" for the place ("policía municipal de Taxco": "Taxco Municipal
 *       Police", "la Fiscalía de Kiev": "Kiev Prosecutor's Office"); a state's own name there
 *       ("la Fiscalía de Ucrania") is the state's body, and {@code local_body_place_stopwords} are
 *       capitalised words that make the name no place ("la Fiscalía de Derechos Humanos");
 *       {@code local_body_place_english} gives a place's English name where it differs ("Kiew":
 *       "Kyiv Prosecutor's Office");</li>
 *   <li>{@code counting_words} and {@code counted_nouns}: "dozens of", "six" (number words come
 *       from ICU's spell-out as well) and the nouns that may stand between a count and a
 *       demonym ("six Thai workers", "trois otages israéliens"): such a demonym names victims;</li>
 *   <li>{@code capitalised_nouns}: true where the language capitalises every noun (German), so
 *       that only a capitalised, nominal demonym ("der Israeli X Y") is read before a name;</li>
 *   <li>{@code demonym_nouns_capitalised}: true where a demonym is capitalised as a noun only ("un
 *       Italien", "ein Kanadier"; "un prêtre italien"): one counted by a single article then
 *       names a person's nationality, not the state acting.</li>
 * </ul>
 */
final class ActorRules {

    /** The actor a description stands for when it is the dominant state's army. */
    static final String ARMY = "@army";
    /** The actor a description stands for when it is the dominant state itself ("the government"). */
    static final String STATE = "@state";

    final String lang;
    final boolean cased;
    final List<String> titles;
    /** Every word of every title, folded: skipped at the start of a name ("Major General X"). */
    final WordSet titleWords;
    final WordSet titleLinks;
    /** Reporting verbs a speaker's name stands next to, without a comma ("said Boubacar Hamidou", "X Y sagte"). */
    final List<String> speechVerbs;
    final WordSet nameParticles;
    final WordSet nameStopwords;
    final WordSet appositiveArticles;
    /** Words a quoted nickname follows ("alias 'Tigre'"), and nouns it stands before with a comma ("'Tigre', a member"). */
    final List<String> nicknameCues;
    final List<String> nicknameRoles;
    /** Nouns after which a given name starts the name of a place or building ("l'hôpital Charles Nicolle"). */
    final WordSet namePlaceHeads;
    /** What a possessive writes after its owner ("'s"; {@code possessive_marker}), folded; empty where none is written so. */
    final String possessiveMarker;
    /** Nouns for a state's army after its possessive ("Israel's army"), folded. */
    final WordSet possessedArmyNouns;
    /** Army words that are adjectives too ("military"), read as the army only before a verb. */
    final WordSet possessedArmyAdjectives;
    /** Endings of a verb's past form ("ed"; {@code past_tense_suffixes}): "Israel's military killed" is the army. */
    final List<String> pastTenseSuffixes;
    /** Words before and after a controlling actor named inside a body's name ("controlada por", "run"). */
    final List<String> controllerCuesBefore;
    final List<String> controllerCuesAfter;
    /** The first chars of the controller cues, before and after, each once. */
    final String controllerCueFirstChars;
    /** Folded phrase to actor id (or {@link #ARMY}). */
    final Map<String, String> descriptions;
    final WordSet locatives;
    /** The last words of the locative prepositions of two words ("de" of "près de"). */
    final WordSet locativeLastWords;
    final WordSet placeNames;
    /** Buildings named for their institution ("White House"), folded. */
    final WordSet buildingNames;
    /** The locative prepositions with {@code building_prepositions} ("into"): a building after one is a place. */
    final WordSet buildingLocatives;
    final WordSet buildingLocativeLastWords;
    /** Articles that may stand between such a preposition and a building ("the", "la", "dem"). */
    final WordSet placeArticles;
    /** The locative prepositions with {@code state_place_prepositions} ("across", "border with"): a state after one is a place. */
    final WordSet stateLocatives;
    /** The most words of any locative preposition ("une grande partie de la"): how far back to read one. */
    final int locativeWords;
    final WordSet stateLocativeLastWords;
    final WordSet placeModifiers;
    /** "from", "aus": a state after one, itself after people counted ("sailors from the Philippines"), is their origin. */
    final WordSet originPrepositions;
    /** Coordinators and single-item words ("and", "one") that may join the items of a list. */
    final WordSet listGlue;
    final WordSet placeHeadsAfter;
    final WordSet placeHeadsBefore;
    final WordSet countingWords;
    /** Articles that count one ("a", "an": {@code list_singletons}) and the singular person nouns they count. */
    final WordSet singleArticles;
    final WordSet singularPeople;
    final WordSet countedNouns;
    /** Capitalised words that end a media outlet's name ("Golden Plains Radio", "WTN News"). */
    final List<String> mediaHeadsLast;
    /** Capitalised words that begin one ("Radio Okapi", "Agencia Andina"). */
    final List<String> mediaHeadsFirst;
    /** Common nouns after an outlet's name ("the Kvadrat news service"). */
    final List<String> mediaNounsAfter;
    /** Common nouns before an outlet's name ("Nachrichtenagentur SNAP", "le quotidien Le Soir"). */
    final List<String> mediaNounsBefore;
    /** Nouns before and after an armed group's name ("la facción de Cascabel", "the Kraken gang"). */
    final List<String> groupNounsBefore;
    final List<String> groupNounsAfter;
    /** Folded phrase before (after) a place's name to the local body's English name, "{}" for the place. */
    final Map<String, String> localBodiesBefore;
    final Map<String, String> localBodiesAfter;
    /** Capitalised words that name a local body's field, not its place ("Fiscalía de Derechos Humanos"). */
    final WordSet localBodyPlaceStopwords;
    /** Folded place name to its English name in a local body's name ("Köln": "Cologne"). */
    final Map<String, String> localBodyPlaceEnglish;
    /** Capitalised words that begin an organisation's name ("Collectif", "Coordinadora") and the lower-case words inside one ("pour", "de"). */
    final List<String> organisationHeads;
    final WordSet organisationLinks;
    /** The language's one-word coordinators ("and", "et"). */
    final WordSet coordinators;
    /** Nouns of an apposition after an organisation's name ("X, an association of..."). */
    final List<String> organisationNouns;
    /** Outlets named in a script without capitals ({@code media_name_glosses}); null in cased languages. */
    final ArabicOutlets uncasedOutlets;
    /** Whether the language capitalises its nouns (German): only a capitalised demonym ("der Israeli") may stand before a name. */
    final boolean capitalisedNouns;
    /** Whether a capitalised demonym is a noun ("un Italien", "ein Kanadier"): one person of that nationality after "un", "ein". */
    final boolean demonymNounsCapitalised;
    /** Words after a demonym that make it no population ("11 Russian missiles"): the lexicon's non-figure words. */
    final WordSet notPopulations;

    private ActorRules(String lang, JsonNode root) {
        this.lang = lang;
        this.cased = !"ar".equals(lang);
        this.titles = folded(root.get("person_titles"));
        Set<String> words = new HashSet<>();
        for (String t : titles) {
            words.addAll(List.of(t.split(" ")));
        }
        this.titleWords = WordSet.of(words);
        this.titleLinks = WordSet.of(folded(root.get("person_title_links")));
        this.speechVerbs = folded(root.get("person_speech_verbs"));
        this.nameParticles = WordSet.of(folded(root.get("person_name_particles")));
        this.nameStopwords = WordSet.of(folded(root.get("person_name_stopwords")));
        this.appositiveArticles = WordSet.of(folded(root.get("person_appositive_articles")));
        this.nicknameCues = folded(root.get("person_nickname_cues"));
        this.nicknameRoles = folded(root.get("person_nickname_roles"));
        this.namePlaceHeads = WordSet.of(folded(root.get("person_name_place_heads")));
        this.possessiveMarker = FoldedText.foldPhrase(root.path("possessive_marker").asText(""));
        this.possessedArmyNouns = WordSet.of(folded(root.get("possessive_army_nouns")));
        this.possessedArmyAdjectives = WordSet.of(folded(root.get("possessive_army_adjectives")));
        this.pastTenseSuffixes = folded(root.get("past_tense_suffixes"));
        this.controllerCuesBefore = folded(root.get("controller_cues_before"));
        this.controllerCuesAfter = folded(root.get("controller_cues_after"));
        StringBuilder cueFirstChars = new StringBuilder();
        for (List<String> cues : List.of(controllerCuesBefore, controllerCuesAfter)) {
            for (String cue : cues) {
                if (!cue.isEmpty() && cueFirstChars.indexOf(cue.substring(0, 1)) < 0) {
                    cueFirstChars.append(cue.charAt(0));
                }
            }
        }
        this.controllerCueFirstChars = cueFirstChars.toString();
        Map<String, String> d = new LinkedHashMap<>();
        JsonNode desc = root.get("actor_descriptions");
        if (desc != null) {
            for (JsonNode n : desc) {
                d.put(FoldedText.foldPhrase(n.get("phrase").asText()), n.get("actor").asText());
            }
        }
        this.descriptions = Map.copyOf(d);
        this.locatives = WordSet.of(folded(root.get("locative_prepositions")));
        this.locativeLastWords = WordSet.of(locatives.stream().filter(l -> l.contains(" "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        this.placeNames = WordSet.of(folded(root.get("place_names")));
        this.buildingNames = WordSet.of(folded(root.get("building_names")));
        Set<String> buildingLocatives = new HashSet<>(locatives);
        buildingLocatives.addAll(folded(root.get("building_prepositions")));
        this.buildingLocatives = WordSet.of(buildingLocatives);
        this.buildingLocativeLastWords = WordSet.of(buildingLocatives.stream().filter(l -> l.contains(" "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        this.placeArticles = WordSet.of(folded(root.get("place_articles")));
        Set<String> stateLocatives = new HashSet<>(locatives);
        stateLocatives.addAll(folded(root.get("state_place_prepositions")));
        // "à l'Ukraine" gives to the state; "à Moscou" is a place, for capitals only
        stateLocatives.removeAll(folded(root.get("state_dative_prepositions")));
        this.stateLocatives = WordSet.of(stateLocatives);
        this.stateLocativeLastWords = WordSet.of(stateLocatives.stream().filter(l -> l.contains(" "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList());
        int most = 1;
        for (Set<String> prepositions : List.of(this.locatives, this.buildingLocatives, this.stateLocatives)) {
            for (String p : prepositions) {
                most = Math.max(most, p.split(" ").length);
            }
        }
        this.locativeWords = most;
        this.placeModifiers = WordSet.of(folded(root.get("state_place_modifiers")));
        this.originPrepositions = WordSet.of(folded(root.get("state_origin_prepositions")));
        this.coordinators = WordSet.of(folded(root.get("coordinators")).stream().filter(c -> !c.contains(" ")).toList());
        Set<String> glue = new HashSet<>(folded(root.get("coordinators")));
        glue.addAll(folded(root.get("list_singletons")));
        glue.removeIf(g -> g.contains(" "));
        this.listGlue = WordSet.of(glue);
        this.placeHeadsAfter = WordSet.of(folded(root.get("state_place_heads_after")));
        this.placeHeadsBefore = WordSet.of(folded(root.get("state_place_heads_before")));
        Set<String> counting = new HashSet<>(folded(root.get("counting_words")));
        counting.addAll(spelledOutWords(lang));
        this.countingWords = WordSet.of(counting);
        this.singleArticles = WordSet.of(folded(root.get("list_singletons")));
        this.singularPeople = WordSet.of(folded(root.get("singular_people")));
        Set<String> nouns = new HashSet<>(folded(root.get("counted_nouns")));
        // the figure lexicon's populations and the glue between a number and its population
        JsonNode populations = root.get("populations");
        if (populations != null) {
            for (JsonNode p : populations) {
                String phrase = FoldedText.foldPhrase(p.get("phrase").asText());
                if (!phrase.endsWith("*")) {
                    nouns.addAll(List.of(phrase.split(" ")));
                }
            }
        }
        nouns.addAll(folded(root.get("noun_phrase_glue")).stream().filter(g -> !g.contains(" ")).toList());
        this.countedNouns = WordSet.of(nouns);
        this.mediaHeadsLast = folded(root.get("media_name_heads_last"));
        this.mediaHeadsFirst = folded(root.get("media_name_heads_first"));
        this.mediaNounsAfter = folded(root.get("media_nouns_after"));
        this.mediaNounsBefore = folded(root.get("media_nouns_before"));
        this.groupNounsBefore = folded(root.get("armed_group_nouns_before"));
        this.groupNounsAfter = folded(root.get("armed_group_nouns_after"));
        this.organisationNouns = folded(root.get("organisation_appositive_nouns"));
        this.organisationHeads = folded(root.get("organisation_name_heads_first"));
        this.organisationLinks = WordSet.of(folded(root.get("organisation_name_links")));
        this.localBodiesBefore = phraseNames(root.get("local_bodies_before"));
        this.localBodiesAfter = phraseNames(root.get("local_bodies_after"));
        this.localBodyPlaceStopwords = WordSet.of(folded(root.get("local_body_place_stopwords")));
        Map<String, String> english = new LinkedHashMap<>();
        root.path("local_body_place_english").fields()
                .forEachRemaining(e -> english.put(FoldedText.foldPhrase(e.getKey()), e.getValue().asText()));
        this.localBodyPlaceEnglish = Map.copyOf(english);
        this.capitalisedNouns = root.path("capitalised_nouns").asBoolean(false);
        this.demonymNounsCapitalised = root.path("demonym_nouns_capitalised").asBoolean(false);
        this.uncasedOutlets = cased ? null : new ArabicOutlets(root.get("media_name_glosses"), PersonNames.get());
        this.notPopulations = WordSet.of(folded(root.get("non_figure_after")).stream()
                .filter(w -> !w.contains(" ")).toList());
    }

    static ActorRules load(String lang) {
        String path = "/crosscount/lexicon/" + lang + ".json";
        try (InputStream in = ActorRules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No lexicon for language '" + lang + "' (" + path + ")");
            }
            return new ActorRules(lang, Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon " + path + ": " + e.getMessage(), e);
        }
    }

    /** A list of {"phrase", "name"} objects as folded phrase to name. */
    private static Map<String, String> phraseNames(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list != null) {
            for (JsonNode n : list) {
                out.put(FoldedText.foldPhrase(n.get("phrase").asText()), n.get("name").asText());
            }
        }
        return Map.copyOf(out);
    }

    private static List<String> folded(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (JsonNode n : list) {
                String f = FoldedText.foldPhrase(n.asText());
                if (!f.isEmpty()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The words of the numbers 2 to 100 spelt out (ICU), without the connectors ("et", "und"). */
    private static Set<String> spelledOutWords(String lang) {
        Set<String> words = new HashSet<>();
        RuleBasedNumberFormat format = new RuleBasedNumberFormat(ULocale.forLanguageTag(lang),
                RuleBasedNumberFormat.SPELLOUT);
        for (String ruleSet : format.getRuleSetNames()) {
            if (!ruleSet.contains("cardinal")) {
                continue;
            }
            for (long n = 2; n <= 100; n++) {
                for (String w : FoldedText.foldPhrase(format.format(n, ruleSet)).split(" ")) {
                    if (w.length() > 2 || lang.equals("ar")) {
                        words.add(w);
                    }
                }
            }
        }
        words.removeAll(Set.of("et", "und", "and", "y", "و"));
        return words;
    }
}
