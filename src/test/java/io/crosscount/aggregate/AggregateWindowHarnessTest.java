package io.crosscount.aggregate;

import static io.crosscount.aggregate.Claims.exact;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.Aggregate;
import io.crosscount.pipeline.Pipeline;
import io.crosscount.pipeline.PipelineSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real window operator of the pipeline, driven with claims and watermarks. */
class AggregateWindowHarnessTest {
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults();
    private static final long DAY_END = Instant.parse("2024-01-27T00:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<String, ClaimEvent, Aggregate> harness;

    @BeforeEach
    void setUp() throws Exception {
        open(SETTINGS);
    }

    @SuppressWarnings("unchecked")
    private void open(PipelineSettings settings) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<ClaimEvent> input = env.fromData(TypeInformation.of(ClaimEvent.class),
                exact("x", "x", "2024-01-01T00:00:00Z", 1));
        OneInputTransformation<ClaimEvent, Aggregate> window =
                (OneInputTransformation<ClaimEvent, Aggregate>) Pipeline.aggregateClaims(input, settings).getTransformation();
        OneInputStreamOperator<ClaimEvent, Aggregate> operator = (OneInputStreamOperator<ClaimEvent, Aggregate>)
                ((SimpleOperatorFactory<Aggregate>) window.getOperatorFactory()).getOperator();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, ClaimEvent::key, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void claim(ClaimEvent e) throws Exception {
        harness.processElement(new StreamRecord<>(e, e.publishedAt.toEpochMilli()));
    }

    @Test
    void emitsAnEarlyUpdatePerClaimThenAFinalResultAtWindowEnd() throws Exception {
        claim(exact("en", "a1", "2024-01-26T09:00:00Z", 26083));
        claim(exact("uk", "a2", "2024-01-26T12:00:00Z", 25700));
        harness.processWatermark(DAY_END - 1);

        List<Aggregate> out = harness.extractOutputValues();
        assertThat(out).extracting(Aggregate::sourceCount, Aggregate::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false),
                        org.assertj.core.groups.Tuple.tuple(2, false), org.assertj.core.groups.Tuple.tuple(2, true));
        Aggregate last = out.get(2);
        assertThat(last.windowStart()).isEqualTo(Instant.parse("2024-01-26T00:00:00Z"));
        assertThat(last.windowEnd()).isEqualTo(Instant.parse("2024-01-27T00:00:00Z"));
        assertThat(last.min()).isEqualTo(25700L);
        assertThat(last.max()).isEqualTo(26083L);
    }

    @Test
    void keepsOnlyTheLatestClaimOfEachSource() throws Exception {
        claim(exact("en", "a2", "2024-01-26T15:00:00Z", 26100));
        claim(exact("en", "a1", "2024-01-26T09:00:00Z", 26083)); // older, arrives later: ignored
        harness.processWatermark(DAY_END - 1);
        Aggregate last = harness.extractOutputValues().get(2);
        assertThat(last.sources()).singleElement().satisfies(s -> {
            assertThat(s.articleId()).isEqualTo("a2");
            assertThat(s.value()).isEqualTo(26100L);
        });
    }

    @Test
    void lateClaimsWithinLatenessReviseTheFinalResultAndLaterOnesGoToTheSideOutput() throws Exception {
        claim(exact("en", "a1", "2024-01-26T09:00:00Z", 26083));
        harness.processWatermark(DAY_END - 1); // window closes
        claim(exact("uk", "a2", "2024-01-26T12:00:00Z", 25700)); // late, within the hour
        harness.processWatermark(DAY_END + Duration.ofHours(2).toMillis()); // past lateness: state cleared
        claim(exact("de", "a3", "2024-01-26T13:00:00Z", 25000)); // too late

        assertThat(harness.extractOutputValues()).extracting(Aggregate::sourceCount, Aggregate::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false),
                        org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(harness.getSideOutput(Pipeline.LATE_CLAIMS)).extracting(r -> r.getValue().articleId)
                .containsExactly("a3");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void slidingWindowsGiveAClaimToEveryWindowItFallsIn() throws Exception {
        harness.close();
        open(SETTINGS.withWindows(Duration.ofDays(1), Duration.ofHours(6)));
        claim(exact("en", "a1", "2024-01-26T09:00:00Z", 26083));
        harness.processWatermark(Instant.parse("2024-01-27T06:00:00Z").toEpochMilli() - 1);

        assertThat(harness.extractOutputValues()).filteredOn(Aggregate::isFinal).extracting(Aggregate::windowStart)
                .containsExactlyInAnyOrder(Instant.parse("2024-01-25T12:00:00Z"), Instant.parse("2024-01-25T18:00:00Z"),
                        Instant.parse("2024-01-26T00:00:00Z"), Instant.parse("2024-01-26T06:00:00Z"));
    }

    @Test
    void syndicatedCopiesAreOneSourceListingTheOutletsThatCarriedThem() throws Exception {
        ClaimEvent monde = exact("Le Monde", "m1", "2024-01-26T10:00:00Z", 26083);
        monde.wire = "AFP";
        ClaimEvent figaro = exact("Le Figaro", "f1", "2024-01-26T10:30:00Z", 26083);
        figaro.wire = "AFP";
        claim(monde);
        claim(figaro);
        claim(exact("BBC", "b1", "2024-01-26T11:00:00Z", 26083));
        harness.processWatermark(DAY_END - 1);

        Aggregate last = harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.sourceCount()).isEqualTo(2);
        assertThat(last.sources()).extracting(io.crosscount.model.SourceClaim::source,
                        io.crosscount.model.SourceClaim::outlets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AFP", List.of("Le Figaro", "Le Monde")),
                        org.assertj.core.groups.Tuple.tuple("BBC", List.of("BBC")));
    }

    @Test
    void withAnIntervalTheClaimsOfThatLongShareOneEarlyUpdateAndTheFinalResultCancelsAPendingOne() throws Exception {
        harness.close();
        open(SETTINGS.withEarlyUpdates(Duration.ofSeconds(1)));
        harness.setProcessingTime(0);
        claim(exact("en", "a1", "2024-01-26T09:00:00Z", 26083));
        claim(exact("uk", "a2", "2024-01-26T12:00:00Z", 25700));
        harness.setProcessingTime(999);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(1000); // one update for both claims
        assertThat(harness.extractOutputValues()).extracting(Aggregate::sourceCount, Aggregate::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false));

        harness.setProcessingTime(1500);
        claim(exact("de", "a3", "2024-01-26T13:00:00Z", 25000)); // waits for its own interval...
        harness.processWatermark(DAY_END - 1); // ...but the window closes first: the final result has it
        harness.setProcessingTime(5000); // and the cancelled early update never comes
        claim(exact("fr", "a4", "2024-01-26T14:00:00Z", 25100)); // late: a revised final result at once

        assertThat(harness.extractOutputValues()).extracting(Aggregate::sourceCount, Aggregate::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(3, true), org.assertj.core.groups.Tuple.tuple(4, true));
        harness.processWatermark(DAY_END + Duration.ofHours(2).toMillis()); // past lateness
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
