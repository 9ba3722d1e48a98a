package io.crosscount.cli;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.extract.ExtractionTimeoutException;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ParseResult;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.pipeline.DeadLetters;
import io.crosscount.pipeline.PipelineSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/extract [--extraction-budget D] [FILE]}: Article JSONL in (FILE or stdin), one
 * Extraction per line out, in input order. A bad line, or an article whose extraction takes more
 * than the budget of CPU time (the job's default unless given), gives a DeadLetter line on
 * stderr and the run goes on.
 */
@Command(name = "scripts/extract", mixinStandardHelpOptions = true, versionProvider = Tool.Version.class,
        description = {"Reads Article JSONL (FILE, or stdin without it) and writes one Extraction JSON line per "
                + "article to stdout, in input order. A bad line, or an article whose extraction takes more CPU time "
                + "than --extraction-budget, gives a DeadLetter line on stderr and the run goes on. Needs no Kafka "
                + "and no Flink cluster.", ""})
public final class ExtractCli implements Callable<Integer> {
    @Option(names = "--extraction-budget", paramLabel = "DURATION", converter = Tool.FlinkDuration.class,
            description = "CPU time one article's extraction may take, e.g. '2 s' (the job's default) or '500 ms'")
    Duration budget = PipelineSettings.DEFAULT_EXTRACTION_BUDGET;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Article JSONL (default: stdin)")
    Path file;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Tool.main(new ExtractCli(), "scripts/extract", args);
    }

    @Override
    public Integer call() throws IOException {
        List<RawRecord> records;
        try (InputStream in = file != null ? Files.newInputStream(file) : System.in) {
            records = JsonLines.read(in, file != null ? file.toString() : "stdin");
        } catch (NoSuchFileException e) {
            throw Tool.usageError(spec.commandLine(), "no such file: " + file);
        }
        run(records, budget, System.out, System.err);
        return 0;
    }

    /**
     * Writes one Extraction line per accepted record to {@code out}, a DeadLetter line per
     * rejected one (or one whose extraction spent more than {@code budget} of CPU time) to {@code err}.
     */
    public static void run(List<RawRecord> records, Duration budget, java.io.OutputStream out, java.io.OutputStream err)
            throws IOException {
        ArticleParser parser = new ArticleParser();
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (RawRecord record : records) {
            ParseResult result = parser.parse(record);
            DeadLetter deadLetter = result.deadLetter();
            if (result.isAccepted()) {
                try {
                    writer.write(Json.write(extractor.extract(result.article(), budget)));
                    writer.newLine();
                    continue;
                } catch (ExtractionTimeoutException e) {
                    deadLetter = ArticleParser.deadLetter(record, DeadLetterReason.EXTRACTION_TIMEOUT,
                            DeadLetters.extractionTimeoutDetail(e));
                } catch (RuntimeException e) { // as the job does: one article's failure stops no run
                    deadLetter = ArticleParser.deadLetter(record, DeadLetterReason.PROCESSING_ERROR,
                            DeadLetters.extractorFailureDetail(e));
                }
            }
            writer.flush();
            errors.println(Json.write(deadLetter));
        }
        writer.flush();
    }
}
