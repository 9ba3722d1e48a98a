package io.crosscount.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Aggregate;
import io.crosscount.model.Claim;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.model.SourceClaim;
import java.time.Instant;
import java.util.List;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

/** The consensus gauges on Flink's own metric group implementation. */
class ConsensusGaugesTest {
    private static final Instant DAY = Instant.parse("2024-01-26T00:00:00Z");

    private final MetricListener metrics = new MetricListener();

    @Test
    void showsTheLatestWindowOfEachKeyWithItsSources() {
        ConsensusGauges gauges = new ConsensusGauges(metrics.getMetricGroup(), 50);
        gauges.update(aggregate("gaza", 1, 26000L, 26100L, "le-monde", "bbc"));
        gauges.update(aggregate("gaza", 0, 25000L, 25000L, "le-monde"));

        assertThat(keyGauge("killed/palestinians/gaza", CrosscountMetrics.CONSENSUS_LOW).getValue()).isEqualTo(26000.0);
        assertThat(keyGauge("killed/palestinians/gaza", CrosscountMetrics.CONSENSUS_HIGH).getValue()).isEqualTo(26100.0);
        assertThat(keyGauge("killed/palestinians/gaza", CrosscountMetrics.CONSENSUS_SOURCES).getValue()).isEqualTo(2);
        Gauge<Object> bbc = metrics.getGauge(CrosscountMetrics.GROUP, CrosscountMetrics.KEY, "killed/palestinians/gaza",
                CrosscountMetrics.SOURCE, "bbc", CrosscountMetrics.SOURCE_VALUE).orElseThrow();
        assertThat(bbc.getValue()).isEqualTo(26000.0);
    }

    @Test
    void aSourceThatReportedOnlyInAnEarlierWindowShowsNoFigureOnceALaterWindowIsShown() {
        ConsensusGauges gauges = new ConsensusGauges(metrics.getMetricGroup(), 50);
        gauges.update(aggregate("gaza", 0, 25000L, 25000L, "le-monde", "bbc"));
        gauges.update(aggregate("gaza", 1, 26000L, 26000L, "le-monde"));

        assertThat((Double) sourceGauge("bbc").getValue()).isNaN();
        assertThat(sourceGauge("le-monde").getValue()).isEqualTo(26000.0);
    }

    private Gauge<Object> sourceGauge(String source) {
        return metrics.<Object>getGauge(CrosscountMetrics.GROUP, CrosscountMetrics.KEY, "killed/palestinians/gaza",
                CrosscountMetrics.SOURCE, source, CrosscountMetrics.SOURCE_VALUE).orElseThrow();
    }

    @Test
    void anUnboundedConsensusShowsNoUpperBound() {
        ConsensusGauges gauges = new ConsensusGauges(metrics.getMetricGroup(), 50);
        gauges.update(aggregate("gaza", 0, 26000L, null, "le-monde"));
        assertThat((Double) keyGauge("killed/palestinians/gaza", CrosscountMetrics.CONSENSUS_HIGH).getValue()).isNaN();
    }

    @Test
    void keysBeyondTheCapGetNoGaugeAndAreCounted() {
        ConsensusGauges gauges = new ConsensusGauges(metrics.getMetricGroup(), 3);
        for (String place : List.of("gaza", "rafah", "khan-younis", "jabalia", "nuseirat")) {
            gauges.update(aggregate(place, 0, 10L, 10L, "bbc"));
        }
        gauges.update(aggregate("gaza", 1, 20L, 20L, "bbc"));

        assertThat(metrics.getGauge(CrosscountMetrics.GROUP, CrosscountMetrics.KEY, "killed/palestinians/khan-younis",
                CrosscountMetrics.CONSENSUS_LOW)).isPresent();
        assertThat(metrics.getGauge(CrosscountMetrics.GROUP, CrosscountMetrics.KEY, "killed/palestinians/jabalia",
                CrosscountMetrics.CONSENSUS_LOW)).isEmpty();
        assertThat(keyGauge("killed/palestinians/gaza", CrosscountMetrics.CONSENSUS_LOW).getValue()).isEqualTo(20.0);
        assertThat(metrics.getCounter(CrosscountMetrics.GROUP, CrosscountMetrics.CONSENSUS_UPDATES_NOT_EXPOSED)
                .orElseThrow().getCount()).isEqualTo(2);
    }

    private Gauge<Object> keyGauge(String key, String name) {
        return metrics.<Object>getGauge(CrosscountMetrics.GROUP, CrosscountMetrics.KEY, key, name).orElseThrow();
    }

    private static Aggregate aggregate(String location, int day, Long low, Long high, String... sources) {
        Instant start = DAY.plusSeconds(86_400L * day);
        List<SourceClaim> claims = java.util.Arrays.stream(sources)
                .map(s -> new SourceClaim(s, s + "-" + day, start, null, null, List.of(s), new Claim(Metric.KILLED,
                        "palestinians", null, location, low, low, high, Qualifier.EXACT, false, null, 0, 4, "text")))
                .toList();
        return new Aggregate(Metric.KILLED, "palestinians", null, location, start, start.plusSeconds(86_400),
                claims, claims.size(), low, low, low == null ? null : low.doubleValue(), low, high, true, 0);
    }
}
