package io.crosscount.pipeline;

import io.crosscount.model.Aggregate;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.Extraction;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The four output streams of the pipeline, for the caller to send where it wants. */
public record Outputs(
        DataStream<Extraction> extractions,
        DataStream<Aggregate> aggregates,
        DataStream<Discrepancy> discrepancies,
        DataStream<DeadLetter> deadLetters) {}
