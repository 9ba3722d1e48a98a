package io.crosscount.eval;

import java.util.List;

/**
 * One labelled passage of the evaluation corpus ({@code src/test/resources/corpus/figures-*.jsonl}).
 * {@code pending} (null for most) says in one line what the extractor still gets wrong in it:
 * the spec test then requires the passage to fail, so whoever fixes it removes the flag.
 */
public record CorpusEntry(String id, String lang, String text, List<ExpectedClaim> claims, String pending) {

    /**
     * A claim the passage must give; {@code value} is null for vague amounts and ranges.
     * {@code span} is the text that states the figure (the number, and for a figure that is not
     * exact the words that bound it: "At least 27,019", "une centaine"), found at char index
     * {@code start} of the passage; the extracted claim's span must contain it.
     */
    public record ExpectedClaim(String metric, String subject, String group, Long value, Long low, Long high,
                                String qualifier, boolean hedged, String span, Integer start) {}
}
