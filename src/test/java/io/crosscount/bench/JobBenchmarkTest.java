package io.crosscount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobBenchmarkTest {

    @Test
    void lastLineHasTheFormTheIssueAsks() {
        JobBenchmark.Throughput full = new JobBenchmark.Throughput(100_000, 450_000_000, 200_000);
        JobBenchmark.Throughput ceiling = new JobBenchmark.Throughput(100_000, 450_000_000, 50_000);
        assertThat(JobBenchmark.lastLine(full, ceiling))
                .isEqualTo("bench-job: full 500/s, read-and-parse 2000/s, ratio 0.25");
        assertThat(JobBenchmark.describe("full job", full))
                .isEqualTo("full job: 100000 articles, 450.0 MB in 200.0 s: 500 articles/s, 2.25 MB/s");
    }

    @Test
    void stateIsThatOfTheLastCheckpointWhileTheInputWasRead() {
        CheckpointWatch.Seen seen = new CheckpointWatch.Seen(List.of(
                new CheckpointWatch.Checkpoint(1, 1_000_000, 1_000_000, 0, Map.of()),
                new CheckpointWatch.Checkpoint(2, 30_000_000, 30_000_000, 10_000, Map.of("window", 25_000_000L,
                        "source", 100_000L, "detector", 4_900_000L)),
                new CheckpointWatch.Checkpoint(3, 2_000, 2_000, 20_000, Map.of())), 0);
        CheckpointWatch.Checkpoint last = seen.lastWhileReading(20_000);
        assertThat(last.id()).isEqualTo(2);
        assertThat(CheckpointWatch.stateLine(last, 1.5)).isEqualTo("state: 30.0 MB in the last checkpoint for 15000 "
                + "claims = 2000 MB per million claims (checkpoint 2, 10000 records read)");
        assertThat(CheckpointWatch.operatorsLine(last)).isEqualTo("state by operator: window 25.0 MB, detector 4.9 MB");
        assertThat(new CheckpointWatch.Seen(List.of(), 2).lastWhileReading(20_000)).isNull();
    }

    @Test
    void percentilesCountAnArticleNeverVisibleAsInfinitelyLate() {
        List<Long> latencies = Arrays.asList(300L, 100L, 200L, null);
        JobBenchmark.Latencies measured = new JobBenchmark.Latencies(latencies, 4, 10, 1);
        assertThat(measured.visible()).isEqualTo(3);
        assertThat(measured.percentile(50)).isEqualTo(200L);
        assertThat(measured.percentile(75)).isEqualTo(300L);
        assertThat(measured.percentile(99)).isNull();
        assertThat(new JobBenchmark.Latencies(List.of(), 0, 10, 1).percentile(50)).isNull();
    }

    @Test
    void recognisesTheFinishedSplitRaceAnywhereInTheCauses() {
        Exception race = new RuntimeException("Job execution failed", new RuntimeException("fetcher",
                new IllegalStateException("No current assignment for partition bench-articles-0")));
        assertThat(JobBenchmark.isFinishedSplitRace(race)).isTrue();
        assertThat(JobBenchmark.isFinishedSplitRace(new RuntimeException(new IllegalStateException("other"))))
                .isFalse();
    }

    @Test
    void rerunsAPhaseOnlyOnTheFinishedSplitRace() throws Exception {
        int[] attempts = {0};
        JobBenchmark.Throughput result = JobBenchmark.retried("phase", attempt -> {
            attempts[0] = attempt;
            if (attempt < 2) {
                throw new RuntimeException(new IllegalStateException("No current assignment for partition t-1"));
            }
            return new JobBenchmark.Throughput(1, 1, 1);
        });
        assertThat(attempts[0]).isEqualTo(2);
        assertThat(result.articles()).isEqualTo(1);
    }
}
