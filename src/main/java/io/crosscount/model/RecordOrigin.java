package io.crosscount.model;

/**
 * Where an input record was read: Kafka topic, partition, offset and timestamp. It travels with
 * what the job derives from the record, so that a dead letter produced late in the pipeline
 * (a claim too late for its window) still says where its article is. Not part of any output.
 */
public record RecordOrigin(String topic, Integer partition, Long offset, Long timestamp) {}
