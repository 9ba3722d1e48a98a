package io.crosscount.bench;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.aggregate.Consensus;
import io.crosscount.aggregate.DiscrepancyCheck;
import io.crosscount.aggregate.LatestBySource;
import io.crosscount.aggregate.LatestClaimPerSource;
import io.crosscount.aggregate.SourceHistory;
import io.crosscount.aggregate.SyndicatedReports;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.pipeline.PipelineSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one claim on a busy key: a window already holding {@code outlets} outlets' claims
 * (see {@link OneKeyFixtures}: wire credits and edited wire copies among them) receives one more,
 * a newer article of one of its outlets with the same figure, as a key mostly does once every
 * outlet has reported. Per operation, what the job does for that claim:
 * <ul>
 *   <li>{@code claimOnHeap}: the window's accumulator takes the claim ({@link LatestClaimPerSource}),
 *       the trigger fires, {@link Consensus} folds syndicated copies ({@link SyndicatedReports}) and
 *       builds the aggregate, and the detector's rules run on it with each source's history, as
 *       {@code DiscrepancyDetector} does (its keyed state here a plain map);
 *   <li>{@code claimAsTheJobRunsIt}: the same plus what RocksDB (the job's state backend) and the
 *       network add: the accumulator is read and written back through its Flink serializer to add
 *       the claim and read once more to fire, the aggregate goes through its serializer to the
 *       detector and is written as JSON for the aggregates topic.
 * </ul>
 * The window size stays at {@code outlets}, so the time per operation is the cost of a claim at
 * that size; a window's whole cost is the sum over the sizes it passes through. Run with
 * {@code scripts/bench-one-key}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class OneKeyBenchmark {
    private static final Instant END = OneKeyFixtures.DAY.plus(Duration.ofDays(1));
    /** The job's defaults: tolerance, outlier threshold, staleness horizon, state retention. */
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults();
    private static final double TOLERANCE = SETTINGS.tolerance();
    private static final double OUTLIER = SETTINGS.outlierThreshold();
    private static final Duration STALENESS = SETTINGS.stalenessHorizon();
    private static final Duration RETENTION = SETTINGS.stateRetention();

    @Param({"100", "1000", "5000"})
    public int outlets;

    private List<ClaimEvent> claims;
    private final LatestClaimPerSource function = new LatestClaimPerSource();
    private LatestBySource window;
    private byte[] windowBytes;
    private TypeSerializer<LatestBySource> windowSerializer;
    private TypeSerializer<Aggregate> aggregateSerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private Detector detector;
    private long sequence;

    @Setup
    public void setUp() throws IOException {
        claims = OneKeyFixtures.claims(outlets);
        window = function.createAccumulator();
        claims.forEach(c -> function.add(c, window));
        SerializerConfigImpl config = new SerializerConfigImpl();
        windowSerializer = TypeInformation.of(LatestBySource.class).createSerializer(config);
        aggregateSerializer = TypeInformation.of(Aggregate.class).createSerializer(config);
        windowBytes = write(windowSerializer, window);
        detector = new Detector();
        sequence = 0;
    }

    @Benchmark
    public Object claimOnHeap() {
        ClaimEvent claim = OneKeyFixtures.update(claims.get((int) (sequence % outlets)), sequence++);
        function.add(claim, window);
        Aggregate aggregate = Consensus.of(window.bySource.values(), OneKeyFixtures.DAY, END, false,
                SyndicatedReports.DEFAULT_SIMILARITY);
        return detector.detect(aggregate);
    }

    @Benchmark
    public Object claimAsTheJobRunsIt() throws IOException {
        ClaimEvent claim = OneKeyFixtures.update(claims.get((int) (sequence % outlets)), sequence++);
        LatestBySource state = read(windowSerializer, windowBytes);
        function.add(claim, state);
        windowBytes = write(windowSerializer, state);
        LatestBySource fired = read(windowSerializer, windowBytes);
        Aggregate aggregate = Consensus.of(fired.bySource.values(), OneKeyFixtures.DAY, END, false,
                SyndicatedReports.DEFAULT_SIMILARITY);
        byte[] json = Json.writeBytes(aggregate);
        Aggregate received = read(aggregateSerializer, write(aggregateSerializer, aggregate));
        return json.length + detector.detect(received);
    }

    private <T> byte[] write(TypeSerializer<T> serializer, T value) throws IOException {
        out.clear();
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private <T> T read(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
        in.setBuffer(bytes);
        return serializer.deserialize(in);
    }

    /** {@code DiscrepancyDetector} with its keyed state in maps: the same {@link DiscrepancyCheck}. */
    static final class Detector {
        private final Map<String, SourceHistory> historyBySource = new HashMap<>();
        private final Map<String, Discrepancy> open = new HashMap<>();
        private final DiscrepancyCheck check = new DiscrepancyCheck(TOLERANCE, OUTLIER, STALENESS, RETENTION);
        private final DiscrepancyCheck.Histories histories = new DiscrepancyCheck.Histories() {
            @Override
            public SourceHistory of(String source) {
                return historyBySource.get(source);
            }

            @Override
            public void update(Map<String, SourceHistory> changed) {
                historyBySource.putAll(changed);
            }
        };

        int detect(Aggregate aggregate) {
            try {
                return check.check(aggregate, histories, new DiscrepancyCheck.Open() {
                    @Override
                    public Discrepancy get(String slot) {
                        return open.get(slot);
                    }

                    @Override
                    public void put(String slot, Discrepancy reported) {
                        open.put(slot, reported);
                    }

                    @Override
                    public void remove(String slot) {
                        open.remove(slot);
                    }

                    @Override
                    public Iterable<String> slotsOf(java.time.Instant windowStart) {
                        return open.keySet().stream().filter(s -> s.startsWith(windowStart + "|")).toList();
                    }
                }).size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
