package io.crosscount.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.model.Article;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wire credits as the extractor finds them in whole articles, with the built-in gazetteer. */
class WireCreditTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.shared(null, "test");

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Le Monde        | GAZA (AFP) - Plus de 26 000 Palestiniens ont été tués, selon le Hamas.                 | AFP
            fr | Le Figaro       | Un porte-parole a indiqué à l'AFP que 132 otages restaient détenus à Gaza.               | AFP
            fr | Libération      | Un porte-parole a indiqué à l’AFP que 132 otages restaient détenus à Gaza.               | AFP
            en | The Independent | JERUSALEM, Jan 26 (Reuters) - At least 26,000 Palestinians have been killed.           | Reuters
            en | CNN             | A senior official told The Associated Press that 132 hostages remain in Gaza.          | Associated Press
            es | El País         | Un portavoz dijo a EFE que al menos 26.000 palestinos han muerto.                      | EFE
            de | Die Zeit        | Berlin (dpa) - Mehr als 26.000 Palästinenser sind getötet worden.                      | dpa
            de | Der Spiegel     | Ein Sprecher sagte der dpa, 132 Geiseln seien noch in Gaza.                           | dpa
            ar | الجزيرة         | قال مسؤول لوكالة فرانس برس إن 132 رهينة ما زالوا في غزة.                               | AFP
            en | AFP             | At least 26,000 Palestinians have been killed, the health ministry said.               | AFP
            """)
    void findsTheAgencyAStoryIsCreditedTo(String lang, String source, String body, String wire) {
        assertThat(EXTRACTOR.extract(article(lang, source, body)).wire()).isEqualTo(wire);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Le Monde   | Les journalistes de l'AFP et de Reuters ont quitté Gaza la semaine dernière, a-t-on appris.
            en | BBC        | Reuters and AFP have asked Israel to let journalists into Gaza, where 26,000 have died.
            de | Die Zeit   | Mehr als 26.000 Palästinenser sind nach Angaben des Gesundheitsministeriums getötet worden.
            """)
    void aMentionOfAnAgencyIsNotACredit(String lang, String source, String body) {
        assertThat(EXTRACTOR.extract(article(lang, source, body)).wire()).isNull();
    }

    private static Article article(String lang, String source, String body) {
        return new Article("a1", source, Instant.parse("2024-01-26T10:00:00Z"), body, "t", "https://example.org/a1",
                lang);
    }
}
