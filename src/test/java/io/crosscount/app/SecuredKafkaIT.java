package io.crosscount.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.cli.ExportTopic;
import io.crosscount.cli.LoadArticles;
import io.crosscount.cli.ReplayCli;
import io.crosscount.cli.WatchDiscrepancies;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Extraction;
import io.crosscount.testutil.CapturedOutput;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import io.crosscount.testutil.SecuredKafkaBroker;
import io.crosscount.testutil.StreamingJobRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, "secured Kafka for every tool": on a broker whose only client listener is SASL_SSL
 * with SCRAM-SHA-512 ({@link SecuredKafkaBroker}), load-archive, the streaming job, replay,
 * export and the watcher work with nothing but {@code --command-config FILE}, not even
 * {@code --bootstrap-servers}; the password (random per run) is then looked for in everything
 * the run left behind (stdout and stderr, the log at INFO with Kafka's security code at DEBUG,
 * every topic, the Flink REST API's view of the jobs and cluster, every metric the jobs
 * registered) and found nowhere. With a wrong password every tool, run as the scripts run it,
 * stops within seconds with one clear line and no stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredKafkaIT {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            MiniClusters.extension(2, METRICS.addToConfiguration(new Configuration()));

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static CapturedOutput captured;
    private static SecuredKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        captured = CapturedOutput.start(dir.resolve("test.log"));
        broker = SecuredKafkaBroker.start(dir.resolve("broker"));
        for (String topic : List.of("articles", "extractions", "aggregates", "discrepancies", "dead-letters")) {
            broker.createTopic(topic, 1);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        if (captured != null) {
            captured.close();
        }
    }

    @Test
    @Order(1)
    void withAWrongPasswordEveryToolStopsWithinSecondsWithOneClearLine() throws Exception {
        Path wrong = broker.clientConfigWithWrongPassword(dir);
        Path archive = dir.resolve("one-article.jsonl");
        Files.writeString(archive, Samples.articleLines().get(0) + "\n");
        String config = wrong.toString();
        Map<String, String[]> tools = new LinkedHashMap<>();
        tools.put("load-archive", new String[] {"io.crosscount.cli.LoadArticles", "--command-config", config,
            archive.toString()});
        tools.put("job", new String[] {"io.crosscount.app.CrosscountJob", "--command-config", config, "--bounded"});
        tools.put("replay", new String[] {"io.crosscount.cli.ReplayCli", "--command-config", config,
            "--output-prefix", "rebuilt-"});
        tools.put("export", new String[] {"io.crosscount.cli.ExportTopic", "--command-config", config,
            "--topic", "discrepancies"});
        tools.put("watch", new String[] {"io.crosscount.cli.WatchDiscrepancies", "--command-config", config});
        for (Map.Entry<String, String[]> tool : tools.entrySet()) {
            long started = System.nanoTime();
            Tool run = Tool.run(dir, tool.getValue());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("[SecuredKafkaIT] %s with a wrong password: exit %d after %d ms: %s%n", tool.getKey(),
                    run.exitCode(), took.toMillis(), run.stderr().strip());
            assertThat(run.exitCode()).as(tool.getKey() + " exit code; stderr:\n" + run.stderr()).isEqualTo(1);
            assertThat(run.stderr()).as(tool.getKey())
                    .contains("Kafka refused the credentials")
                    .contains("sasl.jaas.config in the --command-config file")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception in thread");
            assertThat(took).as(tool.getKey()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(2)
    void everyToolWorksThroughTheCommandConfigAloneAndThePasswordAppearsNowhere() throws Exception {
        String config = broker.clientConfig().toString();
        // The watcher first: it starts at the end of the topics, as scripts/run-local starts it.
        ByteArrayOutputStream watched = new ByteArrayOutputStream();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> WatchDiscrepancies.watch(
                WatchDiscrepancies.parse(new String[] {"--command-config", config}),
                new PrintStream(watched, true, StandardCharsets.UTF_8), watching::get), "watcher");
        watcher.start();
        awaitText(watched, "Watching discrepancies and dead-letters");

        Path archive = dir.resolve("archive.jsonl");
        List<String> lines = new ArrayList<>(Samples.articleLines());
        lines.addAll(Files.readAllLines(Samples.DIR.resolve("bad-records.jsonl")));
        Files.write(archive, lines);
        assertThat(LoadArticles.load(LoadArticles.parse(new String[] {"--command-config", config, archive.toString()}),
                        1 << 20).summary())
                // The loader keys and stamps what has an id and a date (the body that is a number too).
                .isEqualTo("loaded 13 records into articles (13 acknowledged; 11 articles in publication order, "
                        + "then 2 other lines)");

        // At the replay's parallelism (1), so that the replay gives the same early discrepancies.
        CrosscountJob.main(new String[] {"--command-config", config, "--starting-offsets", "earliest", "--bounded",
            "--checkpoint-interval", "1 s", "--parallelism", "1"});
        Map<String, List<String>> live = new LinkedHashMap<>();
        for (String topic : List.of("extractions", "aggregates", "discrepancies", "dead-letters")) {
            live.put(topic, export(new String[] {"--command-config", config, "--topic", topic}));
        }
        // Ten articles, one of them sent twice: nine extractions.
        assertThat(live.get("extractions")).hasSize(9);
        assertThat(live.get("extractions").stream().map(l -> StreamingJobRun.read(l, Extraction.class).articleId()))
                .doesNotHaveDuplicates();
        List<DeadLetter> dead = live.get("dead-letters").stream()
                .map(l -> StreamingJobRun.read(l, DeadLetter.class)).toList();
        assertThat(dead).hasSize(3).allSatisfy(d -> assertThat(d.topic()).isEqualTo("articles"));
        assertThat(live.get("discrepancies")).isNotEmpty();

        awaitText(watched, "DEAD LETTER");
        awaitText(watched, "DISCREPANCY");
        watching.set(false);
        watcher.join(WAIT.toMillis());
        assertThat(watcher.isAlive()).isFalse();
        String watcherOutput = watched.toString(StandardCharsets.UTF_8);
        assertThat(count(watcherOutput, "\nDISCREPANCY ")).isEqualTo(live.get("discrepancies").size());
        assertThat(count(watcherOutput, "\nDEAD LETTER ")).isEqualTo(3);

        // As scripts/replay runs it: the whole topic to rebuilt-* topics (created by the replay).
        assertThat(ReplayCli.run(new String[] {"--command-config", config, "--output-prefix", "rebuilt-",
            "--checkpoint-interval", "1 s"})).isZero();
        Map<String, List<String>> replayed = new LinkedHashMap<>();
        for (String topic : live.keySet()) {
            replayed.put(topic, export(new String[] {"--command-config", config, "--topic",
                "rebuilt-" + topic}));
        }
        // The replay reads the same range at the same parallelism: the same outputs.
        assertThat(new HashSet<>(replayed.get("extractions"))).isEqualTo(new HashSet<>(live.get("extractions")));
        assertThat(new HashSet<>(replayed.get("discrepancies"))).isEqualTo(new HashSet<>(live.get("discrepancies")));
        assertThat(replayed.get("dead-letters")).hasSize(3);

        String password = broker.password();
        // The search works: the password is in the client config, where it belongs.
        assertThat(Files.readString(broker.clientConfig())).contains(password);
        Map<String, String> places = new LinkedHashMap<>();
        places.put("stdout and stderr", captured.streams());
        places.put("the log", captured.log());
        places.put("the watcher's output", watcherOutput);
        places.put("the topics", String.join("\n", live.values().stream().flatMap(List::stream).toList())
                + String.join("\n", replayed.values().stream().flatMap(List::stream).toList())
                + String.join("\n", export(new String[] {"--command-config", config, "--topic", "articles"})));
        places.put("the Flink REST API", restViews());
        places.put("the metrics", metrics());
        System.out.printf("[SecuredKafkaIT] searched for the password in: %s%n", describe(places));
        assertThat(places.get("the log")).contains("SCRAM-SHA-512").contains("SASL_SSL");
        assertThat(places.get("the metrics")).contains("KafkaSourceReader");
        places.forEach((place, text) -> {
            assertThat(text).as("the password in " + place).doesNotContain(password);
            assertThat(text).as("the truststore password in " + place).doesNotContain(broker.storePassword());
        });
    }

    /** ExportTopic with these arguments: the topic's committed records, one per line. */
    private static List<String> export(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = ExportTopic.export(ExportTopic.parse(args), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize((int) written);
        return lines;
    }

    /** Every page of the REST API about the jobs run and the cluster, as one text. */
    private static String restViews() throws Exception {
        Configuration client = MINI_CLUSTER.getClientConfiguration();
        String base = "http://" + client.get(RestOptions.ADDRESS) + ":" + client.get(RestOptions.PORT);
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder all = new StringBuilder();
        List<String> pages = new ArrayList<>(List.of("/config", "/jobmanager/config", "/jobmanager/environment",
                "/jobmanager/metrics", "/taskmanagers", "/jobs/overview"));
        JsonNode jobs = Json.MAPPER.readTree(get(http, base + "/jobs/overview")).path("jobs");
        assertThat(jobs).hasSize(2); // the job and the replay
        for (JsonNode job : jobs) {
            String id = "/jobs/" + job.path("jid").asText();
            pages.addAll(List.of(id, id + "/config", id + "/plan", id + "/exceptions", id + "/checkpoints",
                    id + "/checkpoints/config", id + "/jobmanager/config", id + "/jobmanager/environment"));
            for (JsonNode vertex : Json.MAPPER.readTree(get(http, base + id)).path("vertices")) {
                String v = id + "/vertices/" + vertex.path("id").asText();
                pages.addAll(List.of(v, v + "/accumulators", v + "/subtasks/accumulators", v + "/metrics"));
            }
        }
        for (JsonNode tm : Json.MAPPER.readTree(get(http, base + "/taskmanagers")).path("taskmanagers")) {
            pages.add("/taskmanagers/" + tm.path("id").asText());
            pages.add("/taskmanagers/" + tm.path("id").asText() + "/metrics");
        }
        for (String page : pages) {
            all.append(page).append('\n').append(get(http, base + page)).append('\n');
        }
        return all.toString();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** Every metric the jobs registered: its identifier, its group's variables and its value. */
    private static String metrics() {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<MetricGroup, Map<String, Metric>> group : METRICS.getMetricsByGroup().entrySet()) {
            all.append(group.getKey().getAllVariables()).append('\n');
            for (Map.Entry<String, Metric> metric : group.getValue().entrySet()) {
                all.append(group.getKey().getMetricIdentifier(metric.getKey())).append(" = ")
                        .append(value(metric.getValue())).append('\n');
            }
        }
        return all.toString();
    }

    private static String value(Metric metric) {
        try {
            if (metric instanceof Gauge<?> gauge) {
                return String.valueOf(gauge.getValue());
            }
            if (metric instanceof Counter counter) {
                return String.valueOf(counter.getCount());
            }
            return metric.getClass().getSimpleName();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String describe(Map<String, String> places) {
        List<String> sizes = new ArrayList<>();
        places.forEach((place, text) -> sizes.add(place + " (" + text.length() + " chars)"));
        return String.join(", ", sizes);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static void awaitText(ByteArrayOutputStream out, String text) {
        org.awaitility.Awaitility.await("'" + text + "' in the watcher's output")
                .atMost(WAIT).pollInterval(java.time.Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(out.toString(StandardCharsets.UTF_8)).contains(text));
    }

    /** One tool run in a JVM of its own, as its script runs it, with its exit code and stderr. */
    private record Tool(int exitCode, String stderr) {
        static Tool run(Path dir, String... mainAndArgs) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Dlog4j2.configurationFile=" + Path.of("scripts/lib/log4j2-cli.properties").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path")));
            command.addAll(List.of(mainAndArgs));
            Path err = Files.createTempFile(dir, "stderr-", ".txt");
            Process process = new ProcessBuilder(command).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", mainAndArgs) + " still running after " + WAIT + "; stderr:\n"
                        + Files.readString(err));
            }
            return new Tool(process.exitValue(), Files.readString(err));
        }
    }
}
