package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * {@code scripts/verify-failover}'s judge: compares the outputs of a run (exported read_committed
 * with {@code scripts/export}, one JSONL file per topic) with those of an uninterrupted reference
 * run of the same input, and counts what was lost, duplicated or differs.
 *
 * <p>Each output is compared by an identity: an extraction by its article id; a final aggregate by
 * its key and window (a window's final result may be revised by late claims, so an identity may
 * hold several records); a discrepancy by key, window, kind and the article ids of its evidence
 * (the job emits one per key, window, kind and set of claims); a dead letter by reason and input
 * coordinates. Per identity: records the reference has and the run lacks are lost, records beyond
 * the reference's count are duplicated, an identity whose distinct records are not the
 * reference's differs, and records of identities the reference lacks are unexpected.
 */
public final class CompareOutputs {
    private CompareOutputs() {}

    /** One output: its file name, how its records are identified, and which records count. */
    public record Output(String file, String identity, Function<JsonNode, String> identify, Predicate<JsonNode> counted) {}

    /** What the run has against the reference, in records (differing: in identities). */
    public record Counts(String output, String identity, long reference, long run, long lost, long duplicated,
                         long differing, long unexpected, List<String> examples) {
        public boolean clean() {
            return lost == 0 && duplicated == 0 && differing == 0 && unexpected == 0;
        }

        public String line() {
            return String.format(Locale.ROOT, "%-17s reference %6d  run %6d  lost %d  duplicated %d  differing %d  "
                    + "unexpected %d   (by %s)", output, reference, run, lost, duplicated, differing, unexpected, identity);
        }
    }

    /** The four outputs of the job, as {@code scripts/verify-failover} exports them. */
    public static final List<Output> OUTPUTS = List.of(
            new Output("extractions", "article id", r -> r.path("article_id").asText(), r -> true),
            new Output("aggregates", "key, window; final ones only",
                    r -> key(r) + " " + r.path("window_start").asText(), r -> r.path("final").asBoolean()),
            new Output("discrepancies", "key, window, kind, evidence", r -> key(r) + " " + r.path("window_start").asText()
                    + " " + r.path("kind").asText() + " " + evidence(r), r -> true),
            new Output("dead-letters", "reason, partition, offset", r -> r.path("reason").asText() + " "
                    + r.path("partition").asText() + ":" + r.path("offset").asText() + " " + r.path("key").asText(), r -> true));

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CompareOutputs REFERENCE_DIR RUN_DIR  (each with extractions.jsonl, "
                    + "aggregates.jsonl, discrepancies.jsonl, dead-letters.jsonl)");
            System.exit(2);
            return;
        }
        boolean clean = true;
        for (Output output : OUTPUTS) {
            Counts counts = compare(output, read(Path.of(args[0]), output), read(Path.of(args[1]), output));
            System.out.println(counts.line());
            counts.examples().forEach(e -> System.out.println("    " + e));
            clean &= counts.clean();
        }
        System.exit(clean ? 0 : 1);
    }

    private static List<JsonNode> read(Path dir, Output output) throws IOException {
        Path file = dir.resolve(output.file() + ".jsonl");
        List<JsonNode> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            JsonLines.forEach(in, file.toString(), line -> records.add(Json.MAPPER.readTree(line.value())));
        }
        return records;
    }

    /** Compares the counted records of one output; at most five examples of what is wrong. */
    public static Counts compare(Output output, List<JsonNode> reference, List<JsonNode> run) {
        Map<String, List<JsonNode>> expected = group(output, reference);
        Map<String, List<JsonNode>> actual = group(output, run);
        long lost = 0;
        long duplicated = 0;
        long differing = 0;
        long unexpected = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : expected.entrySet()) {
            List<JsonNode> got = actual.getOrDefault(e.getKey(), List.of());
            int r = e.getValue().size();
            int n = got.size();
            if (n < r) {
                lost += r - n;
                example(examples, "lost " + (r - n) + " of " + r + ": " + e.getKey());
            } else if (n > r) {
                duplicated += n - r;
                example(examples, "duplicated " + (n - r) + " beyond " + r + ": " + e.getKey());
            }
            if (n > 0 && !distinct(got).equals(distinct(e.getValue()))) {
                differing++;
                example(examples, "differs: " + e.getKey());
            }
        }
        for (Map.Entry<String, List<JsonNode>> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                unexpected += e.getValue().size();
                example(examples, "unexpected: " + e.getKey());
            }
        }
        return new Counts(output.file(), output.identity(), count(expected), count(actual), lost, duplicated, differing,
                unexpected, examples);
    }

    private static Map<String, List<JsonNode>> group(Output output, List<JsonNode> records) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode r : records) {
            if (output.counted().test(r)) {
                groups.computeIfAbsent(output.identify().apply(r), k -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }

    /** The distinct records of an identity (JSON trees compare by value, field order aside). */
    private static Set<JsonNode> distinct(List<JsonNode> records) {
        return new HashSet<>(records);
    }

    private static long count(Map<String, List<JsonNode>> groups) {
        return groups.values().stream().mapToLong(List::size).sum();
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }

    /** The aggregation key, as the topics' record keys spell it: metric/subject/location[/group]. */
    private static String key(JsonNode r) {
        String key = r.path("metric").asText() + "/" + r.path("subject").asText() + "/" + r.path("location").asText();
        JsonNode group = r.path("group");
        return group.isTextual() ? key + "/" + group.asText() : key;
    }

    private static String evidence(JsonNode r) {
        TreeSet<String> ids = new TreeSet<>();
        StreamSupport.stream(r.path("claims").spliterator(), false)
                .map(c -> c.path("article_id").asText())
                .filter(Objects::nonNull)
                .forEach(ids::add);
        return String.join(",", ids);
    }
}
