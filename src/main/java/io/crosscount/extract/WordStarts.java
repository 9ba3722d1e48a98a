package io.crosscount.extract;

import java.util.Arrays;
import java.util.Set;

/**
 * The positions of a folded text where a lexicon phrase or an actor name may start: after a
 * non-letter (as {@link Lexicon#startsWord} accepts), and after a proclitic written onto a word
 * ("و" in "وقتل", "لل" in "للأمم"). A superset of what the matchers accept, so walking the trie
 * from these positions alone finds everything they would keep.
 */
final class WordStarts {
    /** The longest proclitic {@link Lexicon#startsWord} accepts. */
    private static final int MAX_PROCLITIC = 4;

    private final int[] positions;
    private final int count;

    private WordStarts(int[] positions, int count) {
        this.positions = positions;
        this.count = count;
    }

    /** The proclitics that can be written onto a word, shortest first, and their first chars. */
    private record Written(String[] proclitics, String firstChars) {
        static Written of(Set<String> proclitics) {
            // Only proclitics of letters can be written onto a word; shortest first, as positions ascend.
            String[] written = proclitics.stream()
                    .filter(p -> p.length() <= MAX_PROCLITIC && p.chars().allMatch(c -> Character.isLetter((char) c)))
                    .sorted(java.util.Comparator.comparingInt(String::length)).toArray(String[]::new);
            StringBuilder firstChars = new StringBuilder();
            for (String p : written) {
                firstChars.append(p.charAt(0));
            }
            return new Written(written, firstChars.toString());
        }
    }

    /** Per proclitic set (a lexicon's, or all of them: a handful per JVM), worked out once, not per article. */
    private static final java.util.Map<Set<String>, Written> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    static WordStarts of(char[] folded, Set<String> proclitics) {
        Written onto = WRITTEN.computeIfAbsent(proclitics, Written::of);
        if (onto.proclitics().length == 0) {
            return afterNonLetters(folded);
        }
        int n = folded.length;
        int[] out = new int[Math.max(16, n / 3)];
        int count = 0;
        String[] written = onto.proclitics();
        String firstChars = onto.firstChars();
        boolean previousIsLetter = false;
        for (int i = 0; i < n; i++) {
            char c = folded[i];
            boolean letter = FoldedText.isLetter(c);
            if (!previousIsLetter) {
                out = ensure(out, count + 1 + MAX_PROCLITIC);
                out[count++] = i;
                if (letter && firstChars.indexOf(c) >= 0) {
                    for (String p : written) {
                        if (i + p.length() < n && startsWith(folded, p, i)) {
                            out[count++] = i + p.length();
                        }
                    }
                }
            }
            previousIsLetter = letter;
        }
        return new WordStarts(out, count);
    }

    /**
     * The positions after a non-letter (and 0), for languages that write no proclitic onto words:
     * each position is written and kept by a count that grows only after a non-letter, without a
     * branch per char (word boundaries come too irregularly for a branch to be predicted).
     */
    private static WordStarts afterNonLetters(char[] folded) {
        int n = folded.length;
        // News text has a word start every four or five chars: room for one in three, grown
        // (rarely, by a well predicted branch) rather than one int per char of the article.
        int[] out = new int[Math.min(n + 1, n / 3 + 16)];
        int count = 0;
        int previousIsLetter = 0;
        for (int i = 0; i < n; i++) {
            if (count == out.length) {
                out = Arrays.copyOf(out, Math.min(n + 1, out.length * 2));
            }
            out[count] = i;
            count += 1 - previousIsLetter;
            previousIsLetter = FoldedText.isLetter(folded[i]) ? 1 : 0;
        }
        return new WordStarts(out, count);
    }

    private static boolean startsWith(char[] text, String prefix, int at) {
        for (int k = 0; k < prefix.length(); k++) {
            if (text[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    int[] positions() {
        return positions;
    }

    int count() {
        return count;
    }
}
