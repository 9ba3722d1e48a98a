package io.crosscount.app;

import io.crosscount.pipeline.PipelineSettings;
import io.crosscount.store.PostgresStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.util.TimeUtils;

/**
 * The job's configuration, parsed once from {@code --name value} options and an optional
 * {@code --config FILE} of {@code name=value} lines (options on the command line win). Kafka client
 * properties come from a {@code --command-config FILE} ({@link CommandConfig}), overridden by
 * options starting with {@code kafka.}, which are passed to every Kafka client without the prefix.
 */
public record JobConfig(
        String bootstrapServers,
        String inputTopic,
        String extractionsTopic,
        String aggregatesTopic,
        String discrepanciesTopic,
        String deadLettersTopic,
        String groupId,
        String startingOffsets,
        boolean bounded,
        String stoppingOffsets,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        Map<String, String> kafkaProperties,
        Integer parallelism,
        Instant publishedFrom,
        Instant publishedTo,
        PipelineSettings pipeline,
        PostgresStore postgres) {

    /** One option: its name, default (null when required or absent) and meaning. */
    public record Option(String name, String defaultValue, String meaning) {}

    public static final List<Option> OPTIONS = List.of(
            new Option("bootstrap-servers", null, "Kafka bootstrap servers (required), e.g. 127.0.0.1:9092"),
            new Option("input-topic", "articles", "topic of Article records"),
            new Option("extractions-topic", "extractions", "topic for Extraction records"),
            new Option("aggregates-topic", "aggregates", "topic for Aggregate records"),
            new Option("discrepancies-topic", "discrepancies", "topic for Discrepancy records"),
            new Option("dead-letters-topic", "dead-letters", "topic for DeadLetter records"),
            new Option("group-id", "crosscount", "Kafka consumer group of the job"),
            new Option("starting-offsets", "committed",
                    "where to start: earliest, latest, committed (committed, else earliest), "
                            + "timestamp:<epoch millis> or offsets:<partition>=<offset>,..."),
            new Option("bounded", "false", "stop at the offsets that are latest when the job starts"),
            new Option("stopping-offsets", null, "a bounded run: stop at 'latest' (as at start), at "
                    + "'timestamp:<epoch millis>' (the first record at or after it is not read) or at "
                    + "'offsets:<partition>=<offset>,...' (exclusive)"),
            new Option("published-from", null, "keep only articles published at or after this ISO-8601 time "
                    + "(a replay by publication time; other records read are skipped)"),
            new Option("published-to", null, "keep only articles published before this ISO-8601 time"),
            new Option("window-size", "1 d", "event-time window size"),
            new Option("window-slide", null, "slide of sliding windows, at most the size [default: the window size, "
                    + "i.e. tumbling windows]"),
            new Option("allowed-lateness", "1 h", "how long after a window closes late claims still update it"),
            new Option("early-updates", "every claim", "while a window is open: 'every claim' fires an updated "
                    + "aggregate per claim; a duration (e.g. '1 s') lets the claims of that long share one update, "
                    + "which bounds the aggregates written on busy keys"),
            new Option("out-of-orderness", "10 min", "how far out of order articles may arrive (watermark delay)"),
            new Option("idleness", "1 min", "after this long without data a partition no longer holds back event time"),
            new Option("max-watermark-drift", "6 h", "during a backlog, a partition whose event time runs this far "
                    + "ahead of the slowest one pauses until the others catch up (watermark alignment)"),
            new Option("max-future-publication", "1 d", "an article whose published_at is ahead of its arrival in Kafka "
                    + "counts at its arrival time; beyond this far ahead it is refused (dead letter invalid_field)"),
            new Option("claim-order", "arrival", "arrival: claims reach their window as they arrive (lowest latency; "
                    + "early discrepancies may depend on how partitions interleave); event-time: in publication order "
                    + "once the watermark passes them (the same discrepancies at any parallelism and in any replay, "
                    + "later by the out-of-orderness)"),
            new Option("tolerance", "0.01", "relative gap between two sources' bounds tolerated before a conflict"),
            new Option("outlier-threshold", "0.2", "relative distance from the other sources' median that makes an outlier (with 4+ sources)"),
            new Option("staleness-horizon", "12 h", "a source whose cumulative figure has not changed for longer than "
                    + "this, while a newer claim is higher, is stale: it raises no conflict or outlier"),
            new Option("syndication-similarity", "0.5", "bodies this similar (estimated Jaccard of 5-word shingles) "
                    + "from different outlets are one syndicated report"),
            new Option("dedup-retention", "7 d", "how long an article id is remembered for deduplication"),
            new Option("state-retention", "30 d", "how long per-key discrepancy state (last figures) is kept"),
            new Option("max-article-bytes", "1048576", "larger records go to dead letters as too_large"),
            new Option("extraction-budget", "2 s", "CPU time one article's extraction may take; beyond it the "
                    + "article goes to dead letters as extraction_timeout"),
            new Option("consensus-gauge-keys", "50", "how many aggregation keys per subtask get consensus gauges "
                    + "(each key is a few Prometheus series)"),
            new Option("parallelism", null, "parallelism of the job [default: the cluster's parallelism.default; "
                    + "locally, the number of cores]"),
            new Option("checkpoint-interval", "30 s", "checkpoint interval; outputs are committed at checkpoints"),
            new Option("transactional-id-prefix", null, "prefix of the sinks' Kafka transactional ids; unique per job "
                    + "on a cluster, the same at every start of the job [default: <group-id>-<8 hex digits of a hash "
                    + "of the output topics' names>]"),
            new Option("command-config", null, "a Kafka client properties file (security.protocol, sasl.*, ssl.*...) "
                    + "applied to every Kafka client; --kafka.<property> options win"),
            new Option("postgres-url", null, "also write discrepancies, consensus and the articles they cite to this "
                    + "PostgreSQL database (a JDBC url, e.g. jdbc:postgresql://127.0.0.1:5432/crosscount); off when absent"),
            new Option("postgres-user", null, "PostgreSQL user (the password: in --postgres-config or PGPASSWORD)"),
            new Option("postgres-schema", PostgresStore.DEFAULT_SCHEMA, "PostgreSQL schema of the job's tables, "
                    + "created and migrated at start"),
            new Option("postgres-config", null, "a properties file with url, user, password and schema of the "
                    + "PostgreSQL store; --postgres-* options win"),
            new Option("gazetteer", null, "a JSON file of actors that extends or overrides the built-in gazetteer "
                    + "(same shape as crosscount/gazetteer/actors.json); checked at start-up"),
            new Option("config", null, "a properties file of these options (name=value); command-line options win"));

    public static JobConfig parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'; options look like --name value. "
                        + "Run with --help for the list.");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            values.put(name, value);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        if (values.containsKey("config")) {
            merged.putAll(CommandConfig.readProperties(Path.of(values.get("config")), "--config"));
        }
        merged.putAll(values);
        return fromMap(merged);
    }

    static JobConfig fromMap(Map<String, String> values) {
        Map<String, String> kafka = new TreeMap<>();
        if (values.containsKey("command-config")) {
            kafka.putAll(CommandConfig.read(Path.of(values.get("command-config"))));
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("kafka.")) {
                kafka.put(name.substring("kafka.".length()), e.getValue());
            } else if (OPTIONS.stream().noneMatch(o -> o.name().equals(name)) && !name.equals("help")) {
                throw new IllegalArgumentException("Unknown option --" + name + ". Known options: "
                        + String.join(", ", OPTIONS.stream().map(o -> "--" + o.name()).toList())
                        + ", and kafka.<client property>.");
            }
        }
        // One bootstrap list for every client: the option's, else the command config's.
        String bootstrap = CommandConfig.clientProperties(kafka, values.get("bootstrap-servers"))
                .getProperty("bootstrap.servers");
        kafka.remove("bootstrap.servers");
        PipelineSettings pipeline = pipelineSettings(values);
        String offsets = get(values, "starting-offsets");
        if (!offsets.matches("earliest|latest|committed|timestamp:\\d+|offsets:\\d+=\\d+(,\\d+=\\d+)*")) {
            throw new IllegalArgumentException("--starting-offsets is '" + offsets
                    + "'; use earliest, latest, committed, timestamp:<epoch millis> or offsets:<partition>=<offset>,...");
        }
        String stopping = values.get("stopping-offsets");
        if (stopping != null && !stopping.matches("latest|timestamp:\\d+|offsets:\\d+=\\d+(,\\d+=\\d+)*")) {
            throw new IllegalArgumentException("--stopping-offsets is '" + stopping
                    + "'; use latest, timestamp:<epoch millis> or offsets:<partition>=<offset>,...");
        }
        List<String> outputs = List.of(get(values, "extractions-topic"), get(values, "aggregates-topic"),
                get(values, "discrepancies-topic"), get(values, "dead-letters-topic"));
        String transactionalIdPrefix = values.containsKey("transactional-id-prefix")
                ? values.get("transactional-id-prefix")
                : defaultTransactionalIdPrefix(get(values, "group-id"), outputs);
        return new JobConfig(bootstrap, get(values, "input-topic"), outputs.get(0), outputs.get(1), outputs.get(2),
                outputs.get(3), get(values, "group-id"), offsets, Boolean.parseBoolean(get(values, "bounded")), stopping,
                duration(values, "checkpoint-interval"), transactionalIdPrefix, Map.copyOf(kafka),
                values.containsKey("parallelism") ? (int) decimal(values, "parallelism") : null,
                instant(values, "published-from"), instant(values, "published-to"), pipeline, postgres(values));
    }

    /** The store from --postgres-config and the --postgres-* options, or null when it has no url. */
    private static PostgresStore postgres(Map<String, String> values) {
        Map<String, String> file = values.containsKey("postgres-config")
                ? CommandConfig.readProperties(Path.of(values.get("postgres-config")), "--postgres-config")
                : Map.of();
        String schema = values.containsKey("postgres-schema") || !file.containsKey("schema")
                ? get(values, "postgres-schema") : null;
        return PostgresStore.of(file, values.get("postgres-url"), values.get("postgres-user"), schema, System.getenv());
    }

    /**
     * The transactional id prefix of a job that gives none: its group id and a hash of its output
     * topics' names. Two jobs with different outputs (or groups) on one cluster get different
     * prefixes, so their sinks never fence each other's producers. It is derived, not random per
     * run, because it must be the same at every start of the same job: on a restore the Kafka
     * sink commits the transactions its checkpoint recorded under that prefix and aborts the
     * lingering ones of the prefix (a crashed run's open transactions, which otherwise hold back
     * every read_committed reader until they time out), and the new producers fence the old
     * run's zombies only if they reuse its transactional ids.
     */
    static String defaultTransactionalIdPrefix(String groupId, List<String> outputTopics) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", outputTopics).getBytes(StandardCharsets.UTF_8));
            return groupId + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The options that shape the pipeline itself, which scripts/reconcile takes too. */
    public static final List<String> PIPELINE_OPTIONS = List.of("out-of-orderness", "idleness", "max-watermark-drift",
            "max-future-publication", "claim-order", "window-size",
            "window-slide", "allowed-lateness", "early-updates", "tolerance", "outlier-threshold", "staleness-horizon",
            "syndication-similarity", "dedup-retention", "state-retention", "max-article-bytes", "extraction-budget",
            "consensus-gauge-keys",
            "gazetteer");

    /** The pipeline's settings from option values (defaults for the absent ones). */
    public static PipelineSettings pipelineSettings(Map<String, String> values) {
        Duration windowSize = duration(values, "window-size");
        PipelineSettings pipeline = new PipelineSettings(
                duration(values, "out-of-orderness"), duration(values, "idleness"),
                duration(values, "max-watermark-drift"), duration(values, "max-future-publication"), windowSize,
                values.containsKey("window-slide") ? duration(values, "window-slide") : windowSize,
                duration(values, "allowed-lateness"), earlyUpdates(values), decimal(values, "tolerance"), decimal(values, "outlier-threshold"),
                duration(values, "staleness-horizon"), decimal(values, "syndication-similarity"),
                duration(values, "dedup-retention"), duration(values, "state-retention"),
                (int) decimal(values, "max-article-bytes"), duration(values, "extraction-budget"),
                (int) decimal(values, "consensus-gauge-keys"),
                claimOrder(values), null);
        if (values.containsKey("gazetteer")) {
            pipeline = pipeline.withUserGazetteer(readGazetteer(Path.of(values.get("gazetteer"))));
        }
        return pipeline;
    }

    /**
     * The record's text with the values of the Kafka properties that hold secrets hidden (see
     * {@link CommandConfig#redacted}), should a config ever be printed or end up in a message.
     */
    @Override
    public String toString() {
        return "JobConfig[bootstrapServers=" + bootstrapServers + ", inputTopic=" + inputTopic + ", extractionsTopic="
                + extractionsTopic + ", aggregatesTopic=" + aggregatesTopic + ", discrepanciesTopic="
                + discrepanciesTopic + ", deadLettersTopic=" + deadLettersTopic + ", groupId=" + groupId
                + ", startingOffsets=" + startingOffsets + ", bounded=" + bounded + ", stoppingOffsets="
                + stoppingOffsets + ", checkpointInterval=" + checkpointInterval + ", transactionalIdPrefix="
                + transactionalIdPrefix + ", kafkaProperties=" + CommandConfig.redacted(kafkaProperties)
                + ", parallelism=" + parallelism + ", publishedFrom=" + publishedFrom + ", publishedTo=" + publishedTo
                + ", pipeline=" + pipeline + ", postgres=" + postgres + "]";
    }

    /**
     * The configuration the job runs with, one entry per option with its effective value (defaults
     * included), and each Kafka client property as {@code kafka.<property>}: what the job sets as
     * its global job parameters (the web UI's job configuration) and logs once at start. Secrets
     * never appear: Kafka properties that hold one read {@code [hidden]} ({@link CommandConfig#redacted}),
     * the store's password is only said to be set, a password in the JDBC url's parameters is
     * hidden, and a user gazetteer is given by its size, not its text.
     */
    public Map<String, String> effectiveParameters() {
        Map<String, String> p = new TreeMap<>();
        p.put("bootstrap-servers", bootstrapServers);
        p.put("input-topic", inputTopic);
        p.put("extractions-topic", extractionsTopic);
        p.put("aggregates-topic", aggregatesTopic);
        p.put("discrepancies-topic", discrepanciesTopic);
        p.put("dead-letters-topic", deadLettersTopic);
        p.put("group-id", groupId);
        p.put("starting-offsets", startingOffsets);
        p.put("bounded", Boolean.toString(bounded));
        putIfSet(p, "stopping-offsets", stoppingOffsets);
        putIfSet(p, "published-from", publishedFrom);
        putIfSet(p, "published-to", publishedTo);
        p.put("checkpoint-interval", TimeUtils.formatWithHighestUnit(checkpointInterval));
        p.put("transactional-id-prefix", transactionalIdPrefix);
        p.put("parallelism", parallelism == null ? "(the cluster's default)" : parallelism.toString());
        p.put("window-size", TimeUtils.formatWithHighestUnit(pipeline.windowSize()));
        p.put("window-slide", TimeUtils.formatWithHighestUnit(pipeline.windowSlide()));
        p.put("allowed-lateness", TimeUtils.formatWithHighestUnit(pipeline.allowedLateness()));
        p.put("early-updates", pipeline.earlyUpdateInterval().isZero() ? "every claim"
                : TimeUtils.formatWithHighestUnit(pipeline.earlyUpdateInterval()));
        p.put("out-of-orderness", TimeUtils.formatWithHighestUnit(pipeline.outOfOrderness()));
        p.put("idleness", TimeUtils.formatWithHighestUnit(pipeline.idleness()));
        p.put("max-watermark-drift", TimeUtils.formatWithHighestUnit(pipeline.maxWatermarkDrift()));
        p.put("max-future-publication", TimeUtils.formatWithHighestUnit(pipeline.maxFuturePublication()));
        p.put("claim-order", pipeline.eventTimeOrder() ? "event-time" : "arrival");
        p.put("tolerance", Double.toString(pipeline.tolerance()));
        p.put("outlier-threshold", Double.toString(pipeline.outlierThreshold()));
        p.put("staleness-horizon", TimeUtils.formatWithHighestUnit(pipeline.stalenessHorizon()));
        p.put("syndication-similarity", Double.toString(pipeline.syndicationSimilarity()));
        p.put("dedup-retention", TimeUtils.formatWithHighestUnit(pipeline.dedupRetention()));
        p.put("state-retention", TimeUtils.formatWithHighestUnit(pipeline.stateRetention()));
        p.put("max-article-bytes", Integer.toString(pipeline.maxArticleBytes()));
        p.put("extraction-budget", TimeUtils.formatWithHighestUnit(pipeline.extractionBudget()));
        p.put("consensus-gauge-keys", Integer.toString(pipeline.consensusGaugeKeys()));
        p.put("gazetteer", pipeline.userGazetteerJson() == null ? "(built-in)"
                : "(built-in, extended by a user file of " + pipeline.userGazetteerJson().length() + " chars)");
        CommandConfig.redacted(kafkaProperties).forEach((name, value) -> p.put("kafka." + name, value));
        if (postgres == null) {
            p.put("postgres-url", "(none: no store)");
        } else {
            p.put("postgres-url", redactedJdbcUrl(postgres.url()));
            putIfSet(p, "postgres-user", postgres.user());
            p.put("postgres-schema", postgres.schema());
            p.put("postgres-password", postgres.password() == null ? "(none)" : CommandConfig.HIDDEN);
        }
        return p;
    }

    /** A JDBC url with the value of any password parameter ({@code password=}, {@code sslpassword=}) hidden. */
    static String redactedJdbcUrl(String url) {
        return url.replaceAll("(?i)([?&;][^=&;]*password=)[^&;]*", "$1" + java.util.regex.Matcher.quoteReplacement(CommandConfig.HIDDEN));
    }

    private static void putIfSet(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    public Properties kafkaClientProperties() {
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        return p;
    }

    public static String usage() {
        StringBuilder sb = new StringBuilder("Options (--name value):\n");
        for (Option o : OPTIONS) {
            sb.append(String.format("  --%-24s %s%s%n", o.name(), o.meaning(),
                    o.defaultValue() == null ? "" : " [default: " + o.defaultValue() + "]"));
        }
        sb.append("  --kafka.<property>          passed to every Kafka client, e.g. --kafka.security.protocol SASL_SSL "
                + "(prefer --command-config for credentials)\n");
        return sb.toString();
    }

    private static String get(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v != null) {
            return v;
        }
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().defaultValue();
    }

    private static Duration duration(Map<String, String> values, String name) {
        String v = get(values, name);
        try {
            return TimeUtils.parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " is '" + v + "', not a duration; write e.g. '1 d', '30 s', '10 min'.");
        }
    }

    /** "every claim" (zero: one early update per claim) or the interval its updates may wait. */
    private static Duration earlyUpdates(Map<String, String> values) {
        String v = get(values, "early-updates").strip();
        if (v.equalsIgnoreCase("every claim") || v.equalsIgnoreCase("every-claim")) {
            return Duration.ZERO;
        }
        Duration interval;
        try {
            interval = TimeUtils.parseDuration(v);
        } catch (IllegalArgumentException e) {
            interval = null;
        }
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("--early-updates is '" + v
                    + "'; write 'every claim', or a positive duration such as '1 s' or '500 ms'.");
        }
        return interval;
    }

    private static boolean claimOrder(Map<String, String> values) {
        String v = get(values, "claim-order");
        return switch (v) {
            case "arrival" -> false;
            case "event-time" -> true;
            default -> throw new IllegalArgumentException("--claim-order is '" + v + "'; use arrival or event-time.");
        };
    }

    private static Instant instant(Map<String, String> values, String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " is '" + v
                    + "'; write an ISO-8601 time with its offset, e.g. 2026-12-06T00:00:00Z.");
        }
    }

    private static double decimal(Map<String, String> values, String name) {
        String v = get(values, name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is '" + v + "', not a number.");
        }
    }

    /** Reads and checks the user gazetteer now, so that a bad file stops the job before it starts. */
    private static String readGazetteer(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read --gazetteer file " + file + ": " + e.getMessage());
        }
        io.crosscount.extract.Gazetteer.withOverrides(json, file.toString());
        return json;
    }
}
