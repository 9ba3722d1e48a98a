package io.crosscount.ingest;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Counts what the source read and routes it: accepted articles go on (with their coordinates),
 * records the source refused go to {@link #DEAD_LETTERS}. Parsing itself happens in the source
 * ({@link ArticleRecordDeserializer}) so that event time is known per partition.
 */
public class AcceptArticles extends ProcessFunction<ParsedRecord, ParsedRecord> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = io.crosscount.pipeline.DeadLetters.TAG;

    private transient Counter read;
    private transient Counter accepted;
    private transient Counter publishedInTheFuture;

    @Override
    public void open(OpenContext openContext) {
        read = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.ARTICLES_READ);
        accepted = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.ARTICLES_ACCEPTED);
        publishedInTheFuture = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.FUTURE_PUBLISHED_AT);
    }

    @Override
    public void processElement(ParsedRecord record, Context ctx, Collector<ParsedRecord> out) {
        read.inc();
        if (record.isAccepted()) {
            accepted.inc();
            if (record.publishedInTheFuture()) {
                publishedInTheFuture.inc();
            }
            out.collect(record);
        } else {
            ctx.output(DEAD_LETTERS, record.deadLetter());
        }
    }
}
