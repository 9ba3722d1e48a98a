package io.crosscount.eval;

import java.util.List;

/** One labelled passage of the evaluation corpus ({@code src/test/resources/corpus/figures-*.jsonl}). */
public record CorpusEntry(String id, String lang, String text, List<ExpectedClaim> claims) {

    /** A claim the passage must give; {@code value} is null for vague amounts and ranges. */
    public record ExpectedClaim(String metric, String subject, String group, Long value, Long low, Long high,
                                String qualifier, boolean hedged) {}
}
