package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the victims of a figure are, among the places an article names. Names ("Goma",
 * "Gazastreifen") and adjectives ("syriens", "russische") come from the lexicon, which reads
 * them from {@code gazetteer/places.json}. A place named as the one striking is an <em>agent</em>,
 * not where the victims are:
 *
 * <ul>
 *   <li>a name or adjective followed by an agent noun ({@code agent_nouns}), past an English
 *       possessive and at most one longer word: "Israel's relentless bombardment", "Russian
 *       strikes", "israelische Angriffe", "Russland griff";
 *   <li>an adjective after an agent noun, past at most one longer word: "frappes aériennes
 *       israéliennes", "ataques rusos", "الغارات الإسرائيلية";
 *   <li>a name right after an agent link ({@code agent_links}): "killed by Israel", "tués par
 *       Israël", "شنت إسرائيل".
 * </ul>
 *
 * A name that only qualifies something else is a <em>modifier</em>: an English possessive ("Iran's
 * envoy", "Lebanon's health minister") or the first half of a hyphenated pair ("the Israel-Hamas
 * war", "Russia-Ukraine talks").
 *
 * <p>A figure's place is the nearest victim-side name in its clause, then in its sentence; the
 * caller then tries the figure it refers to, then {@link #articlePlace()} (the dateline's place,
 * the headline's, else the name the article gives most, a name after a locative preposition
 * counting twice: "à Gaza", "in Khartoum", "بغزة"), then {@link #lastResort} (a victim-side
 * adjective of the sentence, else a modifier or agent name of the sentence).
 */
final class PlaceResolver {

    /** The gap words between an agent noun and its place are longer than this ("relentless", "aériennes"). */
    private static final int SHORT_WORD = 3;

    /** {@code agent}: not where the victims are (a striker or a modifier). */
    private record Place(int start, String id, boolean agent, int weight) {}

    static final PlaceResolver NONE = new PlaceResolver(List.of(), null, null);

    /** The names, in order of start. */
    private final List<Place> names;
    private final String articlePlace;
    /**
     * The adjectives, classified on first use ({@link #adjectives()}): only a figure that neither
     * a name of its sentence nor the article's place places reads them, and most articles have
     * none such. Null until then.
     */
    private List<Place> adjectives;
    private final Adjectives adjectivesToRead;

    /** What the adjectives are read from: the text, their outermost matches and the agent nouns around them. */
    private record Adjectives(FoldedText text, List<Match> matches, RoleMatches nouns, RoleMatches coordinators) {}

    private PlaceResolver(List<Place> names, Adjectives adjectivesToRead, String articlePlace) {
        this.names = names;
        this.adjectivesToRead = adjectivesToRead;
        this.adjectives = adjectivesToRead == null ? List.of() : null;
        this.articlePlace = articlePlace;
    }

    /** The places of a folded text, with the headline's place (null if none) as the article's fallback. */
    static PlaceResolver of(FoldedText text, Map<Role, RoleMatches> byRole, Set<String> locatives,
                            String headlinePlace) {
        return ofArticle(text, byRole, locatives, () -> headlinePlace);
    }

    /**
     * As above, with the headline's place read by {@code headlinePlace} only when the article
     * needs it: a dateline's place comes first, and reading the headline walks the lexicon again.
     */
    static PlaceResolver ofArticle(FoldedText text, Map<Role, RoleMatches> byRole, Set<String> locatives,
                                   java.util.function.Supplier<String> headlinePlaceOf) {
        String s = text.folded();
        RoleMatches names = byRole.getOrDefault(Role.LOCATION, RoleMatches.EMPTY);
        RoleMatches adjectives = byRole.getOrDefault(Role.LOCATION_ADJECTIVE, RoleMatches.EMPTY);
        if (names.all().isEmpty() && adjectives.all().isEmpty()) {
            String headlinePlace = headlinePlaceOf.get();
            return headlinePlace == null ? NONE : new PlaceResolver(List.of(), null, headlinePlace);
        }
        RoleMatches nouns = byRole.getOrDefault(Role.AGENT_NOUN, RoleMatches.EMPTY);
        RoleMatches links = byRole.getOrDefault(Role.AGENT_LINK, RoleMatches.EMPTY);
        RoleMatches coordinators = byRole.getOrDefault(Role.COORDINATOR, RoleMatches.EMPTY);
        List<Place> namePlaces = new ArrayList<>();
        for (Match m : outermost(names.all())) {
            boolean agent = agentNounAfter(s, m.end(), nouns, coordinators) || linkBefore(s, m.start(), links);
            boolean modifier = !agent && modifier(text, m.end());
            int weight = agent ? 0 : modifier ? 1 : locative(s, m.start(), locatives) ? 2 : 1;
            namePlaces.add(new Place(m.start(), m.entry().location(), agent || modifier, weight));
        }
        List<Match> adjectiveMatches = outermost(adjectives.all());
        String dateline = dateline(s, namePlaces, firstAdjectiveStart(text, adjectiveMatches));
        String headlinePlace = dateline != null ? null : headlinePlaceOf.get();
        String article = dateline != null ? dateline : headlinePlace != null ? headlinePlace : mostNamed(namePlaces);
        return new PlaceResolver(namePlaces, new Adjectives(text, adjectiveMatches, nouns, coordinators), article);
    }

    /** The adjectives of the article, classified on the first call. */
    private List<Place> adjectives() {
        if (adjectives == null) {
            adjectives = adjectivePlaces(adjectivesToRead);
        }
        return adjectives;
    }

    private static List<Place> adjectivePlaces(Adjectives read) {
        String s = read.text().folded();
        List<Place> places = new ArrayList<>();
        for (Match m : read.matches()) {
            if (compoundQualifier(read.text(), m)) {
                continue; // "le conflit israélo-palestinien", "pro-russes": no victims' side
            }
            boolean agent = agentNounAfter(s, m.end(), read.nouns(), read.coordinators())
                    || agentNounBefore(s, m.start(), read.nouns());
            places.add(new Place(m.start(), m.entry().location(), agent, 0));
        }
        return places;
    }

    /** Where the first adjective that names a side starts, or -1: a dateline comes before any. */
    private static int firstAdjectiveStart(FoldedText text, List<Match> adjectives) {
        for (Match m : adjectives) {
            if (!compoundQualifier(text, m)) {
                return m.start();
            }
        }
        return -1;
    }

    /** The place of a headline: the victim-side name it gives most, else null. */
    static String headlinePlace(FoldedText text, Map<Role, RoleMatches> byRole, Set<String> locatives) {
        return mostNamed(of(text, byRole, locatives, null).names);
    }

    /** The victim-side name nearest {@code at} that starts in {@code [from, to)}, or null. */
    String nearest(int from, int to, int at) {
        return nearest(from, to, at, true, false);
    }

    /**
     * The victim-side name after a locative preposition ("in Gaza", "à Goma") nearest {@code at}
     * in {@code [from, to)}, or null.
     */
    String nearestLocative(int from, int to, int at) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = firstStartingAt(names, from); i < names.size() && names.get(i).start() < to; i++) {
            Place p = names.get(i); // names are sorted by start: only those of [from, to) are read
            if (!p.agent() && p.weight() == 2
                    && Math.abs(p.start() - at) < bestDistance) {
                best = p.id();
                bestDistance = Math.abs(p.start() - at);
            }
        }
        return best;
    }

    /** The place whose victim-side adjective the article gives most ("israelische Geiseln"), or null. */
    String articleAdjective() {
        if (!articleAdjectiveKnown) { // asked per figure, the same for all: counted once
            articleAdjective = mostGiven(adjectives(), false);
            articleAdjectiveKnown = true;
        }
        return articleAdjective;
    }

    private String articleAdjective;
    private boolean articleAdjectiveKnown;

    /** The article's place: its dateline's, its headline's, else the victim-side name it gives most. */
    String articlePlace() {
        return articlePlace;
    }

    /**
     * When nothing else places a figure: a victim-side adjective of its sentence ("soldats
     * maliens"), else an agent name of the sentence ("Russia's strikes"), else null.
     */
    String lastResort(int from, int to, int at) {
        String adjective = nearest(from, to, at, false, false);
        return adjective != null ? adjective : nearest(from, to, at, true, true);
    }

    private String nearest(int from, int to, int at, boolean name, boolean agent) {
        // Places are sorted by start: the nearest is the first of its kind on either side of
        // {@code at}, found from there, not by reading every place of the range (an article
        // naming a place in each of its thousands of figures would cost places times figures).
        // The one before wins a tie, as it comes first in the article.
        List<Place> places = name ? names : adjectives();
        int split = firstStartingAt(places, at);
        Place before = null;
        for (int i = split - 1; i >= 0 && places.get(i).start() >= from; i--) {
            if (places.get(i).start() < to && places.get(i).agent() == agent) {
                before = places.get(i);
                break;
            }
        }
        Place after = null;
        for (int i = split; i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).start() >= from && places.get(i).agent() == agent) {
                after = places.get(i);
                break;
            }
        }
        if (before == null || after == null) {
            return before != null ? before.id() : after != null ? after.id() : null;
        }
        return at - before.start() <= after.start() - at ? before.id() : after.id();
    }

    /** The index of the first of {@code places} (in order of start) starting at or after {@code position}. */
    private static int firstStartingAt(List<Place> places, int position) {
        int lo = 0;
        int hi = places.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (places.get(mid).start() < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String mostNamed(List<Place> places) {
        return mostGiven(places, true);
    }

    /**
     * Of names ({@code names}) by their weight, else of victim-side adjectives one each: the place
     * given most, the first to reach the highest count on a tie; or null. Asked once or twice an
     * article.
     */
    private static String mostGiven(List<Place> places, boolean names) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (Place p : places) {
            if (names ? p.weight() == 0 : p.agent()) {
                continue;
            }
            int n = counts.merge(p.id(), names ? p.weight() : 1, Integer::sum);
            if (best == null || n > bestCount) { // the best's own count grows past itself too
                best = p.id();
                bestCount = n;
            }
        }
        return best;
    }

    /**
     * A dateline: the article opens with a victim-side name, maybe followed by ", <country>",
     * then a colon, a dash or an agency in brackets ("Gaza: ...", "KYIV, Ukraine (Reuters) -").
     * {@code names} in order of start; {@code firstAdjective}: where the first adjective starts
     * (-1 for none), which no place of the dateline may follow.
     */
    private static String dateline(String s, List<Place> names, int firstAdjective) {
        if (names.isEmpty() || !before(names.get(0), firstAdjective) || names.get(0).agent()) {
            return null;
        }
        Place first = names.get(0);
        for (int i = 0; i < first.start(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return null;
            }
        }
        int i = endOfWords(s, first.start());
        if (i < s.length() && s.charAt(i) == ',' && names.size() > 1 && before(names.get(1), firstAdjective)) {
            i = endOfWords(s, names.get(1).start());
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i < s.length() && ":—–-(".indexOf(s.charAt(i)) >= 0 ? first.id() : null;
    }

    /** Whether name {@code p} comes before the adjective at {@code adjective} (-1: none); a name first at one start. */
    private static boolean before(Place p, int adjective) {
        return adjective < 0 || p.start() <= adjective;
    }

    /** The end of the run of words (letters, spaces inside a name) from {@code i}. */
    private static int endOfWords(String s, int i) {
        while (i < s.length() && (Character.isLetter(s.charAt(i))
                || s.charAt(i) == ' ' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)))) {
            i++;
        }
        return i;
    }

    /** The longest of the matches that start at one position ("Niger State" over "Niger"). */
    private static List<Match> outermost(List<Match> matches) {
        List<Match> kept = new ArrayList<>(matches.size());
        int coveredTo = -1;
        for (Match m : matches) { // sorted by start, then longest first
            if (m.start() >= coveredTo) {
                kept.add(m);
                coveredTo = m.end();
            }
        }
        return kept;
    }

    /** An agent noun right after a place, past a possessive ("'s") and one longer word. */
    private static boolean agentNounAfter(String s, int end, RoleMatches nouns, RoleMatches coordinators) {
        int i = end;
        if (i + 1 < s.length() && s.charAt(i) == '\'' && Character.isLetter(s.charAt(i + 1))) {
            i += 2; // "israel's"
        }
        for (int gap = 0; gap <= 1; gap++) {
            int wordStart = wordStartAfter(s, i);
            if (wordStart < 0) {
                return false;
            }
            int wordEnd = lettersEnd(s, wordStart);
            if (coordinators.anyStartingIn(wordStart, wordEnd)) {
                return false;
            }
            if (nouns.anyStartingIn(wordStart, wordEnd)) {
                return true;
            }
            if (wordEnd - wordStart <= SHORT_WORD) {
                return false;
            }
            i = wordEnd;
        }
        return false;
    }

    /** A name that qualifies what follows: "Iran's envoy", "the Israel-Hamas war" (original text). */
    /**
     * An adjective inside a hyphenated compound that qualifies a thing, not a people: the second
     * element ("israélo-palestinien", "pro-russes", "l'Israélo-Argentin", whose first element
     * names the side), or a first element written in lower case ("négociations
     * israélo-égyptiennes").
     */
    private static boolean compoundQualifier(FoldedText text, Match m) {
        String original = text.original();
        if (m.start() > 1) {
            // the original of the two folded chars before it (hyphens fold to spaces), read in place
            int from = text.originalStart(m.start() - 2);
            if (text.originalEnd(m.start()) - from == 2 && (original.charAt(from + 1) == '-'
                    || original.charAt(from + 1) == '\u2011') && Character.isLetter(original.charAt(from))) {
                return true;
            }
        }
        // its first folded char comes from exactly one original char
        return modifier(text, m.end()) && Character.isLowerCase(original.charAt(text.originalStart(m.start())));
    }

    private static boolean modifier(FoldedText text, int end) {
        String s = text.folded();
        if (end + 1 < s.length() && s.charAt(end) == '\'' && s.charAt(end + 1) == 's'
                && (end + 2 == s.length() || !Character.isLetter(s.charAt(end + 2)))) {
            return true;
        }
        // text.originalSpan(end, min(length, end + 2)), read in place: two chars, a dash and a letter
        int to = Math.min(s.length(), end + 2);
        if (to == end) {
            return false;
        }
        int from = text.originalStart(end);
        if (text.originalEnd(to) - from != 2) {
            return false;
        }
        char dash = text.original().charAt(from);
        return (dash == '-' || dash == '\u2011') && Character.isLetter(text.original().charAt(from + 1));
    }

    /**
     * After a locative preposition: one of the two words before is one ("in", "im", "dans la"),
     * or a proclitic one is written onto the name ("بغزة").
     */
    private static boolean locative(String s, int start, Set<String> locatives) {
        int wordStart = start;
        while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart < start) {
            return TextScan.isOneOf(locatives, s, wordStart, start);
        }
        int previousEnd = wordEndBefore(s, start);
        if (previousEnd < 0) {
            return false;
        }
        int previousStart = startOfWord(s, previousEnd);
        if (TextScan.isOneOf(locatives, s, previousStart, previousEnd)) {
            return true;
        }
        int beforeEnd = wordEndBefore(s, previousStart);
        if (beforeEnd < 0) {
            return false;
        }
        int beforeStart = startOfWord(s, beforeEnd);
        return TextScan.isOneOf(locatives, s, beforeStart, beforeEnd)
                || TextScan.isOneOf(locatives, s, beforeStart, previousEnd);
    }

    /** An agent link ending right before a name ("by", "par", "شنت"). */
    private static boolean linkBefore(String s, int start, RoleMatches links) {
        int end = wordEndBefore(s, start);
        return end >= 0 && links.anyEndingIn(end, end);
    }

    /** An agent noun right before an adjective, past one longer word ("frappes aériennes israéliennes"). */
    private static boolean agentNounBefore(String s, int start, RoleMatches nouns) {
        int i = start;
        for (int gap = 0; gap <= 1; gap++) {
            int wordEnd = wordEndBefore(s, i);
            if (wordEnd < 0) {
                return false;
            }
            int wordStart = startOfWord(s, wordEnd);
            if (nouns.anyEndingIn(wordStart + 1, wordEnd)) {
                return true;
            }
            if (wordEnd - wordStart <= SHORT_WORD) {
                return false;
            }
            i = wordStart;
        }
        return false;
    }

    // The words around a place, read as positions (no arrays: these run for every place).

    /** The start of the word after {@code i} past spaces; -1 at punctuation or the end. */
    private static int wordStartAfter(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i >= s.length() || !Character.isLetter(s.charAt(i)) ? -1 : i;
    }

    /** The end of the run of letters from {@code i}. */
    private static int lettersEnd(String s, int i) {
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the word before {@code i} past spaces; -1 at punctuation or the start. */
    private static int wordEndBefore(String s, int i) {
        int end = i;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == 0 || !Character.isLetter(s.charAt(end - 1)) ? -1 : end;
    }

    /** The start of the word (letters and apostrophes) that ends at {@code end}. */
    private static int startOfWord(String s, int end) {
        int start = end;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '\'')) {
            start--;
        }
        return start;
    }
}
