package io.crosscount.testutil;

import io.crosscount.app.JobConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics of one unbounded job in a test, named after the run: {@code RUN-articles} with
 * three partitions (read at parallelism 2, so order across partitions matters) and the outputs
 * {@code RUN-extractions}, {@code -aggregates}, {@code -discrepancies} and {@code -dead}.
 */
public final class LiveJobTopics {
    private LiveJobTopics() {}

    /** Creates the topics and returns the job's configuration on them, from the earliest offsets, checkpointing every second. */
    public static JobConfig create(String run, String... moreOptions) {
        KafkaBrokerExtension.createTopic(run + "-articles", 3);
        for (String output : List.of("extractions", "aggregates", "discrepancies", "dead")) {
            KafkaBrokerExtension.createTopic(run + "-" + output, 1);
        }
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(), "--input-topic", run + "-articles",
                "--extractions-topic", run + "-extractions", "--aggregates-topic", run + "-aggregates",
                "--discrepancies-topic", run + "-discrepancies", "--dead-letters-topic", run + "-dead",
                "--group-id", run, "--starting-offsets", "earliest", "--checkpoint-interval", "1 s"));
        args.addAll(List.of(moreOptions));
        return JobConfig.parse(args.toArray(String[]::new));
    }
}
