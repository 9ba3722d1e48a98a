package io.crosscount.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crosscount.json.Json;
import io.crosscount.model.Qualifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * The words of one language that the figure rules read: qualifiers, vague amounts, number words,
 * metric cues, populations, places, subset markers, hedges and attribution cues. Loaded from
 * {@code /crosscount/lexicon/<lang>.json}, so a language is added as data; the names and
 * adjectives of places come from {@code /crosscount/gazetteer/places.json}, one entry per place
 * in every language. All phrases are matched in one Aho-Corasick pass over the folded text.
 */
public final class Lexicon {

    /** What a phrase means to the figure rules. */
    public enum Role {
        QUALIFIER, QUALIFIER_AFTER, RANGE_CONNECTOR, OPEN_RANGE_CONNECTOR, VAGUE_AMOUNT, NUMBER_WORD, MULTIPLIER,
        METRIC, POPULATION, LOCATION, LOCATION_ADJECTIVE, AGENT_NOUN, AGENT_LINK, SUBSET_MARKER, SUBSET_MARKER_AFTER, COORDINATOR, PROJECTION, HEDGE, ATTRIBUTION, ATTRIBUTION_PREFIX, NON_FIGURE_AFTER, NON_FIGURE_BEFORE,
        /** "one" written after its noun ("شخص واحد"): a count of one after a {@code singular_people} noun. */
        ONE_AFTER_NOUN,
        /**
         * A multiplier written onto the digits ("1.5m", "2bn"): only right after them, never after
         * a space, where "5 m" is a distance.
         */
        GLUED_MULTIPLIER,
        /** A word written with a dot that ends no sentence ("Mio.", "Gen.", "U.S."). */
        ABBREVIATION,
        /**
         * A share of a total ("half of", "un quart des", "ein Drittel der"): a number a few words
         * after it, with no cue of its own, is the total, a population, not a count.
         */
        SHARE_OF_TOTAL,
        /** What people are rescued from in a disaster ("rubble", "escombros"): such a rescue is no release. */
        RESCUE_SITE,
        /** "not", "pas", "nicht", "لم": right before a cue it says the opposite ("were not released"). */
        NEGATION,
        /**
         * A cue verb that is finite on its own, with no auxiliary ("huyeron", "fled", "flohen"): a
         * clause with one has a verb of its own, which a hedge of the clause before does not govern.
         */
        FINITE_VERB,
        /**
         * What opens an apposition giving a noun phrase's count ("the hostages, who number 31,",
         * "les otages, au nombre de 17,"): the commas around it part no clause, so the figure
         * reads the cues of the noun phrase and of its verb.
         */
        COUNT_APPOSITION,
        /** The same after the figure ("los liberados, 64 en total, son"). */
        COUNT_APPOSITION_AFTER,
        /** A word for a figure already given ("the figure", "la cifra", "le bilan", "die Zahl"). */
        FIGURE_NOUN,
        /** A revision right before a number ("revised to", "porté à", "se corrigió a"): the number revises a figure. */
        FIGURE_REVISION,
        /** Words around a number that make it another report of a figure: before it ("von")... */
        REPORTED_ALSO_BEFORE,
        /** ...and after it in its sentence ("die Rede"): "war von bis zu 45.000 Menschen die Rede". */
        REPORTED_ALSO_AFTER,
        /** A release or an exchange named as a noun ("the release of", "الإفراج عن", "l'échange"): nobody in the clause performs it. */
        RELEASE_NOUN,
        /** What picks among hostages counted with no cue ("parmi les", "of the"): they are held. */
        HELD_COUNT_PARTITIVE,
        /** What counts a figure among a later one ("were among the", "figurent parmi les"): both share its cue. */
        AMONG_PARTITIVE,
        /** "one of them", "l'un d'eux", "uno de ellos", "einer von ihnen", "أحدهم": one of the people of a figure before. */
        ONE_PRONOUN,
        /** What joins the two numbers of a proportion ("9 in 10", "neuf sur dix", "9 de cada 10", "9 من كل 10"). */
        PROPORTION
    }

    /** One meaning of a phrase; a phrase may carry several (e.g. a metric cue and a hedge). */
    /**
     * One lexicon entry. {@code particle}, on a metric cue, is the separable particle a German
     * verb sends to the end of its clause ("nahmen 35 Palästinenser fest"): the cue counts only
     * when the particle follows in the same clause. {@code next}, on a metric cue, says the cue
     * counts only the figure right after it ("the release of 22 hostages", "la liberación de los
     * 22 rehenes"), never one before ("5.000 personas pidieron la liberación de los rehenes").
     */
    public record Entry(Role role, String phrase, Qualifier qualifier, Double band, Long value,
                        Long low, Long high, String metric, String subject, String group,
                        String context, String location, String particle, boolean next) {}

    /** A phrase found in the folded text; {@code end} is exclusive. */
    public record Match(int start, int end, Entry entry) {}

    /** The JSON shape of a lexicon file. */
    record Spec(
            String lang,
            @JsonProperty("approx_band") double approxBand,
            List<Map<String, Object>> qualifiers,
            @JsonProperty("qualifiers_after") List<Map<String, Object>> qualifiersAfter,
            @JsonProperty("range_connectors") List<String> rangeConnectors,
            @JsonProperty("open_range_connectors") List<String> openRangeConnectors,
            @JsonProperty("vague_amounts") List<Map<String, Object>> vagueAmounts,
            @JsonProperty("number_words") Map<String, Long> numberWords,
            Map<String, Long> multipliers,
            @JsonProperty("glued_multipliers") Map<String, Long> gluedMultipliers,
            List<Map<String, Object>> metrics,
            List<Map<String, Object>> populations,
            @JsonProperty("agent_nouns") List<String> agentNouns,
            @JsonProperty("agent_links") List<String> agentLinks,
            @JsonProperty("locative_prepositions") List<String> locativePrepositions,
            @JsonProperty("subset_markers") List<String> subsetMarkers,
            @JsonProperty("subset_markers_after") List<String> subsetMarkersAfter,
            List<String> projections,
            List<String> coordinators,
            List<String> hedges,
            @JsonProperty("attribution_cues") List<String> attributionCues,
            @JsonProperty("attribution_prefixes") List<String> attributionPrefixes,
            @JsonProperty("non_figure_after") List<String> nonFigureAfter,
            @JsonProperty("non_figure_before") List<String> nonFigureBefore,
            @JsonProperty("spellout_up_to") int spelloutUpTo,
            List<String> proclitics,
            @JsonProperty("article_contractions") Map<String, List<String>> articleContractions,
            @JsonProperty("noun_phrase_glue") List<String> nounPhraseGlue,
            @JsonProperty("cue_prefixes") List<String> cuePrefixes,
            @JsonProperty("cue_suffixes") List<String> cueSuffixes,
            @JsonProperty("list_connectors") List<String> listConnectors,
            @JsonProperty("list_singletons") List<String> listSingletons,
            @JsonProperty("relative_pronouns") List<String> relativePronouns,
            List<String> auxiliaries,
            List<String> partitives,
            @JsonProperty("verb_object_prepositions") List<String> verbObjectPrepositions,
            List<String> halves,
            @JsonProperty("number_word_connectors") List<String> numberWordConnectors,
            @JsonProperty("year_range") List<Integer> yearRange,
            @JsonProperty("currency_symbols") List<String> currencySymbols,
            @JsonProperty("singular_people") List<String> singularPeople,
            @JsonProperty("victim_nouns") List<String> victimNouns,
            @JsonProperty("year_prepositions") List<String> yearPrepositions,
            @JsonProperty("one_after_noun") List<String> oneAfterNoun,
            @JsonProperty("construct_duals") Map<String, Long> constructDuals,
            List<String> abbreviations,
            @JsonProperty("shares_of_a_total") List<String> sharesOfATotal,
            @JsonProperty("rescue_sites") List<String> rescueSites,
            List<String> negations,
            @JsonProperty("finite_verbs") List<String> finiteVerbs,
            @JsonProperty("count_appositions") List<String> countAppositions,
            @JsonProperty("count_appositions_after") List<String> countAppositionsAfter,
            @JsonProperty("figure_nouns") List<String> figureNouns,
            @JsonProperty("figure_revisions") List<String> figureRevisions,
            @JsonProperty("figure_noun_complements") List<String> figureNounComplements,
            @JsonProperty("accented_forms") List<String> accentedForms,
            @JsonProperty("reported_also_before") List<String> reportedAlsoBefore,
            @JsonProperty("reported_also_after") List<String> reportedAlsoAfter,
            @JsonProperty("release_nouns") List<String> releaseNouns,
            @JsonProperty("held_count_partitives") List<String> heldCountPartitives,
            @JsonProperty("among_partitives") List<String> amongPartitives,
            @JsonProperty("one_pronouns") List<String> onePronouns,
            @JsonProperty("perpetrator_nouns") List<String> perpetratorNouns,
            @JsonProperty("publication_nouns") List<String> publicationNouns,
            @JsonProperty("proportions") List<String> proportions,
            @JsonProperty("figure_changes") FigureChanges figureChanges) {}

    /**
     * How a figure's change is said ({@code figure_changes}): the opening of "from X to Y"
     * ({@code from}: "from", "de", "von", "من"), the word between X and Y ({@code to}: "to",
     * "à", "a", "auf", "إلى"), the word before a change's size ({@code by}: "by", "de", "en",
     * "um", "ب": "rose by 8 to 57") and the verbs that say a figure changed ({@code verbs}:
     * "rose", "passé", "stieg", "ارتفعت").
     */
    record FigureChanges(List<String> from, List<String> to, List<String> by, List<String> verbs) {}

    private final String lang;
    private final double approxBand;
    private final PhraseTrie<Keyword> trie;
    /** The trie's phrases (stems without their '*'), for a walk shared with the gazetteer's ({@link #addPhrasesTo}). */
    private final Map<String, List<Keyword>> keywords;
    private final List<String> proclitics;
    private final WordSet procliticSet;
    private final Map<String, List<String>> articleContractions;
    private final WordSet nounPhraseGlue;
    private final WordSet locatives;
    private final WordSet listConnectors;
    private final WordSet listSingletons;
    private final WordSet singularPeople;
    private final WordSet victimNouns;
    private final WordSet yearPrepositions;
    /** Words a stem cue would take that name who did it ("kidnappers" for "kidnap*"): no cue ({@code perpetrator_nouns}). */
    private final WordSet perpetratorNouns;
    /**
     * Things published ("statement", "video"): a release cue right after one publishes it ("a
     * video released by Hamas showed two hostages"), it frees nobody ({@code publication_nouns}).
     */
    private final WordSet publicationNouns;
    /** The words of {@link FigureChanges}: see {@link #changeOpenings()} and the three after it. */
    private final WordSet changeOpenings;
    private final WordSet changeConnectors;
    private final WordSet changeSizes;
    private final WordSet changeVerbs;
    private final WordSet relativePronouns;
    private final WordSet auxiliaries;
    private final WordSet partitives;
    private final WordSet verbObjectPrepositions;
    private final WordSet figureNounComplements;
    /** Phrases that count only as written, accents included ({@code accented_forms}), lower-cased. */
    private final WordSet accentedForms;
    private final List<String> halves;
    private final WordSet numberWordConnectors;
    /** The multipliers written onto digits ("m" in "1.5m"), folded. */
    private final WordSet gluedMultipliers;
    /** Number words that are also a dual in construct before their noun ({@code construct_duals}), folded, with that value. */
    private final Map<String, Long> constructDuals;
    private final int firstYear;
    private final int lastYear;
    private final String currencySymbols;
    private final Map<String, String> residents;
    private final Map<String, String> captivesPlaces;
    /** For {@link #isCaptivesOwnPeople}: per people, the captives' places of the places they are the residents of. */
    private final Map<String, java.util.Set<String>> captivesPlacesOfPeople;

    /** The sense of a bare release cue ("released", "freed"), hostages' or prisoners' by its context. */
    private static final String RELEASED = "released";

    /**
     * A trie keyword: whole words, or a stem ("secuestr*") that matches any ending of a word;
     * {@code releases} whether one of its entries is a bare release cue (read per hit, so noted once).
     */
    record Keyword(boolean stem, List<Entry> entries, boolean releases) {
        Keyword(boolean stem, List<Entry> entries) {
            this(stem, entries, entries.stream().anyMatch(e -> RELEASED.equals(e.metric())));
        }
    }

    private Lexicon(String lang, double approxBand, Map<String, List<Keyword>> keywords, List<String> proclitics,
                    Map<String, List<String>> articleContractions, java.util.Set<String> nounPhraseGlue,
                    java.util.Set<String> locatives, java.util.Set<String> listConnectors,
                    java.util.Set<String> listSingletons, java.util.Set<String> singularPeople,
                    java.util.Set<String> victimNouns, java.util.Set<String> yearPrepositions,
                    java.util.Set<String> perpetratorNouns, java.util.Set<String> publicationNouns,
                    FigureChanges figureChanges,
                    java.util.Set<String> relativePronouns,
                    java.util.Set<String> auxiliaries, java.util.Set<String> partitives,
                    java.util.Set<String> verbObjectPrepositions,
                    java.util.Set<String> figureNounComplements, java.util.Set<String> accentedForms,
                    List<String> halves,
                    java.util.Set<String> numberWordConnectors, java.util.Set<String> gluedMultipliers,
                    Map<String, Long> constructDuals,
                    int firstYear, int lastYear, String currencySymbols,
                    Map<String, String> residents, Map<String, String> captivesPlaces) {
        this.constructDuals = constructDuals;
        this.figureNounComplements = WordSet.of(figureNounComplements);
        this.accentedForms = WordSet.of(accentedForms);
        this.halves = halves;
        this.numberWordConnectors = WordSet.of(numberWordConnectors);
        this.gluedMultipliers = WordSet.of(gluedMultipliers);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.currencySymbols = currencySymbols;
        this.captivesPlaces = captivesPlaces;
        this.partitives = WordSet.of(partitives);
        this.verbObjectPrepositions = WordSet.of(verbObjectPrepositions);
        this.listSingletons = WordSet.of(listSingletons);
        this.singularPeople = WordSet.of(singularPeople);
        this.victimNouns = WordSet.of(victimNouns);
        this.yearPrepositions = WordSet.of(yearPrepositions);
        this.perpetratorNouns = WordSet.of(perpetratorNouns);
        this.publicationNouns = WordSet.of(publicationNouns);
        this.changeOpenings = foldedWords(figureChanges.from());
        this.changeConnectors = foldedWords(figureChanges.to());
        this.changeSizes = foldedWords(figureChanges.by());
        this.changeVerbs = foldedWords(figureChanges.verbs());
        this.relativePronouns = WordSet.of(relativePronouns);
        this.auxiliaries = WordSet.of(auxiliaries);
        this.residents = residents;
        Map<String, java.util.Set<String>> ofPeople = new java.util.HashMap<>();
        residents.forEach((place, people) ->
                ofPeople.computeIfAbsent(people, p -> new java.util.HashSet<>()).add(captivesPlaceOf(place)));
        this.captivesPlacesOfPeople = ofPeople;
        this.locatives = WordSet.of(locatives);
        this.listConnectors = WordSet.of(listConnectors);
        this.nounPhraseGlue = WordSet.of(nounPhraseGlue);
        this.lang = lang;
        this.approxBand = approxBand;
        this.proclitics = proclitics;
        this.procliticSet = WordSet.of(proclitics);
        this.articleContractions = articleContractions;
        this.keywords = keywords;
        PhraseTrie.Builder<Keyword> builder = PhraseTrie.builder();
        keywords.forEach((phrase, list) -> list.forEach(k -> builder.add(phrase, k)));
        this.trie = builder.build();
    }

    public String lang() {
        return lang;
    }

    /** The proclitics written onto words in this language, folded ("و", "ب", "لل"...). */
    public java.util.Set<String> procliticSet() {
        return procliticSet;
    }

    /**
     * Words that may stand between a figure and its population, or between two population
     * words ("26 000 Palestiniens et soldats", "35 of the remaining hostages"), folded.
     */
    WordSet nounPhraseGlue() {
        return nounPhraseGlue;
    }

    /**
     * The subject id of the people who live in the place {@code location} ("gaza" →
     * "palestinians"), from the {@code people} of {@code gazetteer/places.json}; null when the
     * place names none.
     */
    public String residentsOf(String location) {
        return location == null ? null : residents.get(location);
    }

    /**
     * The place that stands for {@code location} in hostage and prisoner figures, from the
     * {@code captives} of {@code gazetteer/places.json} ("israel" → "gaza"): captives cross the
     * front line (taken on one side, held on the other, handed back to a third place), so the
     * outlets that count one group name different sides of it. The location itself when the
     * place names none; null stays null.
     */
    public String captivesPlaceOf(String location) {
        return location == null ? null : captivesPlaces.getOrDefault(location, location);
    }

    /**
     * Whether {@code subject} is the people of a place whose captives are counted under
     * {@code location} ("israelis" and "gaza"; "colombians" and "colombia"): hostages held there
     * are mostly of that people, so "22 Israeli hostages" and "22 hostages" count one group,
     * while "two American hostages" are a group of their own.
     */
    public boolean isCaptivesOwnPeople(String subject, String location) {
        if (subject == null || location == null) {
            return false;
        }
        // Looked up, not by a pass over every place's residents: asked for each hostage figure.
        java.util.Set<String> places = captivesPlacesOfPeople.get(subject);
        return places != null && places.contains(location);
    }

    /** Words that make the name after them a place where things happen ("à", "in", "im", "في", "ب"), folded. */
    WordSet locatives() {
        return locatives;
    }

    /**
     * Words that add one more item to a list of figures ("and", "et", "sowie", "و"), folded:
     * unlike {@code coordinators}, never "or", whose figures are alternatives.
     */
    WordSet listConnectors() {
        return listConnectors;
    }

    /**
     * Person nouns in the singular ("soldat", "child", "Geisel"), folded: after one of the
     * {@link #listSingletons} articles ("un soldat", "one person") they are a count of one.
     */
    WordSet singularPeople() {
        return singularPeople;
    }

    /**
     * The value of the number word {@code s[start, end)} when it is read as a dual in construct
     * ({@code construct_duals}: Arabic "ألفا شخص" is 2,000 people, "مليونا" 2,000,000, while the
     * same letters after a number, "68 ألفا", or alone in the accusative, "ألفًا و318", are the
     * thousand itself), or null when it is none.
     */
    Long constructDual(String s, int start, int end) {
        return constructDuals.isEmpty() ? null : constructDuals.get(s.substring(start, end));
    }

    /**
     * Nouns for the victims a figure counts ("dead", "morts", "muertos", "Tote"), folded: right
     * after a bare four-digit number in the year range they make it a count ("2100 dead"), as a
     * population noun or one of the {@link #singularPeople} does; no year takes one right after it.
     */
    WordSet victimNouns() {
        return victimNouns;
    }

    /**
     * Words that make the four-digit number after them a year even before a victim noun ("since
     * 2014 dead migrants", "seit 2015 Tote"), folded.
     */
    WordSet yearPrepositions() {
        return yearPrepositions;
    }

    /** {@code perpetrator_nouns}, folded: "kidnappers", "secuestradores", "Entführer". */
    WordSet perpetratorNouns() {
        return perpetratorNouns;
    }

    /** The openings of "from X to Y" ("from", "de", "von", "من"), folded; not "between". */
    WordSet changeOpenings() {
        return changeOpenings;
    }

    /**
     * The words that join the figure before a change to the one after it ("to", "à", "a",
     * "auf", "إلى"), folded. One that joins no range ("von 12 auf 19") says a change without a
     * {@link #changeVerbs() change verb}.
     */
    WordSet changeConnectors() {
        return changeConnectors;
    }

    /** The words before a change's size ("rose by 8", "s'est alourdi de 8", "aumentó en 8", "stieg um 8", "بـ8"), folded. */
    WordSet changeSizes() {
        return changeSizes;
    }

    /**
     * Verbs that say a figure changed ("rose", "fell", "passé", "pasó", "stieg", "gestiegen",
     * "ارتفعت"), folded: near "from X to Y" they make X the figure before the change, no range
     * ("the death toll rose from 12 to 19" is 19, not 12 to 19), and before "by N" N its size.
     */
    WordSet changeVerbs() {
        return changeVerbs;
    }

    private static WordSet foldedWords(List<String> words) {
        return WordSet.of(foldedSet(words));
    }

    /** A lexicon list's phrases, folded as article text is ({@link FoldedText#foldPhrase}); none for a missing list. */
    private static java.util.Set<String> foldedSet(List<String> phrases) {
        return nullToEmpty(phrases).stream().map(FoldedText::foldPhrase)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Articles that count one as an item of a list of figures ("un", "einen", "a"), folded. */
    WordSet listSingletons() {
        return listSingletons;
    }

    /**
     * Words that open a relative clause ("who", "qui", "que", "الذين"), folded: a capture word
     * behind one describes the figure's people ("the 19 people who were kidnapped") rather than
     * reporting their capture.
     */
    WordSet relativePronouns() {
        return relativePronouns;
    }

    /**
     * Auxiliary verbs ("were", "ont été", "fueron", "wurden"), folded: a capture word behind one
     * reports the capture ("Fifty people were kidnapped") rather than describes the figure's people.
     */
    WordSet auxiliaries() {
        return auxiliaries;
    }

    /**
     * Words that take a figure out of a larger one ("of the", "des", "de los", "von den"),
     * folded: in "three of the 19 hostages were freed" the verb counts the three.
     */
    WordSet partitives() {
        return partitives;
    }

    /**
     * Prepositions that bring in a verb's object ("عن" in "أفرجت السلطات عن 200 معتقل"), folded:
     * where the verb comes first, its subject stands between the verb and them, and a cue verb
     * reaches the figure right after one across that subject.
     */
    WordSet verbObjectPrepositions() {
        return verbObjectPrepositions;
    }

    /**
     * The matches of {@code text}, less those of {@code accented_forms} phrases written without
     * their accents: folding makes German "könnte" (could, a projection) "konnte" (was able to,
     * an event), "dürften" (are likely to, a hedge) "durften" (were allowed to).
     */
    List<Match> matchAsWritten(FoldedText text) {
        List<Match> matches = match(text);
        if (accentedForms.isEmpty()) {
            return matches;
        }
        List<Match> kept = new ArrayList<>(matches.size());
        for (Match m : matches) {
            String phrase = m.entry().phrase() == null ? null : m.entry().phrase().toLowerCase(java.util.Locale.ROOT);
            if (phrase == null || !accentedForms.contains(phrase)
                    || java.text.Normalizer.normalize(text.originalSpan(m.start(), m.end()), java.text.Normalizer.Form.NFC)
                            .toLowerCase(java.util.Locale.ROOT).equals(phrase)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** What after a figure noun names what it counts ("the number of schools"), folded: {@code figure_noun_complements}. */
    WordSet figureNounComplements() {
        return figureNounComplements;
    }

    /** Words that add half a multiplier ("and a half", "et demi", "y medio", "ونصف"), folded. */
    public List<String> halves() {
        return halves;
    }

    /** The multipliers written onto digits ("m" in "1.5m", "bn"), folded: see {@link Role#GLUED_MULTIPLIER}. */
    WordSet gluedMultipliers() {
        return gluedMultipliers;
    }

    /**
     * Words that may join two number words into one number ("vingt et un", "ciento y dos",
     * "ثلاثة و عشرون"), folded.
     */
    WordSet numberWordConnectors() {
        return numberWordConnectors;
    }

    /**
     * Whether a bare four-digit number is rather a year ("en 1948", "since 2014"), from the
     * lexicon's {@code year_range}: the years the news of this language writes about.
     */
    public boolean isYear(long value) {
        return value >= firstYear && value <= lastYear;
    }

    /** Whether {@code ch} is a currency symbol: the figure after it is money, not people. */
    public boolean isCurrencySymbol(char ch) {
        return currencySymbols.indexOf(ch) >= 0;
    }

    /** Half-width of the band around an approximate figure ("environ 132"), as a fraction. */
    public double approxBand() {
        return approxBand;
    }

    /** Every lexicon phrase in the folded text, in order of start. */
    public List<Match> match(String folded) {
        char[] chars = folded.toCharArray();
        return match(folded, chars, WordStarts.of(chars, procliticSet));
    }

    private List<Match> match(String folded, char[] chars, WordStarts starts) {
        MatchCollector collector = new MatchCollector(folded);
        trie.forEachMatchFrom(chars, starts.positions(), starts.count(), collector::accept);
        return collector.matches();
    }

    /**
     * Every lexicon phrase in the text, in order of start: those a walk shared with other phrases
     * found ({@link #addPhrasesTo}, {@link MatchCollector}) when it has run on this text, else a
     * walk of this lexicon's own trie. The same matches either way.
     */
    public List<Match> match(FoldedText text) {
        List<Match> found = text.lexiconMatches(this);
        return found != null ? found : match(text.folded(), text.chars(), text.wordStarts(procliticSet));
    }

    /**
     * Adds this lexicon's phrases to a trie that holds other phrases too: the actor pass walks
     * one trie per language for the gazetteer's names and the lexicon's phrases, where two walks
     * read every word start twice. Its hits of a {@link Keyword} go to a {@link MatchCollector}.
     */
    void addPhrasesTo(PhraseTrie.Builder<Object> builder) {
        keywords.forEach((phrase, list) -> list.forEach(k -> builder.add(phrase, k)));
    }

    /** A collector of this lexicon's matches for a walk over {@code folded} that other phrases share. */
    MatchCollector collector(String folded) {
        return new MatchCollector(folded);
    }

    /** The lexicon's matches from the hits of a walk over one text: what {@link #match} returns. */
    final class MatchCollector {
        private final String folded;
        private final List<Match> matches = new ArrayList<>();
        // The run of matches that share the last one's start, noted as they come: only a run
        // with two different ends needs reordering, and most starts have one phrase.
        private int runStart = -1;
        private int runFrom;
        private int runEnd;
        private boolean runMixed;
        /** [from, to) of each run with different ends, in pairs. */
        private int[] mixedRuns = new int[8];
        private int mixedCount;

        MatchCollector(String folded) {
            this.folded = folded;
        }

        /** One phrase of this lexicon found at [start, end), in the walk's order (by start, shortest first). */
        void accept(int start, int matchEnd, Keyword keyword) {
            if (!startsWord(folded, start)) {
                return; // inside a word
            }
            int end = matchEnd;
            if (keyword.stem()) {
                while (end < folded.length() && FoldedText.isLetter(folded.charAt(end))) {
                    end++; // a stem takes the rest of its word: "secuestr*" -> "secuestraron"
                }
                if (perpetratorNouns.contains(folded, start, end)) {
                    return; // "secuestradores": those who did it, not those it was done to
                }
            } else if (end < folded.length() && FoldedText.isLetter(folded.charAt(end)) && folded.charAt(end - 1) != '\'') {
                return; // inside a word; an elided phrase ("plus d'") runs into the next one
            }
            List<Entry> entries = keyword.entries();
            int n = entries.size();
            if (n == 0) {
                return;
            }
            if (start != runStart) {
                closeRun();
                runStart = start;
                runFrom = matches.size();
                runEnd = end;
            } else if (end != runEnd) {
                runMixed = true;
            }
            boolean published = keyword.releases() && publishedBefore(start);
            for (int k = 0; k < n; k++) { // indexed: one iterator per hit added up
                Entry entry = entries.get(k);
                if (!(published && RELEASED.equals(entry.metric()))) {
                    matches.add(new Match(start, end, entry));
                }
            }
        }

        /** Whether a publication noun ends right before {@code start}, a comma between or not ("the report, released on"). */
        private boolean publishedBefore(int start) {
            int end = TextScan.skipSpacesBack(folded, start - 1);
            if (end >= 0 && folded.charAt(end) == ',') {
                end = TextScan.skipSpacesBack(folded, end - 1);
            }
            int begin = end + 1;
            while (begin > 0 && FoldedText.isLetter(folded.charAt(begin - 1))) {
                begin--;
            }
            return begin <= end && publicationNouns.contains(folded, begin, end + 1);
        }

        /** Notes the run of the last start when its matches have different ends. */
        private void closeRun() {
            if (runMixed) {
                if (mixedCount + 2 > mixedRuns.length) {
                    mixedRuns = java.util.Arrays.copyOf(mixedRuns, mixedRuns.length * 2);
                }
                mixedRuns[mixedCount++] = runFrom;
                mixedRuns[mixedCount++] = matches.size();
                runMixed = false;
            }
        }

        /** The matches, the longest first at each start. Call once, after the walk. */
        List<Match> matches() {
            closeRun();
            // Only the runs noted: a run of one end is in order already.
            for (int r = 0; r < mixedCount; r += 2) {
                matches.subList(mixedRuns[r], mixedRuns[r + 1]).sort(LONGEST_FIRST);
            }
            return matches;
        }
    }

    /**
     * The trie is walked from ascending word starts and gives the phrases of one start shortest
     * first; readers want the longest first. Sorting the whole list cost a tenth of the
     * extractor's time; only the few starts with phrases of different lengths need reordering
     * (stably, so entries of one phrase keep their order), and the collector notes them as they come.
     */
    private static final java.util.Comparator<Match> LONGEST_FIRST = (a, b) -> Integer.compare(b.end(), a.end());

    /**
     * Whether a match at {@code start} begins a word: the text before it is not a letter, or is
     * one of the language's proclitics written onto the word ("و" in "وقتل", "ب" in "بغزة").
     */
    public boolean startsWord(String folded, int start) {
        if (start == 0 || !FoldedText.isLetter(folded.charAt(start - 1))) { // ASCII from a table
            return true;
        }
        if (procliticSet.isEmpty()) {
            return false; // inside a word, in a language that writes no proclitic onto one
        }
        int wordStart = start - 1;
        while (wordStart > 0 && Character.isLetter(folded.charAt(wordStart - 1)) && start - wordStart < 4) {
            wordStart--;
        }
        if (wordStart > 0 && Character.isLetter(folded.charAt(wordStart - 1))) {
            return false;
        }
        return procliticSet.contains(folded, wordStart, start);
    }

    /**
     * One place of {@code gazetteer/places.json}: its id (the claim's location) and, per language,
     * its names ("Goma", "Nord-Kivu", "RDC") and the adjectives and demonyms that say it
     * ("congolais", "kongolesische"). {@code people} (may be null) is the subject id of its
     * residents ("gaza" → "palestinians"), the subject of a casualty figure placed there that
     * names no people of its own. {@code captives} (may be null) is the place its hostage and
     * prisoner figures are counted under (see {@link #captivesPlaceOf}).
     */
    record Place(String id, Map<String, List<String>> names, Map<String, List<String>> adjectives, String people,
                 String captives) {}

    private static final String PLACES = "/crosscount/gazetteer/places.json";

    /** The places file, read once for all languages. */
    private static final class PlacesHolder {
        static final List<Place> PLACES_LIST = readPlaces();
    }

    /** Every place of {@code gazetteer/places.json}. */
    static List<Place> places() {
        return PlacesHolder.PLACES_LIST;
    }

    private static List<Place> readPlaces() {
        return List.of(readResource(PLACES, Place[].class, "places file"));
    }

    /** The JSON resource at {@code path} read as {@code type}; {@code what} names it when it is missing. */
    static <T> T readResource(String path, Class<T> type, String what) {
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + what + " " + path);
            }
            return Json.MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static final String LANGUAGES = "/crosscount/lexicon/languages.json";

    /** The codes of the languages that have a lexicon, from {@code languages.json}, in its order. */
    public static List<String> languages() {
        return List.of(readResource(LANGUAGES, String[].class, "language list"));
    }

    public static Lexicon load(String lang) {
        String path = "/crosscount/lexicon/" + lang + ".json";
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No lexicon for language '" + lang + "' (" + path + ")");
            }
            return fromSpec(Json.MAPPER.readValue(in, Spec.class), PlacesHolder.PLACES_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon " + path + ": " + e.getMessage(), e);
        }
    }

    static Lexicon fromSpec(Spec spec, List<Place> places) {
        Map<String, List<Entry>> byPhrase = new LinkedHashMap<>();
        for (Map<String, Object> q : nullToEmpty(spec.qualifiers())) {
            add(byPhrase, entry(Role.QUALIFIER, q));
        }
        for (Map<String, Object> q : nullToEmpty(spec.qualifiersAfter())) {
            add(byPhrase, entry(Role.QUALIFIER_AFTER, q));
        }
        addSimple(byPhrase, Role.RANGE_CONNECTOR, spec.rangeConnectors());
        addSimple(byPhrase, Role.OPEN_RANGE_CONNECTOR, spec.openRangeConnectors());
        for (Map<String, Object> v : nullToEmpty(spec.vagueAmounts())) {
            add(byPhrase, entry(Role.VAGUE_AMOUNT, v));
        }
        if (spec.numberWords() != null) {
            spec.numberWords().forEach((word, value) -> {
                List<Entry> existing = byPhrase.get(FoldedText.foldPhrase(word));
                if (existing == null || existing.stream().noneMatch(e -> e.role() == Role.NUMBER_WORD)) {
                    add(byPhrase, new Entry(Role.NUMBER_WORD, word, null, null, value, null, null, null, null, null,
                            null, null, null, false));
                }
            });
        }
        addSpelledOutNumbers(byPhrase, spec.lang(), spec.spelloutUpTo());
        if (spec.multipliers() != null) {
            spec.multipliers().forEach((word, value) -> add(byPhrase,
                    new Entry(Role.MULTIPLIER, word, null, null, value, null, null, null, null, null, null, null, null, false)));
        }
        if (spec.gluedMultipliers() != null) {
            spec.gluedMultipliers().forEach((word, value) -> add(byPhrase,
                    new Entry(Role.GLUED_MULTIPLIER, word, null, null, value, null, null, null, null, null, null, null, null, false)));
        }
        for (Map<String, Object> m : nullToEmpty(spec.metrics())) {
            add(byPhrase, entry(Role.METRIC, m));
        }
        addInflectedCues(byPhrase, spec);
        for (Map<String, Object> p : nullToEmpty(spec.populations())) {
            add(byPhrase, entry(Role.POPULATION, p));
        }
        for (Place place : places) {
            for (String name : place.names().getOrDefault(spec.lang(), List.of())) {
                add(byPhrase, new Entry(Role.LOCATION, name, null, null, null, null, null, null, null, null, null,
                        place.id(), null, false));
            }
            for (String adjective : place.adjectives().getOrDefault(spec.lang(), List.of())) {
                add(byPhrase, new Entry(Role.LOCATION_ADJECTIVE, adjective, null, null, null, null, null, null, null,
                        null, null, place.id(), null, false));
            }
        }
        addSimple(byPhrase, Role.AGENT_NOUN, spec.agentNouns());
        addSimple(byPhrase, Role.AGENT_LINK, spec.agentLinks());
        addSimple(byPhrase, Role.SUBSET_MARKER, spec.subsetMarkers());
        addSimple(byPhrase, Role.SUBSET_MARKER_AFTER, spec.subsetMarkersAfter());
        addSimple(byPhrase, Role.COORDINATOR, spec.coordinators());
        addSimple(byPhrase, Role.PROJECTION, spec.projections());
        addSimple(byPhrase, Role.HEDGE, spec.hedges());
        addSimple(byPhrase, Role.ATTRIBUTION, spec.attributionCues());
        addSimple(byPhrase, Role.ATTRIBUTION_PREFIX, spec.attributionPrefixes());
        addSimple(byPhrase, Role.NON_FIGURE_AFTER, spec.nonFigureAfter());
        addSimple(byPhrase, Role.NON_FIGURE_BEFORE, spec.nonFigureBefore());
        addSimple(byPhrase, Role.ONE_AFTER_NOUN, spec.oneAfterNoun());
        addSimple(byPhrase, Role.ABBREVIATION, spec.abbreviations());
        addSimple(byPhrase, Role.SHARE_OF_TOTAL, spec.sharesOfATotal());
        addSimple(byPhrase, Role.RESCUE_SITE, spec.rescueSites());
        addSimple(byPhrase, Role.NEGATION, spec.negations());
        addSimple(byPhrase, Role.FINITE_VERB, spec.finiteVerbs());
        addSimple(byPhrase, Role.COUNT_APPOSITION, spec.countAppositions());
        addSimple(byPhrase, Role.COUNT_APPOSITION_AFTER, spec.countAppositionsAfter());
        addSimple(byPhrase, Role.FIGURE_NOUN, spec.figureNouns());
        addSimple(byPhrase, Role.FIGURE_REVISION, spec.figureRevisions());
        addSimple(byPhrase, Role.REPORTED_ALSO_BEFORE, spec.reportedAlsoBefore());
        addSimple(byPhrase, Role.REPORTED_ALSO_AFTER, spec.reportedAlsoAfter());
        addSimple(byPhrase, Role.RELEASE_NOUN, spec.releaseNouns());
        addSimple(byPhrase, Role.HELD_COUNT_PARTITIVE, spec.heldCountPartitives());
        addSimple(byPhrase, Role.AMONG_PARTITIVE, spec.amongPartitives());
        addSimple(byPhrase, Role.ONE_PRONOUN, spec.onePronouns());
        addSimple(byPhrase, Role.PROPORTION, spec.proportions());
        List<String> proclitics = nullToEmpty(spec.proclitics()).stream().map(FoldedText::foldPhrase).toList();
        Map<String, List<String>> contractions = new LinkedHashMap<>();
        if (spec.articleContractions() != null) {
            spec.articleContractions().forEach((article, forms) -> contractions.put(FoldedText.foldPhrase(article),
                    forms.stream().map(FoldedText::foldPhrase).toList()));
        }
        // Word boundaries are checked in match(), so that stems and whole words share one pass.
        // Phrases in the order they are read, so that two keywords of one phrase keep it in the trie.
        Map<String, List<Keyword>> keywords = new LinkedHashMap<>();
        Map<String, List<Entry>> withClitics = new LinkedHashMap<>(byPhrase);
        byPhrase.forEach((phrase, entries) -> {
            for (String variant : cliticVariants(phrase, proclitics, contractions)) {
                withClitics.putIfAbsent(variant, entries);
            }
        });
        withClitics.forEach((phrase, entries) -> {
            boolean stem = phrase.endsWith("*");
            keywords.computeIfAbsent(stem ? phrase.substring(0, phrase.length() - 1) : phrase, k -> new ArrayList<>(1))
                    .add(new Keyword(stem, entries));
        });
        java.util.Set<String> glue = new java.util.HashSet<>(java.util.Set.of("", ","));
        nullToEmpty(spec.nounPhraseGlue()).forEach(g -> glue.add(FoldedText.foldPhrase(g)));
        return new Lexicon(spec.lang(), spec.approxBand() > 0 ? spec.approxBand() : 0.1, keywords,
                proclitics, contractions, java.util.Set.copyOf(glue),
                foldedSet(spec.locativePrepositions()),
                foldedSet(spec.listConnectors()),
                foldedSet(spec.listSingletons()),
                foldedSet(spec.singularPeople()),
                foldedSet(spec.victimNouns()),
                foldedSet(spec.yearPrepositions()),
                foldedSet(spec.perpetratorNouns()),
                foldedSet(spec.publicationNouns()),
                spec.figureChanges() == null ? new FigureChanges(null, null, null, null) : spec.figureChanges(),
                foldedSet(spec.relativePronouns()),
                foldedSet(spec.auxiliaries()),
                foldedSet(spec.partitives()),
                foldedSet(spec.verbObjectPrepositions()),
                foldedSet(spec.figureNounComplements()),
                nullToEmpty(spec.accentedForms()).stream().map(f -> f.toLowerCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                nullToEmpty(spec.halves()).stream().map(FoldedText::foldPhrase).toList(),
                foldedSet(spec.numberWordConnectors()),
                spec.gluedMultipliers() == null ? java.util.Set.of() : spec.gluedMultipliers().keySet().stream()
                        .map(FoldedText::foldPhrase).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                spec.constructDuals() == null ? Map.of() : spec.constructDuals().entrySet().stream()
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(
                                e -> FoldedText.foldPhrase(e.getKey()), Map.Entry::getValue)),
                yearBound(spec, 0), yearBound(spec, 1), String.join("", nullToEmpty(spec.currencySymbols())),
                places.stream().filter(p -> p.people() != null)
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(Place::id, Place::people)),
                places.stream().filter(p -> p.captives() != null)
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(Place::id, Place::captives)));
    }

    /**
     * The inflected forms of the metric cues, from the language's {@code cue_prefixes} (the Arabic
     * article "ال": "المصابين" from "مصابين"; German compound modifiers: "Schwerverletzte" from
     * "verletzte") and {@code cue_suffixes} (the Arabic accusative "ا": "قتيلا" from "قتيل"),
     * so that the file lists a cue once. A suffix applies to whole-word cues only (a stem takes
     * any ending already). A cue marked {@code "inflect": false} keeps its one form ("أسر", whose
     * article form "الأسر" also means "the families"); a form the file lists itself wins.
     */
    private static void addInflectedCues(Map<String, List<Entry>> byPhrase, Spec spec) {
        List<String> prefixes = nullToEmpty(spec.cuePrefixes()).stream().map(FoldedText::foldPhrase).toList();
        List<String> suffixes = nullToEmpty(spec.cueSuffixes()).stream().map(FoldedText::foldPhrase).toList();
        if (prefixes.isEmpty() && suffixes.isEmpty()) {
            return;
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        byPhrase.forEach((phrase, entries) -> {
            if (entries.stream().anyMatch(e -> e.role() == Role.METRIC)) {
                listed.add(phrase);
            }
        });
        for (Map<String, Object> m : nullToEmpty(spec.metrics())) {
            if (Boolean.FALSE.equals(m.get("inflect"))) {
                continue;
            }
            Entry cue = entry(Role.METRIC, m);
            String folded = FoldedText.foldPhrase(cue.phrase());
            boolean stem = folded.endsWith("*");
            List<String> forms = new ArrayList<>();
            for (String prefix : prefixes) {
                if (!folded.startsWith(prefix)) {
                    forms.add(prefix + folded);
                }
            }
            if (!stem) {
                for (String suffix : suffixes) {
                    if (!folded.endsWith(suffix)) {
                        forms.add(folded + suffix);
                        for (String prefix : prefixes) {
                            if (!folded.startsWith(prefix)) {
                                forms.add(prefix + folded + suffix);
                            }
                        }
                    }
                }
            }
            for (String form : forms) {
                if (listed.add(form)) {
                    add(byPhrase, new Entry(cue.role(), form, cue.qualifier(), cue.band(), cue.value(), cue.low(),
                            cue.high(), cue.metric(), cue.subject(), cue.group(), cue.context(), cue.location(),
                            cue.particle(), cue.next()));
                }
            }
        }
    }

    /**
     * The forms a folded phrase takes when a proclitic merges with its article ("للأمم المتحدة"
     * for "الأمم المتحدة"). Proclitics simply written onto a word ("وإسرائيل") need no variant:
     * {@link #startsWord} accepts them.
     */
    public List<String> cliticVariants(String foldedPhrase) {
        return cliticVariants(foldedPhrase, proclitics, articleContractions);
    }

    private static List<String> cliticVariants(String phrase, List<String> proclitics,
                                               Map<String, List<String>> contractions) {
        if (contractions.isEmpty()) {
            return List.of();
        }
        List<String> variants = new ArrayList<>();
        contractions.forEach((article, forms) -> {
            if (phrase.startsWith(article)) {
                for (String form : forms) {
                    variants.add(form + phrase.substring(article.length()));
                }
            }
        });
        return variants;
    }

    /**
     * Number words from ICU's rule-based spell-out ("quatre-vingt-dix-neuf", "achtundzwanzig",
     * "ثمانية وعشرون") for 2 to {@code upTo}, in every cardinal rule set of the language
     * (masculine, feminine...), so that the lexicon lists only what ICU does not say. Runs of
     * them compose ("deux cent cinquante mille").
     */
    private static void addSpelledOutNumbers(Map<String, List<Entry>> byPhrase, String lang, int upTo) {
        if (upTo < 2) {
            return;
        }
        RuleBasedNumberFormat format = new RuleBasedNumberFormat(ULocale.forLanguageTag(lang),
                RuleBasedNumberFormat.SPELLOUT);
        for (String ruleSet : format.getRuleSetNames()) {
            // The cardinals and the plain numbering: a number said without its noun takes the
            // numbering's form in some languages ("treinta y uno de ellos", not "treinta y un").
            if (!ruleSet.contains("cardinal") && !ruleSet.equals("%spellout-numbering")) {
                continue;
            }
            for (long n = 2; n <= upTo; n++) {
                addNumberWord(byPhrase, format.format(n, ruleSet), n);
            }
            // Languages that write thousands as one word ("fünfzehntausend", "zweihunderttausend")
            // need them as entries: elsewhere "quinze mille" is a number word and a multiplier.
            for (long n = 1; n <= upTo; n++) {
                String phrase = format.format(n * 1000, ruleSet);
                if (phrase.indexOf(' ') < 0 && phrase.indexOf('-') < 0) {
                    addNumberWord(byPhrase, phrase, n * 1000);
                }
            }
        }
    }

    private static void addNumberWord(Map<String, List<Entry>> byPhrase, String phrase, long value) {
        String folded = FoldedText.foldPhrase(phrase);
        List<Entry> existing = byPhrase.get(folded);
        if (existing == null || existing.stream().noneMatch(e -> e.role() == Role.NUMBER_WORD)) {
            add(byPhrase, folded, new Entry(Role.NUMBER_WORD, phrase, null, null, value, null, null, null, null,
                    null, null, null, null, false));
        }
    }

    private static void add(Map<String, List<Entry>> byPhrase, Entry entry) {
        add(byPhrase, FoldedText.foldPhrase(entry.phrase()), entry);
    }

    /** With the phrase already folded: the spell-out adds thousands, each folded once. */
    private static void add(Map<String, List<Entry>> byPhrase, String folded, Entry entry) {
        if (folded.isEmpty()) {
            throw new IllegalArgumentException("Empty phrase in lexicon entry " + entry);
        }
        byPhrase.computeIfAbsent(folded, k -> new ArrayList<>()).add(entry);
    }

    /** Each of {@code phrases} (none when the file lacks the key) with {@code role} alone. */
    private static void addSimple(Map<String, List<Entry>> byPhrase, Role role, List<String> phrases) {
        for (String phrase : nullToEmpty(phrases)) {
            add(byPhrase, simple(role, phrase));
        }
    }

    private static Entry simple(Role role, String phrase) {
        return new Entry(role, phrase, null, null, null, null, null, null, null, null, null, null, null, false);
    }

    private static Entry entry(Role role, Map<String, Object> m) {
        String phrase = (String) m.get("phrase");
        if (phrase == null) {
            throw new IllegalArgumentException(role + " entry without a 'phrase': " + m);
        }
        Object q = m.get("qualifier");
        return new Entry(role, phrase,
                q == null ? null : Qualifier.fromWireName((String) q),
                m.get("band") == null ? null : ((Number) m.get("band")).doubleValue(),
                asLong(m.get("value")), asLong(m.get("low")), asLong(m.get("high")),
                (String) m.get("metric"), (String) m.get("subject"), (String) m.get("group"),
                (String) m.get("context"), (String) m.get("location"),
                m.get("particle") == null ? null : FoldedText.foldPhrase((String) m.get("particle")),
                Boolean.TRUE.equals(m.get("next")));
    }

    /** The first (0) or last (1) year of the lexicon's {@code year_range}: [first, last], both included. */
    private static int yearBound(Spec spec, int which) {
        List<Integer> range = spec.yearRange();
        if (range == null || range.size() != 2) {
            throw new IllegalArgumentException("Lexicon '" + spec.lang() + "' needs a year_range [first, last]");
        }
        return range.get(which);
    }

    private static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
