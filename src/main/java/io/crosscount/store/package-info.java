/**
 * The analysts' store: the job's discrepancies, consensus and the articles they cite, upserted
 * into PostgreSQL beside the Kafka topics (Flink's JDBC sink, at least once with idempotent
 * statements), with its schema versioned by Flyway migrations.
 */
package io.crosscount.store;
