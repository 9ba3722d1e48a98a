package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscount.app.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tool applies its --command-config file to the Kafka clients it creates (the job's: see JobConfigTest). */
class CommandConfigTest {
    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"loader\" password=\"s3cret\";";
    private static final Map<String, String> SECURITY = Map.of("security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/crosscount/truststore.jks");

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeFile() throws Exception {
        file = dir.resolve("client.properties");
        Files.writeString(file, """
                # credentials stay off the command line
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=%s
                ssl.truststore.location=/etc/crosscount/truststore.jks
                acks=0
                """.formatted(JAAS));
    }

    @Test
    void loadArchiveSendsWithTheFilesPropertiesAndItsOwnGuarantees() {
        Properties producer = LoadArticles.producerProperties(LoadArticles.parse(new String[] {
            "--bootstrap-servers", "b:9092", "--command-config", file.toString(), "archive.jsonl"}));
        assertThat(producer).containsAllEntriesOf(SECURITY)
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("acks", "all") // the tool's own setting wins over the file's acks=0
                .containsEntry("enable.idempotence", "true");
    }

    @Test
    void exportReadsWithTheFilesProperties() {
        Properties consumer = ExportTopic.consumerProperties(ExportTopic.parse(new String[] {
            "--bootstrap-servers", "b:9092", "--topic", "discrepancies", "--command-config", file.toString()}));
        assertThat(consumer).containsAllEntriesOf(SECURITY)
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void theWatcherReadsWithTheFilesProperties() {
        Properties consumer = WatchDiscrepancies.consumerProperties(WatchDiscrepancies.parse(new String[] {
            "--command-config", file.toString(), "--bootstrap-servers", "b:9092"}));
        assertThat(consumer).containsAllEntriesOf(SECURITY)
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void replayPassesTheFileToTheJobAndItsOwnClients() {
        JobConfig job = ReplayCli.parse(new String[] {"--bootstrap-servers", "b:9092", "--command-config",
            file.toString(), "--out", "target/replay"}).job();
        assertThat(job.kafkaClientProperties()).containsAllEntriesOf(SECURITY);
    }

    @Test
    void aBootstrapServerIsNeededFromTheCommandLineOrTheFile() throws Exception {
        assertThatThrownBy(() -> ExportTopic.parse(new String[] {"--topic", "t", "--command-config", file.toString()}))
                .hasMessageStartingWith("--bootstrap-servers is required (or bootstrap.servers in the --command-config file)");
        Files.writeString(file, "bootstrap.servers=secure:9093\n", java.nio.file.StandardOpenOption.APPEND);
        Properties consumer = WatchDiscrepancies.consumerProperties(WatchDiscrepancies.parse(new String[] {
            "--command-config", file.toString()}));
        assertThat(consumer).containsEntry("bootstrap.servers", "secure:9093");
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> LoadArticles.parse(new String[] {"--bootstrap-servers", "b:9092",
            "--command-config", missing.toString(), "archive.jsonl"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read --command-config file " + missing + ": no such file");
    }

    @Test
    void aJobConfigPrintsItsSecretsAsHidden() {
        JobConfig job = JobConfig.parse(new String[] {"--bootstrap-servers", "b:9092", "--command-config",
            file.toString(), "--kafka.ssl.truststore.password", "trust-me"});
        assertThat(job.toString()).doesNotContain("s3cret").doesNotContain("trust-me")
                .contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]", "sasl.mechanism=PLAIN");
    }

    @Test
    void refusedCredentialsGiveOneLineNamingTheSettingsToCheck() {
        var refused = new org.apache.kafka.common.KafkaException("Failed to construct kafka consumer",
                new org.apache.kafka.common.errors.SaslAuthenticationException("Authentication failed during "
                        + "authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));
        assertThat(io.crosscount.app.KafkaFailures.describe(refused)).isEqualTo("Kafka refused the credentials "
                + "(Authentication failed during authentication due to invalid credentials with SASL mechanism "
                + "SCRAM-SHA-512). Check sasl.mechanism and the username and password of sasl.jaas.config in the "
                + "--command-config file.");
        assertThat(io.crosscount.app.KafkaFailures.describe(new IllegalStateException("other"))).isNull();
    }
}
