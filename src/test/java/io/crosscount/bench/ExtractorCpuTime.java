package io.crosscount.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole extractor and the bare scan of {@link ExtractorBenchmark}, timed by the thread's CPU
 * time instead of the wall clock: on a machine shared with builds the wall clock measures the
 * wait for a core as much as the code. The two alternate round by round, so that a slow spell
 * of the machine falls on both; it prints the median articles per CPU second of each and the
 * median of the per-round ratios, the figure the "within 2x of the bare scan" is about.
 *
 *   scripts/bench-extractor --cpu [rounds]   (default 7 rounds of 2 CPU seconds each)
 */
public final class ExtractorCpuTime {
    private static final long ROUND_NANOS = 2_000_000_000L;

    private ExtractorCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length == 0 ? 7 : Integer.parseInt(args[0]);
        ExtractorBenchmark bench = new ExtractorBenchmark();
        bench.setUp();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        double[] whole = new double[rounds];
        double[] bare = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up
            double w = CpuRounds.perCpuSecond(ROUND_NANOS, () -> bh.consume(bench.wholeExtractor()));
            double b = CpuRounds.perCpuSecond(ROUND_NANOS, () -> bench.bareScan(bh));
            if (round >= 0) {
                whole[round] = w;
                bare[round] = b;
                ratios[round] = w / b;
                System.out.printf("round %d: whole %,.0f/s, bare scan %,.0f/s, ratio %.3f%n", round + 1, w, b, w / b);
            }
        }
        double medianWhole = CpuRounds.median(whole);
        System.out.printf("extractor CPU time: whole %,.0f articles/s (%.1f MB/s), bare scan %,.0f/s, ratio %.3f (medians of %d rounds)%n",
                medianWhole, medianWhole * ExtractorBenchmark.ARTICLE_BYTES / 1e6, CpuRounds.median(bare),
                CpuRounds.median(ratios), rounds);
    }
}
