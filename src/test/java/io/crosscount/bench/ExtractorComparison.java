package io.crosscount.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole extractor of this checkout against another checkout's, in one JVM: each is loaded
 * by its own class loader from its {@code target/classes} and {@code target/test-classes} (with
 * this JVM's dependencies), both run {@link ExtractorBenchmark#wholeExtractor} on the same
 * articles (this checkout's samples), and rounds of one CPU second alternate between them, the
 * order swapped every round. A busy machine slows both alike, so the per-round ratio holds where
 * two separate runs differ by more than the change measured.
 *
 *   scripts/bench-extractor --compare OTHER_CHECKOUT [rounds]   (default 15)
 */
public final class ExtractorComparison {
    private static final long ROUND_NANOS = 1_000_000_000L;

    private ExtractorComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ExtractorComparison OTHER_CHECKOUT [rounds]");
        }
        Path here = Path.of("").toAbsolutePath();
        Path other = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<URL> dependencies = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().startsWith(here.resolve("target"))) {
                dependencies.add(Path.of(entry).toUri().toURL());
            }
        }
        Path[] roots = {other, here};
        Object[] benches = new Object[2];
        Method[] whole = new Method[2];
        for (int v = 0; v < 2; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(roots[v].resolve("target/test-classes").toUri().toURL());
            urls.add(roots[v].resolve("target/classes").toUri().toURL());
            urls.addAll(dependencies);
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> bench = loader.loadClass(ExtractorBenchmark.class.getName());
            benches[v] = bench.getConstructor().newInstance();
            bench.getMethod("setUp").invoke(benches[v]);
            whole[v] = bench.getMethod("wholeExtractor");
        }
        double[][] rates = new double[2][rounds];
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (int k = 0; k < 2; k++) {
                int v = (round & 1) == 0 ? k : 1 - k;
                double rate = CpuRounds.perCpuSecond(ROUND_NANOS, () -> whole[v].invoke(benches[v]));
                if (round >= 0) {
                    rates[v][round] = rate;
                }
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = rates[1][r] / rates[0][r];
        }
        System.out.printf("other checkout %s: %,.0f articles/s (median CPU time)%n", other, CpuRounds.median(rates[0]));
        System.out.printf("this checkout  %s: %,.0f articles/s%n", here, CpuRounds.median(rates[1]));
        System.out.printf("this / other, per round: median %.3f (min %.3f, max %.3f, %d rounds)%n", CpuRounds.median(ratios),
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0), rounds);
    }
}
