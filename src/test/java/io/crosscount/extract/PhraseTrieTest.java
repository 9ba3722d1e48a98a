package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PhraseTrieTest {

    private static List<String> walk(PhraseTrie<String> trie, String text, int... starts) {
        List<String> found = new ArrayList<>();
        trie.forEachMatchFrom(text.toCharArray(), starts, starts.length, (start, end, v) -> found.add(start + "-" + end + ":" + v));
        return found;
    }

    @Test
    void reportsEveryPhraseStartingAtAGivenPositionShortestFirstWithValuesInInsertionOrder() {
        PhraseTrie<String> trie = PhraseTrie.<String>builder()
                .add("de la", "article")
                .add("de", "preposition")
                .add("de", "particle")
                .add("demande", "noun")
                .add("الأمم المتحدة", "un")
                .add("ال", "article-ar")
                .build();
        String text = "la demande de la الأمم المتحدة";

        assertThat(walk(trie, text, 3, 11, 17)).containsExactly(
                "3-5:preposition", "3-5:particle", "3-10:noun",
                "11-13:preposition", "11-13:particle", "11-16:article",
                "17-19:article-ar", "17-30:un");
        assertThat(walk(trie, text, 0, 4)).isEmpty(); // "la", "emande": no phrase starts there
    }

    @Test
    void anEmptyTrieFindsNothing() {
        PhraseTrie<String> trie = PhraseTrie.<String>builder().build();

        assertThat(walk(trie, "anything", 0)).isEmpty();
    }

    @Test
    void findsTheSamePhrasesAsAPlainMapOnManyRandomPhrasesInSeveralScripts() {
        // Latin, Arabic and a few high chars, so that children of one node lie far apart.
        char[] alphabet = "abcdeé -'\u0627\u0644\u0645\u0629\u064A\u2019\uFB50\uFFFD".toCharArray();
        Random random = new Random(13);
        Map<String, String> phrases = new TreeMap<>();
        PhraseTrie.Builder<String> builder = PhraseTrie.builder();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder p = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                p.append(alphabet[random.nextInt(alphabet.length)]);
            }
            if (phrases.putIfAbsent(p.toString(), "v" + i) == null) {
                builder.add(p.toString(), "v" + i);
            }
        }
        PhraseTrie<String> trie = builder.build();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        String s = text.toString();
        int[] starts = new int[s.length()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i;
        }

        List<String> expected = new ArrayList<>();
        for (int start = 0; start < s.length(); start++) {
            for (int end = start + 1; end <= Math.min(s.length(), start + 8); end++) {
                String v = phrases.get(s.substring(start, end));
                if (v != null) {
                    expected.add(start + "-" + end + ":" + v);
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(walk(trie, s, starts)).isEqualTo(expected);
        assertThat(hits(trie, s, starts)).isEqualTo(expected);
    }

    @Test
    void collectsTheSameHitsAsTheHandlerWalkInTheSameOrder() {
        PhraseTrie<String> trie = PhraseTrie.<String>builder()
                .add("de la", "article")
                .add("de", "preposition")
                .add("de", "particle")
                .add("demande", "noun")
                .build();
        String text = "la demande de la demande";
        int[] starts = {0, 3, 11, 14, 17};

        assertThat(hits(trie, text, starts)).isEqualTo(walk(trie, text, starts)).containsExactly(
                "3-5:preposition", "3-5:particle", "3-10:noun",
                "11-13:preposition", "11-13:particle", "11-16:article",
                "17-19:preposition", "17-19:particle", "17-24:noun");
        assertThat(hits(PhraseTrie.<String>builder().build(), text, starts)).isEmpty();
    }

    /** {@link PhraseTrie#hitsFrom}'s hits, each value of a phrase as {@link #walk} reports it. */
    private static List<String> hits(PhraseTrie<String> trie, String text, int... starts) {
        PhraseTrie.Hits hits = trie.hitsFrom(text.toCharArray(), starts, starts.length);
        List<String> found = new ArrayList<>();
        for (int h = 0; h < hits.size(); h++) {
            for (String v : trie.valuesOf(hits.phrase(h))) {
                found.add(hits.start(h) + "-" + hits.end(h) + ":" + v);
            }
        }
        return found;
    }
}
