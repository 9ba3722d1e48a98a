package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.app.CrosscountJob;
import io.crosscount.app.JobConfig;
import io.crosscount.generate.SyntheticStream;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/reconcile} (a file, in publication order) and the streaming job (a Kafka topic,
 * in arrival order) over the same generated articles: conflicts, regressions, outliers, stale
 * sources, syndicated copies and re-sent articles.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReconcileVsStreamingIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path out;

    /** Six days, two stories: each injected case of the first six kinds once, no article past the allowed lateness. */
    private final SyntheticStream stream =
            SyntheticStream.generate(1_200, 6, 11, Instant.parse("2024-03-01T00:00:00Z"), 800);

    @Test
    void articlesInPublicationOrderGiveTheSameFinalAggregatesAndTheSameDiscrepancies() throws Exception {
        List<SyntheticStream.Generated> inPublicationOrder = new ArrayList<>(stream.arrivals());
        inPublicationOrder.sort(Comparator.comparing(SyntheticStream.Generated::publishedAt));
        Outputs streaming = streamingJob(inPublicationOrder);
        Outputs reconciled = reconcile(stream.arrivals());

        assertThat(reconciled.finals()).hasSize(12).isEqualTo(streaming.finals());
        assertThat(reconciled.discrepancies()).hasSizeGreaterThanOrEqualTo(5).isEqualTo(streaming.discrepancies());
    }

    @Test
    void articlesArrivingOutOfOrderGiveTheSameFinalAggregatesAndDiscrepancyKinds() throws Exception {
        Outputs streaming = streamingJob(stream.arrivals());
        Outputs reconciled = reconcile(stream.arrivals());

        assertThat(reconciled.finals()).hasSize(12).isEqualTo(streaming.finals());
        // Early updates follow arrival order, so their evidence may differ; what is found per key, window and kind may not.
        assertThat(kinds(reconciled.discrepancies())).isEqualTo(kinds(streaming.discrepancies()))
                .isEqualTo(stream.truth().discrepancies());
    }

    private record Outputs(Set<String> finals, Set<String> discrepancies) {}

    private Outputs reconcile(List<SyntheticStream.Generated> articles) throws Exception {
        String jsonl = articles.stream().map(SyntheticStream.Generated::json).collect(Collectors.joining("\n"));
        List<RawRecord> records = JsonLines.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "gen");
        Path dir = Files.createTempDirectory(out, "reconcile");
        ReconcileCli.run(records, PipelineSettings.defaults(), dir);
        return new Outputs(new HashSet<>(Files.readAllLines(dir.resolve("aggregates.jsonl"))),
                new HashSet<>(Files.readAllLines(dir.resolve("discrepancies.jsonl"))));
    }

    private Outputs streamingJob(List<SyntheticStream.Generated> articles) throws Exception {
        String run = KafkaBrokerExtension.newTopicName("versus");
        String in = run + "-articles";
        for (String t : List.of(in, run + "-extractions", run + "-aggregates", run + "-discrepancies", run + "-dead")) {
            KafkaBrokerExtension.createTopic(t, 1);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SyntheticStream.Generated a : articles) {
                producer.send(LoadArticles.toRecord(in, a.json().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        JobConfig config = JobConfig.parse(new String[] {
            "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--input-topic", in,
            "--extractions-topic", run + "-extractions", "--aggregates-topic", run + "-aggregates",
            "--discrepancies-topic", run + "-discrepancies", "--dead-letters-topic", run + "-dead",
            "--group-id", run, "--transactional-id-prefix", run, "--starting-offsets", "earliest",
            "--stopping-offsets", "latest", "--checkpoint-interval", "1 s"});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CrosscountJob.build(env, config);
        env.execute("crosscount-versus-reconcile");

        Set<String> finals = KafkaBrokerExtension.consumeUntilQuiet(run + "-aggregates", Duration.ofSeconds(2), WAIT)
                .stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(json -> read(json, Aggregate.class).isFinal())
                .collect(Collectors.toSet());
        Set<String> discrepancies = KafkaBrokerExtension.consumeUntilQuiet(run + "-discrepancies", Duration.ofSeconds(2),
                        WAIT)
                .stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
        return new Outputs(finals, discrepancies);
    }

    private static Set<SyntheticStream.Expected> kinds(Set<String> discrepancies) {
        return discrepancies.stream().map(json -> read(json, Discrepancy.class))
                .map(d -> new SyntheticStream.Expected(d.key(), d.windowStart(), d.kind()))
                .collect(Collectors.toSet());
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
