package io.crosscount.app;

import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ArticleReader;
import io.crosscount.ingest.ArticleRecordDeserializer;
import io.crosscount.ingest.EventTime;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.ingest.PublishedRange;
import io.crosscount.model.Aggregate;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.Extraction;
import io.crosscount.pipeline.Outputs;
import io.crosscount.pipeline.Pipeline;
import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.model.SourceClaim;
import io.crosscount.sink.KafkaSinks;
import io.crosscount.sink.RecordTime;
import io.crosscount.store.PostgresStore;
import io.crosscount.store.StoreSinks;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The streaming job: Kafka in, the pipeline, exactly-once Kafka out. */
public final class CrosscountJob {
    private static final Logger LOG = LoggerFactory.getLogger(CrosscountJob.class);
    private CrosscountJob() {}

    public static void main(String[] args) throws Exception {
        JobConfig config;
        try {
            if (java.util.Arrays.asList(args).contains("--help")) {
                System.out.println("Crosscount streaming job.\n" + JobConfig.usage());
                return;
            }
            config = JobConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("crosscount: " + e.getMessage() + " (--help lists the job's options)");
            System.exit(2);
            return;
        }
        String unreachable = kafkaProblem(config);
        if (unreachable != null) {
            System.err.println("crosscount: " + unreachable);
            System.exit(1);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        try {
            build(env, config);
        } catch (IllegalStateException e) {
            System.err.println("crosscount: " + e.getMessage()); // the store could not be prepared: says why
            System.exit(1);
            return;
        }
        env.execute("crosscount");
    }

    /**
     * Why the job could not use Kafka with its client properties (refused credentials, a failed TLS
     * handshake, no answer within a minute), or null when the cluster answers. Checked before the
     * job is submitted: once running, a job that cannot authenticate would fail and restart
     * forever instead of saying so.
     */
    static String kafkaProblem(JobConfig config) {
        Properties props = config.kafkaClientProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to Kafka";
        } catch (ExecutionException | KafkaException e) {
            String message = KafkaFailures.describe(e);
            return message != null ? message : "cannot connect to Kafka at " + config.bootstrapServers() + " ("
                    + (e.getCause() != null ? e.getCause() : e) + ")";
        }
    }

    /** Wires source, pipeline and sinks into {@code env}; tests call it with their own environment. */
    public static void build(StreamExecutionEnvironment env, JobConfig config) {
        publishConfiguration(env, config);
        // Every type that crosses operators or sits in state has a serializer of its own (POJOs,
        // tested in SerializationTest): a type that would fall back to Kryo fails the job's
        // build here, in the tests, instead of costing throughput in production.
        env.configure(new org.apache.flink.configuration.Configuration().set(
                org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false));
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        Outputs outputs = Pipeline.define(readArticles(env, config), config.pipeline());
        Properties kafka = config.kafkaClientProperties();
        String prefix = config.transactionalIdPrefix();
        outputs.extractions().sinkTo(KafkaSinks.exactlyOnce(config.bootstrapServers(), config.extractionsTopic(),
                Extraction::articleId, RecordTime.flinkTimestamp(), prefix, kafka))
                .name("sink-extractions").uid("sink-extractions");
        outputs.aggregates().sinkTo(KafkaSinks.exactlyOnce(config.bootstrapServers(), config.aggregatesTopic(),
                Aggregate::key, CrosscountJob::newestEvidence, prefix, kafka))
                .name("sink-aggregates").uid("sink-aggregates");
        // A resolution stands for the result that resolved it.
        outputs.discrepancies().sinkTo(KafkaSinks.exactlyOnce(config.bootstrapServers(), config.discrepanciesTopic(),
                Discrepancy::key, d -> d.resolvedAt() != null ? d.resolvedAt() : d.detectedAt(), prefix, kafka))
                .name("sink-discrepancies").uid("sink-discrepancies");
        // A dead letter stands for the record it replaces: that record's Kafka timestamp.
        outputs.deadLetters().sinkTo(KafkaSinks.exactlyOnce(config.bootstrapServers(), config.deadLettersTopic(),
                DeadLetter::key, dead -> dead.timestamp() == null ? null : Instant.ofEpochMilli(dead.timestamp()),
                prefix, kafka))
                .name("sink-dead-letters").uid("sink-dead-letters");
        if (config.postgres() != null) {
            addStore(outputs, config.postgres());
        }
    }

    /**
     * Makes the job's effective configuration, secrets hidden ({@link JobConfig#effectiveParameters}),
     * its global job parameters, which the web UI shows under the job's Configuration tab (and the
     * REST API under {@code /jobs/ID/config}), and logs it once, at INFO, where the job is built.
     */
    static void publishConfiguration(StreamExecutionEnvironment env, JobConfig config) {
        java.util.Map<String, String> parameters = config.effectiveParameters();
        env.getConfig().setGlobalJobParameters(org.apache.flink.configuration.Configuration.fromMap(parameters));
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, value) -> text.append("\n  ").append(name).append(" = ").append(value));
        LOG.info("Crosscount job configuration (effective, secrets hidden):{}", text);
    }

    /**
     * The analysts' store beside the topics. Its schema is migrated here, before the job is
     * submitted, so that a wrong url or password stops the start with a message rather than
     * failing tasks in a loop.
     */
    static void addStore(Outputs outputs, PostgresStore store) {
        int applied = store.migrate();
        LOG.info("PostgreSQL store {}: {} migration(s) applied", store, applied);
        outputs.discrepancies().sinkTo(StoreSinks.discrepancies(store))
                .name("store-discrepancies").uid("store-discrepancies");
        outputs.aggregates().sinkTo(StoreSinks.consensus(store))
                .name("store-consensus").uid("store-consensus");
    }

    /**
     * An aggregate stands for the newest report it holds, not its window's end, which may lie a
     * whole window ahead of now.
     */
    static Instant newestEvidence(Aggregate aggregate) {
        return aggregate.sources().stream().map(SourceClaim::publishedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** The articles topic read with event time per partition (see {@link EventTime}). */
    public static DataStream<ParsedRecord> readArticles(StreamExecutionEnvironment env, JobConfig config) {
        return env.fromSource(articleSource(config), EventTime.forKafkaSource(config.pipeline()), "kafka-articles")
                .uid("kafka-articles");
    }

    public static KafkaSource<ParsedRecord> articleSource(JobConfig config) {
        PipelineSettings pipeline = config.pipeline();
        ArticleReader reader = new ArticleReader(new ArticleParser(pipeline.maxArticleBytes()),
                pipeline.maxFuturePublication());
        KafkaSourceBuilder<ParsedRecord> builder = KafkaSource.<ParsedRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.inputTopic())
                .setGroupId(config.groupId())
                .setStartingOffsets(offsets(config.startingOffsets(), config.inputTopic()))
                .setDeserializer(new ArticleRecordDeserializer(reader,
                        new PublishedRange(config.publishedFrom(), config.publishedTo())))
                .setProperties(config.kafkaClientProperties())
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.stoppingOffsets() != null) {
            builder.setBounded(offsets(config.stoppingOffsets(), config.inputTopic()));
        } else if (config.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * An offsets spec of {@link JobConfig}: earliest, latest, committed, timestamp:MILLIS, or
     * offsets:PARTITION=OFFSET,... (explicit positions; unnamed partitions start earliest).
     */
    public static OffsetsInitializer offsets(String spec, String topic) {
        if (spec.startsWith("timestamp:")) {
            return OffsetsInitializer.timestamp(Long.parseLong(spec.substring("timestamp:".length())));
        }
        if (spec.startsWith("offsets:")) {
            return OffsetsInitializer.offsets(partitionOffsets(spec, topic), OffsetResetStrategy.EARLIEST);
        }
        return switch (spec) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    public static java.util.Map<org.apache.kafka.common.TopicPartition, Long> partitionOffsets(String spec, String topic) {
        java.util.Map<org.apache.kafka.common.TopicPartition, Long> offsets = new java.util.HashMap<>();
        for (String part : spec.substring("offsets:".length()).split(",")) {
            String[] kv = part.split("=");
            offsets.put(new org.apache.kafka.common.TopicPartition(topic, Integer.parseInt(kv[0].trim())),
                    Long.parseLong(kv[1].trim()));
        }
        return offsets;
    }
}
