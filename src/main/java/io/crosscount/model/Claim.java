package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reported figure with the bounds its wording supports. {@code high == null} means
 * unbounded above ("more than 26000"). {@code sentence} (an addition to the contract) is the
 * sentence the figure was read in, at most {@link #MAX_SENTENCE_CHARS} characters, so that a
 * person can check the figure without the article; the extractor fills it in last.
 * {@code subject_inferred} and {@code location_inferred} (also added) say that the text did not
 * name who or where, and the extractor took it from the place's residents or the article's place:
 * two claims on one key, one stated and one inferred, may count different things (the
 * discrepancy cause {@code scope}).
 *
 * <p>This is the one description of a claim: aggregates and discrepancies quote it whole
 * ({@link SourceClaim}), so a field added here reaches every output.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Claim(
        Metric metric,
        String subject,
        String group,
        String location,
        Long value,
        Long low,
        Long high,
        Qualifier qualifier,
        boolean hedged,
        @JsonProperty("attributed_to") String attributedTo,
        int start,
        int end,
        String text,
        String sentence,
        @JsonProperty("subject_inferred") boolean subjectInferred,
        @JsonProperty("location_inferred") boolean locationInferred) {

    /** Long enough for a news sentence; longer ones are cut around the figure. */
    public static final int MAX_SENTENCE_CHARS = 400;

    /** A claim whose sentence is not known yet (the extractor's rules, tests). */
    public Claim(Metric metric, String subject, String group, String location, Long value, Long low, Long high,
                 Qualifier qualifier, boolean hedged, String attributedTo, int start, int end, String text) {
        this(metric, subject, group, location, value, low, high, qualifier, hedged, attributedTo, start, end, text,
                null, false, false);
    }

    /** The same claim, saying whether its subject and its location were inferred rather than stated. */
    public Claim withInferred(boolean subject, boolean location) {
        return new Claim(metric, this.subject, group, this.location, value, low, high, qualifier, hedged, attributedTo,
                start, end, text, sentence, subject, location);
    }
}
