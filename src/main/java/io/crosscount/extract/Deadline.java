package io.crosscount.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * How long one article's extraction may still run, checked by the extractor's loops (per
 * candidate figure, per cue, per title...) so that an article built to be slow stops instead of
 * holding its task for minutes. It counts the CPU time of the thread that started it, not the
 * wall clock: a busy TaskManager, a garbage collection or a checkpoint must not turn an ordinary
 * article into a timeout; only the article's own work counts. One per extraction, used by one
 * thread; {@link #NONE} (no bound) is shared.
 */
final class Deadline {
    /** Reading a thread's CPU time costs up to a microsecond: one check in this many reads it. */
    private static final int READ_EVERY = 256;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** Never expires. */
    static final Deadline NONE = new Deadline(null, 0);

    private final Duration budget;
    private final long budgetNanos;
    private final long started;
    private int checks;

    private Deadline(Duration budget, long started) {
        this.budget = budget;
        this.budgetNanos = budget == null ? Long.MAX_VALUE : budget.toNanos();
        this.started = started;
    }

    /** Starts the clock now, on the calling thread, with {@code budget} to spend. */
    static Deadline start(Duration budget) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("An extraction budget cannot be negative: " + budget);
        }
        return new Deadline(budget, now());
    }

    /**
     * Throws when the budget is spent. Cheap: the clock is read at the first check and then once
     * every {@value #READ_EVERY}, so a budget of zero stops an extraction at its first check.
     *
     * @param stage what the extractor was doing, named in the exception
     * @throws ExtractionTimeoutException when the budget is spent
     */
    void check(String stage) {
        if (budget == null || (checks++ & (READ_EVERY - 1)) != 0) {
            return;
        }
        long spent = now() - started;
        if (spent >= budgetNanos) {
            throw new ExtractionTimeoutException(budget, Duration.ofNanos(spent), stage);
        }
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
