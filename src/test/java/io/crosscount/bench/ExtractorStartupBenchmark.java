package io.crosscount.bench;

import io.crosscount.extract.ActorExtractor;
import io.crosscount.extract.ArticleExtractor;
import io.crosscount.extract.Gazetteer;
import io.crosscount.extract.Lexicon;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How long building the extractor takes in a fresh JVM, which is what a TaskManager taking over
 * after a failure pays before its source chain leaves INITIALIZING. One construction per fork
 * ({@link Mode#SingleShotTime}, no warm-up), so each measurement includes class loading and
 * interpreted code, as on a new TaskManager:
 * <ul>
 *   <li>{@code wholeExtractor}: {@link ArticleExtractor#withDefaults()}, what the job builds;
 *   <li>{@code gazetteer}, {@code lexicons}, {@code actorMatcher}: its parts, the actor matcher
 *       built from a gazetteer and lexicons loaded beforehand.
 * </ul>
 * {@link #main} runs it and prints the median of each over the forks. Run with
 * {@code scripts/bench-startup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ExtractorStartupBenchmark {

    /** Loaded only for {@code actorMatcher}, outside its measurement. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Gazetteer gazetteer;
        Map<String, Lexicon> lexicons;

        @Setup
        public void load() {
            gazetteer = Gazetteer.loadDefault();
            lexicons = loadLexicons();
        }
    }

    @Benchmark
    public Object wholeExtractor() {
        return ArticleExtractor.withDefaults();
    }

    @Benchmark
    public Object gazetteer() {
        return Gazetteer.loadDefault();
    }

    @Benchmark
    public Object lexicons() {
        return loadLexicons();
    }

    @Benchmark
    public Object actorMatcher(Loaded loaded) {
        return new ActorExtractor(loaded.gazetteer, loaded.lexicons);
    }

    private static Map<String, Lexicon> loadLexicons() {
        Map<String, Lexicon> out = new LinkedHashMap<>();
        for (String lang : ArticleExtractor.LANGUAGES) {
            out.put(lang, Lexicon.load(lang));
        }
        return out;
    }

    /** Runs the benchmark (JMH options may be given, e.g. {@code -f 5}) and prints the medians. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ExtractorStartupBenchmark.class.getName())
                .build()).run();
        System.out.println();
        System.out.println("median of one cold construction per fork:");
        for (RunResult r : results) {
            var stats = r.getPrimaryResult().getStatistics();
            System.out.printf("  %-16s %8.0f ms  (min %.0f, max %.0f, %d forks)%n",
                    r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1),
                    stats.getPercentile(50), stats.getMin(), stats.getMax(), stats.getN());
        }
    }
}
