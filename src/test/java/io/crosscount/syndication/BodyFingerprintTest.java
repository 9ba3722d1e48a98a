package io.crosscount.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyFingerprintTest {
    private static final String WIRE = "Le ministère de la Santé du Hamas a annoncé vendredi que plus de 26 000 "
            + "Palestiniens ont été tués dans la bande de Gaza depuis le début de la guerre. Les frappes israéliennes "
            + "se sont poursuivies dans la nuit sur Khan Younès, où des milliers de déplacés ont fui vers Rafah, "
            + "selon des témoins. Les négociations sur une trêve et la libération des otages se poursuivent à Paris "
            + "avec des responsables qataris, égyptiens et américains, a indiqué une source proche du dossier.";

    @Test
    void anEditedCopyOfAWireStoryIsNearlyTheSame() {
        String copy = "GUERRE À GAZA. " + WIRE.replace("a indiqué une source proche du dossier", "selon une source")
                + " Notre correspondant à Jérusalem suit la situation.";
        assertThat(BodyFingerprint.similarity(BodyFingerprint.of(WIRE), BodyFingerprint.of(copy))).isGreaterThan(0.6);
    }

    @Test
    void anIndependentReportOfTheSameFactsIsNot() {
        String other = "Plus de 26 000 Palestiniens ont été tués à Gaza depuis octobre, d'après le ministère de la "
                + "Santé dirigé par le Hamas. À Khan Younès, les combats continuent et des milliers de civils "
                + "fuient vers le sud. À Paris, Qatariens, Égyptiens et Américains discutent d'une trêve.";
        assertThat(BodyFingerprint.similarity(BodyFingerprint.of(WIRE), BodyFingerprint.of(other))).isLessThan(0.2);
    }

    @Test
    void caseAndPunctuationDoNotMatterAndShortBodiesStillHaveASketch() {
        assertThat(BodyFingerprint.similarity(BodyFingerprint.of(WIRE), BodyFingerprint.of(WIRE.toUpperCase())))
                .isEqualTo(1.0);
        assertThat(BodyFingerprint.similarity(BodyFingerprint.of("28 otages"), BodyFingerprint.of("28 OTAGES !")))
                .isEqualTo(1.0);
        assertThat(BodyFingerprint.similarity(BodyFingerprint.of(""), BodyFingerprint.of(""))).isZero();
    }
}
