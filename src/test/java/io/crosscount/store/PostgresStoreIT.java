package io.crosscount.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.testutil.KafkaBrokerExtension;
import io.crosscount.testutil.MiniClusters;
import io.crosscount.testutil.Samples;
import io.crosscount.testutil.StreamingJobRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analysts' store on a real PostgreSQL server (binaries from Maven) and a real broker: the
 * samples' conflicts become rows with their evidence and links, a source that corrects itself
 * today resolves its conflict, and running the job again over the same topic changes no row.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PostgresStoreIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.extension();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    /** Two outlets disagree about today's toll, then the higher one corrects itself. */
    private static List<String> todaysCorrection() {
        Instant morning = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(6, ChronoUnit.HOURS);
        return List.of(
                article("harbour-1", "Harbour Courier", morning, "https://harbour.example/1",
                        "Shelling killed 1,200 people in Khan Younis overnight, the civil defence said on Monday."),
                article("valley-1", "Valley Dispatch", morning.plus(1, ChronoUnit.HOURS), "https://valley.example/1",
                        "Rescue teams were still digging on Monday. At least 1,500 people were killed in Khan Younis, "
                                + "according to local officials."),
                article("valley-2", "Valley Dispatch", morning.plus(3, ChronoUnit.HOURS), "https://valley.example/2",
                        "An earlier version of this report gave a wrong toll. Officials now say 1,200 people were "
                                + "killed in Khan Younis."));
    }

    private static String article(String id, String source, Instant at, String url, String body) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"lang\":\"en\",\"published_at\":\"" + at
                + "\",\"url\":\"" + url + "\",\"title\":\"" + id + "\",\"body\":\"" + body + "\"}";
    }

    @Test
    void conflictsBecomeRowsWithEvidenceACorrectionResolvesOneAndARerunDuplicatesNothing() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Samples.ARTICLES));
        lines.addAll(todaysCorrection());
        StreamingJobRun run = StreamingJobRun.create("store", 3).load(lines, line -> Math.floorMod(line.hashCode(), 3));
        String[] options = {"--postgres-url", postgres.getJdbcUrl("postgres", "postgres"),
            "--postgres-schema", "analysts", "--claim-order", "event-time"};

        run.runToEnd(2, options);

        try (Connection db = connect()) {
            // The samples' conflicts and regression, one row each whatever their updates, with links.
            assertThat(rows(db, "SELECT key || ' ' || window_start::date || ' ' || kind || ' ' || status "
                    + "FROM discrepancies WHERE key = 'killed/palestinians/gaza' AND window_start < '2025-01-01' ORDER BY 1"))
                    .containsExactly(
                    "killed/palestinians/gaza 2024-01-26 conflict open",
                    "killed/palestinians/gaza 2024-01-27 conflict open",
                    "killed/palestinians/gaza 2024-01-27 regression open");
            assertThat(rows(db, "SELECT source || ' ' || url || ' ' || (sentence LIKE '%' || text || '%') "
                    + "FROM discrepancy_claims WHERE key = 'killed/palestinians/gaza' "
                    + "AND window_start = '2024-01-26' AND kind = 'conflict' ORDER BY position")).containsExactly(
                    "Northern Ledger https://northern-ledger.example/northern-ledger-2024-01-26-strikes true",
                    "AFP https://seed-outlet-fr.example/seed-fr-2024-01-26 true",
                    "Le Courrier du Matin https://le-courrier-du-matin.example/courrier-2024-01-26-bilan true",
                    "Levant Wire https://levant-wire.example/levant-wire-2024-01-26-gaza-toll true");
            assertThat(rows(db, "SELECT title FROM articles WHERE article_id = 'levant-wire-2024-01-26-gaza-toll'"))
                    .containsExactly("Gaza toll passes 26,000, ministry says");

            // Today's conflict was found, then resolved by the correction.
            assertThat(rows(db, "SELECT kind || ' ' || status || ' ' || (resolved_at = first_seen + interval '2 hours') "
                    + "|| ' ' || resolution FROM discrepancies WHERE claims::text LIKE '%valley-%'"))
                    .containsExactly("conflict resolved true "
                            + "The sources agree again after Valley Dispatch reported a new figure.");
            assertThat(rows(db, "SELECT source || ' ' || value FROM discrepancy_claims "
                    + "WHERE article_id IN ('harbour-1', 'valley-2') ORDER BY source"))
                    .containsExactly("Harbour Courier 1200", "Valley Dispatch 1200");
            assertThat(rows(db, "SELECT count(*) FROM consensus WHERE is_final")).singleElement()
                    .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThan(3));
        }

        List<String> before = snapshot();
        run.runToEnd(2, options); // the same topic again, into the same schema: a restart from scratch
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every row of the store that a rerun could duplicate or change, besides its write time. */
    private static List<String> snapshot() throws SQLException {
        try (Connection db = connect()) {
            List<String> all = new ArrayList<>();
            all.addAll(rows(db, "SELECT key, window_start, kind, regression_source, status, first_seen, last_seen, "
                    + "resolved_at, claims FROM discrepancies ORDER BY 1, 2, 3, 4"));
            all.addAll(rows(db, "SELECT key, window_start, source_count, consensus_low, consensus_high, sources "
                    + "FROM consensus ORDER BY 1, 2"));
            all.addAll(rows(db, "SELECT * FROM articles ORDER BY 1"));
            assertThat(all).isNotEmpty();
            return all;
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=analysts");
    }

    /** Each row as its columns joined by a space. */
    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
