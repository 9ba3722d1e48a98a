package io.crosscount.extract;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Many phrases found in a text, on a double-array trie (the library's, built for Aho-Corasick).
 * {@link #forEachMatchFrom} walks the trie only from the positions a caller says a phrase may
 * start at (word starts, or after a proclitic): unlike an Aho-Corasick pass, it never produces
 * the occurrences inside words ("de" in "demande") that callers would only throw away. Callers
 * still check boundaries themselves, because what counts as one is theirs to say (Arabic
 * proclitics, stems that take any ending).
 */
final class PhraseTrie<V> {

    /** Receives each occurrence: {@code end} is exclusive. */
    interface Handler<V> {
        void match(int start, int end, V value);
    }

    static final class Builder<V> {
        private final TreeMap<String, List<V>> phrases = new TreeMap<>();

        Builder<V> add(String phrase, V value) {
            phrases.computeIfAbsent(phrase, k -> new ArrayList<>(1)).add(value);
            return this;
        }

        PhraseTrie<V> build() {
            WalkableTrie<List<V>> trie = new WalkableTrie<>();
            if (!phrases.isEmpty()) {
                trie.build(phrases);
            }
            return new PhraseTrie<>(phrases.isEmpty() ? null : trie);
        }
    }

    private final WalkableTrie<List<V>> trie;

    private PhraseTrie(WalkableTrie<List<V>> trie) {
        this.trie = trie;
    }

    static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** Every phrase that starts at one of {@code starts[0..count)}. */
    void forEachMatchFrom(String text, int[] starts, int count, Handler<V> handler) {
        if (trie == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            trie.walkFrom(text, starts[i], handler);
        }
    }

    private static <V> void report(int begin, int end, List<V> values, Handler<V> handler) {
        for (int i = 0, n = values.size(); i < n; i++) {
            handler.match(begin, end, values.get(i));
        }
    }

    /**
     * The library's trie with a walk from one position along the trie's own transitions (no
     * failure links), reporting the phrases that start exactly there. It reads the protected
     * arrays the library keeps for subclasses: {@code base}/{@code check} (the double array),
     * {@code output} (phrase indexes ending at a state, with those of its suffixes), {@code l}
     * (phrase lengths) and {@code v} (values).
     */
    private static final class WalkableTrie<T> extends AhoCorasickDoubleArrayTrie<T> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        <V> void walkFrom(String text, int start, Handler<V> handler) {
            int state = 0;
            for (int j = start; j < text.length(); j++) {
                int b = base[state];
                int p = b + text.charAt(j) + 1;
                if (p >= check.length || check[p] != b) {
                    return;
                }
                state = p;
                int[] hits = output[state];
                if (hits != null) {
                    int length = j + 1 - start;
                    for (int hit : hits) {
                        if (l[hit] == length) { // the others are suffixes, starting later
                            report(start, j + 1, (List<V>) v[hit], handler);
                        }
                    }
                }
            }
        }
    }
}
