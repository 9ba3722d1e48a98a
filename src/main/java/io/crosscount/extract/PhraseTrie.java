package io.crosscount.extract;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Many phrases found in one pass over a text (Aho-Corasick on a double-array trie). It reports
 * every occurrence, inside words too: callers check word boundaries themselves, because what
 * counts as a boundary is theirs to say (Arabic proclitics, stems that take any ending).
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
            AhoCorasickDoubleArrayTrie<List<V>> trie = new AhoCorasickDoubleArrayTrie<>();
            if (!phrases.isEmpty()) {
                trie.build(phrases);
            }
            return new PhraseTrie<>(phrases.isEmpty() ? null : trie);
        }
    }

    private final AhoCorasickDoubleArrayTrie<List<V>> trie;

    private PhraseTrie(AhoCorasickDoubleArrayTrie<List<V>> trie) {
        this.trie = trie;
    }

    static <V> Builder<V> builder() {
        return new Builder<>();
    }

    void forEachMatch(String text, Handler<V> handler) {
        if (trie == null) {
            return;
        }
        trie.parseText(text, (begin, end, values) -> {
            for (V v : values) {
                handler.match(begin, end, v);
            }
        });
    }
}
