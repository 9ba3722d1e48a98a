package io.crosscount.pipeline;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.extract.ExtractionTimeoutException;
import io.crosscount.ingest.AcceptArticles;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.metrics.CrosscountMetrics;
import io.crosscount.model.Article;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.model.Extraction;
import io.crosscount.model.RecordOrigin;
import io.crosscount.syndication.BodyFingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the extractor. An article that makes it fail becomes a {@code processing_error} dead
 * letter carrying the article, and one whose extraction spends more than its budget of CPU time
 * an {@code extraction_timeout} one, so the job goes on and the article can be replayed once
 * fixed (or with a larger budget).
 */
public class ExtractArticles extends ProcessFunction<ParsedRecord, Extraction> {
    private static final long serialVersionUID = 1L;

    private final String userGazetteerJson;
    private final Duration budget;
    private transient ArticleExtractor extractor;
    private transient CrosscountMetrics.LabelledCounters claims;
    private transient Counter actors;
    private transient Counter claimsOverCap;
    private transient Counter actorsOverCap;
    /** The watermark as last seen by this subtask; read by the event-time lag gauge. */
    private transient volatile long watermark;
    private transient org.apache.flink.metrics.Histogram extractionTime;

    /** Claims kept per article: a long report lists a few dozen figures at most. */
    public static final int MAX_CLAIMS = 200;
    /** Actor mentions kept per article. */
    public static final int MAX_ACTOR_MENTIONS = 200;

    public ExtractArticles(String userGazetteerJson, Duration budget) {
        this.userGazetteerJson = userGazetteerJson;
        this.budget = budget;
    }

    @Override
    public void open(OpenContext openContext) {
        extractor = ArticleExtractor.shared(userGazetteerJson, "--gazetteer");
        claims = new CrosscountMetrics.LabelledCounters(getRuntimeContext().getMetricGroup(), CrosscountMetrics.CLAIMS,
                CrosscountMetrics.METRIC, CrosscountMetrics.LANG);
        actors = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.ACTOR_MENTIONS);
        claimsOverCap = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(), CrosscountMetrics.CLAIMS_OVER_CAP);
        actorsOverCap = CrosscountMetrics.counter(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.ACTOR_MENTIONS_OVER_CAP);
        watermark = Long.MIN_VALUE;
        // Before the first watermark there is no lag to report: 0 rather than a 50-million-year gap.
        CrosscountMetrics.group(getRuntimeContext().getMetricGroup()).gauge(CrosscountMetrics.EVENT_TIME_LAG_MS,
                () -> watermark == Long.MIN_VALUE ? 0L : System.currentTimeMillis() - watermark);
        extractionTime = CrosscountMetrics.histogram(getRuntimeContext().getMetricGroup(),
                CrosscountMetrics.EXTRACTION_TIME_US);
    }

    @Override
    public void processElement(ParsedRecord record, Context ctx, Collector<Extraction> out) {
        watermark = ctx.timerService().currentWatermark();
        Article article = record.article();
        Extraction extraction;
        long started = System.nanoTime();
        try {
            // The body's sketch is for syndication, not extraction: the extractor leaves it to the job.
            extraction = extractor.extract(article, budget).withFingerprint(BodyFingerprint.of(article.body()))
                    .withOrigin(new RecordOrigin(record.topic(), record.partition() < 0 ? null : record.partition(),
                            record.offset() < 0 ? null : record.offset(),
                            record.kafkaTimestamp() < 0 ? null : record.kafkaTimestamp()));
            extractionTime.update((System.nanoTime() - started) / 1000);
        } catch (ExtractionTimeoutException e) {
            ctx.output(AcceptArticles.DEAD_LETTERS, ArticleParser.deadLetter(asRead(record),
                    DeadLetterReason.EXTRACTION_TIMEOUT, DeadLetters.extractionTimeoutDetail(e)));
            return;
        } catch (RuntimeException e) {
            ctx.output(AcceptArticles.DEAD_LETTERS, ArticleParser.deadLetter(asRead(record),
                    DeadLetterReason.PROCESSING_ERROR, DeadLetters.extractorFailureDetail(e)));
            return;
        }
        // A body dense with figures or names (a list, a table, a hostile record) must not make an
        // extraction larger than a Kafka record: the first ones are kept, the rest counted.
        if (extraction.claims().size() > MAX_CLAIMS || extraction.actors().size() > MAX_ACTOR_MENTIONS) {
            claimsOverCap.inc(Math.max(0, extraction.claims().size() - MAX_CLAIMS));
            actorsOverCap.inc(Math.max(0, extraction.actors().size() - MAX_ACTOR_MENTIONS));
            extraction = extraction.capped(MAX_CLAIMS, MAX_ACTOR_MENTIONS);
        }
        for (io.crosscount.model.Claim claim : extraction.claims()) {
            claims.get(claim.metric().wireName(), extraction.lang()).inc();
        }
        actors.inc(extraction.actors().size());
        out.collect(extraction);
    }

    /** The article as the dead letter keeps it, with where it was read. */
    private static RawRecord asRead(ParsedRecord record) {
        Article article = record.article();
        return new RawRecord(record.topic(), record.partition(), record.offset(), record.kafkaTimestamp(),
                article.id().getBytes(StandardCharsets.UTF_8), Json.writeBytes(article));
    }
}
