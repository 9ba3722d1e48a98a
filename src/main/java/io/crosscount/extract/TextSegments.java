package io.crosscount.extract;

import java.util.List;

/**
 * Sentence and clause boundaries of folded text. Figures, cues and hedges are related only
 * within a clause, so "Environ 132 ... retenus, dont 28 seraient morts" hedges only the 28.
 */
final class TextSegments {
    private final int[] sentenceStarts;
    private final int[] clauseStarts;
    // Bucket tables ({@link RoleMatches#buckets}): every number, cue and claim asks for its sentence and clause.
    private final int[] sentenceBuckets;
    private final int[] clauseBuckets;

    private TextSegments(int[] sentenceStarts, int[] clauseStarts) {
        this.sentenceStarts = sentenceStarts;
        this.clauseStarts = clauseStarts;
        this.sentenceBuckets = RoleMatches.buckets(sentenceStarts);
        this.clauseBuckets = RoleMatches.buckets(clauseStarts);
    }

    /**
     * Sentences end at terminal punctuation; clauses also at commas, semicolons, colons,
     * brackets and at {@code extraBreaks} (sorted positions where the rules start a clause:
     * subset markers, and a conjunction that joins two figures).
     */
    private static final byte NONE = 0;
    private static final byte SENTENCE = 1;
    private static final byte CLAUSE = 2;
    /** What each character up to the Arabic block ends: a sentence (. ! ? newline ؟ ۔) or a clause (, ; : ( ) ، ؛). */
    private static final byte[] BREAKS = new byte[0x700];

    static {
        for (char c : ".!?\n\u061F\u06D4".toCharArray()) {
            BREAKS[c] = SENTENCE;
        }
        for (char c : ",;:()\u060C\u061B".toCharArray()) {
            BREAKS[c] = CLAUSE;
        }
    }

    static TextSegments of(String s, int[] extraBreaks) {
        return of(s, extraBreaks, new int[0]);
    }

    /**
     * As above, where the punctuation at {@code quiet} (sorted positions) ends nothing: the
     * dots of abbreviations ("1,5 Mio. Menschen", "Gen. X said", {@link #quietDots}) and of
     * German ordinal dates ("am 7. Oktober", {@link #ordinalDots}), and the commas around a
     * count apposition ({@link #appositionCommas}).
     */
    static TextSegments of(String s, int[] extraBreaks, int[] quiet) {
        Starts sentences = new Starts();
        Starts clauses = new Starts();
        int breakIndex = 0;
        int quietIndex = 0;
        int n = s.length();
        for (int i = nextBreak(s, 0); i < n; i = nextBreak(s, i + 1)) {
            byte kind = BREAKS[s.charAt(i)];
            while (quietIndex < quiet.length && quiet[quietIndex] < i) {
                quietIndex++;
            }
            if (quietIndex < quiet.length && quiet[quietIndex] == i) {
                continue; // "am 7. Oktober verschleppt", "the hostages, who number 31,": it ends nothing
            }
            if (!betweenDigits(s, i) && !bracketsANumber(s, i)) { // "26.083", "1,2", "(68)"
                // The rules' breaks up to here come first: clause starts stay in order.
                breakIndex = addBreaks(clauses, extraBreaks, breakIndex, i + 1);
                if (kind == SENTENCE) {
                    sentences.addIfNew(i + 1);
                }
                clauses.addIfNew(i + 1);
            }
        }
        addBreaks(clauses, extraBreaks, breakIndex, n);
        return new TextSegments(sentences.toArray(), clauses.toArray());
    }

    /** The first position at or after {@code i} of a char that may end a sentence or a clause, or the length. */
    private static int nextBreak(String s, int i) {
        int n = s.length();
        while (i < n) { // most chars: kept a tight loop, which the JIT compiles far better than one long body
            char c = s.charAt(i);
            if (c < BREAKS.length && BREAKS[c] != NONE) {
                return i;
            }
            i++;
        }
        return n;
    }

    /**
     * Adds to {@code clauses} the rules' breaks from {@code extraBreaks[index]} on that lie in
     * [0, {@code to}); returns the index of the first one left.
     */
    private static int addBreaks(Starts clauses, int[] extraBreaks, int index, int to) {
        while (index < extraBreaks.length && extraBreaks[index] < to) {
            if (extraBreaks[index] >= 0) {
                clauses.addIfNew(extraBreaks[index]);
            }
            index++;
        }
        return index;
    }

    /** How far after its figure the comma closing a count apposition may stand ("31 in all,"). */
    private static final int APPOSITION_CLOSE_REACH = 12;

    /**
     * The commas around count appositions, sorted: "the hostages, who number 31, were moved",
     * "los rehenes, que suman 26, fueron", "los liberados, 64 en total, son". Only where the
     * apposition stands right after a comma with its figure: {@code before} ("who number") right
     * before the figure, or {@code after} ("en total") right after one that follows the comma.
     * Quiet are the comma before and the first comma after the figure when only a few words
     * stand between. "The ministry, which numbers them" opens no apposition. {@code numbers} are
     * in order of start and disjoint.
     */
    static int[] appositionCommas(String s, RoleMatches before, RoleMatches after, List<RecognizedNumber> numbers) {
        if (before.isEmpty() && after.isEmpty()) {
            return new int[0];
        }
        int[] phraseStarts = new int[numbers.size()];
        int[] phraseEnds = new int[numbers.size()];
        for (int k = 0; k < phraseStarts.length; k++) {
            phraseStarts[k] = numbers.get(k).phraseStart();
            phraseEnds[k] = numbers.get(k).phraseEnd();
        }
        List<Integer> commas = new java.util.ArrayList<>();
        for (Lexicon.Match m : before.all()) {
            int next = RoleMatches.lowerBound(phraseStarts, m.end());
            if (next < phraseStarts.length && TextScan.isBlankOrQuote(s, m.end(), phraseStarts[next])) {
                addApposition(s, commaBefore(s, m.start()), phraseEnds[next], commas);
            }
        }
        for (Lexicon.Match m : after.all()) {
            int previous = RoleMatches.lowerBound(phraseEnds, m.start() + 1) - 1;
            if (previous >= 0 && TextScan.isBlankOrQuote(s, phraseEnds[previous], m.start())) {
                addApposition(s, commaBefore(s, phraseStarts[previous]), m.end(), commas);
            }
        }
        int[] out = new int[commas.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = commas.get(i);
        }
        return sortedDistinct(out, out.length);
    }

    /** {@code a[0, size)} sorted, without repeats: what a stream's sorted().distinct() gives, without a stream per article. */
    static int[] sortedDistinct(int[] a, int size) {
        int[] out = java.util.Arrays.copyOf(a, size);
        java.util.Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (n == 0 || out[n - 1] != out[i]) {
                out[n++] = out[i];
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The comma right before {@code position}, spaces apart, or -1. */
    static int commaBefore(String s, int position) {
        int i = TextScan.skipSpacesBack(s, position - 1);
        return i >= 0 && isComma(s.charAt(i)) ? i : -1;
    }

    /** Whether {@code c} ends a sentence or a clause (. ! ? newline ؟ ۔ , ; : ( ) ، ؛). */
    static boolean isBreak(char c) {
        return c < BREAKS.length && BREAKS[c] != NONE;
    }

    /**
     * The apposition's opening comma and its closing one, the first comma within reach of
     * {@code end}; the opening one alone where the sentence ends first ("... los rehenes, que
     * suman 26."), none where nothing closes it within reach: "killed, a total of 20 civilians
     * were wounded" opens a clause, no apposition.
     */
    private static void addApposition(String s, int opening, int end, List<Integer> commas) {
        if (opening < 0) {
            return;
        }
        int limit = Math.min(s.length(), end + APPOSITION_CLOSE_REACH);
        for (int i = end; i < limit; i++) {
            char c = s.charAt(i);
            byte kind = c < BREAKS.length ? BREAKS[c] : NONE;
            if (kind == NONE || betweenDigits(s, i)) {
                continue;
            }
            if (isComma(c)) {
                commas.add(opening);
                commas.add(i);
            } else if (kind == SENTENCE) {
                commas.add(opening);
            }
            return; // any other break ends the clause with nothing to quiet
        }
        if (limit == s.length()) {
            commas.add(opening); // the text ends the apposition
        }
    }

    /** The position after the last clause or sentence break before {@code position} (not one between digits), or 0. */
    static int clauseStartBefore(String s, int position) {
        for (int i = position - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < BREAKS.length && BREAKS[c] != NONE && !betweenDigits(s, i)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The first sentence break at or after {@code from} (not a dot between digits nor one of the
     * {@code quietDots}, sorted: "the U.S."), or the length.
     */
    static int sentenceEndFrom(String s, int from, int[] quietDots) {
        for (int i = nextBreak(s, from); i < s.length(); i = nextBreak(s, i + 1)) {
            if (BREAKS[s.charAt(i)] == SENTENCE && !betweenDigits(s, i)
                    && java.util.Arrays.binarySearch(quietDots, i) < 0) {
                return i;
            }
        }
        return s.length();
    }

    static boolean isComma(char c) {
        return c == ',' || c == '\u060C';
    }

    /**
     * The dots of the language's abbreviations found in {@code s} ({@code abbreviations}, the
     * lexicon's matches in order of start) and of its ordinal dates, sorted: the dots that end
     * no sentence.
     */
    static int[] quietDots(String s, List<Lexicon.Match> abbreviations, RoleMatches nonFigureAfter) {
        int[] ordinals = ordinalDots(s, nonFigureAfter);
        int[] dots = new int[ordinals.length + 2 * abbreviations.size()];
        int size = 0;
        for (Lexicon.Match m : abbreviations) {
            for (int i = m.start(); i < m.end(); i++) {
                if (s.charAt(i) == '.') {
                    if (size == dots.length) {
                        dots = java.util.Arrays.copyOf(dots, size * 2 + 1);
                    }
                    dots[size++] = i;
                }
            }
        }
        for (int d : ordinals) {
            if (size == dots.length) {
                dots = java.util.Arrays.copyOf(dots, size * 2 + 1);
            }
            dots[size++] = d;
        }
        int[] out = java.util.Arrays.copyOf(dots, size);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * The dots of ordinal dates in folded text {@code s}: a day of one or two digits (1 to 31),
     * a dot and a space before a word that makes a number no figure ({@code nonFigureAfter}, the
     * lexicon's months among them): "Rund 250 Menschen wurden am 7. Oktober verschleppt" is one
     * sentence. Read from the lexicon's matches, sorted by start.
     */
    static int[] ordinalDots(String s, RoleMatches nonFigureAfter) {
        int[] dots = new int[8];
        int size = 0;
        for (Lexicon.Match m : nonFigureAfter.all()) {
            int dot = m.start() - 2;
            if (dot < 1 || s.charAt(dot) != '.' || s.charAt(dot + 1) != ' ' || !Character.isDigit(s.charAt(dot - 1))) {
                continue;
            }
            int from = dot - 1;
            while (from > 0 && Character.isDigit(s.charAt(from - 1))) {
                from--;
            }
            if (dot - from > 2 || (from > 0 && !Character.isWhitespace(s.charAt(from - 1)))) {
                continue;
            }
            int day = Integer.parseInt(s, from, dot, 10);
            if (day < 1 || day > 31) {
                continue;
            }
            if (size == dots.length) {
                dots = java.util.Arrays.copyOf(dots, size * 2);
            }
            if (size == 0 || dots[size - 1] != dot) {
                dots[size++] = dot;
            }
        }
        int[] out = java.util.Arrays.copyOf(dots, size);
        java.util.Arrays.sort(out);
        return out;
    }

    /** "(68) ألفًا": brackets around a bare number are part of its clause, not a break. */
    private static boolean bracketsANumber(String s, int i) {
        char c = s.charAt(i);
        if (c == '(') {
            int j = i + 1;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ',' || s.charAt(j) == '.')) {
                j++;
            }
            return j > i + 1 && j < s.length() && s.charAt(j) == ')';
        }
        if (c == ')') {
            int j = i - 1;
            while (j >= 0 && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ',' || s.charAt(j) == '.')) {
                j--;
            }
            return j < i - 1 && j >= 0 && s.charAt(j) == '(';
        }
        return false;
    }

    private static boolean betweenDigits(String s, int i) {
        return i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1));
    }

    /** {@link Character#isDigit(char)}, with ASCII answered inline. */
    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** First position of clause {@code clause}. */
    int clauseStart(int clause) {
        return clauseStarts[clause];
    }

    /** Position just after clause {@code clause}. */
    int clauseEnd(int clause) {
        return clause + 1 < clauseStarts.length ? clauseStarts[clause + 1] : Integer.MAX_VALUE;
    }

    int sentenceStart(int sentence) {
        return sentenceStarts[sentence];
    }

    int sentenceEnd(int sentence) {
        return sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1] : Integer.MAX_VALUE;
    }

    int sentenceCount() {
        return sentenceStarts.length;
    }

    int sentenceOf(int position) {
        return indexOf(sentenceStarts, sentenceBuckets, position);
    }

    int clauseOf(int position) {
        return indexOf(clauseStarts, clauseBuckets, position);
    }

    /** {@link #indexOf(int[], int)} read from the starts' bucket table (null: a plain binary search). */
    private static int indexOf(int[] starts, int[] buckets, int position) {
        if (position >= starts[starts.length - 1]) {
            return starts.length - 1;
        }
        return Math.max(0, RoleMatches.lowerBound(starts, buckets, position + 1) - 1); // the last start <= position
    }

    /** The index of the last of the ascending {@code starts} at or before {@code position} (0 if none). */
    static int indexOf(int[] starts, int position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Growing segment starts, unboxed: the segmenter runs over every article. */
    private static final class Starts {
        private int[] positions = new int[32];
        private int size = 1; // every text starts a segment at 0

        void addIfNew(int position) {
            if (positions[size - 1] != position) {
                if (size == positions.length) {
                    positions = java.util.Arrays.copyOf(positions, size * 2);
                }
                positions[size++] = position;
            }
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(positions, size);
        }
    }
}
