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
import org.apache.flink.util.TimeUtils;

/**
 * {@code scripts/extract [--extraction-budget D] [FILE]}: Article JSONL in (FILE or stdin), one
 * Extraction per line out, in input order. A bad line, or an article whose extraction takes more
 * than the budget of CPU time (the job's default unless given), gives a DeadLetter line on
 * stderr and the run goes on.
 */
public final class ExtractCli {
    private static final String USAGE = "usage: scripts/extract [--extraction-budget DURATION] [FILE]   "
            + "(Article JSONL; reads stdin without FILE; budget e.g. '2 s', the default)";

    private ExtractCli() {}

    public static void main(String[] args) throws IOException {
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        Duration budget = PipelineSettings.DEFAULT_EXTRACTION_BUDGET;
        int option = rest.indexOf("--extraction-budget");
        if (option >= 0) {
            if (option + 1 >= rest.size()) {
                usage(2);
            }
            try {
                budget = TimeUtils.parseDuration(rest.get(option + 1));
            } catch (IllegalArgumentException e) {
                System.err.println("extract: --extraction-budget is '" + rest.get(option + 1)
                        + "', not a duration; write e.g. '2 s' or '500 ms'.");
                System.exit(2);
            }
            rest.subList(option, option + 2).clear();
        }
        if (rest.size() > 1 || (rest.size() == 1 && (rest.get(0).equals("--help") || rest.get(0).equals("-h")))) {
            usage(rest.size() > 1 ? 2 : 0);
        }
        List<RawRecord> records;
        String origin = rest.size() == 1 ? rest.get(0) : "stdin";
        try (InputStream in = rest.size() == 1 ? Files.newInputStream(Path.of(rest.get(0))) : System.in) {
            records = JsonLines.read(in, origin);
        } catch (NoSuchFileException e) {
            System.err.println("extract: no such file: " + rest.get(0));
            System.exit(2);
            return;
        }
        run(records, budget, System.out, System.err);
    }

    private static void usage(int status) {
        System.err.println(USAGE);
        System.exit(status);
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
                }
            }
            writer.flush();
            errors.println(Json.write(deadLetter));
        }
        writer.flush();
    }
}
