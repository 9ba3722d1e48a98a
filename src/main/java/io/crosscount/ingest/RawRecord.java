package io.crosscount.ingest;

/**
 * An input record exactly as it came: bytes plus where it came from. {@link ArticleReader} turns
 * it into a {@link ParsedRecord} (in the Kafka source, or after a file source), so that a bad
 * record becomes a dead letter instead of a failed job.
 *
 * @param topic the Kafka topic, or the input file name for file-based runs
 * @param partition the Kafka partition, or -1 when not from Kafka
 * @param offset the Kafka offset, or the line number for file-based runs
 * @param timestamp the Kafka record timestamp in epoch millis, or -1 when unknown
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {}
