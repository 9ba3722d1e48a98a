package io.crosscount.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Names of the job's own metrics. All live in the operator group {@value #GROUP}, which the
 * Prometheus reporter exposes as {@code flink_taskmanager_job_task_operator_crosscount_<name>}.
 */
public final class CrosscountMetrics {
    public static final String GROUP = "crosscount";

    public static final String ARTICLES_READ = "articles_read";
    public static final String ARTICLES_ACCEPTED = "articles_accepted";
    public static final String ARTICLES_DEDUPLICATED = "articles_deduplicated";
    public static final String DEAD_LETTERS = "dead_letters";
    public static final String CLAIMS = "claims";
    public static final String ACTOR_MENTIONS = "actor_mentions";
    public static final String DISCREPANCIES = "discrepancies";
    public static final String LATE_CLAIMS = "late_claims";
    public static final String AGGREGATES = "aggregates";
    public static final String EXTRACTION_TIME_US = "extraction_time_us";
    /** Discrepancies are counted per kind and severity: {@code discrepancies_<kind>_<severity>}. */
    public static final String DISCREPANCIES_PREFIX = "discrepancies_";
    /** Samples kept by the extraction-time histogram (a sliding window of recent articles). */
    public static final int HISTOGRAM_WINDOW = 1024;

    private CrosscountMetrics() {}

    public static MetricGroup group(MetricGroup operatorGroup) {
        return operatorGroup.addGroup(GROUP);
    }

    public static Counter counter(MetricGroup operatorGroup, String name) {
        return group(operatorGroup).counter(name);
    }

    public static org.apache.flink.metrics.Histogram histogram(MetricGroup operatorGroup, String name) {
        return group(operatorGroup).histogram(name,
                new org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }
}
