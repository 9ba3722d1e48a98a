package io.crosscount.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker whose only client listener is SASL_SSL with SCRAM-SHA-512 on
 * 127.0.0.1, as a secured production cluster would be, for the tests that check that every tool
 * works through a {@code --command-config} file and leaks no credential. Separate from {@link
 * KafkaBrokerExtension} (plaintext, shared by the other tests): a test class starts one with
 * {@link #start(Path)} and closes it.
 *
 * <p>Everything secret is made at start and random per run: a CA and a broker certificate for
 * {@code IP:127.0.0.1} (so clients keep hostname verification on) made with the JDK's
 * {@code keytool}, whose passwords go through the environment, never a command line; the SCRAM
 * credentials of the broker's own user and of the client user, written into the metadata log at
 * format time ({@code kafka-storage format --add-scram}). Replication and transaction markers
 * go through the same SASL_SSL listener as the broker's own user; only the controller listener
 * stays PLAINTEXT on 127.0.0.1. There is no authorizer: any authenticated user may do anything.
 */
public final class SecuredKafkaBroker implements AutoCloseable {
    public static final String USER = "crosscount";
    private static final String BROKER_USER = "broker";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String password;
    private final String storePassword;
    private final Path clientConfig;
    private final Admin admin;

    private SecuredKafkaBroker(Path dir, KafkaRaftServer server, String bootstrapServers, String password,
                               String storePassword, Path clientConfig, Admin admin) {
        this.dir = dir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.password = password;
        this.storePassword = storePassword;
        this.clientConfig = clientConfig;
        this.admin = admin;
    }

    /** Makes certificates and credentials in {@code dir} and starts the broker (data in {@code dir} too). */
    public static SecuredKafkaBroker start(Path dir) {
        KafkaBrokerExtension.Broker.keepKafkaFromExitingTheJvm();
        String storePassword = randomSecret();
        String password = randomSecret();
        String brokerPassword = randomSecret();
        Path tls = dir.resolve("tls");
        Certificates.make(tls, storePassword);
        RuntimeException last = null;
        // Free ports can be taken by someone else between the probe and the bind: try again then.
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path data = dir.resolve("data-" + attempt);
            KafkaRaftServer server = null;
            try {
                int brokerPort = KafkaBrokerExtension.Broker.freePort();
                int controllerPort = KafkaBrokerExtension.Broker.freePort();
                Properties props = brokerProperties(data, brokerPort, controllerPort, tls, storePassword,
                        brokerPassword);
                Files.createDirectories(data);
                KafkaBrokerExtension.Broker.format(data, props, List.of(
                        "--add-scram", "SCRAM-SHA-512=[name=" + BROKER_USER + ",password=" + brokerPassword + "]",
                        "--add-scram", "SCRAM-SHA-512=[name=" + USER + ",password=" + password + "]"));
                server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                server.startup();
                String bootstrap = "127.0.0.1:" + brokerPort;
                Path clientConfig = dir.resolve("client.properties");
                writeProperties(clientConfig, clientProperties(bootstrap, tls, storePassword, USER, password),
                        "Kafka client properties of the test user");
                Admin admin = Admin.create(clientProperties(bootstrap, tls, storePassword, USER, password));
                KafkaBrokerExtension.Broker.awaitReady(admin);
                return new SecuredKafkaBroker(dir, server, bootstrap, password, storePassword, clientConfig, admin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                if (server != null) {
                    KafkaBrokerExtension.Broker.stopQuietly(server);
                }
                last = e;
            }
        }
        throw last;
    }

    /** {@code host:port} of the SASL_SSL listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The client properties file of the test user: bootstrap.servers, SASL_SSL, SCRAM-SHA-512,
     * the JAAS login with the password, and the truststore of the test CA.
     */
    public Path clientConfig() {
        return clientConfig;
    }

    /** The test user's password, random per run: what must appear in no log or output. */
    public String password() {
        return password;
    }

    /** The truststore's password, random per run: not a credential, but it must not leak either. */
    public String storePassword() {
        return storePassword;
    }

    /** A client properties file in {@code dir} like {@link #clientConfig()} but with a wrong password. */
    public Path clientConfigWithWrongPassword(Path dir) {
        Path file = dir.resolve("wrong-password.properties");
        writeProperties(file, clientProperties(bootstrapServers, this.dir.resolve("tls"), storePassword, USER,
                randomSecret()), "Kafka client properties with a wrong password");
        return file;
    }

    /** Creates a topic and returns once its partitions have a leader. */
    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                            .configs(Map.of("retention.ms", "-1"))))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            KafkaBrokerExtension.awaitLeaders(admin, name, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort, Path tls,
                                       String storePassword, String brokerPassword) {
        Properties p = KafkaBrokerExtension.Broker.brokerProperties(logDir, brokerPort, controllerPort);
        p.put("listeners", "SASL_SSL://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(BROKER_USER, brokerPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.resolve(Certificates.BROKER_KEYSTORE).toString());
        p.put("ssl.keystore.password", storePassword);
        p.put("ssl.key.password", storePassword);
        // The broker's own clients (replication, transaction markers) check its certificate too.
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.resolve(Certificates.TRUSTSTORE).toString());
        p.put("ssl.truststore.password", storePassword);
        p.put("ssl.endpoint.identification.algorithm", "https");
        p.put("ssl.client.auth", "none");
        return p;
    }

    static Properties clientProperties(String bootstrap, Path tls, String storePassword, String user, String password) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas(user, password));
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.resolve(Certificates.TRUSTSTORE).toString());
        p.put("ssl.truststore.password", storePassword);
        // Kafka's default, written out: the broker's certificate names IP:127.0.0.1.
        p.put("ssl.endpoint.identification.algorithm", "https");
        return p;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static void writeProperties(Path file, Properties props, String comment) {
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 24 random hex digits: no character that needs quoting in JAAS or in --add-scram. */
    private static String randomSecret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Stops the broker; the directory given to {@link #start(Path)} is the caller's to delete (a {@code @TempDir}). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        KafkaBrokerExtension.Broker.stopQuietly(server);
    }

    /** A CA, a broker key pair signed by it for IP:127.0.0.1, and a truststore of the CA, by keytool. */
    static final class Certificates {
        static final String BROKER_KEYSTORE = "broker.p12";
        static final String TRUSTSTORE = "truststore.p12";

        private Certificates() {}

        static void make(Path dir, String storePassword) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String ca = "ca.p12";
            keytool(dir, storePassword, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Crosscount test CA", "-ext", "bc:c", "-validity", "2",
                    "-keystore", ca, "-storetype", "PKCS12", "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-exportcert", "-rfc", "-alias", "ca", "-file", "ca.pem",
                    "-keystore", ca, "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", BROKER_KEYSTORE, "-storetype", "PKCS12",
                    "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-certreq", "-alias", "broker", "-file", "broker.csr",
                    "-keystore", BROKER_KEYSTORE, "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-gencert", "-alias", "ca", "-infile", "broker.csr", "-outfile", "broker.pem",
                    "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1", "-ext", "eku=serverAuth,clientAuth",
                    "-keystore", ca, "-storepass:env", "STORE_PASSWORD");
            // The chain: the CA first, then the signed certificate as the reply to the key pair.
            keytool(dir, storePassword, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem",
                    "-keystore", BROKER_KEYSTORE, "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-importcert", "-alias", "broker", "-file", "broker.pem",
                    "-keystore", BROKER_KEYSTORE, "-storepass:env", "STORE_PASSWORD");
            keytool(dir, storePassword, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem",
                    "-keystore", TRUSTSTORE, "-storetype", "PKCS12", "-storepass:env", "STORE_PASSWORD");
        }

        private static void keytool(Path dir, String storePassword, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("STORE_PASSWORD", storePassword);
            try {
                Process process = pb.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running keytool", e);
            }
        }
    }
}
