package io.crosscount.store;

import io.crosscount.json.Json;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.DiscrepancyKind;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The JDBC sinks of the store. Each record is one statement that upserts its row by its identity
 * and the articles it quotes, from the record's JSON (the contract's shape), so the SQL reads the
 * same fields a Kafka consumer does. At least once is enough: replaying a record rewrites the
 * same row, and records of one key arrive in order (the sinks follow their keyed operators).
 */
public final class StoreSinks {
    private StoreSinks() {}

    /** The articles a row quotes (each claim's article), upserted in the same statement. */
    private static String articlesQuotedBy(String cte, String column) {
        return """
                INSERT INTO articles (article_id, reported_by, url, title, published_at)
                SELECT DISTINCT ON (c ->> 'article_id') c ->> 'article_id', c ->> 'source', c ->> 'url', c ->> 'title',
                       (c ->> 'published_at')::timestamptz
                FROM %s, jsonb_array_elements(%s.%s) AS c
                WHERE c ->> 'article_id' IS NOT NULL
                ON CONFLICT (article_id) DO UPDATE
                SET url = COALESCE(EXCLUDED.url, articles.url), title = COALESCE(EXCLUDED.title, articles.title)
                """.formatted(cte, cte, column);
    }

    static final String UPSERT_DISCREPANCY = """
            WITH r AS (SELECT ?::text AS key, ?::text AS regression_source, ?::jsonb AS j),
            d AS (
              INSERT INTO discrepancies AS t (key, window_start, kind, regression_source, metric, subject, grp,
                  location, window_end, severity, relative_gap, explanation, cause, status, first_seen, last_seen,
                  resolved_at, resolution, claims)
              SELECT r.key, (j ->> 'window_start')::timestamptz, j ->> 'kind', r.regression_source, j ->> 'metric',
                  j ->> 'subject', j ->> 'group', j ->> 'location', (j ->> 'window_end')::timestamptz, j ->> 'severity',
                  (j ->> 'relative_gap')::double precision, j ->> 'explanation', j ->> 'cause', j ->> 'status',
                  (j ->> 'detected_at')::timestamptz,
                  COALESCE((j ->> 'resolved_at')::timestamptz, (j ->> 'detected_at')::timestamptz),
                  (j ->> 'resolved_at')::timestamptz, j ->> 'resolution', j -> 'claims'
              FROM r
              ON CONFLICT (key, window_start, kind, regression_source) DO UPDATE SET
                  window_end = EXCLUDED.window_end, severity = EXCLUDED.severity,
                  relative_gap = EXCLUDED.relative_gap, explanation = EXCLUDED.explanation, cause = EXCLUDED.cause,
                  status = EXCLUDED.status, first_seen = LEAST(t.first_seen, EXCLUDED.first_seen),
                  last_seen = GREATEST(t.last_seen, EXCLUDED.last_seen), resolved_at = EXCLUDED.resolved_at,
                  resolution = EXCLUDED.resolution, claims = EXCLUDED.claims, updated_at = now()
              RETURNING claims)
            """ + articlesQuotedBy("d", "claims");

    static final String UPSERT_CONSENSUS = """
            WITH r AS (SELECT ?::text AS key, ?::jsonb AS j),
            a AS (
              INSERT INTO consensus AS t (key, window_start, metric, subject, grp, location, window_end, source_count,
                  min, max, median, consensus_low, consensus_high, is_final, sources_omitted, sources)
              SELECT r.key, (j ->> 'window_start')::timestamptz, j ->> 'metric', j ->> 'subject', j ->> 'group',
                  j ->> 'location', (j ->> 'window_end')::timestamptz, (j ->> 'source_count')::integer,
                  (j ->> 'min')::bigint, (j ->> 'max')::bigint, (j ->> 'median')::double precision,
                  (j ->> 'consensus_low')::bigint, (j ->> 'consensus_high')::bigint, (j ->> 'final')::boolean,
                  COALESCE((j ->> 'sources_omitted')::integer, 0), j -> 'sources'
              FROM r
              ON CONFLICT (key, window_start) DO UPDATE SET
                  window_end = EXCLUDED.window_end, source_count = EXCLUDED.source_count, min = EXCLUDED.min,
                  max = EXCLUDED.max, median = EXCLUDED.median, consensus_low = EXCLUDED.consensus_low,
                  consensus_high = EXCLUDED.consensus_high, is_final = EXCLUDED.is_final,
                  sources_omitted = EXCLUDED.sources_omitted, sources = EXCLUDED.sources, updated_at = now()
              RETURNING sources)
            """ + articlesQuotedBy("a", "sources");

    /** Batches of up to 500 rows, written at least every second and at every checkpoint. */
    private static JdbcExecutionOptions execution() {
        return JdbcExecutionOptions.builder().withBatchSize(500).withBatchIntervalMs(1000).withMaxRetries(3).build();
    }

    public static JdbcSink<Discrepancy> discrepancies(PostgresStore store) {
        return JdbcSink.<Discrepancy>builder()
                .withQueryStatement(UPSERT_DISCREPANCY, (statement, d) -> {
                    statement.setString(1, d.key());
                    statement.setString(2, regressionSource(d));
                    statement.setString(3, Json.write(d));
                })
                .withExecutionOptions(execution())
                .buildAtLeastOnce(store.connectionOptions());
    }

    public static JdbcSink<Aggregate> consensus(PostgresStore store) {
        return JdbcSink.<Aggregate>builder()
                .withQueryStatement(UPSERT_CONSENSUS, (statement, a) -> {
                    statement.setString(1, a.key());
                    statement.setString(2, Json.write(a));
                })
                .withExecutionOptions(execution())
                .buildAtLeastOnce(store.connectionOptions());
    }

    /** A regression is per source (the one whose figure went down): its later claim's source. */
    static String regressionSource(Discrepancy d) {
        return d.kind() == DiscrepancyKind.REGRESSION && !d.claims().isEmpty()
                ? d.claims().get(d.claims().size() - 1).source() : "";
    }
}
