package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.app.JobConfig;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.pipeline.Outputs;
import io.crosscount.pipeline.Pipeline;
import io.crosscount.pipeline.PipelineSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/reconcile [FILE] --out DIR}: the whole pipeline over an Article JSONL file,
 * ordered by {@code published_at}, in a local Flink runtime; writes the four outputs as JSONL.
 * It runs the streaming job's operators on a bounded input (streaming execution, so that
 * triggers, deduplication and rules behave exactly as in the live job).
 */
public final class ReconcileCli {
    private ReconcileCli() {}

    /** Which output file a collected line belongs to. */
    public enum Output {
        EXTRACTIONS("extractions.jsonl"), AGGREGATES("aggregates.jsonl"),
        DISCREPANCIES("discrepancies.jsonl"), DEAD_LETTERS("dead-letters.jsonl");

        public final String fileName;

        Output(String fileName) {
            this.fileName = fileName;
        }
    }

    /** One output line tagged with its file; a POJO so it crosses Flink without Kryo. */
    public static class Line {
        public Output output;
        public String json;

        public Line() {}

        Line(Output output, String json) {
            this.output = output;
            this.json = json;
        }
    }

    /** The picocli command; the pipeline options of the job are added to it from {@link JobConfig#OPTIONS}. */
    @Command(name = "scripts/reconcile", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
            sortOptions = false,
            description = {"Runs the whole pipeline (the streaming job's operators, in a local Flink runtime) over an "
                    + "Article JSONL file ordered by published_at, and writes extractions.jsonl, aggregates.jsonl "
                    + "(final windows only), discrepancies.jsonl and dead-letters.jsonl into DIR. Needs no Kafka.",
                ""})
    static final class Cli implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Article JSONL (default: stdin)")
        Path file;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the four files")
        Path outDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, String> options = new LinkedHashMap<>();
            for (String name : JobConfig.PIPELINE_OPTIONS) {
                String value = spec.commandLine().getParseResult().matchedOptionValue("--" + name, null);
                if (value != null) {
                    options.put(name, value);
                }
            }
            PipelineSettings settings;
            try {
                settings = JobConfig.pipelineSettings(options);
            } catch (IllegalArgumentException e) {
                throw Tool.usageError(spec.commandLine(), e.getMessage());
            }
            List<RawRecord> records;
            try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
                records = JsonLines.read(in, file == null ? "stdin" : file.toString());
            } catch (NoSuchFileException e) {
                throw Tool.usageError(spec.commandLine(), "no such file: " + file);
            }
            Map<Output, Integer> counts = run(records, settings, outDir);
            counts.forEach((output, n) -> System.out.println(outDir.resolve(output.fileName) + ": " + n + " records"));
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cli = Tool.commandLine(new Cli(), "scripts/reconcile", System.out, System.err);
        for (JobConfig.Option option : JobConfig.OPTIONS) {
            if (JobConfig.PIPELINE_OPTIONS.contains(option.name())) {
                cli.getCommandSpec().addOption(OptionSpec.builder("--" + option.name()).paramLabel("VALUE")
                        .type(String.class).description(option.meaning().replace("%", "%%")
                                + (option.defaultValue() == null ? "" : " (default: " + option.defaultValue() + ")"))
                        .build());
            }
        }
        System.exit(cli.execute(args));
    }

    /** Runs the pipeline over {@code records} and writes the four files; returns their line counts. */
    public static Map<Output, Integer> run(List<RawRecord> records, PipelineSettings settings, Path outDir)
            throws Exception {
        List<RawRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(ReconcileCli::publishedAtOrMin)); // stable: ties keep input order
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(1);
        DataStream<RawRecord> raw = ordered.isEmpty()
                ? env.fromData(TypeInformation.of(RawRecord.class), new RawRecord[0])
                : env.fromData(ordered, TypeInformation.of(RawRecord.class));
        return writeJsonl(Pipeline.define(Pipeline.readRecords(raw, settings), settings), outDir, "crosscount-reconcile",
                line -> { });
    }

    /**
     * Runs the job of {@code outputs} and writes its four outputs as JSONL files into
     * {@code outDir} (aggregates: final windows only); {@code onLine} sees every line as it is
     * written, for progress. Shared by reconcile and replay.
     */
    public static Map<Output, Integer> writeJsonl(Outputs outputs, Path outDir, String jobName,
                                                  java.util.function.Consumer<Line> onLine) throws Exception {
        DataStream<Line> lines = outputs.extractions().map(e -> new Line(Output.EXTRACTIONS, Json.write(e)))
                .union(outputs.aggregates().filter(a -> a.isFinal()).map(a -> new Line(Output.AGGREGATES, Json.write(a))),
                        outputs.discrepancies().map(d -> new Line(Output.DISCREPANCIES, Json.write(d))),
                        outputs.deadLetters().map(d -> new Line(Output.DEAD_LETTERS, Json.write(d))));
        Files.createDirectories(outDir);
        Map<Output, BufferedWriter> writers = new EnumMap<>(Output.class);
        Map<Output, Integer> counts = new EnumMap<>(Output.class);
        for (Output o : Output.values()) {
            writers.put(o, Files.newBufferedWriter(outDir.resolve(o.fileName), StandardCharsets.UTF_8));
            counts.put(o, 0);
        }
        try (CloseableIterator<Line> it = lines.executeAndCollect(jobName)) {
            while (it.hasNext()) {
                Line line = it.next();
                BufferedWriter w = writers.get(line.output);
                w.write(line.json);
                w.newLine();
                counts.merge(line.output, 1, Integer::sum);
                onLine.accept(line);
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        return counts;
    }

    private static Instant publishedAtOrMin(RawRecord r) {
        try {
            JsonNode node = Json.MAPPER.readTree(r.value()).get("published_at");
            return node != null && node.isTextual()
                    ? OffsetDateTime.parse(node.textValue()).toInstant() : Instant.MIN;
        } catch (IOException | RuntimeException e) {
            return Instant.MIN; // unreadable records sort first; the pipeline turns them into dead letters
        }
    }
}
