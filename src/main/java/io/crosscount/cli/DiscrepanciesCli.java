package io.crosscount.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crosscount.app.CommandConfig;
import io.crosscount.json.Json;
import io.crosscount.store.PostgresStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code scripts/discrepancies}: the discrepancies the job wrote to PostgreSQL, for a person
 * (a table: each source's figure and wording side by side, with links) or a program (CSV, one
 * row per source's claim; JSON lines, one discrepancy per line with its claims as the job quoted
 * them). Usage errors exit 2 and a database that cannot be read exits 1, each with one line on
 * stderr saying what to fix.
 */
@Command(name = "scripts/discrepancies", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
        sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = {"Prints the discrepancies the job wrote to PostgreSQL (--postgres-url of the job): severity, "
                + "status, key, window, kind, likely cause, each source's figure and wording side by side with "
                + "the article's link, since when it is known and how it was resolved. Open ones first, then by "
                + "severity and the latest evidence.", ""},
        footer = {"", "T is an instant (2024-01-26T12:00:00Z), a date (2024-01-26, midnight UTC) or a time back "
                + "from now (90m, 24h, 7d). Times are event time: when the sources published.",
            "The password is read from --postgres-config (password=...) or the PGPASSWORD environment variable, "
                + "never from the command line."})
public final class DiscrepanciesCli implements Callable<Integer> {
    enum Format { table, csv, json }

    @Option(names = "--open", description = "only the open ones (not resolved)")
    boolean openOnly;

    @Option(names = "--key", paramLabel = "K", description = "only this key, e.g. killed/palestinians/gaza")
    String key;

    @Option(names = "--since", paramLabel = "T", converter = SinceConverter.class,
            description = "only those seen since T: found, updated or resolved by evidence published since T")
    Instant since;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table (default), csv (one row per source's claim) or json (one discrepancy a line)")
    Format format;

    @Option(names = "--postgres-url", paramLabel = "URL",
            description = {"the store's JDBC url, e.g.", "jdbc:postgresql://127.0.0.1:5432/crosscount"})
    String url;

    @Option(names = "--postgres-user", paramLabel = "U", description = "PostgreSQL user")
    String user;

    @Option(names = "--postgres-schema", paramLabel = "S",
            description = "the job's schema (default: the config file's, else " + PostgresStore.DEFAULT_SCHEMA + ")")
    String schema;

    @Option(names = "--postgres-config", paramLabel = "FILE",
            description = "properties file with url, user, password and schema; the --postgres-* options win")
    Path config;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    DiscrepanciesCli(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns its exit status (0, 1 when the store cannot be read, 2 on a usage error). */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine cli = Tool.commandLine(new DiscrepanciesCli(environment, out, err), "scripts/discrepancies", out,
                err);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PostgresStore store = store();
        List<Row> rows;
        try {
            rows = query(store);
        } catch (SQLException e) {
            err.println("discrepancies: " + explain(e, store));
            return CommandLine.ExitCode.SOFTWARE;
        }
        switch (format) {
            case table -> Table.print(rows, out);
            case csv -> printCsv(rows);
            case json -> rows.forEach(r -> out.println(Json.write(r.toJson())));
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private PostgresStore store() {
        try {
            Map<String, String> file = config == null ? Map.of() : CommandConfig.readProperties(config, "--postgres-config");
            PostgresStore store = PostgresStore.of(file, url, user, schema, environment);
            if (store == null) {
                throw new ParameterException(spec.commandLine(),
                        "Give the store: --postgres-url URL (or url= in a --postgres-config file)");
            }
            return store;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static final String QUERY = """
            SELECT key, window_start, window_end, kind, regression_source, metric, subject, grp, location, severity,
                   relative_gap, explanation, cause, status, first_seen, last_seen, resolved_at, resolution,
                   claims::text AS claims
            FROM discrepancies
            WHERE (NOT ? OR status = 'open') AND (?::text IS NULL OR key = ?)
              AND (?::timestamptz IS NULL OR last_seen >= ?)
            ORDER BY status = 'open' DESC, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                     last_seen DESC, key, window_start, kind, regression_source
            """;

    private List<Row> query(PostgresStore store) throws SQLException {
        DriverManager.setLoginTimeout(10);
        try (Connection db = store.connect(); PreparedStatement s = db.prepareStatement(QUERY)) {
            s.setBoolean(1, openOnly);
            s.setString(2, key);
            s.setString(3, key);
            if (since == null) {
                s.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                s.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setTimestamp(4, Timestamp.from(since));
                s.setTimestamp(5, Timestamp.from(since));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(Row.of(r));
                }
            }
            return rows;
        }
    }

    /** One line on what went wrong and what to check. */
    static String explain(SQLException e, PostgresStore store) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "PostgreSQL at " + store.url() + (store.user() == null ? "" : " as " + store.user());
        if (state.equals("42P01")) {
            return "no discrepancies table in schema " + store.schema() + " of " + where
                    + ": check --postgres-schema, and that the job ran with --postgres-url on this database.";
        }
        if (state.startsWith("28")) {
            return "cannot log in to " + where + " (" + firstLine(e.getMessage())
                    + "): check the user and the password (--postgres-config password=..., or PGPASSWORD).";
        }
        return "cannot read " + where + " (" + firstLine(e.getMessage()) + "): check that the server is up "
                + "and the url, user and password (--postgres-url, --postgres-user, --postgres-config, PGPASSWORD).";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    // ------------------------------------------------------------------------------------------
    // CSV: one row per claim, the discrepancy's columns repeated, so a spreadsheet can filter it.

    static final List<String> CSV_COLUMNS = List.of("severity", "status", "key", "window_start", "window_end", "kind",
            "cause", "source", "value", "low", "high", "qualifier", "hedged", "wording", "attributed_to", "published_at",
            "url", "title", "first_seen", "last_seen", "resolved_at", "resolution", "relative_gap", "explanation");

    private void printCsv(List<Row> rows) {
        CsvSchema.Builder schemaBuilder = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schemaBuilder::addColumn);
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<JsonNode> claims = r.claimList().isEmpty() ? List.of(Json.MAPPER.createObjectNode()) : r.claimList();
            for (JsonNode c : claims) {
                lines.add(List.of(r.severity(), r.status(), r.key(), str(r.windowStart()), str(r.windowEnd()),
                        r.kind(), r.cause(), text(c, "source"), text(c, "value"), text(c, "low"), text(c, "high"),
                        text(c, "qualifier"), text(c, "hedged"), text(c, "text"), text(c, "attributed_to"),
                        text(c, "published_at"), text(c, "url"), text(c, "title"), str(r.firstSeen()),
                        str(r.lastSeen()), str(r.resolvedAt()), r.resolution() == null ? "" : r.resolution(),
                        Double.toString(r.relativeGap()), r.explanation()));
            }
        }
        try {
            new CsvMapper().writer(schemaBuilder.build()).writeValues(out).writeAll(lines).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(Instant t) {
        return t == null ? "" : t.toString();
    }

    static String text(JsonNode claim, String field) {
        JsonNode v = claim.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    // ------------------------------------------------------------------------------------------

    /** One discrepancy row as read. */
    record Row(String key, Instant windowStart, Instant windowEnd, String kind, String regressionSource, String metric,
               String subject, String group, String location, String severity, double relativeGap,
               String explanation, String cause, String status, Instant firstSeen, Instant lastSeen,
               Instant resolvedAt, String resolution, ArrayNode claims) {

        static Row of(ResultSet r) throws SQLException {
            try {
                return new Row(r.getString("key"), instant(r, "window_start"), instant(r, "window_end"),
                        r.getString("kind"), r.getString("regression_source"), r.getString("metric"),
                        r.getString("subject"), r.getString("grp"), r.getString("location"), r.getString("severity"),
                        r.getDouble("relative_gap"), r.getString("explanation"), r.getString("cause"),
                        r.getString("status"), instant(r, "first_seen"), instant(r, "last_seen"),
                        instant(r, "resolved_at"), r.getString("resolution"),
                        (ArrayNode) Json.MAPPER.readTree(r.getString("claims")));
            } catch (JsonProcessingException | ClassCastException e) {
                throw new SQLException("the claims of " + r.getString("key") + " are not a JSON array", e);
            }
        }

        private static Instant instant(ResultSet r, String column) throws SQLException {
            Timestamp t = r.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }

        List<JsonNode> claimList() {
            List<JsonNode> list = new ArrayList<>();
            claims.forEach(list::add);
            return list;
        }

        ObjectNode toJson() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("severity", severity).put("status", status).put("key", key).put("metric", metric)
                    .put("subject", subject).put("group", group).put("location", location)
                    .put("window_start", str(windowStart)).put("window_end", str(windowEnd)).put("kind", kind)
                    .put("regression_source", regressionSource.isEmpty() ? null : regressionSource)
                    .put("cause", cause).put("relative_gap", relativeGap).put("explanation", explanation)
                    .put("first_seen", str(firstSeen)).put("last_seen", str(lastSeen))
                    .put("resolved_at", resolvedAt == null ? null : resolvedAt.toString()).put("resolution", resolution);
            o.set("claims", claims);
            return o;
        }
    }

    /** The table: a heading line per discrepancy, then its sources side by side, one line each. */
    static final class Table {
        private Table() {}

        static void print(List<Row> rows, PrintStream out) {
            if (rows.isEmpty()) {
                out.println("no discrepancies");
                return;
            }
            long open = rows.stream().filter(r -> r.status().equals("open")).count();
            out.printf("%d discrepancies (%d open, %d resolved)%n", rows.size(), open, rows.size() - open);
            for (Row r : rows) {
                out.println();
                out.printf("%-6s %-8s %s  %s  %s .. %s  cause: %s%n", r.severity().toUpperCase(java.util.Locale.ROOT),
                        r.status(), r.kind() + (r.regressionSource().isEmpty() ? "" : " by " + r.regressionSource()),
                        r.key(), r.windowStart(), r.windowEnd(), r.cause());
                out.printf("  since %s, last seen %s; gap %.1f %%: %s%n", r.firstSeen(), r.lastSeen(),
                        r.relativeGap() * 100, r.explanation());
                List<String[]> lines = new ArrayList<>();
                lines.add(new String[] {"source", "figure", "wording", "published", "link"});
                for (JsonNode c : r.claimList()) {
                    String wording = "\"" + text(c, "text") + "\"" + (c.path("hedged").asBoolean() ? " (hedged)" : "")
                            + (text(c, "attributed_to").isEmpty() ? "" : " per " + text(c, "attributed_to"));
                    lines.add(new String[] {text(c, "source"), figure(c), wording, text(c, "published_at"),
                        text(c, "url")});
                }
                int[] widths = new int[5];
                for (String[] line : lines) {
                    for (int i = 0; i < widths.length; i++) {
                        widths[i] = Math.max(widths[i], line[i].length());
                    }
                }
                for (String[] line : lines) {
                    StringBuilder b = new StringBuilder("    ");
                    for (int i = 0; i < line.length; i++) {
                        b.append(i < line.length - 1 ? String.format("%-" + widths[i] + "s  ", line[i]) : line[i]);
                    }
                    out.println(b.toString().stripTrailing());
                }
                if (r.resolvedAt() != null) {
                    out.printf("  resolved %s: %s%n", r.resolvedAt(), r.resolution());
                }
            }
        }

        /** The figure and its bounds: 26000, 26000+ (no upper bound), 118-146 (a range or an approximation). */
        static String figure(JsonNode c) {
            String value = text(c, "value"), low = text(c, "low"), high = text(c, "high");
            if (high.isEmpty()) {
                return (low.isEmpty() ? value : low) + "+";
            }
            if (low.equals(high) && (value.isEmpty() || value.equals(low))) {
                return low;
            }
            return (value.isEmpty() ? "" : value + " ") + "[" + low + "-" + high + "]";
        }
    }

    /** --since: an instant, a date (midnight UTC) or a time back from now (90m, 24h, 7d). */
    static final class SinceConverter implements ITypeConverter<Instant> {
        private static final Pattern BACK = Pattern.compile("(\\d+)([mhd])");
        private final Clock clock;

        SinceConverter() {
            this(Clock.systemUTC());
        }

        SinceConverter(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant convert(String value) {
            Matcher back = BACK.matcher(value);
            if (back.matches()) {
                long n = Long.parseLong(back.group(1));
                Duration d = switch (back.group(2)) {
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return clock.instant().minus(d);
            }
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is no time: write an instant (2024-01-26T12:00:00Z), a date (2024-01-26) or 24h, 7d");
            }
        }
    }
}
