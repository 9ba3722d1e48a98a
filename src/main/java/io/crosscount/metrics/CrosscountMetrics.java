package io.crosscount.metrics;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * Names of the job's own metrics. All live in the operator group {@value #GROUP}, which the
 * Prometheus reporter exposes as {@code flink_taskmanager_job_task_operator_crosscount_<name>}.
 * A dimension (reason, metric, kind...) is a key-value group: Prometheus gets it as a label and
 * its key in the name, e.g. {@code ..._crosscount_reason_dead_letters{reason="not_json"}}.
 * Every label takes a value from a closed set, except {@link #KEY}, which is capped by
 * {@link ConsensusGauges}.
 */
public final class CrosscountMetrics {
    public static final String GROUP = "crosscount";

    public static final String ARTICLES_READ = "articles_read";
    public static final String ARTICLES_ACCEPTED = "articles_accepted";
    /** Articles whose published_at lay ahead of their arrival: counted at their arrival time. */
    public static final String FUTURE_PUBLISHED_AT = "future_published_at";
    public static final String ARTICLES_DEDUPLICATED = "articles_deduplicated";
    /** Labelled {@link #REASON}: the dead-letter reasons of the contract plus {@code late}. */
    public static final String DEAD_LETTERS = "dead_letters";
    /** Labelled {@link #METRIC} and {@link #LANG}. */
    public static final String CLAIMS = "claims";
    public static final String ACTOR_MENTIONS = "actor_mentions";
    /** Claims and actor mentions beyond the per-article caps, left out of their extraction. */
    public static final String CLAIMS_OVER_CAP = "claims_over_cap";
    public static final String ACTOR_MENTIONS_OVER_CAP = "actor_mentions_over_cap";
    /** Labelled {@link #KIND} and {@link #SEVERITY}. */
    public static final String DISCREPANCIES = "discrepancies";
    public static final String LATE_CLAIMS = "late_claims";
    public static final String AGGREGATES = "aggregates";
    public static final String EXTRACTION_TIME_US = "extraction_time_us";
    /** Wall-clock time minus the current watermark, in milliseconds: how far event time trails. */
    public static final String EVENT_TIME_LAG_MS = "event_time_lag_ms";
    /** Labelled {@link #KEY}: the latest consensus interval and source count of an aggregation key. */
    public static final String CONSENSUS_LOW = "consensus_low";
    public static final String CONSENSUS_HIGH = "consensus_high";
    public static final String CONSENSUS_SOURCES = "consensus_sources";
    /** Labelled {@link #KEY} and {@link #SOURCE}: the figure a source reports for a key. */
    public static final String SOURCE_VALUE = "value";
    /** Aggregates whose key got no gauge because the cap on keys was reached. */
    public static final String CONSENSUS_UPDATES_NOT_EXPOSED = "consensus_updates_not_exposed";

    public static final String REASON = "reason";
    public static final String METRIC = "metric";
    public static final String LANG = "lang";
    public static final String KIND = "kind";
    public static final String SEVERITY = "severity";
    public static final String KEY = "key";
    public static final String SOURCE = "source";

    /** Samples kept by the extraction-time histogram (a sliding window of recent articles). */
    public static final int HISTOGRAM_WINDOW = 1024;

    private CrosscountMetrics() {}

    public static MetricGroup group(MetricGroup operatorGroup) {
        return operatorGroup.addGroup(GROUP);
    }

    public static Counter counter(MetricGroup operatorGroup, String name) {
        return group(operatorGroup).counter(name);
    }

    public static Histogram histogram(MetricGroup operatorGroup, String name) {
        return group(operatorGroup).histogram(name, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    /**
     * Counters of one name with labels, created the first time each combination of label values
     * is seen. Callers pass values from closed sets only, so the number of series stays bounded.
     */
    public static final class LabelledCounters {
        private final MetricGroup group;
        private final String name;
        private final String[] labels;
        private final Map<String, Counter> counters = new HashMap<>();

        public LabelledCounters(MetricGroup operatorGroup, String name, String... labels) {
            this.group = group(operatorGroup);
            this.name = name;
            this.labels = labels;
        }

        public Counter get(String... values) {
            if (values.length != labels.length) {
                throw new IllegalArgumentException(name + " takes labels " + String.join(", ", labels));
            }
            return counters.computeIfAbsent(String.join("\u0000", values), k -> {
                MetricGroup labelled = group;
                for (int i = 0; i < labels.length; i++) {
                    labelled = labelled.addGroup(labels[i], values[i]);
                }
                return labelled.counter(name);
            });
        }
    }
}
