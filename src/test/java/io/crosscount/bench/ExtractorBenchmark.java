package io.crosscount.bench;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.extract.FoldedText;
import io.crosscount.extract.Gazetteer;
import io.crosscount.extract.ActorExtractor;
import io.crosscount.extract.Lexicon;
import io.crosscount.extract.NumberScanner;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the extractor on realistic 4 KB articles (French and English, built from the
 * samples), one article per operation, on one thread:
 * <ul>
 *   <li>{@code wholeExtractor}: language, actors and figures, what the job runs per article;
 *   <li>{@code actorPass}: folding plus the actor matcher with the full gazetteer;
 *   <li>{@code bareScan}: folding, the digit scanner and the lookups alone (the language
 *       lexicon's and the gazetteer's phrase tries walked from word starts, as the extractor
 *       walks them), the floor any rule-based extractor driven by those resources pays; the
 *       ratio to it is what the rules cost;
 *   <li>{@code bareScanWithoutGazetteer}: the same without the gazetteer, for comparison.
 * </ul>
 * MB/s = articles/s x {@link #ARTICLE_BYTES} / 1e6. Run with {@code scripts/bench-extractor}.
 *
 * <p>Seven warm-up iterations: the whole extractor is a lot of code for the JIT, and on two cores
 * it climbs for about ten seconds (1,300 articles/s in the first two seconds, 4,350 in the fifth)
 * before it holds steady; three iterations left the climb in the measurement, which then read
 * the compiler as much as the code (an error of +-2,500 on a mean of 3,900).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 7, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractorBenchmark {
    /** Target size of each article body, in UTF-8 bytes. */
    public static final int ARTICLE_BYTES = 4096;

    private List<Article> articles;
    private ArticleExtractor extractor;
    private ActorExtractor actors;
    private ActorExtractor actorsWithClitics;
    private Lexicon french;
    private Lexicon english;
    private int next;

    @Setup
    public void setUp() throws IOException {
        extractor = ArticleExtractor.withDefaults();
        actors = new ActorExtractor(Gazetteer.loadDefault());
        french = Lexicon.load("fr");
        english = Lexicon.load("en");
        java.util.Map<String, Lexicon> lexicons = new java.util.HashMap<>();
        for (String lang : ArticleExtractor.LANGUAGES) {
            lexicons.put(lang, Lexicon.load(lang));
        }
        actorsWithClitics = new ActorExtractor(Gazetteer.loadDefault(), lexicons);
        articles = realisticArticles(Path.of("src/samples"));
    }

    /** Sample bodies repeated paragraph by paragraph up to 4 KB: real wording, real density of figures. */
    static List<Article> realisticArticles(Path samples) throws IOException {
        List<Article> base = new ArrayList<>();
        ArticleParser parser = new ArticleParser();
        for (String line : Files.readAllLines(samples.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            var r = parser.parse(new RawRecord("bench", -1, 0, -1, null, line.getBytes(StandardCharsets.UTF_8)));
            if (r.isAccepted()) {
                base.add(r.article());
            }
        }
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            Article a = base.get(i);
            StringBuilder body = new StringBuilder();
            for (int k = 0; body.toString().getBytes(StandardCharsets.UTF_8).length < ARTICLE_BYTES; k++) {
                Article filler = base.get((i + k) % base.size());
                if (filler.lang().equals(a.lang())) {
                    body.append(filler.body()).append("\n\n");
                }
            }
            out.add(new Article(a.id(), a.source(), Instant.EPOCH, body.toString(), null, null, a.lang()));
        }
        return out;
    }

    private Article nextArticle() {
        Article a = articles.get(next);
        next = (next + 1) % articles.size();
        return a;
    }

    @Benchmark
    public Object wholeExtractor() {
        return extractor.extract(nextArticle());
    }

    @Benchmark
    public Object actorPass() {
        return actors.extract(FoldedText.of(nextArticle().body()));
    }

    @Benchmark
    public void bareScan(Blackhole bh) {
        Article a = nextArticle();
        FoldedText text = FoldedText.of(a.body());
        Lexicon lexicon = a.lang().equals("fr") ? french : english;
        bh.consume(NumberScanner.scan(text.folded()));
        bh.consume(lexicon.match(text));
        bh.consume(actorsWithClitics.lookUp(text, lexicon.procliticSet()));
    }

    @Benchmark
    public void bareScanWithoutGazetteer(Blackhole bh) {
        Article a = nextArticle();
        FoldedText text = FoldedText.of(a.body());
        bh.consume(NumberScanner.scan(text.folded()));
        bh.consume((a.lang().equals("fr") ? french : english).match(text));
    }
}
