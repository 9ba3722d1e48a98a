package io.crosscount.pipeline;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.aggregate.DiscrepancyDetector;
import io.crosscount.aggregate.EarlyAndFinalTrigger;
import io.crosscount.aggregate.EventTimeOrder;
import io.crosscount.aggregate.LatestClaimPerSource;
import io.crosscount.aggregate.RestoredWatermark;
import io.crosscount.aggregate.ToAggregate;
import io.crosscount.aggregate.ToClaimEvents;
import io.crosscount.ingest.AcceptArticles;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ArticleReader;
import io.crosscount.ingest.EventTime;
import io.crosscount.ingest.ParsedRecord;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.Aggregate;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.Extraction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The topology, shared by the streaming job, {@code scripts/reconcile} and replay: raw records
 * in, the four output streams out. It sets no parallelism, checkpointing or sinks; callers do.
 *
 * <pre>
 * Kafka source (parse+validate, event time per partition) -> dead letters apart -> extract
 *                                              (chained: articles never cross the network)
 *     -> keyBy(article id) -> deduplicate                          -> extractions
 *     -> claims keyBy(metric/subject/location) -> window(latest per source, early + final)
 *                                                                  -> aggregates
 *     -> keyBy(key) -> discrepancy rules (conflict, regression)    -> discrepancies
 * bad records, extractor failures, late claims                     -> dead letters
 * </pre>
 */
public final class Pipeline {
    public static final OutputTag<ClaimEvent> LATE_CLAIMS = new OutputTag<>("late-claims") {};

    private Pipeline() {}

    /**
     * The pipeline over records the source has already read, with their event time and watermarks
     * assigned (the Kafka source does it per partition, {@link #readRecords} for other inputs).
     */
    public static Outputs define(DataStream<ParsedRecord> read, PipelineSettings settings) {
        SingleOutputStreamOperator<ParsedRecord> articles = read
                .process(new AcceptArticles())
                .name("accept-articles").uid("accept-articles");

        SingleOutputStreamOperator<Extraction> extracted = articles
                .process(new ExtractArticles(settings.userGazetteerJson(), settings.extractionBudget()))
                .name("extract").uid("extract");

        SingleOutputStreamOperator<Extraction> extractions = extracted
                .keyBy(Extraction::articleId)
                .process(new DeduplicateExtractions(settings.dedupRetention()))
                .name("deduplicate").uid("deduplicate");

        SingleOutputStreamOperator<ClaimEvent> claimEvents = extractions.process(new ToClaimEvents())
                .name("claims").uid("claims");
        SingleOutputStreamOperator<ClaimEvent> restored = claimEvents
                .process(new RestoredWatermark(settings.windowSize(), settings.windowSlide(), settings.allowedLateness()))
                .name("restored-watermark").uid("restored-watermark");
        DataStream<ClaimEvent> claims = restored;
        if (settings.eventTimeOrder()) {
            claims = claims.keyBy(ClaimEvent::key).process(new EventTimeOrder())
                    .name("event-time-order").uid("event-time-order");
        }
        SingleOutputStreamOperator<Aggregate> aggregates = aggregateClaims(claims, settings);

        SingleOutputStreamOperator<Discrepancy> discrepancies = aggregates
                .keyBy(Aggregate::key)
                .process(new DiscrepancyDetector(settings.tolerance(), settings.outlierThreshold(), settings.stalenessHorizon(),
                        settings.stateRetention()))
                .name("discrepancies").uid("discrepancies");

        DataStream<DeadLetter> deadLetters = articles.getSideOutput(AcceptArticles.DEAD_LETTERS)
                .union(extracted.getSideOutput(DeadLetters.TAG),
                        claimEvents.getSideOutput(DeadLetters.TAG),
                        aggregates.getSideOutput(DeadLetters.TAG),
                        discrepancies.getSideOutput(DeadLetters.TAG),
                        aggregates.getSideOutput(LATE_CLAIMS).union(restored.getSideOutput(LATE_CLAIMS))
                                .map(new LateClaims()).name("late-claims").uid("late-claims"))
                .map(new CountDeadLetters()).name("count-dead-letters").uid("count-dead-letters");

        return new Outputs(extractions, aggregates, discrepancies, deadLetters);
    }

    /**
     * Reads raw records that do not come from the Kafka source (a file, a test's list): parsed in
     * input order by one reader, with the same event-time rules as the source.
     */
    public static DataStream<ParsedRecord> readRecords(DataStream<RawRecord> raw, PipelineSettings settings) {
        ArticleReader reader = new ArticleReader(new ArticleParser(settings.maxArticleBytes()), settings.maxFuturePublication());
        return raw
                .map(record -> reader.read(record, System.currentTimeMillis()))
                .returns(ParsedRecord.class)
                .name("parse-and-validate").uid("parse-and-validate")
                .assignTimestampsAndWatermarks(EventTime.forRecords(settings))
                .name("event-time").uid("event-time");
    }

    /** The event-time window of each key: every source's latest claim, early updates and a final result. */
    public static SingleOutputStreamOperator<Aggregate> aggregateClaims(DataStream<ClaimEvent> claims,
                                                                        PipelineSettings settings) {
        return claims
                .keyBy(ClaimEvent::key)
                .window(settings.slidingWindows()
                        ? SlidingEventTimeWindows.of(settings.windowSize(), settings.windowSlide())
                        : TumblingEventTimeWindows.of(settings.windowSize()))
                .trigger(new EarlyAndFinalTrigger(settings.earlyUpdateInterval()))
                .allowedLateness(settings.allowedLateness())
                .sideOutputLateData(LATE_CLAIMS)
                .aggregate(new LatestClaimPerSource(), new ToAggregate(settings.consensusGaugeKeys(), settings.syndicationSimilarity()))
                .name("aggregate-window").uid("aggregate-window");
    }
}
