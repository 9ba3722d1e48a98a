package io.crosscount.extract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.extract.Gazetteer.Actor;
import io.crosscount.json.Json;
import io.crosscount.model.ActorMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds mentions of gazetteer actors: every alias and demonym of every language in one
 * Aho-Corasick pass over the folded text (so "Israël", "israélien" and "d’Israël" all match),
 * the longest match winning where mentions overlap. Short all-capital aliases ("AP", "UN") must
 * be written in capitals, so that common words do not match them. A person's given name may be
 * misspelt by one letter when the family name follows ("Williams Burns").
 *
 * <p>With the article's language ({@link #extract(FoldedText, Lexicon)}), the same trie walk
 * also finds the language's person titles ("spokesman", "porte-parole", "وزير") and
 * descriptions ("the Hamas-controlled health authority", "the military"), read from the
 * lexicon ({@link ActorRules}):
 * <ul>
 *   <li>a name next to a title ("spokesman Rami Haddad", "le porte-parole de l'ONU, X Y",
 *       "X Y, a spokesman for") is a person, {@code person:<name>}, unless it overlaps a
 *       gazetteer mention;</li>
 *   <li>a description names its gazetteer actor; "the military" names the army of the
 *       article's dominant state ({@code gazetteer/armies.json}), only when one state clearly
 *       dominates the article's mentions;</li>
 *   <li>a demonym counted by a number within a few words ("six Thai workers", "trois otages
 *       israéliens") and a capital after a locative preposition ("talks in Amman", "à Moscou")
 *       give no actor.</li>
 * </ul>
 */
public final class ActorExtractor {

    private enum Kind { ALIAS, DEMONYM, TITLE, SPEECH, ARMY, STATE, BODY, MEDIA_LAST, MEDIA_FIRST, MEDIA_AFTER, MEDIA_BEFORE,
        NICKNAME_CUE, NICKNAME_ROLE, GROUP_BEFORE, GROUP_AFTER, ORGANISATION, ORGANISATION_HEAD, LOCAL_BEFORE, LOCAL_AFTER }

    private record Pattern(Actor actor, String alias, boolean capitalsOnly, Kind kind, Lexicon lexicon,
                           String lang, boolean place) {}

    private final PhraseTrie<Pattern> trie;
    private final PhraseTrie<FamilyName> familyNames;
    /**
     * Per lexicon given at construction: one trie of the names, family names and descriptions
     * read in its language and of the lexicon's own phrases. An article in that language is
     * walked once for both passes instead of three times (gazetteer, family names, lexicon).
     */
    private final Map<Lexicon, PhraseTrie<Object>> sharedTries = new java.util.IdentityHashMap<>();
    /** Every lexicon's proclitics: a name may start after one ("وإسرائيل"). */
    private final Set<String> proclitics;
    private final Map<String, ActorRules> rules = new HashMap<>();
    /** The state each actor belongs to (itself for a state), through its parents. */
    private final Map<String, String> stateOf = new HashMap<>();
    /** The states by id, for "the government". */
    private final Map<String, Actor> statesById = new HashMap<>();
    /** A state's army, for "the military". */
    private final Map<String, Actor> armyOf = new HashMap<>();
    /** A state's bodies by role ("health_ministry", "police"), for descriptions ({@code gazetteer/state-bodies.json}). */
    private final Map<String, Map<String, Actor>> bodies = new HashMap<>();
    /** Gazetteer persons by the first and by the last word of their names and aliases, folded. */
    private final Map<String, List<String[]>> personsByFirst = new HashMap<>();
    private final Map<String, List<String[]>> personsByLast = new HashMap<>();
    private final Map<String, Actor> personIds = new HashMap<>();
    /**
     * Every gazetteer actor's names that are no city's too, folded: "la Fiscalía de Ucrania" is
     * the state's, "the ICC prosecutor's office" the court's, "de Kiev" a city's.
     */
    private final Set<String> actorNames = new HashSet<>();
    /** Per language, the names of the places of {@code gazetteer/places.json} that are a state's ("Arauca": Colombia), folded, to that state's id. */
    private final Map<String, PhraseTrie<String>> placeStates = new HashMap<>();
    /** Every language's coordinators ("and", "et", "y"), folded: a name of organisation does not run on past "and the". */
    private final Set<String> coordinatorWords = new HashSet<>();
    /** Every demonym word, folded: "le ministre israélien de la Défense, X" may link a title to a name. */
    private final WordSet demonymWords;
    /** Every place name of the lexicons and of {@code gazetteer/places.json}, folded: "Jan Yunis" is no person. */
    private final WordSet namedPlaces;
    /** The English form of the persons' names found next to titles. */
    private final PersonNames personNames = PersonNames.get();

    public ActorExtractor(Gazetteer gazetteer) {
        this(gazetteer, Map.of());
    }

    /** With the lexicons, so that aliases also match with their language's proclitics ("وإسرائيل"). */
    public ActorExtractor(Gazetteer gazetteer, Map<String, Lexicon> lexicons) {
        // Word boundaries are checked in extract(), so that a proclitic may stand before a name.
        PhraseTrie.Builder<Pattern> builder = PhraseTrie.builder();
        PhraseTrie.Builder<FamilyName> families = PhraseTrie.builder();
        Map<String, Actor> byId = new HashMap<>();
        for (Actor actor : gazetteer.actors()) {
            byId.put(actor.id(), actor);
        }
        for (String lang : lexicons.keySet()) {
            rules.put(lang, ActorRules.load(lang));
        }
        Set<String> places = new HashSet<>();
        rules.values().forEach(r -> places.addAll(r.placeNames));
        rules.values().forEach(r -> coordinatorWords.addAll(r.coordinators));
        Set<String> namedPlaces = new HashSet<>(places);
        rules.values().forEach(r -> places.addAll(r.buildingNames)); // "since moving into the White House": a place there
        Lexicon.places().forEach(place -> place.names().values()
                .forEach(names -> names.forEach(name -> namedPlaces.add(FoldedText.foldPhrase(name)))));
        this.namedPlaces = WordSet.of(namedPlaces);
        Set<String> demonymWords = new HashSet<>();
        for (Actor actor : gazetteer.actors()) {
            addAll(builder, actor, actor.aliases(), lexicons, Kind.ALIAS, places);
            addAll(builder, actor, actor.demonyms(), lexicons, Kind.DEMONYM, places);
            String name = FoldedText.foldPhrase(actor.name());
            builder.add(name, new Pattern(actor, actor.name(), false, Kind.ALIAS, null, null, places.contains(name)));
            if (actor.fuzzyGivenName()) {
                String[] parts = FoldedText.foldPhrase(actor.name()).split(" ");
                if (parts.length >= 2) {
                    families.add(parts[parts.length - 1], new FamilyName(actor, parts[0]));
                }
            }
            if (actor.demonyms() != null) {
                actor.demonyms().values().forEach(l -> l.forEach(d -> demonymWords.add(FoldedText.foldPhrase(d))));
            }
            stateOf.put(actor.id(), stateOf(actor, byId));
            if ("state".equals(actor.type())) {
                statesById.put(actor.id(), actor);
            }
            if (!places.contains(name)) {
                actorNames.add(name);
            }
            (actor.aliases() == null ? Map.<String, List<String>>of() : actor.aliases()).values().forEach(l -> l.forEach(a -> {
                String folded = FoldedText.foldPhrase(a);
                if (!places.contains(folded)) {
                    actorNames.add(folded);
                }
            }));
            if ("person".equals(actor.type())) {
                indexPerson(actor);
            }
        }
        for (ActorRules r : rules.values()) {
            Lexicon lexicon = lexicons.get(r.lang);
            for (String title : r.titles) {
                addWithClitics(builder, title, new Pattern(null, title, false, Kind.TITLE, lexicon, r.lang, false), lexicon);
            }
            addMedia(builder, r.mediaHeadsLast, Kind.MEDIA_LAST, lexicon, r.lang);
            addMedia(builder, r.mediaHeadsFirst, Kind.MEDIA_FIRST, lexicon, r.lang);
            addMedia(builder, r.mediaNounsAfter, Kind.MEDIA_AFTER, lexicon, r.lang);
            addMedia(builder, r.mediaNounsBefore, Kind.MEDIA_BEFORE, lexicon, r.lang);
            addMedia(builder, r.nicknameCues, Kind.NICKNAME_CUE, lexicon, r.lang); // "alias 'Tigre'"
            addMedia(builder, r.nicknameRoles, Kind.NICKNAME_ROLE, lexicon, r.lang); // "'Tigre', a member of"
            addMedia(builder, r.groupNounsBefore, Kind.GROUP_BEFORE, lexicon, r.lang); // "la facción de Cascabel"
            addMedia(builder, r.groupNounsAfter, Kind.GROUP_AFTER, lexicon, r.lang); // "the Kraken gang"
            addMedia(builder, r.organisationNouns, Kind.ORGANISATION, lexicon, r.lang); // "X, an association of"
            addMedia(builder, r.organisationHeads, Kind.ORGANISATION_HEAD, lexicon, r.lang); // "the Collectif Justice pour Kaya"
            r.localBodiesBefore.forEach((phrase, name) -> builder.add(phrase,
                    new Pattern(null, name, false, Kind.LOCAL_BEFORE, lexicon, r.lang, false))); // "policía municipal de Taxco"
            r.localBodiesAfter.forEach((phrase, name) -> builder.add(phrase,
                    new Pattern(null, name, false, Kind.LOCAL_AFTER, lexicon, r.lang, false))); // "the Taxco municipal police"
            for (String verb : r.speechVerbs) {
                Pattern speech = new Pattern(null, verb, false, Kind.SPEECH, lexicon, r.lang, false);
                if (r.cased) {
                    builder.add(verb, speech);
                } else {
                    addWithClitics(builder, verb, speech, lexicon); // "وقال"
                }
            }
            r.descriptions.forEach((phrase, id) -> {
                if (ActorRules.ARMY.equals(id) || ActorRules.STATE.equals(id)) {
                    Kind kind = ActorRules.ARMY.equals(id) ? Kind.ARMY : Kind.STATE;
                    addWithClitics(builder, phrase, new Pattern(null, phrase, false, kind, lexicon, r.lang, false), lexicon);
                } else if (id.startsWith("@")) { // a state's body: "the health ministry", "la police"
                    addWithClitics(builder, phrase, new Pattern(null, id.substring(1), false, Kind.BODY, lexicon, r.lang, false), lexicon);
                } else if (byId.containsKey(id)) { // a description of an actor the gazetteer has
                    addWithClitics(builder, phrase,
                            new Pattern(byId.get(id), phrase, false, Kind.ALIAS, lexicon, null, false), lexicon);
                }
            });
        }
        loadBodies().forEach((role, byState) -> byState.forEach((state, body) -> {
            if (byId.containsKey(state) && byId.containsKey(body)) {
                bodies.computeIfAbsent(role, k -> new HashMap<>()).put(state, byId.get(body));
            }
        }));
        Map<String, PhraseTrie.Builder<String>> placeBuilders = new HashMap<>();
        for (Lexicon.Place place : Lexicon.places()) {
            if (statesById.containsKey(place.id())) {
                place.names().forEach((lang, names) -> names.forEach(name -> placeBuilders
                        .computeIfAbsent(lang, k -> PhraseTrie.builder()).add(FoldedText.foldPhrase(name), place.id())));
            }
        }
        placeBuilders.forEach((lang, b) -> placeStates.put(lang, b.build()));
        loadArmies().forEach((state, army) -> {
            if (byId.containsKey(state) && byId.containsKey(army)) {
                armyOf.put(state, byId.get(army));
            }
        });
        this.trie = builder.build();
        this.familyNames = families.build();
        lexicons.forEach((lang, lexicon) -> {
            PhraseTrie.Builder<Object> shared = PhraseTrie.builder();
            Set<List<Object>> added = new HashSet<>();
            builder.forEach((phrase, p) -> {
                // What extract() would keep from the whole trie, each reading once: a name spelt
                // alike in several languages ("Hamas", "Israel") is one pattern per language, and
                // each of them, read on every hit, gave the same candidate again.
                if ((p.lang() == null || p.lang().equals(lang)) && added.add(readingKey(phrase, p, rules.get(lang)))) {
                    shared.add(phrase, p);
                }
            });
            families.forEach(shared::add);
            lexicon.addPhrasesTo(shared);
            sharedTries.put(lexicon, shared.build());
        });
        this.proclitics = lexicons.values().stream().flatMap(l -> l.procliticSet().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.demonymWords = WordSet.of(demonymWords);
    }

    /**
     * What extract() reads of a pattern found as {@code phrase} in an article of {@code lang}:
     * two patterns with the same key give the same candidate. A name's and a demonym's written
     * form counts only through its folded form and its spaces (a building's name, a compound's
     * head); its lexicon only through the proclitics a word may start after (none without one) and,
     * where nouns compound ({@link #compoundHead}), whether it is the article's language. Other
     * kinds read more of their pattern and are keyed by it whole.
     */
    private static List<Object> readingKey(String phrase, Pattern p, ActorRules r) {
        if (p.kind() != Kind.ALIAS && p.kind() != Kind.DEMONYM) {
            return List.of(phrase, p);
        }
        Lexicon lexicon = p.lexicon();
        return Arrays.asList(phrase, p.actor(), p.kind(), p.capitalsOnly(), p.lang(), p.place(),
                FoldedText.foldPhrase(p.alias()), p.alias().indexOf(' ') < 0,
                lexicon == null ? Set.of() : lexicon.procliticSet(),
                r != null && r.capitalisedNouns && lexicon != null && r.lang.equals(lexicon.lang()));
    }

    private void indexPerson(Actor actor) {
        personIds.put(actor.id(), actor);
        List<String> names = new ArrayList<>();
        names.add(actor.name());
        if (actor.aliases() != null) {
            actor.aliases().values().forEach(names::addAll);
        }
        for (String name : names) {
            String[] w = FoldedText.foldPhrase(name).split(" ");
            if (w.length < 2) {
                continue;
            }
            String[] pair = {w[0], w[w.length - 1], actor.id()};
            personsByFirst.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair);
            personsByLast.computeIfAbsent(pair[1], k -> new ArrayList<>()).add(pair);
            if (w.length > 2) { // "رئيس الوزراء الفلسطيني محمد مصطفى": the last two words
                String[] tail = {w[w.length - 2], w[w.length - 1], actor.id()};
                personsByFirst.computeIfAbsent(tail[0], k -> new ArrayList<>()).add(tail);
            }
        }
    }

    /**
     * The gazetteer person a name found next to a title stands for, when it is one of theirs
     * written differently: the same given name and a family name one letter off ("Antonio
     * Guteres", "Volodymyr Zelenskiy", "دونالد ترمب"), or the reverse. Null when none.
     */
    private Actor knownPerson(String folded) {
        String[] w = folded.split(" ");
        if (w.length < 2) {
            return null;
        }
        String first = w[0];
        String last = w[w.length - 1];
        for (String[] p : personsByFirst.getOrDefault(first, List.of())) {
            if (last.length() >= 4 && editDistanceAtMostOne(last, p[1]) <= 1
                    || last.length() >= 7 && last.length() == p[1].length() && editDistance(last, p[1], 2) <= 2) {
                // "Antonio Gutteres": a long family name with two letters changed, not one of another length ("Gutiérrez")
                return personIds.get(p[2]);
            }
        }
        for (String[] p : personsByLast.getOrDefault(last, List.of())) {
            if (first.length() >= 4 && editDistanceAtMostOne(first, p[0]) <= 1) {
                return personIds.get(p[2]);
            }
        }
        return null;
    }

    private static String stateOf(Actor actor, Map<String, Actor> byId) {
        Actor a = actor;
        for (int depth = 0; a != null && depth < 8; depth++) {
            if ("state".equals(a.type())) {
                return a.id();
            }
            a = a.parent() == null ? null : byId.get(a.parent());
        }
        return null;
    }

    private static Map<String, String> loadArmies() {
        String path = "/crosscount/gazetteer/armies.json";
        try (InputStream in = ActorExtractor.class.getResourceAsStream(path)) {
            return in == null ? Map.of() : Json.MAPPER.readValue(in, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, String>> loadBodies() {
        JsonNode root = Lexicon.readResource("/crosscount/gazetteer/state-bodies.json", JsonNode.class, "state bodies file");
        Map<String, Map<String, String>> out = new HashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                Map<String, String> byState = new HashMap<>();
                e.getValue().fields().forEachRemaining(b -> byState.put(b.getKey(), b.getValue().asText()));
                out.put(e.getKey(), byState);
            }
        });
        return out;
    }

    private static void addMedia(PhraseTrie.Builder<Pattern> builder, List<String> words, Kind kind, Lexicon lexicon,
                                 String lang) {
        for (String w : words) {
            builder.add(w, new Pattern(null, w, false, kind, lexicon, lang, false));
        }
    }

    private static void addWithClitics(PhraseTrie.Builder<Pattern> builder, String folded, Pattern p, Lexicon lexicon) {
        builder.add(folded, p);
        if (lexicon != null) {
            for (String variant : lexicon.cliticVariants(folded)) {
                builder.add(variant, p);
            }
        }
    }

    private static void addAll(PhraseTrie.Builder<Pattern> builder, Actor actor,
                               Map<String, List<String>> byLanguage, Map<String, Lexicon> lexicons,
                               Kind kind, Set<String> places) {
        if (byLanguage == null) {
            return;
        }
        for (Map.Entry<String, List<String>> language : byLanguage.entrySet()) {
            Lexicon lexicon = lexicons.get(language.getKey());
            for (String phrase : language.getValue()) {
                // Short all-capital aliases ("AP", "WHO") must be written in capitals; scripts
                // without case (Arabic) have no such constraint.
                boolean capitals = phrase.length() <= 4 && phrase.chars().anyMatch(Character::isUpperCase)
                        && phrase.equals(phrase.toUpperCase());
                String folded = FoldedText.foldPhrase(phrase);
                boolean place = kind == Kind.ALIAS && places.contains(folded);
                builder.add(folded, new Pattern(actor, phrase, capitals, kind, lexicon, null, place));
                if (lexicon != null) {
                    for (String variant : lexicon.cliticVariants(folded)) {
                        builder.add(variant, new Pattern(actor, phrase, false, kind, lexicon, null, place));
                    }
                }
            }
        }
    }

    public List<ActorMention> extract(FoldedText text) {
        return extract(text, null, proclitics, null, List.of(), Deadline.NONE);
    }

    /** {@link #extract(FoldedText)}, stopped when the deadline passes. */
    List<ActorMention> extract(FoldedText text, Deadline deadline) {
        return extract(text, null, proclitics, null, List.of(), deadline);
    }

    /**
     * The gazetteer lookup alone, without the rules that turn hits into mentions: how many
     * names and family names start at a word start. The benchmark's bare scan measures it.
     */
    public int lookUp(FoldedText text, Set<String> languageProclitics) {
        String s = text.folded();
        WordStarts starts = text.wordStarts(languageProclitics);
        int[] hits = new int[1];
        trie.forEachMatchFrom(text.chars(), starts.positions(), starts.count(), (start, end, p) -> hits[0]++);
        familyNames.forEachMatchFrom(text.chars(), starts.positions(), starts.count(), (start, end, family) -> hits[0]++);
        return hits[0];
    }

    /**
     * With the proclitics of the article's language only (a name may start after one of them),
     * which lets the figure pass reuse the same word starts. No language rules (titles,
     * descriptions, places): {@link #extract(FoldedText, Lexicon)} has them.
     */
    public List<ActorMention> extract(FoldedText text, Set<String> languageProclitics) {
        return extract(text, null, languageProclitics, null, List.of(), Deadline.NONE);
    }

    /** With the article's language: its proclitics, and its titles, descriptions and place rules. */
    public List<ActorMention> extract(FoldedText text, Lexicon lexicon) {
        return extract(text, lexicon, Deadline.NONE);
    }

    /** {@link #extract(FoldedText, Lexicon)}, stopped when the deadline passes. */
    List<ActorMention> extract(FoldedText text, Lexicon lexicon, Deadline deadline) {
        return extract(text, lexicon, List.of(), deadline);
    }

    /**
     * With the names of the outlet that published the article and of the agency it credits
     * ("Savanna Radar (Meridian Press)": both): where the text names one of them, written as
     * given and capitalised ("told Meridian Press"), it is a media actor.
     */
    List<ActorMention> extract(FoldedText text, Lexicon lexicon, List<String> outletNames, Deadline deadline) {
        return extract(text, lexicon, lexicon.procliticSet(), rules.get(lexicon.lang()), outletNames, deadline);
    }

    /** {@code lexicon} may be null: then no language rules ({@code r} null) and no shared walk. */
    private List<ActorMention> extract(FoldedText text, Lexicon lexicon, Set<String> languageProclitics, ActorRules r,
                                       List<String> outletNames, Deadline deadline) {
        WordStarts starts = text.wordStarts(languageProclitics);
        // About one candidate per five word starts on news text: room for one per four, so that the list seldom grows.
        List<Candidate> candidates = new ArrayList<>(starts.count() / 4 + 16);
        List<int[]> titles = new ArrayList<>(0);
        List<int[]> armies = new ArrayList<>(0);
        List<int[]> governments = new ArrayList<>(0);
        List<Object[]> bodyHits = new ArrayList<>(0);
        List<int[]> namingNouns = new ArrayList<>(0);
        String s = text.folded();
        PhraseTrie.Handler<Pattern> onPattern = (start, end, p) -> {
            if (p.lang() != null && (r == null || !r.lang.equals(p.lang()))) {
                return; // titles and descriptions are read in the article's language only
            }
            boolean wordStart = p.lexicon() != null ? p.lexicon().startsWord(s, start)
                    : start == 0 || !FoldedText.isLetter(s.charAt(start - 1));
            if (!wordStart || (end < s.length() && FoldedText.isLetter(s.charAt(end)) && s.charAt(end - 1) != '\''
                    && !compoundHead(start, end, p, r))) { // "parquet d'Odessa": an elided word ends the phrase
                return;
            }
            if (p.capitalsOnly() && !writtenInCapitals(text, start, end)) {
                return;
            }
            switch (p.kind()) {
                case TITLE -> titles.add(new int[] {start, end});
                case SPEECH -> titles.add(new int[] {start, end, 1});
                case NICKNAME_CUE -> titles.add(new int[] {start, end, 4});
                case NICKNAME_ROLE -> titles.add(new int[] {start, end, 5});
                case ARMY -> armies.add(new int[] {start, end});
                case STATE -> governments.add(new int[] {start, end});
                case BODY -> bodyHits.add(new Object[] {start, end, p.alias()});
                case DEMONYM -> {
                    if (!countedPopulation(s, start, end, r) && !onePersonOf(text, start, end, r)) {
                        candidates.add(Candidate.placeToRead(start, end, p.actor()));
                        if (r != null) {
                            titles.add(new int[] {start, end, 2}); // "l'Israélo-Argentin X Y": a name may follow
                        }
                    } else { // "10 Thaïlandais": people counted, not the state acting; kept for the lists after it
                        Candidate counted = new Candidate(start, end, p.actor(), true);
                        counted.counted = true;
                        candidates.add(counted);
                    }
                }
                case MEDIA_LAST, MEDIA_FIRST, MEDIA_AFTER, MEDIA_BEFORE -> {
                    Candidate outlet = outlet(text, start, end, p.kind(), r);
                    if (outlet != null) {
                        candidates.add(outlet);
                        if (p.kind() == Kind.MEDIA_BEFORE) {
                            namingNouns.add(new int[] {start, end}); // "Nachrichtenagentur SNAP"
                        }
                    }
                }
                case LOCAL_BEFORE, LOCAL_AFTER -> {
                    Candidate local = localBody(text, start, end, p, r);
                    if (local != null) {
                        candidates.add(local);
                    }
                }
                case ORGANISATION_HEAD -> {
                    Candidate organisation = headedOrganisation(text, start, end, r);
                    if (organisation != null) {
                        candidates.add(organisation);
                    }
                }
                case ORGANISATION -> {
                    Candidate organisation = appositiveOrganisation(text, start, end, r);
                    if (organisation != null) {
                        candidates.add(organisation);
                    }
                }
                case GROUP_BEFORE, GROUP_AFTER -> {
                    Candidate group = namedGroup(text, start, end, p.kind(), r);
                    if (group != null) {
                        candidates.add(group);
                    }
                }
                case ALIAS -> {
                    // Whether the name stands is read once the overlaps are resolved, and only where
                    // its span is still free: most names the trie finds overlap a longer one.
                    Candidate alias = Candidate.placeToRead(start, end, p.actor());
                    alias.aliasToCheck = p;
                    candidates.add(alias);
                }
            }
        };
        PhraseTrie<Object> shared = lexicon == null ? null : sharedTries.get(lexicon);
        List<FamilyHit> familyHits = new ArrayList<>(0);
        if (shared != null) {
            Lexicon.MatchCollector phrases = lexicon.collector(s);
            PhraseTrie.Hits hits = shared.hitsFrom(text.chars(), starts.positions(), starts.count());
            for (int h = 0, n = hits.size(); h < n; h++) {
                int start = hits.start(h);
                int end = hits.end(h);
                Object[] values = shared.valueArray(hits.phrase(h));
                for (Object v : values) {
                    if (v instanceof Pattern p) {
                        onPattern.match(start, end, p);
                    } else if (v instanceof FamilyName f) {
                        familyHits.add(new FamilyHit(start, end, f)); // read after the outlets, as on their own walk
                    } else if (v instanceof Lexicon.Keyword keyword) {
                        phrases.accept(start, end, keyword);
                    } else {
                        throw new IllegalStateException("a shared trie holds only patterns, family names and keywords: " + v);
                    }
                }
            }
            text.rememberLexiconMatches(lexicon, phrases.matches());
        } else {
            trie.forEachMatchFrom(text.chars(), starts.positions(), starts.count(), onPattern);
        }
        namesAcrossAbbreviations(text, starts, onPattern);
        Candidate credit = datelineCredit(text);
        if (credit != null) {
            candidates.add(credit);
        }
        for (String outlet : outletNames) {
            addOutletMentions(text, outlet, candidates);
        }
        PhraseTrie.Handler<FamilyName> onFamilyName = (start, end, family) -> {
            boolean wholeWord = (start == 0 || !FoldedText.isLetter(s.charAt(start - 1)))
                    && (end == s.length() || !FoldedText.isLetter(s.charAt(end)));
            Candidate fuzzy = wholeWord ? fuzzyPersonMatch(s, start, end, family) : null;
            if (fuzzy != null) {
                candidates.add(fuzzy);
            }
        };
        if (shared != null) {
            familyHits.forEach(h -> onFamilyName.match(h.start(), h.end(), h.family()));
        } else {
            familyNames.forEachMatchFrom(text.chars(), starts.positions(), starts.count(), onFamilyName);
        }
        // Longest first, then leftmost: a deterministic choice among overlapping mentions.
        List<Candidate> ordered = longestThenLeftmost(candidates);
        BitSet covered = new BitSet(s.length());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : ordered) {
            deadline.check("resolving overlapping actor mentions");
            if (c.aliasToCheck != null) {
                int firstCovered = covered.nextSetBit(c.start);
                if ((firstCovered < 0 || firstCovered >= c.end) && !aliasStands(text, c, r)) {
                    continue; // never a candidate: it covers nothing
                }
            }
            keepIfFree(c, covered, kept);
        }
        if (!namingNouns.isEmpty()) {
            kept.removeIf(c -> describesNamedOutlet(c, namingNouns));
        }
        if (r != null && !(r.controllerCuesBefore.isEmpty() && r.controllerCuesAfter.isEmpty())) {
            controllersInside(text, candidates, kept, r);
        }
        // Whether a state is named as a place is read for the mentions kept only: most names the
        // trie finds overlap a longer one or repeat, and the rules look at the words around each.
        for (Candidate c : kept) {
            if (c.placeToRead) {
                c.place = statePlace(text, c.start, c.end, c.actor, r);
                c.placeToRead = false;
            }
        }
        if (r != null) {
            possessiveStates(s, kept, covered, r);
            inheritThroughLists(s, kept, r);
        }
        if (!armies.isEmpty() || !governments.isEmpty()) {
            String state = dominantState(kept, s, r); // "the army", "les autorités": only a state the article names
            Actor army = state == null ? null : armyOf.get(state);
            if (army != null) {
                for (int[] a : armies) {
                    keepIfFree(new Candidate(a[0], a[1], army), covered, kept);
                }
            }
            Actor government = state == null ? null : statesById.get(state);
            if (government != null) {
                for (int[] g : governments) {
                    int next = covered.nextSetBit(g[1]);
                    int word = skipSpaces(s, g[1]);
                    boolean inName = r.cased && word > g[1] && word < s.length() && FoldedText.isLetter(s.charAt(word))
                            && upper(text, word); // "the Government Secondary School"
                    if (!inName && (next < 0 || next > g[1] + 4)) { // "le gouvernement thaïlandais" names its state already
                        keepIfFree(new Candidate(g[0], g[1], government), covered, kept);
                    }
                }
            }
        }
        if (!bodyHits.isEmpty()) {
            String dominant = dominantStateOrByPlaces(kept, text, starts, r);
            for (Object[] b : bodyHits) {
                int bs = (Integer) b[0];
                int be = (Integer) b[1];
                int inside = covered.nextSetBit(bs);
                if (inside >= 0 && inside < be) { // part of a name kept already ("US-Außenministerium")
                    continue;
                }
                Candidate next = adjacentState(s, kept, bs, be);
                String state = next == null ? null : stateOf.get(next.actor.id());
                Map<String, Actor> byState = bodies.get((String) b[2]);
                Actor body = byState == null ? null : byState.get(state != null ? state : dominant);
                if (body != null) {
                    keepIfFree(new Candidate(bs, be, body), covered, kept);
                    if (next != null) { // the body is that state's
                        next.place = true; // "la policía de Haití": the body's attribute, not the state acting
                    }
                } else {
                    covered.set(bs, be); // no actor, and no person's name either ("la Defensoría del Pueblo informó")
                }
            }
        }
        if (r != null && r.cased) {
            givenNamesStarting(text, starts, r, titles);
        }
        if (!titles.isEmpty()) {
            personsNextToTitles(text, titles, r, covered, kept, deadline);
        }
        kept = inTextOrder(kept);
        // A state named only as a place, an attribute or the victims' nationality is no actor;
        // one mention of it acting or speaking makes it one.
        Set<String> acting = new HashSet<>();
        for (Candidate c : kept) {
            if (!c.place) {
                acting.add(c.actor.id());
            }
        }
        List<ActorMention> mentions = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            if (c.counted || c.place && !acting.contains(c.actor.id())) {
                continue;
            }
            mentions.add(new ActorMention(c.actor.id(), c.actor.name(), c.actor.type(),
                    text.originalSpan(c.start, c.end), text.originalStart(c.start), text.originalEnd(c.end)));
        }
        return mentions;
    }

    /**
     * "Sudan's RSF", "Lebanon's Hezbollah": a state in the possessive ({@code possessive_marker})
     * right before an organisation kept says whose it is; it is no actor there, as before a body
     * of its own ("Lebanon's health ministry"). Before one of the language's army nouns ("Israel's
     * military", {@code possessive_army_nouns}, {@code possessive_army_adjectives}) it names that state's army.
     */
    private void possessiveStates(String s, List<Candidate> kept, BitSet covered, ActorRules r) {
        if (r.possessiveMarker.isEmpty()) {
            return;
        }
        Map<Integer, Candidate> byStart = null; // built when a possessive state is found: most articles have none
        List<Candidate> armies = new ArrayList<>(0);
        for (Candidate c : kept) {
            if (c.place || !"state".equals(c.actor.type()) || !s.startsWith(r.possessiveMarker, c.end)
                    || c.end + r.possessiveMarker.length() >= s.length() || s.charAt(c.end + r.possessiveMarker.length()) != ' ') {
                continue;
            }
            int next = c.end + r.possessiveMarker.length() + 1;
            if (byStart == null) {
                byStart = new HashMap<>();
                for (Candidate k : kept) {
                    byStart.putIfAbsent(k.start, k);
                }
            }
            Candidate owned = byStart.get(next);
            if (owned != null && !"state".equals(owned.actor.type()) && !"person".equals(owned.actor.type())) {
                c.place = true;
                continue;
            }
            int wordEnd = wordEnd(s, next);
            Actor army = armyOf.get(c.actor.id());
            if (owned == null && army != null && wordEnd > next
                    && (r.possessedArmyNouns.contains(s, next, wordEnd) || r.possessedArmyAdjectives.contains(s, next, wordEnd))
                    && !modifiesNoun(s, next, wordEnd, r)) {
                c.place = true;
                armies.add(new Candidate(next, wordEnd, army));
            }
        }
        for (Candidate army : armies) {
            keepIfFree(army, covered, kept);
        }
    }

    /**
     * Whether the army word at {@code s[start, end)} is one of the language's words that are
     * adjectives too ({@code possessive_army_adjectives}, "military") used as one: a word follows
     * that is neither a reporting verb nor a past form ({@code past_tense_suffixes}; "Israel's military operation", not
     * "Israel's military said" or "...killed").
     */
    private static boolean modifiesNoun(String s, int start, int end, ActorRules r) {
        if (!r.possessedArmyAdjectives.contains(s, start, end)) {
            return false;
        }
        int next = skipSpaces(s, end);
        if (next == end || next >= s.length() || !FoldedText.isLetter(s.charAt(next))) {
            return false;
        }
        String word = s.substring(next, wordEnd(s, next));
        return !r.speechVerbs.contains(word) && r.pastTenseSuffixes.stream().noneMatch(word::endsWith);
    }

    /**
     * The persons named next to titles, speech verbs and nationality words ("spokesman Rami
     * Haddad", "said X Y", "the Canadian X Y"), added to {@code kept} where nothing kept covers them.
     */
    private void personsNextToTitles(FoldedText text, List<int[]> titles, ActorRules r, BitSet covered,
                                     List<Candidate> kept, Deadline deadline) {
        String s = text.folded();
        BitSet titleSpans = new BitSet(s.length());
        titles.forEach(t -> {
            if (t.length == 2 || t[2] != 3) { // a given name is the name's own first word
                titleSpans.set(t[0], t[1]);
            }
        });
        List<int[]> found = new ArrayList<>();
        List<String[]> foundWords = new ArrayList<>();
        List<String[]> foundNames = new ArrayList<>();
        // An Arabic name's spelling convention; English keeps names as written and needs none.
        String region = personNames.readsState(r.lang) ? dominantState(kept, s, r) : null;
        // An article names the same few persons again and again: each written form is converted
        // to its English form and words once (the conversion was most of this pass's time).
        Map<String, String[][]> englishForms = new HashMap<>();
        for (int[] t : titles) {
            deadline.check("reading the names next to titles");
            List<int[]> near = t.length == 2 ? names(text, t[0], t[1], r)
                    : t[2] == 1 ? speakers(text, t[0], t[1], r)
                    : t[2] == 3 ? fromGivenName(text, t[0], r) : t[2] == 4 ? nicknameAfter(text, t[0], t[1], r)
                    : t[2] == 5 ? nicknameBefore(text, t[0], r) : afterDemonym(text, t[1], r);
            for (int[] name : near) {
                int inside = titleSpans.nextSetBit(name[0]);
                if (inside < 0 || inside >= name[1]) {
                    String[][] converted = englishForms.computeIfAbsent(text.originalSpan(name[0], name[1]), written -> {
                        String[] english = personNames.english(writtenWords(text, name[0], name[1]), r.lang, region);
                        return new String[][] {english, personWords(String.join(" ", english))};
                    });
                    String[] english = converted[0];
                    String[] words = converted[1];
                    if (!words[0].isEmpty()) {
                        found.add(name);
                        foundWords.add(words);
                        foundNames.add(english);
                        if (t.length > 2 && t[2] == 2 && name[0] == skipSpaces(s, t[1]) && !adjectiveOfNoun(s, t[0], r)) {
                            nationalityOf(kept, t[0], t[1]); // "l'Israélo-Argentin X Y": X's nationality
                        }
                    }
                }
            }
        }
        // A family name alone ("...," Pfeiffer said) is the person the article names in full,
        // when only one person of the article has that family name.
        for (int f = 0; f < foundWords.size(); f++) {
            if (foundWords.get(f).length == 1) {
                int match = -1;
                Set<String> fullNames = new HashSet<>();
                for (int g = 0; g < foundWords.size(); g++) {
                    String[] full = foundWords.get(g);
                    if (full.length > 1 && full[full.length - 1].equals(foundWords.get(f)[0])) {
                        fullNames.add(String.join(" ", full));
                        match = g;
                    }
                }
                if (fullNames.size() == 1) {
                    foundWords.set(f, foundWords.get(match));
                    foundNames.set(f, foundNames.get(match));
                }
            }
        }
        // One person per given and family name in an article, named by its shortest form
        // ("Hartmut Pfeiffer" for "Hartmut Georg Pfeiffer" too).
        Map<String, Integer> shortest = new HashMap<>();
        for (int f = 0; f < foundWords.size(); f++) {
            String[] words = foundWords.get(f);
            shortest.merge(words[0] + " " + words[words.length - 1], f,
                    (a, b) -> foundWords.get(b).length < foundWords.get(a).length ? b : a);
        }
        Map<String, Actor> persons = new HashMap<>();
        Map<String, Optional<Actor>> knownPersons = new HashMap<>();
        for (int f = 0; f < found.size(); f++) {
            deadline.check("naming the persons next to titles");
            int[] name = found.get(f);
            String[] words = foundWords.get(f);
            String key = words[0] + " " + words[words.length - 1];
            Actor known = knownPersons.computeIfAbsent(text.folded().substring(name[0], name[1]),
                    folded -> Optional.ofNullable(knownPerson(folded))).orElse(null);
            Actor person = known != null ? known : persons.computeIfAbsent(key, k -> {
                int shortestForm = shortest.get(k);
                return new Actor("person:" + String.join("_", foundWords.get(shortestForm)),
                        String.join(" ", foundNames.get(shortestForm)), "person", Map.of(), Map.of(), null, false);
            });
            keepIfFree(new Candidate(name[0], name[1], person), covered, kept);
        }
    }

    /**
     * "the Hamas-run health ministry", "la autoridad sanitaria controlada por Hamás": a gazetteer
     * actor named inside a longer mention kept, right before a controller cue after it ("run",
     * "kontrollierten") or right after one before it ("controlada por"), runs that body: it is a
     * mention too, beside the body's. Mentions may then overlap.
     */
    private static void controllersInside(FoldedText text, List<Candidate> candidates, List<Candidate> kept, ActorRules r) {
        String s = text.folded();
        List<Candidate> controllers = new ArrayList<>(0);
        Set<String> seen = new HashSet<>();
        for (int ki = 0, n = kept.size(); ki < n; ki++) {
            Candidate k = kept.get(ki);
            // Most mentions hold no controller cue: the names inside are looked for under those that do.
            if (k.end - k.start < 8 || !holdsControllerCue(s, k.start, k.end, r) || k.actor.id().contains(":")) {
                continue;
            }
            for (Candidate c : candidates) {
                if (c == k || c.counted || c.actor == k.actor || c.start < k.start || c.end > k.end
                        || c.end - c.start == k.end - k.start || c.actor.id().contains(":")
                        || c.aliasToCheck != null && !aliasStands(text, c, r)) {
                    continue;
                }
                String before = s.substring(k.start, c.start).strip();
                String after = s.substring(c.end, k.end).strip();
                if ((endsWithPhrase(before, r.controllerCuesBefore) || startsWithPhrase(after, r.controllerCuesAfter))
                        && seen.add(c.start + " " + c.actor.id())) {
                    controllers.add(c);
                }
            }
        }
        kept.addAll(controllers);
    }

    /** Whether a controller cue starts at a word of s[start, end) (folding made "Hamas-run" "hamas run"). */
    private static boolean holdsControllerCue(String s, int start, int end, ActorRules r) {
        for (int i = start; i < end; i++) {
            if (i > start && s.charAt(i - 1) != ' ' || r.controllerCueFirstChars.indexOf(s.charAt(i)) < 0) {
                continue; // inside a word, or no cue starts with its first char
            }
            for (String cue : r.controllerCuesBefore) {
                if (s.startsWith(cue, i)) {
                    return true;
                }
            }
            for (String cue : r.controllerCuesAfter) {
                if (s.startsWith(cue, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code text} ends with one of the phrases, the phrase starting a word (or a proclitic's "ل" ending it). */
    private static boolean endsWithPhrase(String text, List<String> phrases) {
        for (String p : phrases) {
            int at = text.length() - p.length();
            if (at >= 0 && text.endsWith(p) && (at == 0 || text.charAt(at - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} starts with one of the phrases, a whole word. */
    private static boolean startsWithPhrase(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.startsWith(p) && (text.length() == p.length() || !FoldedText.isLetter(text.charAt(p.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kept mentions by start, ties in list order (a controller named inside a description
     * may share its start); sorting packed (start, index) longs is several times cheaper than a
     * comparator sort of the objects.
     */
    private static List<Candidate> inTextOrder(List<Candidate> kept) {
        long[] keys = new long[kept.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) kept.get(i).start << 32) | i;
        }
        java.util.Arrays.sort(keys);
        List<Candidate> ordered = new ArrayList<>(keys.length);
        for (long key : keys) {
            ordered.add(kept.get((int) key));
        }
        return ordered;
    }

    /**
     * The candidates longest first, then leftmost, then the gazetteer's name before one built
     * from media words, ties in list order: {@link #LONGEST_THEN_LEFTMOST}, stably. Packed into
     * longs and sorted as primitives when they fit (always, but for hostile bodies), which costs
     * a fraction of a comparator sort over the objects.
     */
    private static List<Candidate> longestThenLeftmost(List<Candidate> candidates) {
        int n = candidates.size();
        long[] keys = new long[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            int length = c.end - c.start;
            if (n > 0xFFFF || length >= 0xFFFF || length < 0 || c.start >= 1 << 30) {
                List<Candidate> sorted = new ArrayList<>(candidates);
                sorted.sort(LONGEST_THEN_LEFTMOST);
                return sorted;
            }
            longest = Math.max(longest, length);
            long media = outsideGazetteer(c) ? 1 : 0;
            // 16 bits of inverted length, 30 of start, 1 media flag, 16 of list index
            keys[i] = ((long) (0xFFFF - length) << 47) | ((long) c.start << 17) | (media << 16) | i;
        }
        keys = sortedByLengthFirst(keys, longest);
        List<Candidate> sorted = new ArrayList<>(n);
        for (long key : keys) {
            sorted.add(candidates.get((int) (key & 0xFFFF)));
        }
        return sorted;
    }

    /**
     * The packed keys of {@link #longestThenLeftmost} in ascending order, as {@code Arrays.sort}
     * puts them: grouped by length first (a counting sort, longest first), then each length's
     * keys by insertion. The candidates come in text order but for a few (outlets, family names),
     * so each length's run is nearly sorted already, and the insertions cost about one compare a
     * key where the general sort cost most of the overlap resolution's time.
     */
    private static long[] sortedByLengthFirst(long[] keys, int longest) {
        int n = keys.length;
        if (n < 32) {
            java.util.Arrays.sort(keys);
            return keys;
        }
        int[] from = new int[longest + 2]; // by (longest - length) + 1: where that length's run starts
        for (long key : keys) {
            from[longest - (0xFFFF - (int) (key >>> 47)) + 1]++;
        }
        for (int b = 1; b < from.length; b++) {
            from[b] += from[b - 1];
        }
        long[] out = new long[n];
        int[] next = from.clone();
        for (long key : keys) {
            out[next[longest - (0xFFFF - (int) (key >>> 47))]++] = key;
        }
        for (int b = 0; b + 1 < from.length; b++) {
            int lo = from[b];
            int hi = from[b + 1];
            int moves = 0;
            for (int i = lo + 1; i < hi; i++) {
                long key = out[i];
                int j = i - 1;
                while (j >= lo && out[j] > key) {
                    out[j + 1] = out[j];
                    j--;
                }
                out[j + 1] = key;
                moves += i - 1 - j;
                if (moves > 8 * (hi - lo)) { // far from sorted: the general sort for this run
                    java.util.Arrays.sort(out, lo, hi);
                    break;
                }
            }
        }
        return out;
    }

    /** Longest first, then leftmost, then the gazetteer's name before one built from media or organisation words. */
    private static final Comparator<Candidate> LONGEST_THEN_LEFTMOST = (a, b) -> {
        int byLength = Integer.compare(b.end - b.start, a.end - a.start);
        if (byLength != 0) {
            return byLength;
        }
        int byStart = Integer.compare(a.start, b.start);
        return byStart != 0 ? byStart : Boolean.compare(outsideGazetteer(a), outsideGazetteer(b));
    };

    /** An outlet or organisation named from media or organisation words: a gazetteer name of the same span wins. */
    private static boolean outsideGazetteer(Candidate c) {
        return c.actor.id().startsWith(MEDIA_PREFIX) || c.actor.id().startsWith(ORGANISATION_PREFIX);
    }

    /** A name as the article writes it, runs of white space as one space: "Golden  Plains\nRadio". */
    private static String writtenName(FoldedText text, int start, int end) {
        return SPACES.matcher(text.originalSpan(start, end)).replaceAll(" ").strip();
    }

    /**
     * Whether a gazetteer name found by the trie names its actor there (read once, then
     * remembered): not a place ("talks in Amman", "im Bundesstaat al-Dschasira", "into the White
     * House"), not one person of a nationality ("un Italien": German "Italien" is Italy), not a
     * place's attribute ("an army base").
     */
    private static boolean aliasStands(FoldedText text, Candidate c, ActorRules r) {
        if (c.aliasStands == 0) {
            String s = text.folded();
            Pattern p = c.aliasToCheck;
            int start = c.start;
            int end = c.end;
            boolean stands = !(p.place() && r != null && (afterLocative(s, start, r) || headBefore(s, start, r)
                            || buildingPlace(s, start, p, r)))
                    && !("state".equals(p.actor().type()) && r != null && r.demonymNounsCapitalised
                            && onePersonOf(text, start, end, r))
                    && !("government_body".equals(p.actor().type()) && placeNounAfter(s, end, r));
            c.aliasStands = stands ? (byte) 1 : (byte) 2;
        }
        return c.aliasStands == 1;
    }

    private static void keepIfFree(Candidate c, BitSet covered, List<Candidate> kept) {
        int firstCovered = covered.nextSetBit(c.start);
        if (firstCovered < 0 || firstCovered >= c.end) { // overlaps no mention kept so far
            covered.set(c.start, c.end);
            kept.add(c);
        }
    }

    // --- media outlets outside the gazetteer ---------------------------------------------------

    // Ids of the actors named outside the gazetteer, by kind: "media:golden_plains_radio".
    static final String MEDIA_PREFIX = "media:";
    static final String GROUP_PREFIX = "group:";
    static final String ORGANISATION_PREFIX = "org:";
    static final String BODY_PREFIX = "body:";

    /** Whether the text before {@code p} (spaces skipped already) ends a sentence or opens a quote, or is none. */
    private static boolean opensSentence(String s, int p) {
        return p == 0 || ".!?\n\"".indexOf(s.charAt(p - 1)) >= 0;
    }

    /**
     * The outlet a media head or noun at [hs, he) belongs to: capitalised words before a final
     * head ("Golden Plains Radio") or a noun after the name ("the Kvadrat news service"), after a
     * first head ("Radio Okapi") or a noun before the name ("Nachrichtenagentur SNAP"). Null when
     * no capitalised word stands there, or when it is a demonym, a title or a stop word.
     */
    private Candidate outlet(FoldedText text, int hs, int he, Kind kind, ActorRules r) {
        boolean headIsName = kind == Kind.MEDIA_LAST || kind == Kind.MEDIA_FIRST;
        if (!r.cased && r.uncasedOutlets != null && kind == Kind.MEDIA_FIRST) { // no capitals: the lexicon's glosses name it
            ArabicOutlets.Outlet o = r.uncasedOutlets.after(text, hs, he, r);
            return o == null ? null : new Candidate(o.start(), o.end(), new Actor(MEDIA_PREFIX
                    + slug(FoldedText.foldPhrase(o.name())), o.name(), "media", Map.of(), Map.of(), null, false));
        }
        if (headIsName && !upper(text, hs)) {
            return null;
        }
        String s = text.folded();
        int[] run = kind == Kind.MEDIA_LAST || kind == Kind.MEDIA_AFTER
                ? capitalisedBefore(text, hs, r) : capitalisedAfter(text, he, r);
        if (run == null) {
            return null;
        }
        int start = headIsName ? Math.min(run[0], hs) : run[0];
        int end = headIsName ? Math.max(run[1], he) : run[1];
        String name = writtenName(text, start, end);
        String id = slug(s.substring(start, end));
        if (id.isEmpty() || dateline(s, start, end)) {
            return null;
        }
        return new Candidate(start, end, new Actor(MEDIA_PREFIX + id, name, "media", Map.of(), Map.of(), null, false));
    }

    /**
     * "die sudanesische Nachrichtenagentur SNAP": a gazetteer outlet's description that ends with
     * a media noun the outlet's own name follows describes that outlet, not the gazetteer's.
     */
    private static boolean describesNamedOutlet(Candidate c, List<int[]> namingNouns) {
        if (!"media".equals(c.actor.type()) || c.actor.id().startsWith(MEDIA_PREFIX)) {
            return false;
        }
        for (int[] noun : namingNouns) {
            if (c.end == noun[1] && c.start < noun[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the capitalised words ending at {@code end} go on past a word that stopped them: a
     * capitalised stop word ("Pétion-Ville") or a name particle before a capitalised word ("Tren
     * de Aragua"); their name is then not theirs alone.
     */
    private static boolean goesOnAfter(FoldedText text, int end, ActorRules r) {
        String s = text.folded();
        int next = skipSpaces(s, end);
        if (next == end || next >= s.length() || !FoldedText.isLetter(s.charAt(next))) {
            return false;
        }
        if (upper(text, next)) {
            return true;
        }
        int we = wordEnd(s, next);
        int after = skipSpaces(s, we);
        return r.nameParticles.contains(s, next, we) && after > we && after < s.length()
                && FoldedText.isLetter(s.charAt(after)) && upper(text, after);
    }

    /** {@link #goesOnAfter}, backwards: "the Village de Dieu gang" ("Dieu" is not its name). */
    private static boolean goesOnBefore(FoldedText text, int start, ActorRules r) {
        String s = text.folded();
        int[] w = wordBackFrom(s, start);
        if (w == null || w[1] == start) {
            return false;
        }
        if (upper(text, w[0])) {
            int p = skipSpacesBack(s, w[0]);
            return !opensSentence(s, p); // not the sentence's first word ("The Kraken gang")
        }
        int[] before = wordBackFrom(s, w[0]);
        return r.nameParticles.contains(s, w[0], w[1]) && before != null && before[1] < w[0] && upper(text, before[0]);
    }

    /**
     * A local body named by its place: the capitalised name after the phrase ("la policía
     * municipal de Taxco") or before it ("the Taxco municipal police"), as the lexicon's English
     * name with the place in it ("Taxco Municipal Police"), id {@code body:<name>}. The mention
     * spans the phrase too, so that its words ("policía") name no national body. Null when no
     * capitalised name stands there, or a name particle joins it to more words, or the name is a
     * gazetteer actor's ("la Fiscalía de Ucrania": the state's prosecutor; "the ICC prosecutor's
     * office"), a possessive or a field's ("la Fiscalía de Derechos Humanos").
     */
    private Candidate localBody(FoldedText text, int hs, int he, Pattern p, ActorRules r) {
        boolean after = p.kind() == Kind.LOCAL_BEFORE;
        int[] run = after ? capitalisedAfter(text, he, r) : capitalisedBefore(text, hs, r);
        if (run == null) {
            return null;
        }
        if (after ? goesOnAfter(text, run[1], r) : goesOnBefore(text, run[0], r)) {
            return null;
        }
        String folded = text.folded().substring(run[0], run[1]);
        if (actorNames.contains(folded) || folded.endsWith("'s")) { // "la Fiscalía de Ucrania", "the ICC prosecutor's office", "Ukraine's prosecutor's office"
            return null;
        }
        for (String w : folded.split(" ")) {
            if (r.localBodyPlaceStopwords.contains(w)) { // "la Fiscalía de Derechos Humanos"
                return null;
            }
        }
        if (r.capitalisedNouns && !namedPlaces.contains(folded) && !r.localBodyPlaceEnglish.containsKey(folded)
                && !afterLocative(text.folded(), run[0], r)) {
            return null; // German capitalises every noun: "erhob die Staatsanwaltschaft Klage" names no place; "in Bremen" does
        }
        String place = r.localBodyPlaceEnglish.getOrDefault(folded, writtenName(text, run[0], run[1]));
        String name = p.alias().replace("{}", place);
        String id = slug(FoldedText.foldPhrase(name));
        return id.isEmpty() ? null : new Candidate(Math.min(hs, run[0]), Math.max(he, run[1]),
                new Actor(BODY_PREFIX + id, name, "government_body", Map.of(), Map.of(), null, false));
    }

    /**
     * "according to the Kivu Families Collective, an association of victims' relatives": the
     * capitalised words before ", [article] noun" name an organisation. None when the noun runs
     * on into a person noun or a title ("X Y, an NGO worker"), when a lower-case word other than an
     * article, a preposition or a reporting verb stands before the words ("Collectif Justice pour
     * Kaya, une association": "Kaya" is no name of its own; {@link #headedOrganisation} reads it from
     * its head word), or when they are a known place.
     */
    private Candidate appositiveOrganisation(FoldedText text, int ns, int ne, ActorRules r) {
        String s = text.folded();
        int next = skipSpaces(s, ne);
        if (next < s.length() && FoldedText.isLetter(s.charAt(next))) {
            String w = s.substring(next, wordEnd(s, next));
            if (upper(text, next) || r.titleWords.contains(w) || r.singularPeople.contains(w) || r.countedNouns.contains(w)
                    && !r.titleLinks.contains(w) && !r.appositiveArticles.contains(w) && !r.listGlue.contains(w)) {
                return null;
            }
        }
        int j = skipSpacesBack(s, ns);
        int wb = wordBeginBack(s, j);
        if (wb < j && r.appositiveArticles.contains(s, wb, j)) {
            j = skipSpacesBack(s, wb);
        }
        if (j == 0 || s.charAt(j - 1) != ',') {
            return null;
        }
        int end = skipSpacesBack(s, j - 1);
        int start = -1;
        for (int k = end, words = 0; words < 5 && k > 0 && Character.isLetterOrDigit(s.charAt(k - 1)); words++) {
            int b = wordBeginBack(s, k);
            if (b == k || !nameWord(text, b, k, r)) {
                break;
            }
            start = b;
            k = b > 1 && s.charAt(b - 1) == ' ' ? b - 1 : 0;
        }
        if (start < 0 || namedPlaces.contains(s, start, end)) {
            return null;
        }
        int[] run = {start, end};
        int[] before = wordBackFrom(s, run[0]);
        if (before != null && before[1] < run[0]) {
            String w = s.substring(before[0], before[1]);
            int punctuation = skipSpacesBack(s, before[0]);
            if (upper(text, before[0]) && !opensSentence(s, punctuation) // "Selon X, une ONG"; a capitalised word the name's words stopped at ("Justice"): its start is unknown
                    || !upper(text, before[0]) && !(r.appositiveArticles.contains(w) || r.titleLinks.contains(w)
                    || r.originPrepositions.contains(w) || r.speechVerbs.contains(w))
                    || r.nameParticles.contains(w) || r.locatives.contains(w)) { // "In Kabalo, a charity said": a place
                return null;
            }
        }
        String name = writtenName(text, run[0], run[1]);
        String id = slug(s.substring(run[0], run[1]));
        return id.isEmpty() ? null : new Candidate(run[0], run[1],
                new Actor(ORGANISATION_PREFIX + id, name, "organisation", Map.of(), Map.of(), null, false));
    }

    /**
     * "the Collectif Justice pour Kaya said", "la Coordinadora Nacional de Víctimas": a capitalised
     * head word ([hs, he)) and the capitalised words after it, link words ("pour", "de", an elided
     * "d'") between them, name an organisation, in any language's text. At most eight words after
     * the head, the last one capitalised; null when none is.
     */
    private Candidate headedOrganisation(FoldedText text, int hs, int he, ActorRules r) {
        if (!upper(text, hs)) {
            return null;
        }
        String s = text.folded();
        int end = -1;
        for (int i = he, words = 0; words < 8; words++) {
            int next = skipSpaces(s, i);
            if (next != i + 1 || next >= s.length() || !FoldedText.isLetter(s.charAt(next))) {
                break; // one space between the words, no punctuation
            }
            int we = wordEnd(s, next);
            String w = s.substring(next, we);
            boolean elided = w.length() > 2 && w.charAt(1) == '\'' && upper(text, next + 2); // "d'Entraide"
            if (elided || upper(text, next) && !r.appositiveArticles.contains(w)) {
                end = we; // titles, demonyms, any capitalised word: "Collectif Justice pour Kaya", "Asociación Colombiana de Víctimas"
            } else if (!r.organisationLinks.contains(w)) {
                break;
            } else if (coordinatorWords.contains(w) && we + 1 < s.length() && s.charAt(we) == ' '
                    && r.organisationLinks.contains(s, we + 1, wordEnd(s, we + 1))) {
                break; // "the Asociación de Víctimas and the Red Cross": "and the" starts another name
            }
            i = we;
        }
        if (end < 0) {
            return null;
        }
        String id = slug(s.substring(hs, end));
        return id.isEmpty() ? null : new Candidate(hs, end,
                new Actor(ORGANISATION_PREFIX + id, writtenName(text, hs, end), "organisation", Map.of(), Map.of(), null, false));
    }

    /**
     * The armed group a noun at [hs, he) names with capitalised words after it ("la facción de
     * Cascabel") or before it ("the Kraken gang"), read as an outlet's name is; null when none,
     * when the words are a known place, or when a name particle joins them to more words ("the
     * Village de Dieu gang": "Dieu" is not its name).
     */
    private Candidate namedGroup(FoldedText text, int hs, int he, Kind kind, ActorRules r) {
        Candidate named = outlet(text, hs, he, kind == Kind.GROUP_AFTER ? Kind.MEDIA_AFTER : Kind.MEDIA_BEFORE, r);
        if (named == null) {
            return null;
        }
        String s = text.folded();
        if ((kind == Kind.GROUP_AFTER ? goesOnBefore(text, named.start, r) : goesOnAfter(text, named.end, r))
                || namedPlaces.contains(s, named.start, named.end)) {
            return null;
        }
        return new Candidate(named.start, named.end, new Actor(GROUP_PREFIX + named.actor.id().substring(MEDIA_PREFIX.length()),
                named.actor.name(), "armed_group", Map.of(), Map.of(), null, false));
    }

    /** One to four capitalised words ending just before {@code p} (one space between), as [start, end); null if none. */
    private int[] capitalisedBefore(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int end = skipSpacesBack(s, p);
        if (end == p || end == 0) {
            return null;
        }
        int j = end;
        int start = -1;
        for (int words = 0; words < 4 && j > 0 && Character.isLetterOrDigit(s.charAt(j - 1)); words++) {
            int b = j;
            while (b > 0 && (Character.isLetterOrDigit(s.charAt(b - 1)) || s.charAt(b - 1) == '-'
                    || s.charAt(b - 1) == '\'' && b > 1 && FoldedText.isLetter(s.charAt(b - 2)))) {
                b--;
            }
            if (!nameWord(text, b, j, r)) {
                break;
            }
            start = b;
            if (b > 1 && s.charAt(b - 1) == ' ' && Character.isLetterOrDigit(s.charAt(b - 2))) {
                j = b - 1;
            } else {
                break;
            }
        }
        return start < 0 ? null : new int[] {start, end};
    }

    /** One to four capitalised words starting just after {@code p} (one space between), as [start, end); null if none. */
    private int[] capitalisedAfter(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int n = s.length();
        int i = skipSpaces(s, p);
        int i0 = i;
        if (i == p && s.charAt(p - 1) != '\'' || i >= n) { // "parquet d'Odessa": no space after an elision
            return null;
        }
        int end = -1;
        for (int words = 0; words < 4 && i < n && Character.isLetterOrDigit(s.charAt(i)); words++) {
            int we = i;
            while (we < n && (Character.isLetterOrDigit(s.charAt(we)) || s.charAt(we) == '-'
                    && we + 1 < n && Character.isLetterOrDigit(s.charAt(we + 1)))) {
                we++;
            }
            if (!nameWord(text, i, we, r)) {
                break;
            }
            end = we;
            if (we < n - 1 && s.charAt(we) == ' ' && Character.isLetterOrDigit(s.charAt(we + 1))) {
                i = we + 1;
            } else {
                break;
            }
        }
        return end < 0 ? null : new int[] {i0, end};
    }

    /** A word that may be part of an outlet's name: capitalised, and no stop word, title or demonym. */
    private boolean nameWord(FoldedText text, int b, int e, ActorRules r) {
        if (b >= e || !upper(text, b)) {
            return false;
        }
        String w = text.folded().substring(b, e);
        return !(r.nameStopwords.contains(w) || r.titleWords.contains(w) || demonymWords.contains(w)
                || r.appositiveArticles.contains(w));
    }

    /** "Berlin, 27 Aug (X) -": a name in parentheses at the top of the text credits the story; no mention. */
    private static boolean dateline(String s, int start, int end) {
        return start < 120 && start > 0 && s.charAt(start - 1) == '(' && end < s.length() && s.charAt(end) == ')';
    }

    /** How far into the text a dateline's parenthesis may open, and how long the dateline before it may be. */
    private static final int DATELINE_END = 120;
    private static final int DATELINE_LENGTH = 60;

    /**
     * "June 3 (KWR) --", "BAMAKO/NIAMEY (sdn-AFR) -", "PARIS (ABC) –": an abbreviation in
     * parentheses right after the dateline that opens the text (a capitalised place or a date on
     * the first line: no lower-case word longer than a month's abbreviation) and before a dash credits the outlet, a media actor named
     * as written. A full name there ("Lima, 3 mar (Kestrel).-") is the story's credit, no mention
     * ({@link #dateline}). Null when the text opens otherwise.
     */
    /** Tags after a dateline that name no outlet ("VIDEO", "URGENT"), folded: {@code gazetteer/source-notes.json}. */
    private static final Set<String> DATELINE_TAGS = loadDatelineTags();

    private static Set<String> loadDatelineTags() {
        com.fasterxml.jackson.databind.JsonNode root = Lexicon.readResource("/crosscount/gazetteer/source-notes.json",
                com.fasterxml.jackson.databind.JsonNode.class, "source notes file");
        Set<String> tags = new HashSet<>();
        root.get("dateline_tags").forEach(t -> tags.add(FoldedText.foldPhrase(t.asText())));
        return Set.copyOf(tags);
    }

    /** What separates a dateline's words: "Quito, 8 jun", "BAMAKO/NIAMEY". */
    private static final java.util.regex.Pattern DATELINE_WORDS = java.util.regex.Pattern.compile("[\\s,/]+");

    private static Candidate datelineCredit(FoldedText text) {
        String s = text.folded();
        int open = s.indexOf('(');
        if (open < 1 || open > DATELINE_END) {
            return null;
        }
        int close = s.indexOf(')', open);
        if (close < 0 || !abbreviation(text.originalSpan(open + 1, close)) || DATELINE_TAGS.contains(s.substring(open + 1, close).strip())) {
            return null;
        }
        String original = text.original();
        int lineStart = original.lastIndexOf('\n', text.originalStart(open)) + 1;
        String dateline = original.substring(lineStart, text.originalStart(open)).strip();
        if (dateline.isEmpty() || dateline.length() > DATELINE_LENGTH || dateline.contains(". ")
                || !(Character.isUpperCase(dateline.charAt(0)) || Character.isDigit(dateline.charAt(0)))) {
            return null;
        }
        boolean date = false;
        boolean capitals = true;
        for (String w : DATELINE_WORDS.split(dateline)) { // "Quito, 8 jun", "BAMAKO/NIAMEY": no lower-case word but a month's or a particle's
            if (w.length() > 4 && !Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))) {
                return null;
            }
            date |= !w.isEmpty() && Character.isDigit(w.charAt(0));
            capitals &= w.equals(w.toUpperCase(java.util.Locale.ROOT));
        }
        if (!date && !capitals) {
            return null; // a place in capitals or a date: not "Ministry of Health (MoH) -"
        }
        int after = text.originalStart(close) + 1;
        while (after < original.length() && (original.charAt(after) == '.' || original.charAt(after) == ' ')) {
            after++;
        }
        if (after >= original.length() || "-\u2013\u2014".indexOf(original.charAt(after)) < 0) {
            return null;
        }
        String name = text.originalSpan(open + 1, close).strip();
        String id = slug(FoldedText.foldPhrase(name));
        return id.isEmpty() ? null : new Candidate(open + 1, close,
                new Actor(MEDIA_PREFIX + id, name, "media", Map.of(), Map.of(), null, false));
    }

    /** Where the text names the article's outlet or its agency, written as given and capitalised. */
    private void addOutletMentions(FoldedText text, String outlet, List<Candidate> candidates) {
        if (outlet.isEmpty() || !Character.isUpperCase(outlet.charAt(0))) {
            return;
        }
        String folded = FoldedText.foldPhrase(outlet);
        if (folded.length() < 2) {
            return;
        }
        String s = text.folded();
        Actor actor = null;
        for (int at = s.indexOf(folded); at >= 0; at = s.indexOf(folded, at + 1)) {
            int end = at + folded.length();
            boolean whole = (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
                    && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
            if (whole && upper(text, at) && !dateline(s, at, end)) {
                if (actor == null) { // the id only for an outlet the text names: most articles name none
                    String id = slug(folded);
                    if (id.isEmpty()) {
                        return;
                    }
                    actor = new Actor(MEDIA_PREFIX + id, outlet.strip(), "media", Map.of(), Map.of(), null, false);
                }
                candidates.add(new Candidate(at, end, actor));
            }
        }
    }

    /** How far before an abbreviation in parentheses a name running across it may start. */
    private static final int NAME_BEFORE_ABBREVIATION = 80;
    private static final int NAME_AFTER_ABBREVIATION = 120;

    /**
     * Names written with their abbreviation in parentheses inside them ("the United Nations (UN)
     * Human Rights Office", "la Oficina de Derechos Humanos de las Naciones Unidas (ONU) en..."):
     * the gazetteer is walked again over the text without the parentheses, from the word starts
     * just before them, and a name that runs across them is a mention of the whole span. Only
     * for a short abbreviation in capitals right between two words; articles without one cost a
     * scan for " (".
     */
    private void namesAcrossAbbreviations(FoldedText text, WordStarts starts, PhraseTrie.Handler<Pattern> onPattern) {
        String s = text.folded();
        for (int open = s.indexOf(" ("); open >= 0; open = s.indexOf(" (", open + 2)) {
            int close = -1;
            for (int i = open + 2, limit = Math.min(s.length(), open + 13); i < limit && close < 0; i++) {
                close = s.charAt(i) == ')' ? i : -1; // an abbreviation is short: the search is too
            }
            if (open == 0 || !FoldedText.isLetter(s.charAt(open - 1)) || close < 0
                    || close + 2 >= s.length() || s.charAt(close + 1) != ' ' || !FoldedText.isLetter(s.charAt(close + 2))
                    || !abbreviation(text.originalSpan(open + 2, close))) {
                continue;
            }
            // The text from a little before the parentheses to a little after, without " (un)"
            // (the space after it stays); offsets in it are shifted back by `first`.
            int first = Math.max(0, open - NAME_BEFORE_ABBREVIATION);
            int last = Math.min(s.length(), close + 1 + NAME_AFTER_ABBREVIATION);
            int cut = close + 1 - open;
            char[] spliced = new char[last - first - cut];
            s.getChars(first, open, spliced, 0);
            s.getChars(close + 1, last, spliced, open - first);
            int[] positions = starts.positions();
            int[] from = new int[8];
            int n = 0;
            for (int i = RoleMatches.lowerBound(positions, first, starts.count()); i < starts.count() && positions[i] < open; i++) {
                if (n == from.length) {
                    from = java.util.Arrays.copyOf(from, n * 2);
                }
                from[n++] = positions[i] - first;
            }
            final int opened = open - first;
            final int shift = first;
            trie.forEachMatchFrom(spliced, from, n, (start, end, p) -> {
                if (end > opened + 1) { // runs across the parentheses
                    onPattern.match(start + shift, end + shift + cut, p);
                }
            });
        }
    }

    /** Two to eight letters (a dot or a dash between them), at least two of them capitals and no lower-case word: "UN", "ONU", "sdn-AFR". */
    static boolean abbreviation(String written) {
        if (written.length() < 2 || written.length() > 10) {
            return false;
        }
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (FoldedText.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            } else if (c != '.' && c != '-' && c != '&' && !Character.isDigit(c)) {
                return false;
            }
        }
        return capitals >= 2 && 2 * capitals >= letters;
    }

    /** Lower-case ASCII letters and digits of a folded name, words joined by "_". */
    private static String slug(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        String ascii = java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFD);
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_' && Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append('_');
            }
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == '_') {
            len--;
        }
        return out.substring(0, len);
    }

    // --- descriptions: the dominant state's army ---------------------------------------------

    /**
     * The army of the state the article is about: the state (with its bodies) mentioned most,
     * at least twice as often as any other (a mention as a place, "au Liban", counts half),
     * and the army known. Null when unclear.
     */
    private String dominantState(List<Candidate> kept, String s, ActorRules r) {
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : kept) {
            String state = stateOf.get(c.actor.id());
            if (state != null) {
                boolean located = "state".equals(c.actor.type()) && (c.place || afterLocative(s, c.start, r));
                counts.merge(state, located ? 1 : 2, Integer::sum);
            }
        }
        return clearlyFirst(counts);
    }

    /**
     * {@link #dominantState}; when the article names no state acting (none, or only as places and
     * nationalities: "en el Cauca", "un hombre de nacionalidad peruana"), the state of the
     * places it names counts too ({@code gazetteer/places.json}: "Cauca" is Colombia's), each
     * capitalised place name once, as a state named as a place does. For the described bodies
     * ("la Defensoría del Pueblo", "the police"); "the army" and "the government" still need a
     * state the article names.
     */
    private String dominantStateOrByPlaces(List<Candidate> kept, FoldedText text, WordStarts starts, ActorRules r) {
        String s = text.folded();
        PhraseTrie<String> places = r == null ? null : placeStates.get(r.lang);
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : kept) {
            String state = stateOf.get(c.actor.id());
            if (state != null) {
                boolean located = c.counted || c.place || "state".equals(c.actor.type()) && afterLocative(s, c.start, r);
                if (!located || places == null) {
                    return dominantState(kept, s, r);
                }
                counts.merge(state, 1, Integer::sum);
            }
        }
        if (places == null) {
            return null;
        }
        places.forEachMatchFrom(text.chars(), starts.positions(), starts.count(), (start, end, id) -> {
            if ((end == s.length() || !FoldedText.isLetter(s.charAt(end))) && (!r.cased || upper(text, start))) {
                counts.merge(id, 1, Integer::sum);
            }
        });
        return clearlyFirst(counts);
    }

    /** The key counted most, at least twice as often as any other; null when none is. */
    private static String clearlyFirst(Map<String, Integer> counts) {
        String best = null;
        int first = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > first) {
                second = first;
                first = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return best != null && first >= 2 * second ? best : null;
    }

    /**
     * The state named right next to a description of one of its bodies: just before it
     * ("Lebanon's health ministry", "the Lebanese health ministry") or within a few words after
     * it, in the same clause ("the health ministry of the DRC", "وزارة الصحة في لبنان",
     * "وزير الصحة اللبناني"). Null when none. That mention names the body's state, not the
     * state acting.
     */
    private Candidate adjacentState(String s, List<Candidate> kept, int start, int end) {
        Candidate best = null;
        for (Candidate c : kept) {
            String state = stateOf.get(c.actor.id());
            if (state == null || !"state".equals(c.actor.type())) {
                continue;
            }
            if (c.end <= start && start - c.end <= 3 && clauseGlue(s, c.end, start)) {
                best = c;
            } else if (c.start >= end && c.start - end <= 12 && clauseGlue(s, end, c.start)) {
                return best != null ? best : c;
            }
        }
        return best;
    }

    /** Only spaces, letters and an apostrophe between two offsets: no clause or sentence break. */
    private static boolean clauseGlue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c == ' ' || c == '\'' || FoldedText.isLetter(c))) {
                return false;
            }
        }
        return true;
    }

    // --- victims and places -------------------------------------------------------------------

    /**
     * Whether a number stands before a demonym, directly ("26 000 Palestiniens") or with the
     * people counted between ("six Thai workers", "trois otages israéliens", "dozens of
     * Palestinians"): the demonym names victims, not the state acting.
     */
    private boolean countedPopulation(String s, int start, int demonymEnd, ActorRules r) {
        if (!countBefore(s, start, r) && !(r != null && !r.cased && countAfter(s, demonymEnd, r))
                && !oneCounted(s, start, demonymEnd, r)) {
            return false;
        }
        if (r != null) {
            int next = skipSpaces(s, demonymEnd);
            if (next < s.length() && next > demonymEnd && r.notPopulations.contains(s, next, wordEnd(s, next))) {
                return false; // "11 Russian missiles": the state's weapons, not people
            }
        }
        return true;
    }

    /**
     * "a French aid worker", "an Israeli soldier": an article that counts one right before the
     * nationality and a person noun right after it; the person's nationality, not the state
     * acting ("a French official said" still names France: no person noun follows).
     */
    private static boolean oneCounted(String s, int start, int demonymEnd, ActorRules r) {
        if (r == null || r.singleArticles.isEmpty()) {
            return false;
        }
        int[] before = wordBackFrom(s, start);
        if (before == null || before[1] == start || !r.singleArticles.contains(s, before[0], before[1])) {
            return false;
        }
        int next = skipSpaces(s, demonymEnd);
        if (next == demonymEnd || next >= s.length() || !FoldedText.isLetter(s.charAt(next))) {
            return false;
        }
        int nounEnd = wordEnd(s, next);
        return r.singularPeople.contains(s, next, nounEnd)
                || r.countedNouns.contains(s, next, nounEnd) && !r.listGlue.contains(s, next, nounEnd);
    }

    /**
     * "un Italien", "ein Kanadier", "an Italian and a Briton": a single article before a demonym
     * that is a noun, capitalised where only nouns are ({@link ActorRules#demonymNounsCapitalised})
     * or ending its phrase (punctuation or a coordinator next): one person of that nationality.
     */
    private static boolean onePersonOf(FoldedText text, int start, int demonymEnd, ActorRules r) {
        if (r == null || !r.cased || r.singleArticles.isEmpty()) {
            return false;
        }
        String s = text.folded();
        int[] before = wordBackFrom(s, start);
        if (before == null || before[1] == start || !r.singleArticles.contains(s, before[0], before[1])) {
            return false;
        }
        if (r.demonymNounsCapitalised && upper(text, start)) {
            return true;
        }
        int next = skipSpaces(s, demonymEnd);
        if (next >= s.length() || s.charAt(next) == ',' || s.charAt(next) == '.' || s.charAt(next) == ';'
                || s.charAt(next) == ')') {
            return true;
        }
        return FoldedText.isLetter(s.charAt(next)) && r.listGlue.contains(s, next, wordEnd(s, next))
                && !r.singleArticles.contains(s, next, wordEnd(s, next));
    }

    /** "أمريكيين اثنين": Arabic writes one and two, and may write any number, after the noun it counts. */
    private static boolean countAfter(String s, int end, ActorRules r) {
        int next = skipSpaces(s, end);
        return next > end && next < s.length() && FoldedText.isLetter(s.charAt(next))
                && r.countingWords.contains(s, next, wordEnd(s, next));
    }

    /** A number within three counted words before {@code start}. */
    private boolean countBefore(String s, int start, ActorRules r) {
        int i = start;
        for (int words = 0; words < 4; words++) {
            int end = skipSpacesBack(s, i);
            if (end == 0 || end == i && words > 0) {
                return false;
            }
            char c = s.charAt(end - 1);
            if (Character.isDigit(c)) {
                return end < i; // "26 000 Palestiniens", not "F16s"
            }
            if (!FoldedText.isLetter(c) && c != '\'') {
                return false;
            }
            int begin = wordBeginBack(s, end);
            if (r == null) {
                return false;
            }
            if (r.countingWords.contains(s, begin, end)) {
                return true;
            }
            if (!r.countedNouns.contains(s, begin, end) && !demonymWords.contains(s, begin, end)) {
                return false;
            }
            i = begin;
        }
        return false;
    }

    /**
     * Whether a building named for its institution stands at {@code start} as a place: after a
     * locative or building preposition, an article between or not ("since moving into the White House",
     * "à la Maison Blanche", "ins Weiße Haus").
     */
    private static boolean buildingPlace(String s, int start, Pattern p, ActorRules r) {
        if (r.buildingNames.isEmpty() || !r.buildingNames.contains(FoldedText.foldPhrase(p.alias()))) {
            return false;
        }
        if (afterLocative(s, start, r.buildingLocatives, r.buildingLocativeLastWords, r.locativeWords)) {
            return true;
        }
        int[] article = wordBackFrom(s, start);
        return article != null && article[1] < start + 1 && r.placeArticles.contains(s, article[0], article[1])
                && afterLocative(s, article[0], r.buildingLocatives, r.buildingLocativeLastWords, r.locativeWords);
    }

    /** Whether the word (or proclitic, "بموسكو") before {@code start} is a locative preposition. */
    private static boolean afterLocative(String s, int start, ActorRules r) {
        return afterLocative(s, start, r.locatives, r.locativeLastWords, r.locativeWords);
    }

    private static boolean afterLocative(String s, int start, WordSet locatives, WordSet lastWords,
                                         int maxWords) {
        if (start > 0 && FoldedText.isLetter(s.charAt(start - 1))) { // a proclitic written onto the name
            int begin = start - 1;
            while (begin > 0 && FoldedText.isLetter(s.charAt(begin - 1))) {
                begin--;
            }
            return locatives.contains(s, begin, start);
        }
        int end = skipSpacesBack(s, start);
        int begin = wordBeginBack(s, end);
        if (begin == end) {
            return false;
        }
        if (locatives.contains(s, begin, end)) {
            return true;
        }
        if (!lastWords.contains(s, begin, end)) {
            return false;
        }
        // prepositions of several words: "près de", "near to", "de regreso a", "une grande partie du"
        String phrase = s.substring(begin, end);
        int from = begin;
        for (int words = 2; words <= maxWords; words++) {
            int wordEnd = skipSpacesBack(s, from);
            int wordBegin = wordEnd;
            while (wordBegin > 0 && FoldedText.isLetter(s.charAt(wordBegin - 1))) {
                wordBegin--;
            }
            if (wordBegin == wordEnd) {
                return false;
            }
            phrase = s.substring(wordBegin, wordEnd) + " " + phrase;
            if (locatives.contains(phrase)) {
                return true;
            }
            from = wordBegin;
        }
        return false;
    }


    // --- states as places, attributes and nationalities ------------------------------------

    /**
     * Whether a state's name or demonym at [start, end) names a place, an attribute or a
     * nationality rather than the state acting: after a locative preposition, with place
     * modifiers between ("in northwestern Nigeria", "en el noroeste de Nigeria", "im Westen
     * Nigers"); before a head noun ("the Malian border", "Haitian gang", "Yemen's Houthi
     * rebels", "US citizens"); or after one in languages that put the adjective last
     * ("frontière malienne", "nacionalidad estadounidense").
     */
    private static boolean statePlace(FoldedText text, int start, int end, Actor actor, ActorRules r) {
        if (r == null || !"state".equals(actor.type())) {
            return false;
        }
        String s = text.folded();
        if (headAfter(text, end, r) || headBefore(s, start, r) || peopleFrom(s, start, r)
                || inParenthesesAfterName(text, start, end)) {
            return true;
        }
        // "in Israel's bombardment": the preposition governs what the state owns, not the state
        boolean possessive = end + 1 < s.length() && s.charAt(end) == '\'' && s.charAt(end + 1) == 's';
        return !possessive && (afterLocative(s, start, r.stateLocatives, r.stateLocativeLastWords, r.locativeWords)
                || afterModifiedLocative(s, start, r));
    }

    /** The shortest one-word name that may head a compound: shorter ones start too many unrelated words. */
    private static final int MIN_COMPOUND_HEAD = 6;

    /**
     * "Bundeswehreinsatz", "Hisbollahkämpfer": where nouns are capitalised (German) they are also
     * compounded, and a compound's first word, the one-word name of an organisation or a person
     * in the article's language, of {@link #MIN_COMPOUND_HEAD} letters or more, names it. Not a
     * state's ("Irakkrieg" is no actor's). Called where a letter follows the name.
     */
    private static boolean compoundHead(int start, int end, Pattern p, ActorRules r) {
        return r != null && r.capitalisedNouns && p.kind() == Kind.ALIAS && p.lexicon() != null
                && r.lang.equals(p.lexicon().lang()) && !"state".equals(p.actor().type())
                && end - start >= MIN_COMPOUND_HEAD && p.alias().indexOf(' ') < 0;
    }

    /** "a Somali army base", "the police station": a place noun right after a body's name makes it the place's attribute. */
    private static boolean placeNounAfter(String s, int end, ActorRules r) {
        if (r == null) {
            return false;
        }
        int next = skipSpaces(s, end);
        return next > end && next < s.length() && FoldedText.isLetter(s.charAt(next))
                && r.namePlaceHeads.contains(s, next, wordEnd(s, next));
    }

    /**
     * "Guayaquil (Ecuador)", "Goma (RDC)", "la République démocratique du Congo (RDC)": a state in
     * parentheses right after a capitalised word places that word, or repeats the name it follows.
     */
    private static boolean inParenthesesAfterName(FoldedText text, int start, int end) {
        String s = text.folded();
        if (start < 3 || end >= s.length() || s.charAt(start - 1) != '(' || s.charAt(end) != ')') {
            return false;
        }
        int j = skipSpacesBack(s, start - 1);
        return j > 0 && j < start - 1 && FoldedText.isLetter(s.charAt(j - 1)) && upper(text, wordBeginBack(s, j));
    }

    /** "sailors from the Philippines", "Geiseln aus Thailand": people counted, then an origin preposition. */
    private static boolean peopleFrom(String s, int start, ActorRules r) {
        if (r.originPrepositions.isEmpty()) {
            return false;
        }
        int i = start;
        for (int words = 0; words < 3; words++) {
            int[] w = wordBackFrom(s, i);
            if (w == null) {
                return false;
            }
            if (r.originPrepositions.contains(s, w[0], w[1])) {
                int[] before = wordBackFrom(s, w[0]);
                return before != null && r.countedNouns.contains(s, before[0], before[1]);
            }
            if (!r.placeModifiers.contains(s, w[0], w[1])) {
                return false;
            }
            i = w[0];
        }
        return false;
    }

    /** The word ending at {@code end} (after spaces), without an elided article ("l'ouest": "ouest"); null at punctuation. */
    private static int[] wordBackFrom(String s, int end) {
        int e = skipSpacesBack(s, end);
        int b = wordBeginBack(s, e);
        return b == e ? null : new int[] {b, e};
    }

    /** Where {@link #bare} of {@code s[from, to)} starts: after its last apostrophe, unless that ends it. */
    private static int bareStart(String s, int from, int to) {
        if (to > from && s.charAt(to - 1) == '\'') {
            return from; // the last apostrophe ends the word: bare is the word itself
        }
        for (int k = to - 2; k >= from; k--) {
            if (s.charAt(k) == '\'') {
                return k + 1;
            }
        }
        return from;
    }

    private static String bare(String w) {
        int apostrophe = w.lastIndexOf('\'');
        return apostrophe >= 0 && apostrophe < w.length() - 1 ? w.substring(apostrophe + 1) : w;
    }

    /** "in northwestern Nigeria", "dans le nord-ouest du Nigeria": up to four modifiers, then a locative. */
    private static boolean afterModifiedLocative(String s, int start, ActorRules r) {
        int i = start;
        for (int words = 0; words < 5; words++) {
            int[] w = wordBackFrom(s, i);
            if (w == null) {
                return false;
            }
            if (words > 0 && afterLocative(s, i, r.stateLocatives, r.stateLocativeLastWords, r.locativeWords)) {
                return true;
            }
            // the word [w0, w1) and its bare form [b, w1) asked about in place, without copies
            int b = bareStart(s, w[0], w[1]);
            boolean elided = b > w[0];
            if (!(r.placeModifiers.contains(s, b, w[1]) || r.placeModifiers.contains(s, w[0], w[1]))) {
                return false;
            }
            if (elided && r.stateLocatives.contains(s, w[0], b)) {
                return true; // "à l'ouest": the preposition is elided onto the modifier
            }
            i = w[0];
        }
        return false;
    }

    /**
     * A head noun right after the name ("Malian border", "US citizens"), or after the second word
     * when the first is a modifier or a name ("Haitian criminal gang" needs the modifier list,
     * "Yemen's Houthi rebels"); after a possessive, anywhere in the next three words ("Sudan's
     * continuing war").
     */
    private static boolean headAfter(FoldedText text, int end, ActorRules r) {
        String s = text.folded();
        int n = s.length();
        int p = end;
        boolean possessive = false;
        if (p + 1 < n && s.charAt(p) == '\'' && s.charAt(p + 1) == 's') {
            possessive = true;
            p += 2;
        }
        for (int words = 0; words < (possessive ? 3 : 2); words++) {
            if (p >= n || s.charAt(p) != ' ') {
                return false;
            }
            p = skipSpaces(s, p);
            if (p >= n || !Character.isLetterOrDigit(s.charAt(p))) {
                return false;
            }
            int we = FoldedText.isLetter(s.charAt(p)) ? wordEnd(s, p) : digitsEnd(s, p);
            if (r.placeHeadsAfter.contains(s, p, we)) {
                return true;
            }
            if (!possessive && !(r.placeModifiers.contains(s, p, we) || FoldedText.isLetter(s.charAt(p)) && upper(text, p))) {
                return false;
            }
            p = we;
        }
        return false;
    }

    private static int digitsEnd(String s, int p) {
        while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == ',' || s.charAt(p) == '.')
                && !(p + 1 < s.length() && (s.charAt(p) == ',' || s.charAt(p) == '.') && s.charAt(p + 1) == ' ')) {
            p++;
        }
        return p;
    }

    /**
     * "frontière malienne", "l'ouest malien", "nacionalidad estadounidense", "pro-iranien"; with
     * up to two modifiers between, "province orientale de la RDC", "centro del Perú".
     */
    private static boolean headBefore(String s, int start, ActorRules r) {
        int i = start;
        // Arabic puts the place's own name between its head and the state: "مدينة خاركيف الأوكرانية"
        // (the Ukrainian city of Kharkiv), "إقليم كردستان العراق"; up to two such words, none a stopword
        // ("الحرب ضد روسيا" stays the state acting). Cased languages put the name after the state.
        // Only before a definite adjective or name ("الأوكرانية", "العراق"): before "روسيا" the
        // words may be a verb and its subject ("وفي مدينة حلب قصفت روسيا").
        int names = !r.cased && s.startsWith("ال", start) ? 2 : 0;
        for (int words = 0; words < 3; words++) {
            int[] w = wordBackFrom(s, i);
            if (w == null) {
                return false;
            }
            // the word and its bare form asked about in place, without copies
            if (r.placeHeadsBefore.contains(s, bareStart(s, w[0], w[1]), w[1])) {
                return true;
            }
            if (!r.placeModifiers.contains(s, w[0], w[1]) && (names-- == 0 || r.nameStopwords.contains(s, w[0], w[1]))) {
                return false;
            }
            i = w[0];
        }
        return false;
    }

    /**
     * "sailors from the Philippines, Bulgaria and Mexico", "18 Americans and one Canadian": a
     * state listed right after one named as a place or nationality is named so too.
     */
    private static void inheritThroughLists(String s, List<Candidate> kept, ActorRules r) {
        List<Candidate> ordered = inTextOrder(kept); // by start, stably, as a sort by start would
        kept.clear();
        kept.addAll(ordered);
        Candidate previous = null;
        for (Candidate c : kept) {
            if (previous != null && previous.place && "state".equals(c.actor.type()) && !c.place
                    && listedAfter(s, previous.end, c.start, r)) {
                c.place = true;
            }
            previous = "state".equals(c.actor.type()) ? c : null;
        }
    }

    /** Only list glue between two mentions: commas, a coordinator, a counting word ("and one"). */
    private static boolean listedAfter(String s, int from, int to, ActorRules r) {
        if (to - from > 24) {
            return false;
        }
        int i = from;
        int words = 0;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == ',' || c == '،') {
                i++;
                continue;
            }
            if (!FoldedText.isLetter(c)) {
                return false;
            }
            int we = Math.min(wordEnd(s, i), to);
            if (!(r.listGlue.contains(s, i, we) || r.countingWords.contains(s, i, we) || r.countedNouns.contains(s, i, we))
                    || ++words > 3) {
                return false;
            }
            i = we;
        }
        return words > 0 || listGoesOn(s, to, r);
    }

    /** Whether a comma-joined item is followed by another comma or a coordinator ("A, B, C and D"). */
    private static boolean listGoesOn(String s, int p, ActorRules r) {
        while (p < s.length() && FoldedText.isLetter(s.charAt(p))) {
            p++; // the rest of the name
        }
        p = skipSpaces(s, p);
        if (p < s.length() && (s.charAt(p) == ',' || s.charAt(p) == '،')) {
            return true;
        }
        return p < s.length() && FoldedText.isLetter(s.charAt(p)) && r.listGlue.contains(s, p, wordEnd(s, p));
    }

    // --- persons next to titles ---------------------------------------------------------------

    /** The names a title at [ts, te) introduces or follows, as folded [start, end) spans. */
    private List<int[]> names(FoldedText text, int ts, int te, ActorRules r) {
        List<int[]> out = new ArrayList<>(1);
        String s = text.folded();
        int p = skipSpaces(s, te);
        if (p < s.length() && s.charAt(p) == ',') { // "le porte-parole, X Y"
            p = skipSpaces(s, p + 1);
        }
        int[] name = r.cased ? nameAt(text, p, r) : arabicNameAt(s, p, r);
        if (name == null && r.cased) {
            name = quoted(text, p, r); // "el cabecilla 'Tigre'"
        }
        if (name == null && p < s.length() && FoldedText.isLetter(s.charAt(p))) {
            // "le porte-parole des Nations unies, X Y"; "el ministro israelí de Defensa, X Y"
            String next = s.substring(p, wordEnd(s, p));
            if (r.titleLinks.contains(next) || demonymWords.contains(next) || !r.cased) {
                int comma = commaWithin(s, p, r.cased ? 7 : 5);
                if (comma > 0 && r.cased) {
                    int q = skipSpaces(s, comma + 1);
                    name = r.cased ? nameAt(text, q, r) : arabicNameAt(s, q, r);
                } else if (!r.cased) {
                    name = arabicNameAfterComplement(s, p, r);
                }
                if (name == null && r.cased && r.titleLinks.contains(next)) {
                    name = nameAfterComplement(text, p, r);
                }
            }
        }
        if (name != null) {
            out.add(name);
            out.addAll(furtherNames(text, name[1], r)); // "les journalistes X Y et Z W", "X Y, Z W and U V"
        }
        if (r.cased) {
            int[] before = appositive(text, ts, r, true); // "X Y, a spokesman for..."
            if (before != null) {
                out.add(before);
            } else {
                out.addAll(nicknameBefore(text, ts, r)); // "'Tigre', a commander of..."
            }
        }
        return out;
    }

    // --- nicknames in quotes ------------------------------------------------------------------

    /**
     * A nickname in quotes at {@code p} ("'Tigre'", "« El Flaco »"): one to three capitalised words
     * between two like quotes, as the words' [start, end); null if none, or a place or stop word.
     */
    private int[] quoted(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int n = s.length();
        if (p >= n || s.charAt(p) != '\'' && s.charAt(p) != '"') {
            return null;
        }
        char quote = s.charAt(p);
        int start = skipSpaces(s, p + 1);
        int i = start;
        for (int words = 0; words < 3 && i < n && FoldedText.isLetter(s.charAt(i)) && upper(text, i); words++) {
            int we = wordEnd(s, i);
            int after = skipSpaces(s, we);
            if (after < n && s.charAt(after) == quote) {
                String inner = s.substring(start, we);
                return namedPlaces.contains(inner) || r.nameStopwords.contains(inner) ? null : new int[] {start, we};
            }
            if (after == we + 1 && after < n && FoldedText.isLetter(s.charAt(after))) {
                i = after;
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The nickname in quotes after a cue ("alias 'Tigre'", "el delincuente terrorista 'Tigre'":
     * one lower-case word may stand between). None when a name stands right before the cue ("X Y,
     * alias 'Tigre'"): the nickname of the person just named.
     */
    private List<int[]> nicknameAfter(FoldedText text, int cs, int ce, ActorRules r) {
        String s = text.folded();
        int j = skipSpacesBack(s, cs);
        if (j > 0 && s.charAt(j - 1) == ',') {
            j = skipSpacesBack(s, j - 1);
        }
        if (j > 0 && FoldedText.isLetter(s.charAt(j - 1))) {
            int b = wordBeginBack(s, j);
            if (upper(text, b) && !r.nameStopwords.contains(s, b, j)) {
                return List.of();
            }
        }
        int p = skipSpaces(s, ce);
        int[] name = quoted(text, p, r);
        if (name == null && p > ce && p < s.length() && FoldedText.isLetter(s.charAt(p)) && !upper(text, p)) {
            name = quoted(text, skipSpaces(s, wordEnd(s, p)), r);
        }
        return name == null ? List.of() : List.<int[]>of(name);
    }

    /** The nickname in quotes before ", [article] role" ("'Tigre', a member of the gang"). */
    private List<int[]> nicknameBefore(FoldedText text, int rs, ActorRules r) {
        String s = text.folded();
        int j = skipSpacesBack(s, rs);
        int wb = wordBeginBack(s, j);
        if (wb < j && r.appositiveArticles.contains(s, wb, j)) {
            j = skipSpacesBack(s, wb);
        }
        if (j == 0 || s.charAt(j - 1) != ',') {
            return List.of();
        }
        j = skipSpacesBack(s, j - 1);
        if (j < 2 || s.charAt(j - 1) != '\'' && s.charAt(j - 1) != '"') {
            return List.of();
        }
        int open = s.lastIndexOf(s.charAt(j - 1), j - 2);
        if (open < 0 || j - open > 40) {
            return List.of();
        }
        int[] name = quoted(text, open, r);
        return name == null || skipSpaces(s, name[1]) != j - 1 ? List.of() : List.<int[]>of(name);
    }

    /**
     * The names right after or right before a reporting verb ("said X Y", "X Y said"); in Arabic,
     * which puts the verb first, the name after it when it starts with a known given name ("أكد
     * آدم إسحاق تيراب،", "استشهد محمود ...").
     */
    private List<int[]> speakers(FoldedText text, int vs, int ve, ActorRules r) {
        List<int[]> out = new ArrayList<>(1);
        String s = text.folded();
        if (!r.cased) {
            int p = skipSpaces(s, ve);
            int[] name = p > ve ? arabicNameAt(s, p, r) : null;
            if (name != null && personNames.knownArabicGiven(s.substring(p, wordEnd(s, p)))) {
                out.add(name);
            }
            return out;
        }
        int p = skipSpaces(s, ve);
        if (p > ve) {
            int[] after = nameAt(text, p, r);
            if (after == null) {
                after = nameAfterPlace(text, p, r);
            }
            if (after != null) {
                out.add(after);
            }
        }
        int[] before = appositive(text, vs, r, false);
        if (before == null) {
            before = speakerAfterQuote(text, vs, r);
        }
        if (before != null) {
            out.add(before);
        }
        return out;
    }

    /**
     * "...," Kasereka told reporters: one capitalised word between a quotation's end and a
     * reporting verb is its speaker, named by one name (or by the family name of a person the
     * article names in full: {@link #personsNextToTitles} reads it as that person).
     */
    private int[] speakerAfterQuote(FoldedText text, int vs, ActorRules r) {
        String s = text.folded();
        int j = skipSpacesBack(s, vs);
        if (j == vs || j == 0 || !FoldedText.isLetter(s.charAt(j - 1))) {
            return null;
        }
        int b = wordBeginBack(s, j);
        String w = s.substring(b, j);
        if (j - b < 3 || !upper(text, b) || w.indexOf('\'') >= 0 || r.nameStopwords.contains(w) || r.titleWords.contains(w)
                || demonymWords.contains(w) || namedPlaces.contains(w)) {
            return null;
        }
        int k = skipSpacesBack(s, b);
        if (k == b || k < 2) {
            return null;
        }
        char c = s.charAt(k - 1);
        char before = s.charAt(k - 2);
        boolean quoteEnd = (c == '"' || c == '\'') && (before == ',' || before == '.' || before == '!' || before == '?')
                || c == ',' && (before == '"' || before == '\'');
        return quoteEnd ? new int[] {b, j} : null;
    }

    /**
     * "a déclaré au téléphone X Y": a name after a verb's short complement of place or manner
     * (a locative and at most two lower-case words), where the subject follows its verb.
     */
    private int[] nameAfterPlace(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int we = wordEnd(s, p);
        if (we == p || !r.locatives.contains(s, p, we)) {
            return null;
        }
        int i = skipSpaces(s, we);
        for (int words = 0; words < 3 && i > we && i < s.length() && FoldedText.isLetter(s.charAt(i)); words++) {
            if (upper(text, i)) {
                return words == 0 ? null : nameAt(text, i, r); // "à Paris": the place is no complement
            }
            int next = wordEnd(s, i);
            if (next < s.length() && s.charAt(next) == '\'') { // "à l'hôpital"
                next++;
            }
            we = next;
            i = skipSpaces(s, next);
        }
        return null;
    }

    /**
     * The name right after a demonym ("l'Israélo-Argentin Daniel Levy", "the Malian preacher X Y",
     * "البريطاني X Y"): the person of that nationality. None after a comma: "l'armée israélienne,
     * X" ends the phrase.
     */
    private List<int[]> afterDemonym(FoldedText text, int de, ActorRules r) {
        String s = text.folded();
        int p = skipSpaces(s, de);
        if (p == de || p >= s.length() || !FoldedText.isLetter(s.charAt(p))) {
            return List.of();
        }
        if (r.capitalisedNouns && !upper(text, wordBegin(s, de))) {
            return List.of(); // German capitalises nouns: "der jemenitischen Hauptstadt Sanaa"
        }
        int[] name = r.cased ? nameAt(text, p, r) : arabicNameAt(s, p, r);
        if (name == null || !r.cased && !personNames.knownArabicGiven(s.substring(p, wordEnd(s, p)))) {
            return List.of(); // Arabic has no capitals: a known given name starts the name
        }
        List<int[]> out = new ArrayList<>(1);
        out.add(name);
        out.addAll(furtherNames(text, name[1], r));
        return out;
    }

    /**
     * Whether a demonym is the adjective of the noun before it: a title ("le président turc X",
     * "el enviado estadounidense X") or, in Arabic, any word ("نظيره المصري X"; a nominal
     * demonym there follows a comma or starts the sentence).
     */
    private static boolean adjectiveOfNoun(String s, int ds, ActorRules r) {
        int end = skipSpacesBack(s, ds);
        if (end == 0 || !FoldedText.isLetter(s.charAt(end - 1))) {
            return false;
        }
        return !r.cased || r.titleWords.contains(bare(s.substring(wordBeginBack(s, end), end)));
    }

    /**
     * The demonym right before a person's name ("l'Israélo-Argentin X Y", "البريطانية X Y") gives
     * the person's nationality, not the state acting. With a title between ("le président turc
     * X Y") the state stays: the person holds its office.
     */
    private static void nationalityOf(List<Candidate> kept, int ds, int de) {
        for (Candidate c : kept) {
            if (c.start == ds && c.end == de && "state".equals(c.actor.type())) {
                c.place = true;
            }
        }
    }

    /**
     * The capitalised common given names ({@link PersonNames#startsName}) that may start a
     * person's name with no title next to it, added to {@code titles} as {start, end, 3}.
     */
    private void givenNamesStarting(FoldedText text, WordStarts starts, ActorRules r, List<int[]> titles) {
        String s = text.folded();
        char[] chars = text.chars();
        int[] positions = starts.positions();
        int skipTo = 0;
        for (int k = 0, count = starts.count(); k < count; k++) {
            int i = positions[k];
            if (i < skipTo || !FoldedText.isLetter(chars[i]) || i > 0 && FoldedText.isLetter(chars[i - 1])) {
                continue; // inside the word just read, not a letter, or after a proclitic
            }
            char before = i == 0 ? ' ' : chars[i - 1];
            // a capitalised word of its own: not after a hyphen or an elision ("Saint-Louis", "l'Ali");
            // most words are not, and are skipped without being read
            if (before != '-' && before != '\'' && upper(text, i)) {
                int we = wordEnd(s, i);
                if (personNames.startsName(s, i, we)
                        && !afterLocative(s, i, r) // "in Victoria", "à Florence": a place
                        && !afterNameWord(text, i, r)) { // "San José del Guaviare", "l'hôpital Charles Nicolle"
                    titles.add(new int[] {i, we, 3});
                }
                skipTo = we;
            }
        }
    }

    /**
     * Whether the word right before {@code i} makes a given name there no person's: a place or
     * building noun ("l'hôpital Charles Nicolle") or, outside German, a capitalised word other
     * than a title or a stop word ("San José del Guaviare").
     */
    private boolean afterNameWord(FoldedText text, int i, ActorRules r) {
        String s = text.folded();
        int end = skipSpacesBack(s, i);
        if (end == i || end == 0 || !FoldedText.isLetter(s.charAt(end - 1))) {
            return false;
        }
        int begin = wordBeginBack(s, end);
        String w = bare(s.substring(begin, end));
        if (r.namePlaceHeads.contains(w)) {
            return true;
        }
        return !r.capitalisedNouns && upper(text, begin) && !r.titleWords.contains(w) && !r.nameStopwords.contains(w);
    }

    /**
     * "a concert by Ann Hollis": a capitalised name of two to five words from a common given
     * name, followed by no further capitalised word nor a place noun ("Kamal Adwan Hospital",
     * "the Charles de Gaulle airport" are places).
     */
    private List<int[]> fromGivenName(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int[] name = nameAt(text, p, r);
        if (name == null || name[0] != p || namedPlaces.contains(s, name[0], name[1])) {
            return List.of();
        }
        int next = skipSpaces(s, name[1]);
        if (next > name[1] && next < s.length() && FoldedText.isLetter(s.charAt(next)) && (upper(text, next)
                || r.namePlaceHeads.contains(s, next, wordEnd(s, next)))) {
            return List.of(); // "Kamal Adwan Hospital", "the Charles de Gaulle airport": a place named after a person
        }
        List<int[]> out = new ArrayList<>(1);
        out.add(name);
        out.addAll(furtherNames(text, name[1], r)); // "the victims were Ann Hollis, Tomas Rieger and Lena Voss"
        return out;
    }

    /** A capitalised name of two to five words starting at {@code p} (leading titles skipped). */
    private int[] nameAt(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int n = s.length();
        int i = p;
        int nameStart = -1;
        int end = -1;
        int capitals = 0;
        for (int words = 0; words < 8 && i < n && FoldedText.isLetter(s.charAt(i)); words++) {
            int we = wordEnd(s, i);
            int h = WordSet.hashOf(s, i, we); // up to five sets are asked about the word
            boolean cap = upper(text, i);
            if (nameStart < 0 && (r.titleWords.contains(s, i, we, h) || r.appositiveArticles.contains(s, i, we, h))) {
                // "Major General X", "le colonel X": a title before the name
            } else if (r.nameStopwords.contains(s, i, we, h) || demonymWords.contains(s, i, we, h)) {
                break;
            } else if (cap && we - i > 1 || cap && we < n && s.charAt(we) == '.') {
                if (nameStart < 0) {
                    nameStart = i;
                }
                capitals++;
                end = we < n && s.charAt(we) == '.' && we - i == 1 ? we + 1 : we;
                if (capitals == 5) {
                    break;
                }
            } else if (!(nameStart >= 0 && r.nameParticles.contains(s, i, we, h))) {
                break;
            }
            int next = we < n && s.charAt(we) == '.' && (we - i == 1 || r.titleWords.contains(s, i, we + 1)) ? we + 1 : we;
            if (next < n - 1 && s.charAt(next) == ' ' && FoldedText.isLetter(s.charAt(next + 1))) {
                i = next + 1;
            } else {
                break;
            }
        }
        return capitals >= 2 ? new int[] {nameStart, end} : null;
    }

    /**
     * "el líder de la milicia Lawal Sabiu", "spokesman for the Health Ministry Ahmed Nasser": after a
     * title's link, at most four lower-case words or capitalised institution words, then a name.
     */
    private int[] nameAfterComplement(FoldedText text, int p, ActorRules r) {
        String s = text.folded();
        int n = s.length();
        int i = p;
        for (int words = 0; words < 5 && i < n && FoldedText.isLetter(s.charAt(i)); words++) {
            int we = wordEnd(s, i);
            String w = s.substring(i, we);
            boolean skippable = words == 0 || r.titleLinks.contains(w) || r.appositiveArticles.contains(w)
                    || (upper(text, i) ? r.nameStopwords.contains(w) : !r.nameParticles.contains(w));
            if (!skippable) {
                return words >= 2 ? nameAt(text, i, r) : null;
            }
            if (we < n - 1 && s.charAt(we) == ' ' && FoldedText.isLetter(s.charAt(we + 1))) {
                i = we + 1;
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The names listed after a person's name: one joined by a coordinator ("X Y et Z W"), or
     * several joined by commas when the list ends with a coordinator and a name ("X Y, Z W and U
     * V", "X Y, Z W, and U V"). None when an item is no name of two capitalised words or a
     * named place ("Gaza City").
     */
    private List<int[]> furtherNames(FoldedText text, int end, ActorRules r) {
        int[] and = coordinated(text, end, r);
        if (and != null) {
            return List.of(and);
        }
        if (!r.cased) {
            return List.of();
        }
        String s = text.folded();
        List<int[]> items = new ArrayList<>(2);
        int p = end;
        for (int k = 0; k < 6; k++) {
            int comma = skipSpaces(s, p);
            if (comma >= s.length() || s.charAt(comma) != ',') {
                return List.of();
            }
            int q = skipSpaces(s, comma + 1);
            int[] last = items.isEmpty() ? null : coordinated(text, comma + 1, r); // the serial comma
            if (last != null) {
                items.add(last);
                return placeIn(s, items) ? List.of() : items;
            }
            int[] name = nameAt(text, q, r);
            if (name == null || name[0] != q) {
                return List.of();
            }
            items.add(name);
            last = coordinated(text, name[1], r);
            if (last != null) {
                items.add(last);
                return placeIn(s, items) ? List.of() : items;
            }
            p = name[1];
        }
        return List.of();
    }

    /** Whether one of the spans is a place name. */
    private boolean placeIn(String s, List<int[]> spans) {
        for (int[] span : spans) {
            if (namedPlaces.contains(s, span[0], span[1])) {
                return true;
            }
        }
        return false;
    }

    /** "X Y et Z W": a second name joined to the first. */
    private int[] coordinated(FoldedText text, int end, ActorRules r) {
        String s = text.folded();
        int p = skipSpaces(s, end);
        if (p >= s.length() || !FoldedText.isLetter(s.charAt(p))) {
            return null;
        }
        int we = wordEnd(s, p);
        String w = s.substring(p, we);
        if (!(w.equals("and") || w.equals("et") || w.equals("y") || w.equals("und") || w.equals("e"))) {
            return null;
        }
        return r.cased ? nameAt(text, skipSpaces(s, we), r) : null;
    }

    /** "X Y, [a] spokesman...": a capitalised name of two to five words just before ", [article] title". */
    private int[] appositive(FoldedText text, int ts, ActorRules r, boolean comma) {
        String s = text.folded();
        int j = ts;
        while (j > 0 && s.charAt(j - 1) == ' ') {
            j--;
        }
        int wb = wordBegin(s, j);
        if (wb < j && r.appositiveArticles.contains(s, wb, j)) {
            j = wb;
            while (j > 0 && s.charAt(j - 1) == ' ') {
                j--;
            }
        }
        if (comma) {
            if (j == 0 || s.charAt(j - 1) != ',') {
                return null;
            }
            j--;
            while (j > 0 && s.charAt(j - 1) == ' ') {
                j--;
            }
        } else if (j == ts) {
            return null; // a word glued to the verb
        }
        int end = j;
        int start = -1;
        int capitals = 0;
        for (int words = 0; words < 8 && j > 0 && FoldedText.isLetter(s.charAt(j - 1)); words++) {
            int b = wordBegin(s, j);
            String w = s.substring(b, j);
            if (r.nameStopwords.contains(w)) {
                break;
            }
            if (upper(text, b) && j - b > 1) {
                capitals++;
                start = b;
                if (capitals == 5) {
                    break;
                }
            } else if (!r.nameParticles.contains(w)) {
                // the word before the name: a preposition makes it a place ("In Khan Younis, ...")
                if (r.locatives.contains(w) || r.titleLinks.contains(w)) {
                    return null;
                }
                break;
            }
            if (b > 1 && s.charAt(b - 1) == ' ' && FoldedText.isLetter(s.charAt(b - 2))) {
                j = b - 1;
            } else {
                break;
            }
        }
        if (capitals < 2) {
            return null;
        }
        // the word just before the name: a preposition makes it a place ("In Khan Younis, ...")
        int k = start;
        while (k > 0 && s.charAt(k - 1) == ' ') {
            k--;
        }
        int pb = wordBegin(s, k);
        if (pb < k && (r.locatives.contains(s, pb, k) || r.titleLinks.contains(s, pb, k))) {
            return null;
        }
        if (pb < k && ALIAS_WORDS.contains(s, pb, k)) {
            return appositive(text, pb, r, true); // "X Y, alias Z, a commander": X Y is the person, Z a nickname
        }
        // "Health Minister Karim Azar said": the title before the name is no part of it
        while (!comma && start < end && r.titleWords.contains(s, start, wordEnd(s, start))) {
            start = skipSpaces(s, wordEnd(s, start));
            capitals--;
        }
        return capitals >= 2 && start < end ? new int[] {start, end} : null;
    }

    /**
     * An Arabic name of two or three words at {@code p} (no capitals to go by), ended by
     * punctuation, a stop word ("قال") or the end of the text; its first word carries no
     * article ("ال").
     */
    private static int[] arabicNameAt(String s, int p, ActorRules r) {
        int n = s.length();
        if (p >= n || !FoldedText.isLetter(s.charAt(p))) {
            return null;
        }
        int i = p;
        int words = 0;
        int end = -1;
        while (i < n && FoldedText.isLetter(s.charAt(i)) && words < 4) {
            int we = wordEnd(s, i);
            String w = s.substring(i, we);
            if (r.nameStopwords.contains(w) || r.titleWords.contains(w) || r.titleLinks.contains(w)
                    || i == p && w.startsWith("ال") || w.startsWith("لل")) { // "للشؤون": "for the ...", never a name // a name starts without the article; "عبد الرحمن" has it after a particle
                break;
            }
            words++;
            end = we;
            if (r.nameParticles.contains(w)) {
                words--; // "أبو", "بن" join the next word
            }
            if (we < n - 1 && s.charAt(we) == ' ' && FoldedText.isLetter(s.charAt(we + 1))) {
                i = we + 1;
            } else {
                i = we;
                break;
            }
        }
        if (words == 3 && s.charAt(end - 1) == 'ا') { // "أنتوني بلنكن اتصالاً": an accusative noun, no name
            end = s.lastIndexOf(' ', end - 1);
            words = 2;
            return end > p ? new int[] {p, end} : null;
        }
        if (words < 2 || words > 3 || end < 0) {
            return null;
        }
        // the name must end the phrase: punctuation, a stop word, or the end
        int q = end;
        if (q < n && s.charAt(q) == ' ') {
            q++;
        }
        if (q < n && FoldedText.isLetter(s.charAt(q))) {
            String next = s.substring(q, wordEnd(s, q));
            if (!r.nameStopwords.contains(next)) {
                return null;
            }
        }
        return new int[] {p, end};
    }

    /** "وزير الصحة اللبناني فراس الأبيض": the words with the article after a title, then the name. */
    private static int[] arabicNameAfterComplement(String s, int p, ActorRules r) {
        int i = p;
        int n = s.length();
        for (int words = 0; words < 5 && i < n && FoldedText.isLetter(s.charAt(i)); words++) {
            int we = wordEnd(s, i);
            String w = s.substring(i, we);
            if (!(w.startsWith("ال") || r.titleLinks.contains(w) || w.startsWith("لل"))) {
                return words == 0 ? null : arabicNameAt(s, i, r);
            }
            if (we < n - 1 && s.charAt(we) == ' ') {
                i = we + 1;
            } else {
                return null;
            }
        }
        return null;
    }

    /** The first comma within {@code maxWords} words of {@code p} in the same sentence, else -1. */
    private static int commaWithin(String s, int p, int maxWords) {
        int words = 1;
        for (int i = p; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '،') {
                return i > p ? i : -1;
            }
            int close = c == '(' ? s.indexOf(')', i) : -1;
            if (close > i && close - i <= 12 && s.lastIndexOf(' ', close) < i) { // "... du Congo (RDC), X Y": an abbreviation
                i = close;
                continue;
            }
            if (c == '.' || c == ';' || c == ':' || c == '"' || c == '(' || c == ')' || c == '\n' || c == '?' || c == '!') {
                return -1;
            }
            if (c == ' ' && i > p && s.charAt(i - 1) != ' ') {
                if (++words > maxWords) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Words that introduce a nickname after a name ("X Y, alias Z"). */
    private static final WordSet ALIAS_WORDS = WordSet.of(List.of("alias", "aka"));

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** The name's words as written, for {@link PersonNames}. */
    private static String[] writtenWords(FoldedText text, int start, int end) {
        String written = text.originalSpan(start, end);
        List<String> words = new ArrayList<>(4);
        int i = 0;
        int n = written.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(written.charAt(i))) {
                i++;
            }
            int b = i;
            while (i < n && !Character.isWhitespace(written.charAt(i))) {
                i++;
            }
            if (i > b) {
                words.add(written.substring(b, i));
            }
        }
        return words.toArray(new String[0]);
    }

    /** The words of a name's English form for its id: folded ASCII letters and digits. */
    private static String[] personWords(String english) {
        String latin = FoldedText.foldPhrase(english);
        List<String> words = new ArrayList<>(4);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= latin.length(); i++) {
            char c = i < latin.length() ? latin.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                w.append(c);
            } else if ((c == ' ' || c == '-') && w.length() > 0) { // "al-Attar", "Jean-Pierre"
                words.add(w.toString());
                w.setLength(0);
            }
        }
        return words.isEmpty() ? new String[] {""} : words.toArray(new String[0]);
    }

    // --- small text helpers ---------------------------------------------------------------

    /**
     * Whether the original text of [start, end) reads the same in upper case ("UN", not "un"):
     * ASCII is checked char by char, anything else as the whole span's upper case (where one
     * char may become two, "ß" to "SS").
     */
    private static boolean writtenInCapitals(FoldedText text, int start, int end) {
        String original = text.original();
        int from = text.originalStart(start);
        int to = text.originalEnd(end);
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (c >= 128) {
                String surface = original.substring(from, to);
                return surface.equals(surface.toUpperCase());
            }
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(FoldedText text, int i) {
        char c = text.original().charAt(text.originalStart(i));
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Where the spaces ending at {@code i} begin: {@link #skipSpaces} backwards. */
    private static int skipSpacesBack(String s, int i) {
        while (i > 0 && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    /** The start of the word (letters and apostrophes) that ends at {@code end}. */
    private static int wordBeginBack(String s, int end) {
        int begin = end;
        while (begin > 0 && (FoldedText.isLetter(s.charAt(begin - 1)) || s.charAt(begin - 1) == '\'')) {
            begin--;
        }
        return begin;
    }

    /** The end of the word at {@code i}: letters, with inner apostrophes ("O'Brien") but not a possessive "'s". */
    private static int wordEnd(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (FoldedText.isLetter(c)) {
                j++;
            } else if (c == '\'' && j + 1 < n && FoldedText.isLetter(s.charAt(j + 1))
                    && !(s.charAt(j + 1) == 's' && (j + 2 == n || !FoldedText.isLetter(s.charAt(j + 2))))) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** The start of the word ending at {@code end} (letters and inner apostrophes). */
    private static int wordBegin(String s, int end) {
        int b = end;
        while (b > 0 && (FoldedText.isLetter(s.charAt(b - 1))
                || s.charAt(b - 1) == '\'' && b > 1 && FoldedText.isLetter(s.charAt(b - 2)) && b < end)) {
            b--;
        }
        return b;
    }

    /** A person's family name in the fuzzy-match trie, with the folded given name it is checked against. */
    private record FamilyName(Actor actor, String given) {}

    /** A family name found by the shared walk, read once the gazetteer's hits and the outlets are. */
    private record FamilyHit(int start, int end, FamilyName family) {}

    /** "Williams Burns": the word before the family name is within one edit of the given name. */
    private static Candidate fuzzyPersonMatch(String s, int familyStart, int familyEnd, FamilyName family) {
        String given = family.given();
        int wordEnd = familyStart - 1;
        if (given.length() < 4 || wordEnd <= 0 || s.charAt(wordEnd) != ' ') {
            return null;
        }
        int wordStart = wordEnd;
        while (wordStart > 0 && FoldedText.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        // Most words before a family name are not its given name: compare lengths before copying.
        int length = wordEnd - wordStart;
        if (length == 0 || Math.abs(length - given.length()) > 1
                || editDistanceAtMostOne(s.substring(wordStart, wordEnd), given) > 1) {
            return null;
        }
        return new Candidate(wordStart, familyEnd, family.actor());
    }

    /** The Levenshtein distance of {@code a} and {@code b}, or {@code max + 1} when it is larger. */
    static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], max + 1);
    }

    static int editDistanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1)) ? 1 : 2;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i)) ? 1 : 2;
    }

    private static final class Candidate {
        final int start;
        final int end;
        final Actor actor;
        /** A state named as a place, an attribute or a nationality, not acting. */
        boolean place;
        /** A demonym counted by a number ("six Thai workers"): never a mention. */
        boolean counted;
        /** {@link #place} is still to be read from the words around it. */
        boolean placeToRead;
        /** A gazetteer name whose rules ({@link #aliasStands}) are still to be read, or null. */
        Pattern aliasToCheck;
        /** 0 while {@link #aliasStands} has not been read, then 1 (it stands) or 2 (it does not). */
        byte aliasStands;

        Candidate(int start, int end, Actor actor) {
            this(start, end, actor, false);
        }

        Candidate(int start, int end, Actor actor, boolean place) {
            this.start = start;
            this.end = end;
            this.actor = actor;
            this.place = place;
        }

        /** A name whose {@link #place} the rules read once the overlaps are resolved, if it is kept. */
        static Candidate placeToRead(int start, int end, Actor actor) {
            Candidate c = new Candidate(start, end, actor);
            c.placeToRead = true;
            return c;
        }
    }
}
