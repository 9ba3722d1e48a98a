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

    private WordSet(Set<String> words) {
        this.words = words;
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        this.table = new String[capacity];
        this.hashes = new int[capacity];
        this.mask = capacity - 1;
        for (String w : words) {
            int slot = spread(w.hashCode()) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = w;
            hashes[slot] = w.hashCode();
        }
    }

    static WordSet of(Collection<String> words) {
        return words.isEmpty() ? EMPTY : new WordSet(Set.copyOf(words));
    }

    /** Whether {@code text.substring(from, to)} is in the set. */
    boolean contains(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i); // String.hashCode's, so the table's hashes can be compared
        }
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
