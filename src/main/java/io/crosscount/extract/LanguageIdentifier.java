package io.crosscount.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Identifies an article's language when the producer did not say, with OpenNLP's language
 * detector (103 languages) on the start of the text, and reports it as ISO 639-1. The model is
 * loaded once per JVM and shared: it is read-only. Thread-safe.
 */
public final class LanguageIdentifier {
    /** The first characters say the language; reading more costs time and gains nothing. */
    private static final int SAMPLE_CHARS = 400;
    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            ISO3_TO_ISO1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
        }
    }

    private static final class Holder {
        static final LanguageDetectorModel MODEL_INSTANCE = load();
    }

    /** The detector keeps per-call buffers; one per thread lets every thread share the model. */
    private final ThreadLocal<LanguageDetectorME> detector =
            ThreadLocal.withInitial(() -> new LanguageDetectorME(Holder.MODEL_INSTANCE));

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL + " is not on the classpath");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language model " + MODEL, e);
        }
    }

    /** ISO 639-1 code of the text's language, or "und" when it cannot tell. */
    public String identify(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.isBlank()) {
            return "und";
        }
        Language best = detector.get().predictLanguage(sample);
        String code = best.getLang();
        return ISO3_TO_ISO1.getOrDefault(code, code.length() == 2 ? code : "und");
    }
}
