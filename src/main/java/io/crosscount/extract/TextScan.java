package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Small look-ups over the folded text and the lexicon's matches that every stage of
 * {@link FigureExtractor} makes: the matches of one role, and the phrase just before or just
 * after a position.
 */
final class TextScan {

    private TextScan() {}

    private static final Role[] ROLES = Role.values();

    static Map<Role, RoleMatches> byRole(List<Match> matches) {
        // Grouped by ordinal in an array, no map probing; counted first, so each role's list is
        // allocated at its size (the larger roles have dozens of matches an article).
        // Read from an array: the list the text keeps is an unmodifiable view, one more call per get.
        Match[] all = matches.toArray(new Match[0]);
        int n = all.length;
        int[] roleOf = new int[n];
        int[] counts = new int[ROLES.length];
        for (int i = 0; i < n; i++) {
            int role = all[i].entry().role().ordinal();
            roleOf[i] = role;
            counts[role]++;
        }
        @SuppressWarnings("unchecked")
        List<Match>[] grouped = new List[ROLES.length];
        for (int i = 0; i < n; i++) {
            int role = roleOf[i];
            if (grouped[role] == null) {
                grouped[role] = new ArrayList<>(counts[role]);
            }
            grouped[role].add(all[i]);
        }
        Map<Role, RoleMatches> byRole = new EnumMap<>(Role.class);
        for (int role = 0; role < grouped.length; role++) {
            if (grouped[role] != null) {
                byRole.put(ROLES[role], new RoleMatches(grouped[role]));
            }
        }
        return byRole;
    }

    static RoleMatches role(Map<Role, RoleMatches> byRole, Role role) {
        RoleMatches matches = byRole.get(role); // one look-up: getOrDefault makes two for a role without matches
        return matches != null ? matches : RoleMatches.EMPTY;
    }

    /** The longest match ending at most three spaces before {@code position}. */
    static Match preceding(String s, int position, RoleMatches matches) {
        Match best = null;
        // matches.endingIn(max(0, position - 3), position), read in place
        int n = matches.size();
        for (int i = matches.firstEndingFrom(Math.max(0, position - 3)); i < n && matches.endAt(i) <= position; i++) {
            Match m = matches.byEnd(i);
            if (isBlankOrQuote(s, m.end(), position) && (best == null || m.end() - m.start() > best.end() - best.start())) {
                best = m;
            }
        }
        return best;
    }

    static Match following(String s, int position, RoleMatches matches) {
        Match best = null;
        // matches.startingIn(position, position + 4), read in place
        int n = matches.size();
        for (int i = matches.firstStartingFrom(position); i < n && matches.startAt(i) < position + 4; i++) {
            Match m = matches.byStart(i);
            if (isBlankOrQuote(s, position, m.start()) && (best == null || m.end() > best.end())) {
                best = m;
            }
        }
        return best;
    }

    /** Whether only spaces, at most three, stand in {@code s[from, to)}. */
    static boolean isBlank(String s, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #isBlank}, or quotation marks (folded to '"') among the spaces: a quote opened
     * inside a figure ('entre « 9.000 et 10.000 »') does not part the number from its qualifier
     * or from the other end of its range. Only those look-ups take it: where a clause breaks
     * ("et « 118 enlevés »") the quote still keeps the figure out of the coordination.
     */
    static boolean isBlankOrQuote(String s, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '"') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s.substring(from, to)} is one of {@code words}: asked of the span in place
     * when they are a {@link WordSet} (the lexicon's word lists), without the copy.
     */
    static boolean isOneOf(java.util.Set<String> words, String s, int from, int to) {
        return words instanceof WordSet set ? set.contains(s, from, to) : words.contains(s.substring(from, to));
    }

    /** Whether one of {@code words} stands as a whole word in {@code s} between {@code from} and {@code to}. */
    static boolean hasWord(String s, int from, int to, java.util.Set<String> words) {
        int start = -1;
        for (int i = from; i <= to; i++) {
            boolean letter = i < to && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (isOneOf(words, s, start, i)) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** Whether s[from, to) holds only spaces and words of {@code words} (none at all is true). */
    static boolean onlyWords(String s, int from, int to, java.util.Set<String> words) {
        int i = from;
        while (i < to) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = i;
            while (end < to && s.charAt(end) != ' ') {
                end++;
            }
            if (!isOneOf(words, s, i, end)) {
                return false;
            }
            i = end;
        }
        return true;
    }

    /** The last position at or before {@code i} that is not a space, or -1. */
    static int skipSpacesBack(String s, int i) {
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i;
    }

    /** The first position at or after {@code i} that is not a space. */
    static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of the word starting at {@code i}: the next space, or right after an elision ("d'"). */
    static int wordEnd(String s, int i) {
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
            if (s.charAt(i - 1) == '\'') {
                break;
            }
        }
        return i;
    }

    /** Whether one of {@code words} starts at {@code i} as a whole word, or as an elided one ("d'"). */
    static boolean startsWithWord(String s, int i, java.util.Set<String> words) {
        for (String w : words) {
            if (s.startsWith(w, i) && (w.endsWith("'") || i + w.length() == s.length()
                    || !Character.isLetter(s.charAt(i + w.length())))) {
                return true;
            }
        }
        return false;
    }
}
