package io.crosscount.pipeline;

import io.crosscount.extract.ExtractionTimeoutException;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import org.apache.flink.util.OutputTag;

/**
 * Where every stage of the job puts what it could not handle: one side output, merged into the
 * dead-letters topic. A stage that fails on one record turns it into a dead letter and goes on,
 * so that no record can fail the task and put the job in a restart loop.
 */
public final class DeadLetters {
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

    private DeadLetters() {}

    /**
     * A stage failed on {@code input} (an extraction, a window's claims, an aggregate): the dead
     * letter keeps it as JSON (bounded) with where its article was read, when that is one record.
     */
    public static DeadLetter processingError(String stage, String key, Object input, String topic, Integer partition,
                                             Long offset, Exception failure) {
        return DeadLetter.of(DeadLetterReason.PROCESSING_ERROR,
                "The " + stage + " stage failed on this " + input.getClass().getSimpleName() + " (" + failure
                        + "); it was set aside and the job went on. Report it with this record; once fixed, "
                        + "replay the range to include it.",
                topic, partition, offset, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), asJson(input));
    }

    /** What a person reading the dead letter can do about a timeout; the job and scripts/extract say the same. */
    public static String extractionTimeoutDetail(ExtractionTimeoutException e) {
        return "The extractor gave up on this article: " + e.getMessage() + ". Its body is probably built to be "
                + "slow (long runs of numbers, cues or names without a sentence break), or it meets a rule that does "
                + "not scale: report it with this record. To extract such articles, raise --extraction-budget and "
                + "re-send or replay it.";
    }

    /** What a person reading the dead letter can do about an extractor's failure; the job and scripts/extract say the same. */
    public static String extractorFailureDetail(RuntimeException e) {
        return "The extractor failed on this article (" + e + "). Report it with the article; it can be re-sent once fixed.";
    }

    private static byte[] asJson(Object input) {
        try {
            return Json.writeBytes(input);
        } catch (RuntimeException unserialisable) {
            // What failed may be the very thing that cannot be written: keep what can be.
            return String.valueOf(input).getBytes(StandardCharsets.UTF_8);
        }
    }
}
