package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        fr | Environ 132 soldats et colons israéliens sont toujours retenus dans le territoire palestinien.
        en | The Gaza Health Ministry said on Friday that 26,083 Palestinians have been killed since the war began.
        es | Más de 26.000 palestinos han muerto en la Franja de Gaza, según el Ministerio de Sanidad.
        de | Mehr als 26.000 Palästinenser sind nach Angaben des Gesundheitsministeriums getötet worden.
        ar | أعلنت وزارة الصحة في غزة أن أكثر من 26 ألف فلسطيني استشهدوا منذ بداية الحرب.
        """)
    void identifiesTheLanguageOfNewsText(String expected, String text) {
        assertThat(IDENTIFIER.identify(text)).isEqualTo(expected);
    }
}
