package io.crosscount.store;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where the job writes for analysts: a PostgreSQL database and a schema of its own in it (a
 * replay writes into another schema, so it never mixes with the live rows). The password comes
 * from a properties file or the {@code PGPASSWORD} environment variable, never a command line,
 * and {@link #toString} hides it.
 */
public record PostgresStore(String url, String user, String password, String schema) implements Serializable {
    public static final String DEFAULT_SCHEMA = "crosscount";

    public PostgresStore {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The PostgreSQL url is '" + url
                    + "'; write a JDBC url such as jdbc:postgresql://127.0.0.1:5432/crosscount.");
        }
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("The PostgreSQL schema is '" + schema
                    + "'; use lower-case letters, digits and underscores, e.g. crosscount.");
        }
    }

    /**
     * The store from option values ({@code url}, {@code user}, {@code password}, {@code schema},
     * as read from {@code --postgres-config} and the {@code --postgres-*} options), or null when
     * no url is given: the store is optional.
     */
    public static PostgresStore of(Map<String, String> values, Map<String, String> environment) {
        String url = values.get("url");
        if (url == null) {
            return null;
        }
        String password = values.getOrDefault("password", environment.get("PGPASSWORD"));
        return new PostgresStore(url, values.get("user"), password, values.getOrDefault("schema", DEFAULT_SCHEMA));
    }

    /**
     * The store from a command's options, the same for every command: {@code file} holds the
     * {@code --postgres-config} properties (empty without one), {@code url}, {@code user} and
     * {@code schema} the {@code --postgres-*} options (null when not given), which win over the
     * file; the schema defaults to {@link #DEFAULT_SCHEMA}. Null when neither gives a url.
     */
    public static PostgresStore of(Map<String, String> file, String url, String user, String schema,
                                   Map<String, String> environment) {
        Map<String, String> values = new java.util.LinkedHashMap<>(file);
        if (url != null) {
            values.put("url", url);
        }
        if (user != null) {
            values.put("user", user);
        }
        if (schema != null) {
            values.put("schema", schema);
        }
        return of(values, environment);
    }

    /** The url with this store's schema as the connection's search path. */
    public String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema="
                + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(schemaUrl(), user, password);
    }

    /** Brings the schema to the latest migration (creating it if needed); safe to run from several processes. */
    public int migrate() {
        try {
            return Flyway.configure(PostgresStore.class.getClassLoader())
                    .dataSource(url, user, password)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:crosscount/db/migration")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL schema " + schema + " at " + url + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ". Check the url, user and password "
                    + "(--postgres-config), and that the server is up.", e);
        }
    }

    JdbcConnectionOptions connectionOptions() {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder options = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(schemaUrl())
                .withDriverName("org.postgresql.Driver");
        if (user != null) {
            options.withUsername(user);
        }
        if (password != null) {
            options.withPassword(password);
        }
        return options.build();
    }

    @Override
    public String toString() {
        return "PostgresStore[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "(hidden)")
                + ", schema=" + schema + "]";
    }
}
