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

/**
 * {@code scripts/generate-articles}: a {@link SyntheticStream} as Article JSONL on stdout, in
 * arrival order, and optionally its ground truth as JSON.
 */
public final class GenerateArticles {
    private static final String USAGE = "usage: scripts/generate-articles COUNT [--days 7] [--seed 1] "
            + "[--body-chars 4000] [--start 2024-02-01T00:00:00Z] [--truth FILE] [--arabic]\n"
            + "  --arabic adds an outlet writing in Arabic: five languages instead of four";

    private GenerateArticles() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !args[0].matches("\\d+")) {
            fail("COUNT (a number of articles) comes first");
        }
        int count = Integer.parseInt(args[0]);
        int days = 7;
        long seed = 1;
        int bodyChars = 4000;
        Instant start = Instant.parse("2024-02-01T00:00:00Z");
        Path truthFile = null;
        boolean arabic = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--arabic")) {
                arabic = true;
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                fail(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--body-chars" -> bodyChars = Integer.parseInt(value);
                case "--start" -> start = Instant.parse(value);
                case "--truth" -> truthFile = Path.of(value);
                default -> fail("unknown option " + args[i]);
            }
            i++;
        }
        SyntheticStream stream;
        try {
            stream = SyntheticStream.generate(count, days, seed, start, bodyChars, arabic);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
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
    }

    private static void fail(String message) {
        System.err.println("generate-articles: " + message + "\n" + USAGE);
        System.exit(2);
    }
}
