package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.app.CommandConfig;
import io.crosscount.app.KafkaFailures;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/load-archive}: produces Article JSONL files to a topic, one record per line,
 * keyed by the article id and timestamped with its {@code published_at} (at most now: a broker
 * refuses records stamped ahead of its clock), in publication order, so that each partition is in
 * publication order and the job's per-partition watermarks find nothing late however unordered the
 * archive was. Lines that are not valid articles are sent as they are (key null, current time),
 * after the articles: the job is the one that judges them, and they show up in dead letters.
 *
 * <p>It streams: the files are read line by line into a {@link PublicationOrderSort}, which holds
 * at most a chunk (an eighth of the heap) in memory and spills the rest to a temporary directory,
 * so an archive larger than the heap loads. It loses nothing silently: every send is acknowledged
 * by the broker ({@code acks=all}, idempotent), the acknowledgements are counted, and the first
 * failed send stops the load with {@link LoadFailedException} (a non-zero exit).
 */
public final class LoadArticles {
    private LoadArticles() {}

    /**
     * What to load, where, with which Kafka client properties, where to spill, and at most how many
     * records a second to send ({@code rate}, 0: as fast as the broker takes them).
     */
    public record Options(String bootstrapServers, String topic, List<Path> files, Map<String, String> clientProperties,
                          Path tempDir, double rate) {}

    /** A finished load: every record sent was acknowledged. */
    public record Result(String topic, long sent, long acknowledged, long articles, long others) {
        public String summary() {
            return String.format(Locale.ROOT, "loaded %d records into %s (%d acknowledged; %d articles in publication "
                    + "order, then %d other lines)", sent, topic, acknowledged, articles, others);
        }
    }

    /** A load that stopped: what failed, what to do, and how far it got. */
    public static final class LoadFailedException extends Exception {
        private final long sent;
        private final long acknowledged;

        LoadFailedException(String message, long sent, long acknowledged, Throwable cause) {
            super(message, cause);
            this.sent = sent;
            this.acknowledged = acknowledged;
        }

        public long sent() {
            return sent;
        }

        public long acknowledged() {
            return acknowledged;
        }
    }

    @Command(name = "scripts/load-archive", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
            sortOptions = false,
            description = {"Loads Article JSONL files into a topic: key = the article's id, Kafka timestamp = its "
                    + "published_at, in publication order (an external merge sort: bounded memory, spilling to "
                    + "--temp-dir, which needs room for a copy of the archive), then the lines that are not articles. "
                    + "Idempotent producer with acks=all; prints the records sent and acknowledged, and exits 1 with "
                    + "a one-line reason if a send fails.", ""})
    static final class Cli implements Callable<Integer> {
        @Mixin
        KafkaClientOptions kafka;

        @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "articles",
                description = "the topic to load (default: ${DEFAULT-VALUE})")
        String topic;

        @Option(names = "--temp-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}",
                description = "where the sort spills (default: ${DEFAULT-VALUE})")
        Path tempDir;

        @Option(names = "--rate", paramLabel = "N", converter = Rate.class,
                description = "send at most N records a second, as a live stream would arrive (default: as fast as "
                        + "the broker takes them)")
        double rate;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article JSONL files")
        List<Path> files;

        @Spec
        CommandSpec spec;

        Options options() {
            Map<String, String> client = kafka.clientProperties();
            return new Options(kafka.bootstrapServers, topic, List.copyOf(files), client, tempDir, rate);
        }

        @Override
        public Integer call() throws LoadFailedException {
            Options options;
            try {
                options = options();
            } catch (IllegalArgumentException e) {
                throw Tool.usageError(spec.commandLine(), e.getMessage());
            }
            try {
                Result result = load(options, PublicationOrderSort.defaultChunkBytes());
                System.err.println("[crosscount] " + result.summary());
                return 0;
            } catch (LoadFailedException e) {
                throw new Tool.Failure(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        Tool.main(new Cli(), "scripts/load-archive", args);
    }

    /** The options of {@code args}; a usage error throws picocli's ParameterException or IllegalArgumentException. */
    public static Options parse(String[] args) {
        return Tool.parse(new Cli(), args).options();
    }

    /** {@code --rate}: records a second, above 0. */
    static final class Rate implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double rate = Double.parseDouble(value);
                if (rate > 0 && Double.isFinite(rate)) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a rate; give a number of records "
                    + "a second above 0");
        }
    }

    /** The producer's settings: the command config's, then what a load needs not to lose or reorder records. */
    static Properties producerProperties(Options options) {
        Properties props = CommandConfig.clientProperties(options.clientProperties(), options.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /**
     * Loads the files, sorting in chunks of {@code chunkBytes}, and returns the counts once every
     * record is acknowledged. Throws {@link LoadFailedException} if a file cannot be read (nothing is
     * sent then) or a send fails (no more records are sent after it).
     */
    public static Result load(Options options, long chunkBytes) throws LoadFailedException {
        String topic = options.topic();
        PublicationOrderSort opened;
        try {
            opened = new PublicationOrderSort(options.tempDir(), chunkBytes);
        } catch (IOException e) {
            throw new LoadFailedException("could not create a temporary directory in --temp-dir " + options.tempDir()
                    + " (" + rootMessage(e) + "); nothing was sent. Give a --temp-dir that can be written.", 0, 0, e);
        }
        try (PublicationOrderSort sort = opened) {
            long articles;
            try {
                articles = read(options.files(), topic, sort);
            } catch (IOException e) {
                throw new LoadFailedException("could not read or sort the input (" + rootMessage(e) + "); nothing was "
                        + "sent. Check the files, and that --temp-dir " + options.tempDir()
                        + " has room for a copy of the archive.", 0, 0, e);
            }
            System.err.printf(Locale.ROOT, "[crosscount] read %d articles and %d other lines (%d sorted runs spilled); "
                    + "sending to %s...%n", articles, sort.lastCount(), sort.spills(), topic);
            return send(options, sort, articles);
        }
    }

    /** Reads the files into the sort; returns how many lines are articles. */
    private static long read(List<Path> files, String topic, PublicationOrderSort sort) throws IOException {
        long[] articles = {0};
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                JsonLines.forEach(in, file.toString(), line -> {
                    ProducerRecord<byte[], byte[]> record = toRecord(topic, line.value());
                    if (record.key() == null) {
                        sort.addLast(record.timestamp() == null ? -1 : record.timestamp(), null, record.value());
                    } else {
                        sort.add(record.timestamp(), record.key(), record.value());
                        articles[0]++;
                    }
                });
            }
        }
        return articles[0];
    }

    private static Result send(Options options, PublicationOrderSort sort, long articles) throws LoadFailedException {
        String topic = options.topic();
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(producerProperties(options), new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new LoadFailedException("could not create a Kafka producer (" + rootMessage(e) + "); nothing was "
                    + "sent. Check --bootstrap-servers and the " + CommandConfig.OPTION + " file.", 0, 0, e);
        }
        try (producer) {
            long[] count = {0};
            long startedNanos = System.nanoTime();
            try {
                sort.forEachInOrder(e -> {
                    if (failure.get() != null) {
                        throw new StopLoading();
                    }
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                            e.timestamp() < 0 ? null : e.timestamp(), e.key(), e.value());
                    producer.send(record, (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failure.compareAndSet(null, error);
                        }
                    });
                    if (++count[0] % 20000 == 0) {
                        System.err.println("[crosscount] " + count[0] + " records sent to " + topic + "...");
                    }
                    if (options.rate() > 0) {
                        // Paced from the start, not per record: a late wake-up is made up by the next sends.
                        long due = startedNanos + (long) (count[0] * 1e9 / options.rate());
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                });
            } catch (StopLoading stop) {
                // A send failed: the records after it are not sent.
            } catch (KafkaException | IOException e) {
                // A send that throws, or a spilled run that cannot be read back.
                failure.compareAndSet(null, e);
            }
            sent = count[0];
            producer.flush();
        }
        Exception error = failure.get();
        if (error != null || acknowledged.get() != sent) {
            String kafka = error == null ? null : KafkaFailures.describe(error);
            String cause = error == null ? "not every record was acknowledged" : kafka != null ? kafka : rootMessage(error);
            throw new LoadFailedException(String.format(Locale.ROOT, "sending to %s failed (%s); %d of %d records "
                    + "sent, %d acknowledged. Fix the cause and load the files again: the job drops the duplicates of "
                    + "the acknowledged records.", topic, cause, sent, articles + sort.lastCount(), acknowledged.get()),
                    sent, acknowledged.get(), error);
        }
        return new Result(topic, sent, acknowledged.get(), articles, sort.lastCount());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String name = t.getClass().getSimpleName();
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    /** Thrown from the send loop to stop it after a failed send. */
    private static final class StopLoading extends RuntimeException {
        StopLoading() {
            super(null, null, false, false);
        }
    }

    /**
     * The record of one line: key = id and timestamp = published_at (at most now) for an article;
     * for anything else, key null and no timestamp (the producer's clock).
     */
    public static ProducerRecord<byte[], byte[]> toRecord(String topic, byte[] value) {
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            String id = node.path("id").textValue();
            long timestamp = Math.min(System.currentTimeMillis(),
                    OffsetDateTime.parse(node.path("published_at").asText()).toInstant().toEpochMilli());
            return new ProducerRecord<>(topic, null, timestamp, id == null ? null : id.getBytes(StandardCharsets.UTF_8), value);
        } catch (IOException | RuntimeException e) {
            return new ProducerRecord<>(topic, null, value);
        }
    }
}
