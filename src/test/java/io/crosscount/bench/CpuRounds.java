package io.crosscount.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Rounds timed by the calling thread's CPU time, for the benchmarks that alternate two
 * operations: on a machine shared with builds the wall clock measures the wait for a core as much
 * as the code.
 */
final class CpuRounds {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** An operation that may throw (a reflective call into another class loader). */
    interface Operation {
        void run() throws Exception;
    }

    private CpuRounds() {}

    /** Runs {@code op} for {@code nanos} of this thread's CPU time; operations per CPU second. */
    static double perCpuSecond(long nanos, Operation op) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < nanos) {
            op.run();
            ops++;
        }
        return ops * 1e9 / (THREADS.getCurrentThreadCpuTime() - start);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
