package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.crosscount.json.Json;
import io.crosscount.store.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/discrepancies} against a real PostgreSQL (binaries from Maven) whose schema the
 * job's Flyway migration made, holding three discrepancies written as the job's sink writes them:
 * a high open conflict, a resolved conflict and a low open outlier.
 */
class DiscrepanciesCliIT {
    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void storeWithThreeDiscrepancies() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        PostgresStore store = new PostgresStore(url, null, null, "analysts");
        store.migrate();
        try (Connection db = store.connect(); Statement s = db.createStatement()) {
            s.execute(insert("killed/palestinians/gaza", "2024-01-26", "conflict", "high", "open",
                    "2024-01-26T18:00:00Z", "2024-01-26T20:00:00Z", null, null, "unexplained", """
                    [{"source": "Northern Ledger", "article_id": "nl-1", "published_at": "2024-01-26T09:00:00Z",
                      "url": "https://northern-ledger.example/nl-1", "title": "Strikes, and a toll \\"disputed\\"",
                      "value": 25700, "low": 25700, "high": 25700, "qualifier": "exact", "hedged": false,
                      "attributed_to": null, "text": "25,700", "sentence": "Some 25,700 were killed."},
                     {"source": "AFP", "article_id": "afp-1", "published_at": "2024-01-26T18:00:00Z",
                      "url": "https://afp.example/afp-1", "title": "Bilan", "value": 26000, "low": 26000,
                      "high": null, "qualifier": "more_than", "hedged": false, "attributed_to": "ministry of health",
                      "text": "plus de 26 000", "sentence": "Plus de 26 000 morts."}]"""));
            s.execute(insert("hostages/israelis/gaza", "2024-01-27", "conflict", "medium", "resolved",
                    "2024-01-27T08:00:00Z", "2024-01-27T11:00:00Z", "2024-01-27T11:00:00Z",
                    "The sources agree again after Valley Dispatch reported a new figure.", "stale_report", """
                    [{"source": "Valley Dispatch", "article_id": "vd-2", "published_at": "2024-01-27T11:00:00Z",
                      "url": "https://valley.example/2", "title": "Correction", "value": 132, "low": 118,
                      "high": 146, "qualifier": "approx", "hedged": true, "attributed_to": null,
                      "text": "about 132", "sentence": "About 132 are still held, it is believed."},
                     {"source": "Harbour Courier", "article_id": "hc-1", "published_at": "2024-01-27T08:00:00Z",
                      "url": "https://harbour.example/1", "title": "Hostages", "value": 132, "low": 132, "high": 132,
                      "qualifier": "exact", "hedged": false, "attributed_to": null, "text": "132",
                      "sentence": "132 hostages remain."}]"""));
            s.execute(insert("killed/palestinians/gaza", "2024-01-27", "outlier", "low", "open",
                    "2024-01-28T06:00:00Z", "2024-01-28T06:00:00Z", null, null, "rounding", """
                    [{"source": "Levant Wire", "article_id": "lw-3", "published_at": "2024-01-28T06:00:00Z",
                      "url": "https://levant-wire.example/3", "title": "Toll", "value": 27000, "low": 27000,
                      "high": 27000, "qualifier": "exact", "hedged": false, "attributed_to": null,
                      "text": "27,000", "sentence": "27,000 were killed."}]"""));
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static String insert(String key, String day, String kind, String severity, String status, String firstSeen,
                                 String lastSeen, String resolvedAt, String resolution, String cause, String claims) {
        String[] parts = key.split("/");
        return "INSERT INTO discrepancies (key, window_start, kind, metric, subject, location, window_end, severity, "
                + "relative_gap, explanation, cause, status, first_seen, last_seen, resolved_at, resolution, claims) "
                + "VALUES ('" + key + "', '" + day + "T00:00:00Z', '" + kind + "', '" + parts[0] + "', '" + parts[1]
                + "', '" + parts[2] + "', '" + day + "T00:00:00Z'::timestamptz + interval '1 day', '" + severity
                + "', 0.05, 'The sources disagree.', '" + cause + "', '" + status + "', '" + firstSeen + "', '"
                + lastSeen + "', " + (resolvedAt == null ? "NULL" : "'" + resolvedAt + "'") + ", "
                + (resolution == null ? "NULL" : "'" + resolution + "'") + ", '" + claims + "'::jsonb)";
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DiscrepanciesCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] store(String... more) {
        List<String> args = new ArrayList<>(List.of("--postgres-url", url, "--postgres-schema", "analysts"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void tablePutsEachSourcesFigureAndWordingSideBySideOpenOnesFirst() {
        Result r = run(store());

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                3 discrepancies (2 open, 1 resolved)

                HIGH   open     conflict  killed/palestinians/gaza  2024-01-26T00:00:00Z .. 2024-01-27T00:00:00Z  cause: unexplained
                  since 2024-01-26T18:00:00Z, last seen 2024-01-26T20:00:00Z; gap 5.0 %: The sources disagree.
                    source           figure  wording                                  published             link
                    Northern Ledger  25700   "25,700"                                 2024-01-26T09:00:00Z  https://northern-ledger.example/nl-1
                    AFP              26000+  "plus de 26 000" per ministry of health  2024-01-26T18:00:00Z  https://afp.example/afp-1

                LOW    open     outlier  killed/palestinians/gaza  2024-01-27T00:00:00Z .. 2024-01-28T00:00:00Z  cause: rounding
                  since 2024-01-28T06:00:00Z, last seen 2024-01-28T06:00:00Z; gap 5.0 %: The sources disagree.
                    source       figure  wording   published             link
                    Levant Wire  27000   "27,000"  2024-01-28T06:00:00Z  https://levant-wire.example/3

                MEDIUM resolved conflict  hostages/israelis/gaza  2024-01-27T00:00:00Z .. 2024-01-28T00:00:00Z  cause: stale_report
                  since 2024-01-27T08:00:00Z, last seen 2024-01-27T11:00:00Z; gap 5.0 %: The sources disagree.
                    source           figure         wording               published             link
                    Valley Dispatch  132 [118-146]  "about 132" (hedged)  2024-01-27T11:00:00Z  https://valley.example/2
                    Harbour Courier  132            "132"                 2024-01-27T08:00:00Z  https://harbour.example/1
                  resolved 2024-01-27T11:00:00Z: The sources agree again after Valley Dispatch reported a new figure.
                """);
    }

    @Test
    void csvHasOneRowPerClaimQuotedSoThatCommasAndQuotesSurvive() throws Exception {
        Result r = run(store("--format", "csv"));

        assertThat(r.status()).isZero();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows;
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(r.out())) {
            rows = it.readAll();
        }
        assertThat(rows.get(0)).isEqualTo(DiscrepanciesCli.CSV_COLUMNS);
        int source = DiscrepanciesCli.CSV_COLUMNS.indexOf("source");
        int title = DiscrepanciesCli.CSV_COLUMNS.indexOf("title");
        int high = DiscrepanciesCli.CSV_COLUMNS.indexOf("high");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1) + " "
                        + row.get(source) + " [" + row.get(high) + "] " + row.get(title))
                .containsExactly(
                        "high open Northern Ledger [25700] Strikes, and a toll \"disputed\"",
                        "high open AFP [] Bilan",
                        "low open Levant Wire [27000] Toll",
                        "medium resolved Valley Dispatch [146] Correction",
                        "medium resolved Harbour Courier [132] Hostages");
    }

    @Test
    void jsonIsOneDiscrepancyALineWithItsClaimsAsTheJobQuotedThem() throws Exception {
        Result r = run(store("--format", "json", "--key", "hostages/israelis/gaza"));

        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode d = Json.MAPPER.readTree(r.out());
        assertThat(d.get("status").asText()).isEqualTo("resolved");
        assertThat(d.get("resolved_at").asText()).isEqualTo("2024-01-27T11:00:00Z");
        assertThat(d.get("first_seen").asText()).isEqualTo("2024-01-27T08:00:00Z");
        assertThat(d.get("cause").asText()).isEqualTo("stale_report");
        assertThat(d.get("regression_source").isNull()).isTrue();
        assertThat(d.get("claims")).extracting(c -> c.get("source").asText() + " " + c.get("text").asText()
                        + " " + c.get("url").asText())
                .containsExactly("Valley Dispatch about 132 https://valley.example/2",
                        "Harbour Courier 132 https://harbour.example/1");
    }

    @Test
    void openKeyAndSinceFilter() throws Exception {
        assertThat(keysAndKinds(run(store("--format", "json", "--open"))))
                .containsExactly("killed/palestinians/gaza conflict open", "killed/palestinians/gaza outlier open");
        assertThat(keysAndKinds(run(store("--format", "json", "--key", "killed/palestinians/gaza"))))
                .containsExactly("killed/palestinians/gaza conflict open", "killed/palestinians/gaza outlier open");
        assertThat(keysAndKinds(run(store("--format", "json", "--since", "2024-01-27"))))
                .containsExactly("killed/palestinians/gaza outlier open", "hostages/israelis/gaza conflict resolved");
        assertThat(keysAndKinds(run(store("--format", "json", "--since", "2024-01-27T12:00:00Z", "--open"))))
                .containsExactly("killed/palestinians/gaza outlier open");
        assertThat(run(store("--key", "nobody/nowhere")).out()).isEqualTo("no discrepancies\n");
    }

    private static List<String> keysAndKinds(Result r) throws Exception {
        assertThat(r.status()).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode d = Json.MAPPER.readTree(line);
            rows.add(d.get("key").asText() + " " + d.get("kind").asText() + " " + d.get("status").asText());
        }
        return rows;
    }

    @Test
    void readsTheStoreFromAConfigFileWithThePasswordInIt(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("store.properties");
        Files.writeString(config, "url=" + url + "\nuser=postgres\npassword=unused-with-trust\nschema=analysts\n");

        Result r = run("--postgres-config", config.toString(), "--open", "--format", "json");

        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(2);
    }

    @Test
    void helpGoesToStdoutWithStatusZero() {
        Result r = run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: scripts/discrepancies [-hV] [--open] [--key=K] [--since=T]")
                .contains("--postgres-config=FILE", "90m, 24h, 7d", "PGPASSWORD");
    }

    @Test
    void usageErrorsSayWhatWasWrongOnOneLineWithStatusTwo() {
        Result badFormat = run(store("--format", "xml"));
        assertThat(badFormat.status()).isEqualTo(2);
        assertThat(badFormat.out()).isEmpty();
        assertThat(badFormat.err()).isEqualTo("discrepancies: Invalid value for option '--format': expected one of "
                + "[table, csv, json] (case-sensitive) but was 'xml' (scripts/discrepancies --help)\n");

        Result noStore = run("--open");
        assertThat(noStore.status()).isEqualTo(2);
        assertThat(noStore.err()).isEqualTo("discrepancies: Give the store: --postgres-url URL (or url= in a "
                + "--postgres-config file) (scripts/discrepancies --help)\n");

        Result badSince = run(store("--since", "yesterday"));
        assertThat(badSince.status()).isEqualTo(2);
        assertThat(badSince.err()).hasLineCount(1).contains("'yesterday' is no time");

        Result unknown = run(store("--colour"));
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("discrepancies: Unknown option: '--colour' (scripts/discrepancies --help)\n");
    }

    @Test
    void aStoreThatCannotBeReadGivesOneLineOnWhatToCheckWithStatusOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Result down = run("--postgres-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/crosscount");
        assertThat(down.status()).isEqualTo(1);
        assertThat(down.out()).isEmpty();
        assertThat(down.err()).hasLineCount(1)
                .startsWith("discrepancies: cannot read PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
                .contains("check that the server is up").doesNotContain("Exception");

        Result noSchema = run("--postgres-url", url, "--postgres-schema", "nothing_here");
        assertThat(noSchema.status()).isEqualTo(1);
        assertThat(noSchema.err()).isEqualTo("discrepancies: no discrepancies table in schema nothing_here of "
                + "PostgreSQL at " + url + ": check --postgres-schema, and that the job ran with --postgres-url on "
                + "this database.\n");
    }
}
