package io.crosscount.generate;

import io.crosscount.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/generate-articles}: a {@link SyntheticStream} as Article JSONL on stdout, in
 * arrival order, and optionally its ground truth as JSON.
 */
@Command(name = "scripts/generate-articles", mixinStandardHelpOptions = true,
        versionProvider = io.crosscount.cli.Tool.Version.class, sortOptions = false,
        description = {"Writes a synthetic multi-source article stream with known ground truth to stdout, as Article "
                + "JSONL in arrival order: ten outlets and two agencies in English, French, Spanish and German report "
                + "two cumulative tolls (or with --keys many) growing over the days, with injected conflicts, regressions, outliers, stale "
                + "sources, syndicated copies, late and re-sent articles.", ""})
public final class GenerateArticles implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COUNT", description = "how many articles")
    int count;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "7", description = "days the stream spans "
            + "(default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--body-chars", paramLabel = "N", defaultValue = "4000",
            description = "length of an article's body (default: ${DEFAULT-VALUE})")
    int bodyChars;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = "2024-02-01T00:00:00Z",
            converter = io.crosscount.cli.Tool.IsoInstant.class,
            description = "when the stream starts, ISO-8601 (default: ${DEFAULT-VALUE})")
    Instant start;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write what the pipeline must find: the "
            + "discrepancies by key, window and kind, the injected case of each window, the number of late claims")
    Path truthFile;

    @Option(names = "--arabic", description = "add an outlet writing in Arabic: five languages instead of four")
    boolean arabic;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "0", description = "spread the figures over N "
            + "aggregation keys (1-96: eight places, killed, wounded and displaced, everyone or "
            + "children, women, civilians), the first keys busier than the last, honest sources a little apart; "
            + "0, the default: the two stories")
    int keys;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        io.crosscount.cli.Tool.main(new GenerateArticles(), "scripts/generate-articles", args);
    }

    @Override
    public Integer call() throws IOException {
        SyntheticStream stream;
        try {
            stream = SyntheticStream.generate(count, days, seed, start, bodyChars, arabic, keys);
        } catch (IllegalArgumentException e) {
            throw io.crosscount.cli.Tool.usageError(spec.commandLine(), e.getMessage());
        }
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (SyntheticStream.Generated a : stream.arrivals()) {
                out.write(a.json());
                out.newLine();
            }
        }
        if (truthFile != null) {
            SyntheticStream.Truth truth = stream.truth();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("articles", stream.arrivals().size());
            json.put("cases", truth.cases());
            json.put("discrepancies", truth.discrepancies().stream()
                    .sorted(java.util.Comparator.comparing(SyntheticStream.Expected::windowStart)
                            .thenComparing(SyntheticStream.Expected::key).thenComparing(SyntheticStream.Expected::kind))
                    .map(e -> Map.of("key", e.key(), "window_start", e.windowStart().toString(), "kind",
                            e.kind().wireName()))
                    .toList());
            json.put("late_claims", truth.lateClaims());
            json.put("independent_reports_per_window", truth.reportsPerWindow());
            Files.writeString(truthFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        }
        return 0;
    }
}
