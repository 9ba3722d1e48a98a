package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Every source's latest claim for one key in one event-time window, with their consensus. The
 * figures ({@code source_count}, {@code min}, {@code max}, {@code median}, the consensus bounds)
 * are over every source; {@code sources} lists at most {@code aggregate.Consensus.MAX_LISTED_SOURCES}
 * of them, so that a key reported by thousands of outlets still makes a record well under Kafka's
 * 1 MB limit, and {@code sources_omitted} (an addition to the contract, absent when 0) says how
 * many are left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Aggregate(
        Metric metric,
        String subject,
        String group,
        String location,
        @JsonProperty("window_start") Instant windowStart,
        @JsonProperty("window_end") Instant windowEnd,
        List<SourceClaim> sources,
        @JsonProperty("source_count") int sourceCount,
        Long min,
        Long max,
        Double median,
        @JsonProperty("consensus_low") Long consensusLow,
        @JsonProperty("consensus_high") Long consensusHigh,
        @JsonProperty("final") boolean isFinal,
        @JsonProperty("sources_omitted") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int sourcesOmitted) {

    /** The Kafka key of aggregates and discrepancies: {@code metric/subject/location[/group]}. */
    public String key() {
        return ClaimKey.of(metric, subject, group, location);
    }
}
