package io.crosscount.pipeline;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.aggregate.DiscrepancyDetector;
import io.crosscount.aggregate.EarlyAndFinalTrigger;
import io.crosscount.aggregate.LatestClaimPerSource;
import io.crosscount.aggregate.ToAggregate;
import io.crosscount.aggregate.ToClaimEvents;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ParseArticles;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.Aggregate;
import io.crosscount.model.Article;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.Discrepancy;
import io.crosscount.model.Extraction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
 * raw -> parse+validate -> event time -> extract  (chained: articles never cross the network)
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

    public static Outputs define(DataStream<RawRecord> raw, PipelineSettings settings) {
        SingleOutputStreamOperator<Article> articles = raw
                .process(new ParseArticles(new ArticleParser(settings.maxArticleBytes())))
                .name("parse-and-validate").uid("parse-and-validate");

        SingleOutputStreamOperator<Extraction> extracted = articles
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Article>forGenerator(context -> new PerEventWatermarks<>(settings.outOfOrderness()))
                        .withTimestampAssigner((article, recordTimestamp) -> article.publishedAt().toEpochMilli())
                        .withIdleness(settings.idleness()))
                .name("event-time").uid("event-time")
                .process(new ExtractArticles(settings.userGazetteerJson()))
                .name("extract").uid("extract");

        SingleOutputStreamOperator<Extraction> extractions = extracted
                .keyBy(Extraction::articleId)
                .process(new DeduplicateExtractions(settings.dedupRetention()))
                .name("deduplicate").uid("deduplicate");

        SingleOutputStreamOperator<Aggregate> aggregates = aggregateClaims(
                extractions.flatMap(new ToClaimEvents()).name("claims").uid("claims"), settings);

        DataStream<Discrepancy> discrepancies = aggregates
                .keyBy(Aggregate::key)
                .process(new DiscrepancyDetector(settings.tolerance(), settings.outlierThreshold(), settings.stalenessHorizon(),
                        settings.stateRetention()))
                .name("discrepancies").uid("discrepancies");

        DataStream<DeadLetter> deadLetters = articles.getSideOutput(ParseArticles.DEAD_LETTERS)
                .union(extracted.getSideOutput(ParseArticles.DEAD_LETTERS),
                        aggregates.getSideOutput(LATE_CLAIMS).map(new LateClaims()).name("late-claims").uid("late-claims"));

        return new Outputs(extractions, aggregates, discrepancies, deadLetters);
    }

    /** The event-time window of each key: every source's latest claim, early updates and a final result. */
    public static SingleOutputStreamOperator<Aggregate> aggregateClaims(DataStream<ClaimEvent> claims,
                                                                        PipelineSettings settings) {
        return claims
                .keyBy(ClaimEvent::key)
                .window(settings.slidingWindows()
                        ? SlidingEventTimeWindows.of(settings.windowSize(), settings.windowSlide())
                        : TumblingEventTimeWindows.of(settings.windowSize()))
                .trigger(new EarlyAndFinalTrigger())
                .allowedLateness(settings.allowedLateness())
                .sideOutputLateData(LATE_CLAIMS)
                .aggregate(new LatestClaimPerSource(), new ToAggregate(settings.consensusGaugeKeys(), settings.syndicationSimilarity()))
                .name("aggregate-window").uid("aggregate-window");
    }
}
