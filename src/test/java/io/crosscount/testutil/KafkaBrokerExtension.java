package io.crosscount.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real single-node KRaft Kafka broker (combined broker and controller, Kafka 4.2) per
 * test JVM, the first time a test class annotated with {@code @ExtendWith(KafkaBrokerExtension.class)}
 * runs, and stops it when the JUnit engine closes its root store at the end of the run.
 *
 * <p>Why a real broker: the job writes with EXACTLY_ONCE Kafka sinks, so tests need real
 * transactions and {@code read_committed} reads, which no mock gives. Why one per JVM: a KRaft
 * start costs seconds, so the broker is shared and every test takes fresh topics from {@link
 * #newTopicName(String)} instead of cleaning up. Everything listens on 127.0.0.1 on free ports, and
 * the data lives in a temporary directory that is deleted on stop.
 *
 * <p>The helpers wait with polling loops bounded by deadlines (never a fixed sleep), so a fast
 * machine is not slowed down and a slow one gets the whole budget.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();

    private static volatile Broker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store is shared by every test class of the run and closed at its very end.
        context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Broker.class, key -> Broker.startWithRetries(), Broker.class);
    }

    /** {@code host:port} of the broker's client listener. */
    public static String bootstrapServers() {
        return running().bootstrapServers;
    }

    /** A topic name never returned before in this JVM, e.g. {@code articles-7}. */
    public static String newTopicName(String prefix) {
        if (!prefix.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("Not a legal Kafka topic prefix: " + prefix);
        }
        return prefix + "-" + TOPIC_COUNTER.incrementAndGet();
    }

    /**
     * Creates a topic (replication factor 1) and returns once every partition has a leader, so
     * producers and consumers do not race the metadata.
     */
    public static void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** {@link #createTopic(String, int)} with topic configs added, e.g. {@code max.message.bytes}. */
    public static void createTopic(String name, int partitions, Map<String, String> configs) {
        Broker b = running();
        try {
            // Some tests replay archives dated 2024: like any archive topic (see the README's replay
            // section), the topic keeps its records whatever their age. The broker keeps its defaults.
            Map<String, String> topicConfigs = new java.util.HashMap<>(configs);
            topicConfigs.putIfAbsent("retention.ms", "-1");
            b.admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(topicConfigs)))
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
        awaitLeaders(b.admin, name, partitions);
    }

    /** Returns once every partition of the topic has a leader, so clients do not race the metadata. */
    static void awaitLeaders(Admin admin, String topic, int partitions) {
        Awaitility.await("a leader for all " + partitions + " partitions of " + topic)
                .atMost(ADMIN_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> allPartitionsHaveLeaders(admin, topic, partitions));
    }

    /** Sends one record with a plain (non-transactional) producer and waits until it is acknowledged. */
    public static void produce(String topic, byte[] key, byte[] value) {
        Broker b = running();
        try {
            b.producer.send(new ProducerRecord<>(topic, key, value)).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    /** Sends UTF-8 values without keys, in order, and flushes. */
    public static void produceStrings(String topic, List<String> values) {
        Broker b = running();
        for (String value : values) {
            b.producer.send(new ProducerRecord<>(topic, null, value.getBytes(StandardCharsets.UTF_8)));
        }
        b.producer.flush();
    }

    /**
     * Reads the topic from the beginning with {@code isolation.level=read_committed} and returns as
     * soon as at least {@code expectedCount} records were read (all records of the last poll are
     * kept, so the list can be longer: assert its size). Throws an {@link AssertionError} listing
     * what was read if the timeout passes first.
     */
    public static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, int expectedCount, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = assignedFromBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expectedCount) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Expected " + expectedCount + " committed records in " + topic
                            + " within " + timeout + " but read " + records.size() + ": " + describe(records));
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Reads the topic from the beginning with {@code isolation.level=read_committed} until no new
     * record has arrived for {@code quietPeriod}, and returns everything read. Use it to check that
     * nothing more (or nothing at all) was written. Records of a transaction still open at the time
     * are invisible to it. Throws an {@link AssertionError} if records keep coming past the timeout.
     */
    public static List<ConsumerRecord<byte[], byte[]>> consumeUntilQuiet(
            String topic, Duration quietPeriod, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = assignedFromBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = System.nanoTime() + quietPeriod.toNanos();
            while (System.nanoTime() < quietUntil) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Topic " + topic + " did not go quiet for " + quietPeriod + " within "
                            + timeout + "; read " + records.size() + ": " + describe(records));
                }
                int before = records.size();
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                if (records.size() > before) {
                    quietUntil = System.nanoTime() + quietPeriod.toNanos();
                }
            }
        }
        return records;
    }

    /** Record values decoded as UTF-8, in the order given. */
    public static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .map(r -> r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    private static Broker running() {
        Broker b = broker;
        if (b == null) {
            throw new IllegalStateException(
                    "No Kafka broker: annotate the test class with @ExtendWith(KafkaBrokerExtension.class)");
        }
        return b;
    }

    private static KafkaConsumer<byte[], byte[]> assignedFromBeginning(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            // Manual assignment: no consumer group, so no coordinator or rebalance to wait for.
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, ADMIN_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private static String describe(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .map(r -> r.partition() + "@" + r.offset() + "="
                        + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean allPartitionsHaveLeaders(Admin admin, String topic, int partitions) {
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            return description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not describe topic " + topic, e);
        }
    }

    /** The running broker with its shared admin client and producer. */
    @SuppressWarnings("deprecation") // CloseableResource kept so the broker stops even if auto-closing is off.
    static final class Broker implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Path dataDir;
        private final KafkaRaftServer server;
        private final String bootstrapServers;
        private final Admin admin;
        private final KafkaProducer<byte[], byte[]> producer;

        private Broker(Path dataDir, KafkaRaftServer server, String bootstrapServers, Admin admin,
                KafkaProducer<byte[], byte[]> producer) {
            this.dataDir = dataDir;
            this.server = server;
            this.bootstrapServers = bootstrapServers;
            this.admin = admin;
            this.producer = producer;
        }

        /** Free ports can be taken by someone else between the probe and the bind: try again then. */
        static Broker startWithRetries() {
            RuntimeException last = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    Broker started = start();
                    broker = started;
                    return started;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            throw last;
        }

        static Broker start() {
            keepKafkaFromExitingTheJvm();
            Path dir;
            try {
                dir = Files.createTempDirectory("crosscount-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaRaftServer server = null;
            try {
                int brokerPort = freePort();
                int controllerPort = freePort();
                Properties props = brokerProperties(dir.resolve("data"), brokerPort, controllerPort);
                format(dir, props);
                server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                server.startup();
                String bootstrap = "127.0.0.1:" + brokerPort;
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                awaitReady(admin);
                Properties producerProps = new Properties();
                producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
                producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
                return new Broker(dir, server, bootstrap, admin, producer);
            } catch (RuntimeException e) {
                if (server != null) {
                    stopQuietly(server);
                }
                deleteRecursively(dir);
                throw e;
            }
        }

        static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "1");
            p.put("auto.create.topics.enable", "false");
            // Everything that decides what records a broker accepts (timestamps, sizes, retention)
            // stays at Kafka's defaults, as on a stock cluster.
            p.put("group.initial.rebalance.delay.ms", "0");
            // Internal topics: one replica, and one partition each so the first group or
            // transaction does not wait for 50 partitions to be created.
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("share.coordinator.state.topic.num.partitions", "1");
            // Kafka's default, written out: the sinks' transaction.timeout.ms must stay within it.
            p.put("transaction.max.timeout.ms", "900000");
            // The log cleaner allocates this buffer up front (default 128 MiB); the test JVM also
            // hosts a Flink MiniCluster.
            p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
            p.put("num.network.threads", "2");
            p.put("num.io.threads", "4");
            return p;
        }

        private static void format(Path dir, Properties props) {
            format(dir, props, List.of());
        }

        /** {@code kafka-storage format} of the broker's configuration, with {@code extraArgs} (e.g. --add-scram). */
        static void format(Path dir, Properties props, List<String> extraArgs) {
            Path propsFile = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                props.store(out, "Crosscount test broker");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var captured = new java.io.ByteArrayOutputStream();
            int rc;
            try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
                List<String> args = new ArrayList<>(List.of(
                        "format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()));
                args.addAll(extraArgs);
                rc = StorageTool.execute(args.toArray(String[]::new), out);
            }
            if (rc != 0) {
                throw new IllegalStateException("kafka-storage format failed (" + rc + "): "
                        + captured.toString(StandardCharsets.UTF_8));
            }
        }

        static void awaitReady(Admin admin) {
            // A broker that does not answer yet fails the describe: ignored until the deadline.
            Awaitility.await("a registered Kafka broker node").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }

        /**
         * Kafka calls Exit.exit/halt on fatal errors; by default that ends the whole test JVM and
         * Surefire reports only a crashed fork. Turn it into an exception with the reason instead.
         */
        static void keepKafkaFromExitingTheJvm() {
            Exit.setExitProcedure((code, message) -> {
                throw new IllegalStateException("Kafka asked to exit(" + code + "): " + message);
            });
            Exit.setHaltProcedure((code, message) -> {
                throw new IllegalStateException("Kafka asked to halt(" + code + "): " + message);
            });
        }

        static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (broker == this) {
                broker = null;
            }
            producer.close(Duration.ofSeconds(5));
            admin.close(Duration.ofSeconds(5));
            stopQuietly(server);
            deleteRecursively(dataDir);
        }

        static void stopQuietly(KafkaRaftServer server) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                System.err.println("Kafka test broker did not stop cleanly: " + e);
            }
        }

        static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        // Best effort: a leftover file in the temp directory harms nothing.
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // Best effort, as above.
            }
        }
    }
}
