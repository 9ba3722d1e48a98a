package io.crosscount.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The {@code --command-config FILE} of every tool, as in Kafka's own command-line tools: a Java
 * properties file of Kafka client properties ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location}...) applied to every Kafka client the
 * tool creates, so that credentials never appear on a command line (nor in {@code ps} or a shell
 * history). A {@code bootstrap.servers} in the file is used when {@code --bootstrap-servers} is not
 * given; the command line wins.
 */
public final class CommandConfig {
    public static final String OPTION = "--command-config";

    private CommandConfig() {}

    /** The client properties of a {@code --command-config} file. */
    public static Map<String, String> read(Path file) {
        return readProperties(file, OPTION);
    }

    /**
     * Client properties for a tool: the file's, with {@code bootstrap.servers} set to
     * {@code bootstrapServers} when it is given (the file's otherwise). The tool adds the settings
     * it needs after these.
     */
    public static Properties clientProperties(Map<String, String> file, String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(file);
        if (bootstrapServers != null) {
            props.put("bootstrap.servers", bootstrapServers);
        }
        if (props.getProperty("bootstrap.servers", "").isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is required (or bootstrap.servers in the "
                    + OPTION + " file), e.g. --bootstrap-servers 127.0.0.1:9092.");
        }
        return props;
    }

    /**
     * The properties with the values of those that hold secrets ({@code sasl.jaas.config}, any
     * {@code *password*}, {@code *secret*} or {@code *credentials*}, and every property Kafka's
     * producer, consumer or admin client declares a password, such as {@code ssl.keystore.key})
     * replaced by {@code [hidden]}, as Kafka prints its own configs: for messages, {@code toString}
     * and the job's parameters.
     */
    public static Map<String, String> redacted(Map<String, String> properties) {
        Map<String, String> m = new TreeMap<>();
        properties.forEach((k, v) -> m.put(k, isSecret(k) ? HIDDEN : v));
        return m;
    }

    /** What {@link #redacted} shows instead of a secret. */
    public static final String HIDDEN = "[hidden]";

    /** Whether a Kafka client property holds a secret (see {@link #redacted}). */
    public static boolean isSecret(String property) {
        return property.matches("(?i).*(jaas|password|secret|credentials).*") || KAFKA_PASSWORDS.contains(property);
    }

    private static final java.util.Set<String> KAFKA_PASSWORDS = kafkaPasswords();

    private static java.util.Set<String> kafkaPasswords() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef())) {
            def.configKeys().forEach((name, key) -> {
                if (key.type == ConfigDef.Type.PASSWORD) {
                    names.add(name);
                }
            });
        }
        return java.util.Set.copyOf(names);
    }

    /** A properties file as a map; a file that cannot be read names the option that gave it. */
    public static Map<String, String> readProperties(Path file, String option) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + option + " file " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }
}
