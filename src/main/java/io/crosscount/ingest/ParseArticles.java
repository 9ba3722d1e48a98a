package io.crosscount.ingest;

import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Article;
import io.crosscount.model.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses and validates raw records; what fails goes to {@link #DEAD_LETTERS}, never fails the job. */
public class ParseArticles extends ProcessFunction<RawRecord, Article> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final ArticleParser parser;
    private transient Counter read;
    private transient Counter accepted;
    private transient CrosscountMetrics.LabelledCounters rejected;

    public ParseArticles(ArticleParser parser) {
        this.parser = parser;
    }

    @Override
    public void open(OpenContext openContext) {
        read = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.ARTICLES_READ);
        accepted = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.ARTICLES_ACCEPTED);
        rejected = new CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.DEAD_LETTERS, CrosscountMetrics.REASON);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Article> out) {
        read.inc();
        ParseResult result = parser.parse(raw);
        if (result.isAccepted()) {
            accepted.inc();
            out.collect(result.article());
        } else {
            rejected.get(result.deadLetter().reason()).inc();
            ctx.output(DEAD_LETTERS, result.deadLetter());
        }
    }
}
