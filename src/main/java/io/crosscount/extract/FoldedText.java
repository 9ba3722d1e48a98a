package io.crosscount.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text folded for matching (lower case, no diacritics, ASCII apostrophes, quotes, spaces and
 * digits) with a map back to the original offsets, so that every match can report where it
 * stands in the article as written.
 */
public final class FoldedText {
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    /** Folds of every char below U+3000 (Latin, Greek, Cyrillic, Arabic, punctuation), computed once. */
    private static final int TABLE_SIZE = 0x3000;
    private static final String[] TABLE = new String[TABLE_SIZE];
    private static final ConcurrentHashMap<Character, String> FOLD_CACHE = new ConcurrentHashMap<>();

    static {
        for (char c = 128; c < TABLE_SIZE; c++) {
            TABLE[c] = foldUncached(c);
        }
    }

    /**
     * The fold of each ASCII char: lower case, tab and return as spaces; '-' stays '-' here and
     * {@link #of} makes it a space unless it stands between digits.
     */
    private static final char[] ASCII_FOLDS = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLDS[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\t' || c == '\r' ? ' ' : c;
        }
    }

    /** Which ASCII chars are letters: most of a folded Latin-script text, checked without a lookup by script. */
    private static final boolean[] ASCII_LETTERS = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_LETTERS[c] = true;
            ASCII_LETTERS[c - 32] = true;
        }
    }

    private final String original;
    private final String folded;
    /** The folded text's chars, for the passes that read every char (never modified). */
    private final char[] chars;
    /**
     * toOriginal[i] is the original index of folded char i; one extra slot for the end. Null when
     * folding kept every char as one: then the two indexes are the same.
     */
    private final int[] toOriginal;

    private FoldedText(String original, char[] chars, int[] toOriginal) {
        this.original = original;
        this.chars = chars;
        this.folded = new String(chars);
        this.toOriginal = toOriginal;
    }

    public static FoldedText of(String text) {
        int length = text.length();
        // The passes read chars from an array: a String's charAt checks its coder on each char.
        char[] in = text.toCharArray();
        // Folding rarely expands (ligatures, some Arabic forms): arrays of the input's size, kept
        // as they are when it did not (no copy at the end for most articles).
        char[] out = new char[length];
        // Null while every char so far folded to exactly one (folded index = original index):
        // built only when one does not, which most Latin-script articles never reach.
        int[] map = null;
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (map == null) {
                // While every char so far folded to one, n == i: a run of ASCII needs no growth
                // and no map, and goes through a loop of its own (most of an article).
                while (i < length && in[i] < 128) {
                    out[i] = foldAscii(in, i);
                    i++;
                }
                n = i;
                if (i == length) {
                    break;
                }
            }
            char c = in[i];
            if (c < 128) { // only once a char has grown: until then the loop above reads ASCII
                if (n >= out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + 16);
                    map = java.util.Arrays.copyOf(map, out.length + 1);
                }
                out[n] = foldAscii(in, i);
                map[n++] = i;
                continue;
            }
            String f = c >= '\u2010' && c <= '\u2014' && isDashBetweenDigits(in, i) ? "-" : fold(c);
            if (map == null && f.length() != 1) {
                map = identity(n, out.length + 1);
            }
            if (n + f.length() > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2 + f.length() + 16);
                map = java.util.Arrays.copyOf(map, out.length + 1);
            }
            for (int k = 0; k < f.length(); k++) {
                out[n] = f.charAt(k);
                if (map != null) {
                    map[n] = i;
                }
                n++;
            }
        }
        if (map != null) {
            map[n] = length;
        }
        return new FoldedText(text, n == out.length ? out : java.util.Arrays.copyOf(out, n),
                map == null || n + 1 == map.length ? map : java.util.Arrays.copyOf(map, n + 1));
    }

    /** The ASCII char at {@code i} folded: a dash is a space unless it joins two numbers. */
    private static char foldAscii(char[] in, int i) {
        char folded = ASCII_FOLDS[in[i]];
        return folded == '-' && !isDashBetweenDigits(in, i) ? ' ' : folded;
    }

    /** A map of {@code size} whose first {@code n} entries are their own index. */
    private static int[] identity(int n, int size) {
        int[] map = new int[size];
        for (int k = 0; k < n; k++) {
            map[k] = k;
        }
        return map;
    }

    /**
     * Whether the dash at {@code i} stands between two numbers ("1,000-5,000", "50 – 70"): it is
     * kept as '-', for a range, where any other dash folds to a space ("vingt-cinq").
     */
    private static boolean isDashBetweenDigits(char[] text, int i) {
        int before = i - 1;
        while (before >= 0 && i - before <= 2 && text[before] == ' ') {
            before--;
        }
        int after = i + 1;
        while (after < text.length && after - i <= 2 && text[after] == ' ') {
            after++;
        }
        return before >= 0 && after < text.length && Character.isDigit(text[before])
                && Character.isDigit(text[after]);
    }

    /** Folds one non-ASCII char: a table look-up for the scripts news is written in, else a cache. */
    private static String fold(char c) {
        if (c < TABLE_SIZE) {
            return TABLE[c];
        }
        return FOLD_CACHE.computeIfAbsent(c, FoldedText::foldUncached);
    }

    private static String foldUncached(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '\u2032', '\u00B4', '\u201B' -> { return "'"; }
            case '\u00AB', '\u00BB', '\u201C', '\u201D', '\u201E', '\u2039', '\u203A' -> { return "\""; }
            case '\u00A0', '\u202F', '\u2009', '\u2007', '\u2002', '\u2003', '\u2010', '\u2011',
                 '\u2012', '\u2013', '\u2014', '\u0640' -> {
                // No-break and thin spaces are thousands separators in French; dashes and the
                // Arabic tatweel separate or stretch words.
                return c == '\u0640' ? "" : " ";
            }
            case '\u066C' -> { return ","; } // Arabic thousands separator
            case '\u066B' -> { return "."; } // Arabic decimal separator
            case '\u0623', '\u0625', '\u0622', '\u0671' -> { return "\u0627"; } // alef variants
            case '\u0649' -> { return "\u064A"; } // alef maksura -> ya
            case '\u0629' -> { return "\u0647"; } // ta marbuta -> ha
            default -> { }
        }
        if (UCharacter.getType(c) == UCharacter.FORMAT) {
            return ""; // soft hyphens, zero-width joiners and direction marks are invisible
        }
        if (UCharacter.getType(c) == UCharacter.DECIMAL_DIGIT_NUMBER) {
            return String.valueOf((char) ('0' + UCharacter.digit(c, 10)));
        }
        String decomposed = NFKD.normalize(String.valueOf(c));
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            if (UCharacter.getType(d) != UCharacter.NON_SPACING_MARK) {
                kept.append(d);
            }
        }
        return UCharacter.foldCase(kept.toString(), true);
    }

    /** Folds a lexicon phrase the same way as article text, so the two can be compared. */
    public static String foldPhrase(String phrase) {
        String stripped = phrase.strip();
        String ascii = asciiFolded(stripped);
        return ascii != null ? ascii : collapseSpaces(of(stripped).folded);
    }

    /**
     * The fold of plain ASCII without dashes, control chars or runs of spaces, which is its lower
     * case; null for anything else. Most phrases and person names are such: they skip building a
     * FoldedText (person names are folded several times per name, per article).
     */
    private static String asciiFolded(String p) {
        boolean upper = false;
        char previous = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c >= 128 || c < ' ' || c == '-' || (c == ' ' && previous == ' ')) {
                return null;
            }
            upper |= c >= 'A' && c <= 'Z';
            previous = c;
        }
        return upper ? p.toLowerCase(java.util.Locale.ROOT) : p;
    }

    /**
     * Each run of whitespace as one space: what {@code replaceAll("\\s+", " ")} does, without
     * compiling a regular expression per phrase (the lexicons and the gazetteer fold tens of
     * thousands of phrases when the extractor is built).
     */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpaces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isRegexSpace(c)) {
                out.append(c);
            } else if (!inSpaces) {
                out.append(' ');
            }
            inSpaces = isRegexSpace(c);
        }
        return out.toString();
    }

    /** The chars of the regular expression {@code \\s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    // The figure and actor passes over one article ask for the same word starts: computed once.
    private java.util.Set<String> wordStartsProclitics;
    private WordStarts wordStarts;

    /** Where phrases may start in the folded text, given the proclitics written onto words. */
    WordStarts wordStarts(java.util.Set<String> proclitics) {
        if (wordStarts == null || !wordStartsProclitics.equals(proclitics)) {
            wordStarts = WordStarts.of(chars, proclitics);
            wordStartsProclitics = proclitics;
        }
        return wordStarts;
    }

    // The actor pass walks one trie for the gazetteer's and the lexicon's phrases: it leaves the
    // lexicon's matches here for the figure pass.
    private Lexicon matchesOf;
    private List<Lexicon.Match> lexiconMatches;

    /** The matches of {@code lexicon} a shared walk left on this text, or null. */
    List<Lexicon.Match> lexiconMatches(Lexicon lexicon) {
        return lexicon == matchesOf ? lexiconMatches : null;
    }

    /** Leaves the matches of {@code lexicon} found by a shared walk, for {@link Lexicon#match(FoldedText)}. */
    void rememberLexiconMatches(Lexicon lexicon, List<Lexicon.Match> matches) {
        matchesOf = lexicon;
        lexiconMatches = java.util.Collections.unmodifiableList(matches);
    }

    /**
     * {@link Character#isLetter(char)}, with ASCII answered from a table: the passes over every
     * char of a text (word starts, counts of one) spent more time in the JDK's per-script lookup
     * than in their own logic.
     */
    static boolean isLetter(char c) {
        return c < 128 ? ASCII_LETTERS[c] : Character.isLetter(c);
    }

    /** The folded chars, shared: callers read them and never write. */
    char[] chars() {
        return chars;
    }

    public int length() {
        return folded.length();
    }

    public char charAt(int i) {
        return folded.charAt(i);
    }

    /**
     * Whether folded position {@code i} is a dash that sets a phrase off ("9 dead — 4 soldiers
     * and 5 civilians —", "9 morts - 4 soldats et 5 civils -"), which folding made a space: an en
     * or em dash, or a hyphen with a space beside it. A hyphen inside a word ("Hamas-run") and a
     * dash between numbers (kept as a range) are none.
     */
    boolean isParentheticalDash(int i) {
        if (folded.charAt(i) != ' ') {
            return false;
        }
        int o = originalStart(i);
        char c = original.charAt(o);
        if (c >= '\u2012' && c <= '\u2015') {
            return true;
        }
        boolean hyphen = c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2212';
        return hyphen && (o > 0 && Character.isWhitespace(original.charAt(o - 1))
                || o + 1 < original.length() && Character.isWhitespace(original.charAt(o + 1)));
    }

    /** Original offset of folded index {@code i} (start of a span). */
    public int originalStart(int i) {
        return toOriginal == null ? i : toOriginal[i];
    }

    /** Original offset just after folded span ending (exclusive) at {@code end}. */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        return (toOriginal == null ? end - 1 : toOriginal[end - 1]) + 1;
    }

    public String originalSpan(int foldedStart, int foldedEnd) {
        if (foldedStart == foldedEnd) {
            // Empty: after a char that folded to nothing (a soft hyphen, a tatweel) the start
            // maps past it and the end before it.
            return "";
        }
        return original.substring(originalStart(foldedStart), originalEnd(foldedEnd));
    }
}
