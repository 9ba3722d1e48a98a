package io.crosscount.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {

    @Test
    void defaultsApplyAndKafkaPropertiesPassThrough() {
        JobConfig c = JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--window-size", "6 h",
            "--kafka.security.protocol", "SASL_SSL", "--bounded"});
        assertThat(c.inputTopic()).isEqualTo("articles");
        assertThat(c.deadLettersTopic()).isEqualTo("dead-letters");
        assertThat(c.pipeline().windowSize()).isEqualTo(Duration.ofHours(6));
        assertThat(c.pipeline().tolerance()).isEqualTo(0.01);
        assertThat(c.bounded()).isTrue();
        assertThat(c.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void commandLineOverridesTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "bootstrap-servers=file:9092\ngroup-id=from-file\ntolerance=0.05\n");
        JobConfig c = JobConfig.parse(new String[] {"--config", file.toString(), "--group-id", "cli"});
        assertThat(c.bootstrapServers()).isEqualTo("file:9092");
        assertThat(c.groupId()).isEqualTo("cli");
        assertThat(c.pipeline().tolerance()).isEqualTo(0.05);
    }

    @Test
    void errorsSayWhatWasWrongAndWhatToDo() {
        assertThatThrownBy(() -> JobConfig.parse(new String[] {"--window-size", "1 d"}))
                .hasMessageContaining("--bootstrap-servers is required");
        assertThatThrownBy(() -> JobConfig.parse(new String[] {"--bootstrap-servers", "b", "--windowsize", "1 d"}))
                .hasMessageContaining("Unknown option --windowsize").hasMessageContaining("--window-size");
        assertThatThrownBy(() -> JobConfig.parse(new String[] {"--bootstrap-servers", "b", "--window-size", "soon"}))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> JobConfig.parse(new String[] {"--bootstrap-servers", "b", "--starting-offsets", "first"}))
                .hasMessageContaining("earliest, latest, committed");
    }

    @Test
    void theExtractionBudgetIsTwoSecondsUnlessGivenAndMustBePositive() {
        assertThat(JobConfig.pipelineSettings(java.util.Map.of()).extractionBudget()).isEqualTo(Duration.ofSeconds(2))
                .isEqualTo(io.crosscount.pipeline.PipelineSettings.defaults().extractionBudget());
        assertThat(JobConfig.pipelineSettings(java.util.Map.of("extraction-budget", "500 ms")).extractionBudget())
                .isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> JobConfig.pipelineSettings(java.util.Map.of("extraction-budget", "0 s")))
                .hasMessageContaining("--extraction-budget").hasMessageContaining("must be positive");
    }

    @Test
    void windowsAreTumblingUnlessASlideShorterThanTheSizeIsGiven() {
        var tumbling = JobConfig.pipelineSettings(java.util.Map.of("window-size", "12 h"));
        assertThat(tumbling.windowSlide()).isEqualTo(Duration.ofHours(12));
        assertThat(tumbling.slidingWindows()).isFalse();
        var sliding = JobConfig.pipelineSettings(java.util.Map.of("window-size", "1 d", "window-slide", "6 h"));
        assertThat(sliding.slidingWindows()).isTrue();
        assertThat(sliding.stalenessHorizon()).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> JobConfig.pipelineSettings(java.util.Map.of("window-size", "1 h", "window-slide", "2 h")))
                .hasMessageContaining("--window-slide").hasMessageContaining("at most");
        assertThatThrownBy(() -> JobConfig.pipelineSettings(java.util.Map.of("syndication-similarity", "1.5")))
                .hasMessageContaining("--syndication-similarity");
    }

    @Test
    void theDefaultTransactionalIdPrefixIsTheSameForTheSameJobAndDiffersWithItsOutputs() {
        String[] job = {"--bootstrap-servers", "b:9092", "--group-id", "live"};
        String prefix = JobConfig.parse(job).transactionalIdPrefix();
        assertThat(prefix).matches("live-[0-9a-f]{8}");
        assertThat(JobConfig.parse(job).transactionalIdPrefix()).isEqualTo(prefix);
        assertThat(JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--group-id", "live",
            "--aggregates-topic", "staging-aggregates"}).transactionalIdPrefix())
                .startsWith("live-").isNotEqualTo(prefix);
        assertThat(JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--group-id", "other"})
                .transactionalIdPrefix()).startsWith("other-").isNotEqualTo(prefix);
        assertThat(JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--transactional-id-prefix", "mine"})
                .transactionalIdPrefix()).isEqualTo("mine");
    }

    @Test
    void theCommandConfigFileReachesEveryKafkaClientUnderTheKafkaOptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
                ssl.truststore.location=/etc/kafka/truststore.jks
                """);
        JobConfig c = JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--command-config", file.toString(),
            "--kafka.sasl.mechanism", "PLAIN"});
        assertThat(c.kafkaClientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
                .doesNotContainKey("bootstrap.servers");
        assertThat(c.bootstrapServers()).isEqualTo("b:9092");
        // The source and the sinks are built with these properties.
        assertThat(CrosscountJob.articleSource(c)).isNotNull();
    }

    @Test
    void theCommandConfigMayGiveTheBootstrapServers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9093\nsecurity.protocol=SSL\n");
        JobConfig c = JobConfig.parse(new String[] {"--command-config", file.toString()});
        assertThat(c.bootstrapServers()).isEqualTo("file:9093");
        assertThat(c.kafkaProperties()).containsOnlyKeys("security.protocol");
        assertThatThrownBy(() -> JobConfig.parse(new String[] {"--command-config", dir.resolve("none").toString()}))
                .hasMessage("Cannot read --command-config file " + dir.resolve("none") + ": no such file");
    }

    @Test
    void theEffectiveParametersHoldEveryOptionAndNoSecret(@TempDir Path dir) throws Exception {
        String jaasSecret = "kafka-secret-7f3a";
        String keySecret = "PRIVATE-KEY-b4e1";
        String storeSecret = "store-secret-91c2";
        Path client = dir.resolve("client.properties");
        Files.writeString(client, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" "
                + "password=\"" + jaasSecret + "\";\n"
                + "ssl.truststore.location=/etc/kafka/truststore.jks\nssl.truststore.password=" + keySecret + "1\n"
                + "ssl.keystore.key=" + keySecret + "\n");
        Path store = dir.resolve("postgres.properties");
        Files.writeString(store, "url=jdbc:postgresql://db:5432/crosscount?sslmode=require&password=" + storeSecret
                + "\nuser=crosscount\npassword=" + storeSecret + "\n");
        JobConfig c = JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--command-config", client.toString(),
            "--postgres-config", store.toString(), "--window-size", "6 h", "--claim-order", "event-time",
            "--kafka.ssl.key.password", keySecret + "2", "--kafka.client.id", "cc"});

        java.util.Map<String, String> p = c.effectiveParameters();
        // Every option the job takes is there with its effective value, defaults included.
        for (JobConfig.Option option : JobConfig.OPTIONS) {
            if (!java.util.Set.of("config", "command-config", "postgres-config", "stopping-offsets", "published-from",
                    "published-to").contains(option.name())) {
                assertThat(p).as("--" + option.name()).containsKey(option.name());
            }
        }
        assertThat(p).containsEntry("bootstrap-servers", "b:9092").containsEntry("window-size", "6 h")
                .containsEntry("window-slide", "6 h").containsEntry("claim-order", "event-time")
                .containsEntry("checkpoint-interval", "30 s").containsEntry("tolerance", "0.01")
                .containsEntry("group-id", "crosscount").containsEntry("transactional-id-prefix", c.transactionalIdPrefix())
                .containsEntry("kafka.security.protocol", "SASL_SSL").containsEntry("kafka.client.id", "cc")
                .containsEntry("kafka.ssl.truststore.location", "/etc/kafka/truststore.jks")
                .containsEntry("kafka.sasl.jaas.config", "[hidden]").containsEntry("kafka.ssl.keystore.key", "[hidden]")
                .containsEntry("kafka.ssl.truststore.password", "[hidden]").containsEntry("kafka.ssl.key.password", "[hidden]")
                .containsEntry("postgres-url", "jdbc:postgresql://db:5432/crosscount?sslmode=require&password=[hidden]")
                .containsEntry("postgres-user", "crosscount").containsEntry("postgres-schema", "crosscount")
                .containsEntry("postgres-password", "[hidden]");
        // No secret anywhere, in a name or a value.
        for (java.util.Map.Entry<String, String> e : p.entrySet()) {
            for (String secret : new String[] {jaasSecret, keySecret, storeSecret}) {
                assertThat(e.getKey() + "=" + e.getValue()).doesNotContain(secret);
            }
        }

        // The job sets them as its global job parameters (the web UI's job configuration), the same entries.
        var env = org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
        CrosscountJob.publishConfiguration(env, c);
        assertThat(env.getConfig().getGlobalJobParameters().toMap()).isEqualTo(p);
    }

    @Test
    void theJobGraphBuildsWithKryoDisabledSoEveryTypeHasASerializerOfItsOwn() {
        var env = org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
        CrosscountJob.build(env, JobConfig.parse(new String[] {"--bootstrap-servers", "127.0.0.1:9"}));

        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        // Generating the graph creates the serializer of every stream: one that needed Kryo would throw.
        assertThat(env.getStreamGraph().getStreamNodes()).hasSizeGreaterThan(10);
    }

    @Test
    void withoutAStoreOrAUserGazetteerTheParametersSaySo() {
        java.util.Map<String, String> p = JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092"})
                .effectiveParameters();
        assertThat(p).containsEntry("postgres-url", "(none: no store)").containsEntry("gazetteer", "(built-in)")
                .containsEntry("parallelism", "(the cluster's default)").doesNotContainKey("postgres-password");
        assertThat(JobConfig.redactedJdbcUrl("jdbc:postgresql://h/db?user=u&sslpassword=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&sslpassword=[hidden]&ssl=true");
    }
}
