package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void foldsCaseDiacriticsDashesAndSeparatorsKeepingARangeDash() {
        FoldedText text = FoldedText.of("Vingt-Cinq TUÉS, 1\u202F000\u20135\u202F000 blessés");

        assertThat(text.folded()).isEqualTo("vingt cinq tues, 1 000-5 000 blesses");
    }

    @Test
    void mapsEachFoldedSpanBackToTheTextAsWrittenWhenNoCharChangesLength() {
        String original = "Au moins 12 OTAGES libérés";
        FoldedText text = FoldedText.of(original);
        int start = text.folded().indexOf("otages");

        assertThat(text.originalSpan(start, start + 6)).isEqualTo("OTAGES");
        assertThat(text.originalStart(text.length())).isEqualTo(original.length());
        assertThat(text.originalEnd(text.length())).isEqualTo(original.length());
    }

    @Test
    void mapsBackAcrossCharsThatVanishOrExpandWhenFolded() {
        // A soft hyphen and a tatweel vanish; the ligature "ﬁ" becomes two chars.
        String original = "con\u00ADfirmed \uFB01ve dead, \u0642\u062A\u0640\u0644\u0649 12";
        FoldedText text = FoldedText.of(original);
        String folded = text.folded();

        assertThat(folded).isEqualTo("confirmed five dead, \u0642\u062A\u0644\u064A 12");
        int five = folded.indexOf("five");
        assertThat(text.originalSpan(five, five + 4)).isEqualTo("\uFB01ve");
        int dead = folded.indexOf("dead");
        assertThat(text.originalSpan(dead, dead + 4)).isEqualTo("dead");
        int twelve = folded.indexOf("12");
        assertThat(text.originalSpan(twelve, twelve + 2)).isEqualTo("12");
        assertThat(text.originalStart(0)).isZero();
        assertThat(text.originalEnd(folded.length())).isEqualTo(original.length());
    }

    @Test
    void anEmptySpanAfterACharThatVanishesIsEmptyInTheOriginalToo() {
        // The end maps before the soft hyphen, the start past it: no span the other way round.
        FoldedText text = FoldedText.of("killed in Gaza\u00AD");

        assertThat(text.folded()).isEqualTo("killed in gaza");
        assertThat(text.originalSpan(text.length(), text.length())).isEmpty();
        assertThat(FoldedText.of("Gaza\u00AD based").originalSpan(4, 4)).isEmpty();
    }
}
