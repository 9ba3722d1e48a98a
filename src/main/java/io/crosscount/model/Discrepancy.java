package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Sources that disagree about one key, with the claims that show it. Additions to the contract:
 * {@code cause}, the likely reason; {@code status}, {@code open} when found and {@code resolved}
 * when a later result for the same key, window and kind shows the sources agreeing again, then
 * with {@code resolved_at} (event time: the newest claim of that result) and {@code resolution}
 * (why). A discrepancy is identified by its key, {@code window_start} and {@code kind}: a later
 * record with the same three replaces the earlier one.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Discrepancy(
        Metric metric,
        String subject,
        String group,
        String location,
        @JsonProperty("window_start") Instant windowStart,
        @JsonProperty("window_end") Instant windowEnd,
        DiscrepancyKind kind,
        Severity severity,
        @JsonProperty("relative_gap") double relativeGap,
        List<SourceClaim> claims,
        String explanation,
        @JsonProperty("detected_at") Instant detectedAt,
        DiscrepancyCause cause,
        DiscrepancyStatus status,
        @JsonProperty("resolved_at") Instant resolvedAt,
        String resolution) {

    /** A discrepancy just found: open, its cause not judged yet. */
    public Discrepancy(Metric metric, String subject, String group, String location, Instant windowStart,
                       Instant windowEnd, DiscrepancyKind kind, Severity severity, double relativeGap,
                       List<SourceClaim> claims, String explanation, Instant detectedAt) {
        this(metric, subject, group, location, windowStart, windowEnd, kind, severity, relativeGap, claims,
                explanation, detectedAt, DiscrepancyCause.UNEXPLAINED, DiscrepancyStatus.OPEN, null, null);
    }

    public Discrepancy withCause(DiscrepancyCause likely) {
        return new Discrepancy(metric, subject, group, location, windowStart, windowEnd, kind, severity, relativeGap,
                claims, explanation, detectedAt, likely, status, resolvedAt, resolution);
    }

    /** This discrepancy, resolved at {@code at} by {@code latest} (the claims that now agree), because {@code why}. */
    public Discrepancy resolvedBy(List<SourceClaim> latest, Instant at, String why) {
        return new Discrepancy(metric, subject, group, location, windowStart, windowEnd, kind, severity, relativeGap,
                latest, explanation, detectedAt, cause, DiscrepancyStatus.RESOLVED, at, why);
    }

    public String key() {
        return ClaimKey.of(metric, subject, group, location);
    }
}
