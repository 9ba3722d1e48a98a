package io.crosscount.extract;

import java.time.Duration;

/**
 * An article's extraction spent its budget ({@link Deadline}) and was stopped: no partial result,
 * since a figure found before the stop may lack what a later rule would have said about it.
 */
public final class ExtractionTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration budget;
    private final String stage;

    ExtractionTimeoutException(Duration budget, Duration spent, String stage) {
        super("it spent " + millis(spent) + " of CPU time, over its budget of " + millis(budget) + ", while " + stage);
        this.budget = budget;
        this.stage = stage;
    }

    public Duration budget() {
        return budget;
    }

    /** What the extractor was doing when it stopped ("reading figures", "attributing figures"...). */
    public String stage() {
        return stage;
    }

    private static String millis(Duration d) {
        return String.format(java.util.Locale.ROOT, d.toMillis() >= 10 ? "%.0f ms" : "%.3f ms", d.toNanos() / 1e6);
    }
}
