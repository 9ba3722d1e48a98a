package io.crosscount.extract;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * A set of folded words or phrases that can also be asked about a span of a text,
 * {@link #contains(String, int, int)}, without cutting the span out: the rules ask whether the
 * word before or after a match is a title, a locative, a coordinator... many times per article,
 * and a substring per question (a copy, then its hash, then a probe) cost several per cent of
 * the extractor. Immutable; otherwise an ordinary {@link Set}.
 */
final class WordSet extends AbstractSet<String> {
    private static final WordSet EMPTY = new WordSet(Set.of());

    private final Set<String> words;
    /** Open addressing, a power of two at most half full; null marks a free slot. */
    private final String[] table;
    /** The {@link String#hashCode} of each slot's word: most probes are told apart without comparing chars. */
    private final int[] hashes;
    private final int mask;
    /**
     * Bit k set when some word has k chars (the last bit: 63 or more), and bit c of the pair
     * when some word starts with ASCII char c (or, in {@link #firstCharsHigh}'s last bit, with
     * one above ASCII): most spans asked about are no word, and most are told so by their length
     * or first char without being hashed.
     */
    private final long lengths;
    private final long firstCharsLow;
    private final long firstCharsHigh;

    private WordSet(Set<String> words) {
        this.words = words;
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        this.table = new String[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        long lengths = 0;
        long low = 0;
        long high = 0;
        for (String w : words) {
            lengths |= lengthBit(w.length());
            if (!w.isEmpty()) {
                char c = w.charAt(0);
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= highBit(c);
                }
            }
            int slot = spread(w.hashCode()) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = w;
            hashes[slot] = w.hashCode();
        }
        this.lengths = lengths;
        this.firstCharsLow = low;
        this.firstCharsHigh = high;
    }

    private static long lengthBit(int length) {
        return 1L << Math.min(length, 63);
    }

    /** The bit of a char from 64 up: its own below 127, the last bit for any other. */
    private static long highBit(char c) {
        return 1L << (c < 127 ? c - 64 : 63);
    }

    static WordSet of(Collection<String> words) {
        return words.isEmpty() ? EMPTY : new WordSet(Set.copyOf(words));
    }

    /** Whether {@code text.substring(from, to)} is in the set. */
    boolean contains(String text, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, text.length()); // as substring would
        return filtersPass(text, from, to) && probe(text, from, to, hashOf(text, from, to));
    }

    /**
     * {@link #contains(String, int, int)} with the span's {@link #hashOf} worked out already: a
     * rule that asks several sets about one word hashes it once.
     */
    boolean contains(String text, int from, int to, int hash) {
        java.util.Objects.checkFromToIndex(from, to, text.length());
        return filtersPass(text, from, to) && probe(text, from, to, hash);
    }

    /** {@code text.substring(from, to).hashCode()}, without the substring. */
    static int hashOf(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /**
     * Whether some word may start with {@code c}: false means none does (chars above U+007E
     * share one bit, so true there may still mean none).
     */
    boolean mayStartWith(char c) {
        return c < 64 ? (firstCharsLow & (1L << c)) != 0 : (firstCharsHigh & highBit(c)) != 0;
    }

    /** Whether some word has the span's length and first char. */
    private boolean filtersPass(String text, int from, int to) {
        int length = to - from;
        if ((lengths & lengthBit(length)) == 0) {
            return false;
        }
        return length == 0 || mayStartWith(text.charAt(from));
    }

    /** The probe for a span that passed the filters; {@code h} is String.hashCode's, as the table's hashes. */
    private boolean probe(String text, int from, int to, int h) {
        int length = to - from;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String w = table[slot];
            if (w == null) {
                return false;
            }
            if (hashes[slot] == h && w.length() == length && text.regionMatches(from, w, 0, length)) {
                return true;
            }
        }
    }

    /** Mixes the high bits in: String hashes of short words differ mostly in their low bits. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String w)) {
            return false;
        }
        int h = w.hashCode();
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String candidate = table[slot];
            if (candidate == null) {
                return false;
            }
            if (hashes[slot] == h && candidate.equals(w)) {
                return true;
            }
        }
    }

    @Override
    public Iterator<String> iterator() {
        return words.iterator();
    }

    @Override
    public int size() {
        return words.size();
    }
}
