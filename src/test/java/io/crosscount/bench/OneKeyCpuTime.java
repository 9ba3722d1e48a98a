package io.crosscount.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of {@link OneKeyBenchmark} timed by the thread's CPU time instead of the wall
 * clock: on a machine shared with other builds the wall clock measures the queue for a core as
 * much as the code. Per size, after a warm-up, the median over rounds of the CPU time per claim.
 *
 *   java ... io.crosscount.bench.OneKeyCpuTime [outlets...]   (default 100 1000 5000)
 */
public final class OneKeyCpuTime {
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 5;

    private OneKeyCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] sizes = args.length == 0 ? new String[] {"100", "1000", "5000"} : args;
        System.out.printf("%-20s %8s %16s %16s%n", "benchmark", "outlets", "CPU us/claim", "min-max");
        for (String size : sizes) {
            for (boolean asJob : new boolean[] {false, true}) {
                OneKeyBenchmark bench = new OneKeyBenchmark();
                bench.outlets = Integer.parseInt(size);
                bench.setUp();
                List<Double> perClaim = new ArrayList<>();
                for (int round = -2; round < ROUNDS; round++) { // two rounds of warm-up
                    long start = threads.getCurrentThreadCpuTime();
                    long ops = 0;
                    while (threads.getCurrentThreadCpuTime() - start < ROUND_NANOS || ops < 2) {
                        if (asJob) {
                            bench.claimAsTheJobRunsIt();
                        } else {
                            bench.claimOnHeap();
                        }
                        ops++;
                    }
                    if (round >= 0) {
                        perClaim.add((threads.getCurrentThreadCpuTime() - start) / 1e3 / ops);
                    }
                }
                perClaim.sort(Double::compare);
                System.out.printf("%-20s %8s %16.1f %7.1f-%-8.1f%n", asJob ? "claimAsTheJobRunsIt" : "claimOnHeap",
                        size, perClaim.get(ROUNDS / 2), perClaim.get(0), perClaim.get(ROUNDS - 1));
            }
        }
    }
}
