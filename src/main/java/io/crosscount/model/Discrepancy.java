package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Sources that disagree about one key, with the claims that show it. */
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
        @JsonProperty("detected_at") Instant detectedAt) {

    public String key() {
        return ClaimKey.of(metric, subject, group, location);
    }
}
