package io.crosscount.cli;

import io.crosscount.extract.ArticleExtractor;
import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ParseResult;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scripts/extract [FILE]}: Article JSONL in (FILE or stdin), one Extraction per line out,
 * in input order. A bad line gives a DeadLetter line on stderr and the run goes on.
 */
public final class ExtractCli {
    private ExtractCli() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")))) {
            System.err.println("usage: scripts/extract [FILE]   (Article JSONL; reads stdin without FILE)");
            System.exit(args.length > 1 ? 2 : 0);
        }
        List<RawRecord> records;
        String origin = args.length == 1 ? args[0] : "stdin";
        try (InputStream in = args.length == 1 ? Files.newInputStream(Path.of(args[0])) : System.in) {
            records = JsonLines.read(in, origin);
        } catch (NoSuchFileException e) {
            System.err.println("extract: no such file: " + args[0]);
            System.exit(2);
            return;
        }
        run(records, System.out, System.err);
    }

    /** Writes one Extraction line per accepted record to {@code out}, a DeadLetter line per rejected one to {@code err}. */
    public static void run(List<RawRecord> records, java.io.OutputStream out, java.io.OutputStream err) throws IOException {
        ArticleParser parser = new ArticleParser();
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (RawRecord record : records) {
            ParseResult result = parser.parse(record);
            if (result.isAccepted()) {
                writer.write(Json.write(extractor.extract(result.article())));
                writer.newLine();
            } else {
                writer.flush();
                errors.println(Json.write(result.deadLetter()));
            }
        }
        writer.flush();
    }
}
