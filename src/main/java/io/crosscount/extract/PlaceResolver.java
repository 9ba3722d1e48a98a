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
    private record Place(int start, String id, boolean name, boolean agent, int weight) {}

    static final PlaceResolver NONE = new PlaceResolver(List.of(), null);

    private final List<Place> places;
    private final String articlePlace;

    private PlaceResolver(List<Place> places, String articlePlace) {
        this.places = places;
        this.articlePlace = articlePlace;
    }

    /** The places of a folded text, with the headline's place (null if none) as the article's fallback. */
    static PlaceResolver of(FoldedText text, Map<Role, RoleMatches> byRole, Set<String> locatives,
                            String headlinePlace) {
        String s = text.folded();
        RoleMatches names = byRole.getOrDefault(Role.LOCATION, RoleMatches.EMPTY);
        RoleMatches adjectives = byRole.getOrDefault(Role.LOCATION_ADJECTIVE, RoleMatches.EMPTY);
        if (names.all().isEmpty() && adjectives.all().isEmpty()) {
            return headlinePlace == null ? NONE : new PlaceResolver(List.of(), headlinePlace);
        }
        RoleMatches nouns = byRole.getOrDefault(Role.AGENT_NOUN, RoleMatches.EMPTY);
        RoleMatches links = byRole.getOrDefault(Role.AGENT_LINK, RoleMatches.EMPTY);
        RoleMatches coordinators = byRole.getOrDefault(Role.COORDINATOR, RoleMatches.EMPTY);
        List<Place> places = new ArrayList<>();
        for (Match m : outermost(names.all())) {
            boolean agent = agentNounAfter(s, m.end(), nouns, coordinators) || linkBefore(s, m.start(), links);
            boolean modifier = !agent && modifier(text, m.end());
            int weight = agent ? 0 : modifier ? 1 : locative(s, m.start(), locatives) ? 2 : 1;
            places.add(new Place(m.start(), m.entry().location(), true, agent || modifier, weight));
        }
        for (Match m : outermost(adjectives.all())) {
            if (compoundQualifier(text, m)) {
                continue; // "le conflit israélo-palestinien", "pro-russes": no victims' side
            }
            boolean agent = agentNounAfter(s, m.end(), nouns, coordinators) || agentNounBefore(s, m.start(), nouns);
            places.add(new Place(m.start(), m.entry().location(), false, agent, 0));
        }
        places.sort((a, b) -> Integer.compare(a.start(), b.start()));
        String dateline = dateline(s, places);
        String article = dateline != null ? dateline : headlinePlace != null ? headlinePlace : mostNamed(places);
        return new PlaceResolver(places, article);
    }

    /** The place of a headline: the victim-side name it gives most, else null. */
    static String headlinePlace(FoldedText text, Map<Role, RoleMatches> byRole, Set<String> locatives) {
        return mostNamed(of(text, byRole, locatives, null).places);
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
        for (Place p : places) {
            if (p.start() >= from && p.start() < to && p.name() && !p.agent() && p.weight() == 2
                    && Math.abs(p.start() - at) < bestDistance) {
                best = p.id();
                bestDistance = Math.abs(p.start() - at);
            }
        }
        return best;
    }

    /** The place whose victim-side adjective the article gives most ("israelische Geiseln"), or null. */
    String articleAdjective() {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Place p : places) {
            if (p.name() || p.agent()) {
                continue;
            }
            int n = counts.merge(p.id(), 1, Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = p.id();
            }
        }
        return best;
    }

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
        int split = firstStartingAt(at);
        Place before = null;
        for (int i = split - 1; i >= 0 && places.get(i).start() >= from; i--) {
            if (places.get(i).start() < to && places.get(i).name() == name && places.get(i).agent() == agent) {
                before = places.get(i);
                break;
            }
        }
        Place after = null;
        for (int i = split; i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).start() >= from && places.get(i).name() == name && places.get(i).agent() == agent) {
                after = places.get(i);
                break;
            }
        }
        if (before == null || after == null) {
            return before != null ? before.id() : after != null ? after.id() : null;
        }
        return at - before.start() <= after.start() - at ? before.id() : after.id();
    }

    /** The index of the first place starting at or after {@code position}. */
    private int firstStartingAt(int position) {
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
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Place p : places) {
            if (!p.name() || p.weight() == 0) {
                continue;
            }
            int n = counts.merge(p.id(), p.weight(), Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = p.id();
            }
        }
        return best;
    }

    /**
     * A dateline: the article opens with a victim-side name, maybe followed by ", <country>",
     * then a colon, a dash or an agency in brackets ("Gaza: ...", "KYIV, Ukraine (Reuters) -").
     */
    private static String dateline(String s, List<Place> places) {
        if (places.isEmpty() || !places.get(0).name() || places.get(0).agent()) {
            return null;
        }
        Place first = places.get(0);
        for (int i = 0; i < first.start(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return null;
            }
        }
        int i = endOfWords(s, first.start());
        if (i < s.length() && s.charAt(i) == ',' && places.size() > 1 && places.get(1).name()) {
            i = endOfWords(s, places.get(1).start());
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i < s.length() && ":—–-(".indexOf(s.charAt(i)) >= 0 ? first.id() : null;
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
            int[] word = wordAfter(s, i);
            if (word[0] < 0 || coordinators.anyStartingIn(word[0], word[1])) {
                return false;
            }
            if (nouns.anyStartingIn(word[0], word[1])) {
                return true;
            }
            if (word[1] - word[0] <= SHORT_WORD) {
                return false;
            }
            i = word[1];
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
        if (m.start() > 1) {
            String before = text.originalSpan(m.start() - 2, m.start()); // hyphens fold to spaces
            if (before.length() == 2 && (before.charAt(1) == '-' || before.charAt(1) == '\u2011')
                    && Character.isLetter(before.charAt(0))) {
                return true;
            }
        }
        String first = text.originalSpan(m.start(), m.start() + 1);
        return modifier(text, m.end()) && !first.isEmpty() && Character.isLowerCase(first.charAt(0));
    }

    private static boolean modifier(FoldedText text, int end) {
        String s = text.folded();
        if (end + 1 < s.length() && s.charAt(end) == '\'' && s.charAt(end + 1) == 's'
                && (end + 2 == s.length() || !Character.isLetter(s.charAt(end + 2)))) {
            return true;
        }
        String after = text.originalSpan(end, Math.min(s.length(), end + 2));
        return after.length() == 2 && (after.charAt(0) == '-' || after.charAt(0) == '\u2011')
                && Character.isLetter(after.charAt(1));
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
            return locatives.contains(s.substring(wordStart, start));
        }
        int[] previous = wordBefore(s, start);
        if (previous[0] < 0) {
            return false;
        }
        if (locatives.contains(s.substring(previous[0], previous[1]))) {
            return true;
        }
        int[] before = wordBefore(s, previous[0]);
        return before[0] >= 0 && (locatives.contains(s.substring(before[0], before[1]))
                || locatives.contains(s.substring(before[0], previous[1])));
    }

    /** An agent link ending right before a name ("by", "par", "شنت"). */
    private static boolean linkBefore(String s, int start, RoleMatches links) {
        int[] word = wordBefore(s, start);
        return word[0] >= 0 && !links.endingIn(word[1], word[1]).isEmpty();
    }

    /** An agent noun right before an adjective, past one longer word ("frappes aériennes israéliennes"). */
    private static boolean agentNounBefore(String s, int start, RoleMatches nouns) {
        int i = start;
        for (int gap = 0; gap <= 1; gap++) {
            int[] word = wordBefore(s, i);
            if (word[0] < 0) {
                return false;
            }
            if (!nouns.endingIn(word[0] + 1, word[1]).isEmpty()) {
                return true;
            }
            if (word[1] - word[0] <= SHORT_WORD) {
                return false;
            }
            i = word[0];
        }
        return false;
    }

    /** The word after {@code i} past spaces, as {start, end}; {-1, -1} at punctuation or the end. */
    private static int[] wordAfter(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
            return new int[] {-1, -1};
        }
        int end = i;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return new int[] {i, end};
    }

    /** The word before {@code i} past spaces, as {start, end}; {-1, -1} at punctuation or the start. */
    private static int[] wordBefore(String s, int i) {
        int end = i;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0 || !Character.isLetter(s.charAt(end - 1))) {
            return new int[] {-1, -1};
        }
        int start = end;
        while (start > 0 && (Character.isLetter(s.charAt(start - 1)) || s.charAt(start - 1) == '\'')) {
            start--;
        }
        return new int[] {start, end};
    }
}
