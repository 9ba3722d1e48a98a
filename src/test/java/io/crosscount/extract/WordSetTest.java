package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void findsAWordOrPhraseByItsSpanInALongerText() {
        WordSet locatives = WordSet.of(List.of("in", "près de", "في"));
        String text = "tués près de Goma, in Gaza, في غزة";

        assertThat(locatives.contains(text, 5, 12)).isTrue(); // "près de"
        assertThat(locatives.contains(text, 19, 21)).isTrue(); // "in"
        assertThat(locatives.contains(text, 28, 30)).isTrue(); // "في"
        assertThat(locatives.contains(text, 5, 9)).isFalse(); // "près": part of a phrase only
        assertThat(locatives.contains(text, 19, 20)).isFalse(); // "i"
        assertThat(locatives.contains(text, 3, 3)).isFalse(); // the empty span
    }

    @Test
    void isAnOrdinarySetOfItsWords() {
        WordSet set = WordSet.of(List.of("and", "et", "and"));

        assertThat(set).containsExactlyInAnyOrder("and", "et");
        assertThat(set.contains("et")).isTrue();
        assertThat(set.contains("y")).isFalse();
        assertThat(set.contains((Object) 3)).isFalse();
        assertThat(WordSet.of(List.of()).contains("and", 0, 3)).isFalse();
    }

    @Test
    void answersAsAHashSetOfSubstringsOnManyRandomWordsAndSpans() {
        // A small alphabet, so that many words share hashes' low bits and probes run on.
        char[] alphabet = "abé' \u0627\u0644".toCharArray();
        Random random = new Random(7);
        Set<String> words = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            words.add(randomWord(random, alphabet));
        }
        WordSet set = WordSet.of(words);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            text.append(randomWord(random, alphabet));
        }
        String s = text.toString();
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            int from = random.nextInt(s.length() - 8);
            int to = from + random.nextInt(8);
            boolean expected = words.contains(s.substring(from, to));

            assertThat(set.contains(s, from, to)).as("[%d, %d)", from, to).isEqualTo(expected);
            assertThat(set.contains(s, from, to, WordSet.hashOf(s, from, to))).as("[%d, %d) hashed", from, to)
                    .isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("spans that are words").isGreaterThan(1_000);
    }

    private static String randomWord(Random random, char[] alphabet) {
        StringBuilder w = new StringBuilder();
        for (int k = 1 + random.nextInt(5); k > 0; k--) {
            w.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return w.toString();
    }
}
