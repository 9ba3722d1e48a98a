package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a language's lexicon finds in a text, before any rule reads it. */
class LexiconTest {

    @ParameterizedTest(name = "[{0}] {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
        en | kidnappers  | kidnapped
        en | abductors   | abducted
        fr | kidnappeurs | kidnappés
        fr | tueur       | tués
        es | secuestradores | secuestraron
        es | asesinos    | asesinaron
        de | Entführer   | entführten
        """)
    void aStemCueTakesTheVerbsFormsButNotTheNounForThoseWhoDidIt(String lang, String perpetrator, String verb) {
        Lexicon lexicon = Lexicon.load(lang);

        assertThat(metricsIn(lexicon, "Die " + perpetrator + " ")).as(perpetrator).isEmpty();
        assertThat(metricsIn(lexicon, "Die " + verb + " ")).as(verb).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        A video released by the group showed them | 0
        The report, released on Monday, said      | 0
        Figures released by the ministry          | 0
        Hamas released 3 of them                  | 1
        the hostages released on Monday           | 1
        """)
    void aReleaseCueRightAfterAThingPublishedPublishesIt(String text, int releases) {
        assertThat(metricsIn(Lexicon.load("en"), text)).as(text).filteredOn("released"::equals).hasSize(releases);
    }

    private static List<String> metricsIn(Lexicon lexicon, String text) {
        return lexicon.match(FoldedText.of(text)).stream()
                .filter(m -> m.entry().role() == Lexicon.Role.METRIC)
                .map(m -> m.entry().metric())
                .toList();
    }
}
