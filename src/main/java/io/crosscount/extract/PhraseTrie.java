package io.crosscount.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Many phrases found in a text, on a double-array trie. {@link #forEachMatchFrom} walks the trie
 * only from the positions a caller says a phrase may start at (word starts, or after a
 * proclitic): it never produces the occurrences inside words ("de" in "demande") that callers
 * would only throw away. Callers still check boundaries themselves, because what counts as one
 * is theirs to say (Arabic proclitics, stems that take any ending).
 *
 * <p>A walk costs one array read per character (see {@link #cells}). The build is ours, not
 * an Aho-Corasick library's: walks from word starts need no failure links, and the library's
 * search for free cells, linear over a mostly full array, took about 3 s for the gazetteer's
 * phrases in Latin and Arabic script. Here the free cells are found with a bit set, which skips
 * the full stretches a word at a time: the whole gazetteer builds in tens of milliseconds.
 */
final class PhraseTrie<V> {

    /** Receives each occurrence: {@code end} is exclusive. */
    interface Handler<V> {
        void match(int start, int end, V value);
    }

    static final class Builder<V> {
        /** Sorted, so that the phrases below one node of the trie form one run. */
        private final TreeMap<String, List<V>> phrases = new TreeMap<>();

        Builder<V> add(String phrase, V value) {
            phrases.computeIfAbsent(phrase, k -> new ArrayList<>(1)).add(value);
            return this;
        }

        /** Each phrase added and its value, phrases in sorted order, a phrase's values in the order added. */
        void forEach(java.util.function.BiConsumer<String, V> action) {
            phrases.forEach((phrase, values) -> values.forEach(v -> action.accept(phrase, v)));
        }

        PhraseTrie<V> build() {
            return new DoubleArray<V>(phrases).trie();
        }
    }

    private static final int ROOT = 0;
    /** The 31 bits of a cell's check, above its base. */
    private static final long CHECK_MASK = 0x7FFF_FFFFL;

    /**
     * The double array, one long per state: the child of state {@code s} by char {@code c} is
     * {@code t = base(s) + c} when {@code check(t) == s + 1} (0 marks a free cell). A cell holds
     * its base in the low 32 bits, its check in the next 31 and, in the sign bit, whether a phrase
     * ends there ({@link #phraseAt} then says which). A walk step is then one read of one long:
     * the cell it lands on holds both the check that admits it and the base of the next step.
     */
    private final long[] cells;
    /** The index in {@link #values} of the phrase that ends at each state, or -1. */
    private final int[] phraseAt;
    private final List<List<V>> values;
    /**
     * {@link #values} as arrays: a hit's values are read with two loads, not four (a list, its
     * array, the phrase's list, its array), and hits come by the hundred per article.
     */
    private final Object[][] valueArrays;

    private PhraseTrie(int[] base, int[] check, int[] phraseAt, List<List<V>> values) {
        this.cells = new long[base.length];
        for (int t = 0; t < base.length; t++) {
            cells[t] = (base[t] & 0xFFFF_FFFFL) | ((long) check[t] << 32) | (phraseAt[t] >= 0 ? Long.MIN_VALUE : 0);
        }
        this.phraseAt = phraseAt;
        this.values = values;
        this.valueArrays = new Object[values.size()][];
        for (int i = 0; i < valueArrays.length; i++) {
            valueArrays[i] = values.get(i).toArray();
        }
    }

    static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /**
     * Every phrase that starts at one of {@code starts[0..count)}, in the chars of a folded text
     * ({@link FoldedText#chars}): the walks read every char from every word start, and a String's
     * charAt checked its coder each time in a loop that calls out to the handler.
     */
    void forEachMatchFrom(char[] text, int[] starts, int count, Handler<V> handler) {
        if (values.isEmpty()) {
            return;
        }
        for (int i = 0; i < count; i++) {
            walkFrom(text, starts[i], handler);
        }
    }

    /**
     * The hits of {@link #forEachMatchFrom} as (start, end, phrase) triples, in the same order,
     * for a caller to read in a loop of its own: on a trie walked with several kinds of handler
     * the handler's call is a virtual one per hit, never inlined. {@link #valuesOf} gives a
     * phrase's values.
     */
    Hits hitsFrom(char[] text, int[] starts, int count) {
        // News text gives about one hit per two word starts (0.55 on the benchmark's articles):
        // room for three per four, so that the array seldom grows by a copy.
        Hits hits = new Hits(count * 3 / 4 + 16);
        if (values.isEmpty()) {
            return hits;
        }
        long[] cells = this.cells;
        long root = cells[ROOT];
        for (int i = 0; i < count; i++) {
            int start = starts[i];
            int state = ROOT;
            long cell = root;
            for (int j = start; j < text.length; j++) {
                state = child(cells, cell, state, text[j]);
                if (state < 0) {
                    break;
                }
                cell = cells[state];
                if (cell < 0) {
                    hits.add(start, j + 1, phraseAt[state]);
                }
            }
        }
        return hits;
    }

    /** The values of the phrase a {@link Hits} entry names, in the order they were added. */
    List<V> valuesOf(int phrase) {
        return values.get(phrase);
    }

    /** {@link #valuesOf} as an array, shared: callers read it and never write. */
    Object[] valueArray(int phrase) {
        return valueArrays[phrase];
    }

    /** Hits of a walk, three ints each: start, end (exclusive) and the phrase's index. */
    static final class Hits {
        private int[] triples;
        private int size;

        private Hits(int capacity) {
            triples = new int[3 * capacity];
        }

        private void add(int start, int end, int phrase) {
            if (3 * size + 3 > triples.length) {
                triples = Arrays.copyOf(triples, triples.length * 2);
            }
            triples[3 * size] = start;
            triples[3 * size + 1] = end;
            triples[3 * size + 2] = phrase;
            size++;
        }

        int size() {
            return size;
        }

        int start(int i) {
            return triples[3 * i];
        }

        int end(int i) {
            return triples[3 * i + 1];
        }

        int phrase(int i) {
            return triples[3 * i + 2];
        }
    }

    /** The phrases that start exactly at {@code start}, shortest first. */
    private void walkFrom(char[] text, int start, Handler<V> handler) {
        long[] cells = this.cells;
        int state = ROOT;
        long cell = cells[ROOT];
        for (int j = start; j < text.length; j++) {
            state = child(cells, cell, state, text[j]);
            if (state < 0) {
                return;
            }
            cell = cells[state];
            if (cell < 0) {
                List<V> found = values.get(phraseAt[state]);
                for (int k = 0, n = found.size(); k < n; k++) {
                    handler.match(start, j + 1, found.get(k));
                }
            }
        }
    }

    /**
     * The child of {@code state}, whose cell is {@code cell}, by {@code c}, or -1 when it has none:
     * the walk's one step (the caller reads the child's cell, which the check just read, again).
     */
    private static int child(long[] cells, long cell, int state, char c) {
        int next = (int) cell + c;
        return next < cells.length && (int) (cells[next] >>> 32 & CHECK_MASK) == state + 1 ? next : -1;
    }

    /** Lays the sorted phrases out in a double array, node by node, depth first. */
    private static final class DoubleArray<V> {
        private final String[] keys;
        private final List<List<V>> values;
        private int[] base;
        private int[] check;
        private int[] phraseAt;
        /** Cells taken, by a state or the root: the search for a free place reads it. */
        private final BitSet used = new BitSet();
        /** Every cell below it is taken: where the search for a place starts. */
        private int firstFree = 1;
        /**
         * Per char: every cell from that char's code up to this one is taken. The search for a
         * child by a high char (Arabic letters are above U+0600) starts there instead of going
         * again over the cells its predecessors filled.
         */
        private final int[] takenFrom = new int[Character.MAX_VALUE + 1];
        private int size = 1;

        DoubleArray(TreeMap<String, List<V>> phrases) {
            keys = phrases.keySet().toArray(new String[0]);
            values = new ArrayList<>(phrases.values());
            int capacity = Math.max(1024, phrases.keySet().stream().mapToInt(String::length).sum() + Character.MAX_VALUE);
            base = new int[capacity];
            check = new int[capacity];
            phraseAt = new int[capacity];
            Arrays.fill(phraseAt, -1);
            used.set(ROOT);
        }

        PhraseTrie<V> trie() {
            if (keys.length > 0) {
                place(ROOT, 0, keys.length, 0);
            }
            return new PhraseTrie<>(Arrays.copyOf(base, size), Arrays.copyOf(check, size),
                    Arrays.copyOf(phraseAt, size), values);
        }

        /**
         * Places the children of {@code state}, whose phrases are {@code keys[from..to)} (all
         * sharing their first {@code depth} chars), then their subtrees. Recursion goes as deep as
         * the longest phrase, a few dozen chars.
         */
        private void place(int state, int from, int to, int depth) {
            int first = from;
            if (keys[first].length() == depth) { // the phrase ending at this state sorts first
                phraseAt[state] = first;
                first++;
            }
            if (first == to) {
                return;
            }
            // The children's chars and where each one's run of phrases starts.
            List<int[]> children = new ArrayList<>();
            for (int i = first; i < to; i++) {
                char c = keys[i].charAt(depth);
                if (children.isEmpty() || children.get(children.size() - 1)[0] != c) {
                    children.add(new int[] {c, i});
                }
            }
            int b = freeBase(children);
            base[state] = b;
            for (int[] child : children) {
                int t = b + child[0];
                check[t] = state + 1;
                used.set(t);
            }
            firstFree = used.nextClearBit(firstFree);
            for (int k = 0; k < children.size(); k++) {
                int end = k + 1 < children.size() ? children.get(k + 1)[1] : to;
                place(b + children.get(k)[0], children.get(k)[1], end, depth + 1);
            }
        }

        /** The smallest base at which every child's cell is free (the children are sorted by char). */
        private int freeBase(List<int[]> children) {
            int lowest = children.get(0)[0];
            int cell = used.nextClearBit(Math.max(Math.max(firstFree, lowest), takenFrom[lowest]));
            takenFrom[lowest] = cell;
            while (true) {
                int b = cell - lowest;
                boolean fits = true;
                for (int k = 1; k < children.size() && fits; k++) {
                    fits = !used.get(b + children.get(k)[0]);
                }
                if (fits) {
                    ensureCapacity(b + children.get(children.size() - 1)[0] + 1);
                    return b;
                }
                cell = used.nextClearBit(cell + 1);
            }
        }

        private void ensureCapacity(int needed) {
            size = Math.max(size, needed);
            if (needed > base.length) {
                int capacity = Math.max(needed, base.length * 2);
                base = Arrays.copyOf(base, capacity);
                check = Arrays.copyOf(check, capacity);
                int old = phraseAt.length;
                phraseAt = Arrays.copyOf(phraseAt, capacity);
                Arrays.fill(phraseAt, old, capacity, -1);
            }
        }
    }
}
