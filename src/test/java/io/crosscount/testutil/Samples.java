package io.crosscount.testutil;

import io.crosscount.ingest.ArticleParser;
import io.crosscount.ingest.ParseResult;
import io.crosscount.ingest.RawRecord;
import io.crosscount.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The project's sample articles (under {@code src/samples}) and small article builders for tests. */
public final class Samples {
    public static final Path DIR = Path.of("src/samples");
    public static final Path SEED = DIR.resolve("seed-article-fr.json");
    public static final Path ARTICLES = DIR.resolve("articles.jsonl");

    private Samples() {}

    public static String seedJson() {
        return read(SEED).strip();
    }

    public static Article seedArticle() {
        return parse(seedJson());
    }

    public static List<String> articleLines() {
        return read(ARTICLES).lines().filter(l -> !l.isBlank()).toList();
    }

    public static Article parse(String json) {
        ParseResult r = new ArticleParser().parse(raw(json));
        if (!r.isAccepted()) {
            throw new IllegalArgumentException("Not a valid article: " + r.deadLetter().detail());
        }
        return r.article();
    }

    public static RawRecord raw(String json) {
        return new RawRecord("test", 0, 0, 0, null, json.getBytes(StandardCharsets.UTF_8));
    }

    public static Article article(String id, String source, String lang, String publishedAt, String body) {
        return new Article(id, source, Instant.parse(publishedAt), body, null, null, lang);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language of {@link #slowToExtract}'s body. */
    public static final String SLOW_LANG = "de";

    /**
     * A German body ({@link #SLOW_LANG}) the extractor needs minutes for unbounded: one clause of
     * releases by an armed group ("Die Hamas ließ 3 Geiseln und ..."), each release verb reading
     * on to the clause's end for its particle ("frei"). What the extraction budget exists for.
     * (The English one used before, "reportedly 3 killed according to Hamas, ...", is linear
     * since each sentence's source is read once, not once per figure.)
     */
    public static String slowToExtract(int chars) {
        StringBuilder body = new StringBuilder(chars + 64);
        for (int i = 0; body.length() < chars; i++) {
            body.append("Die Hamas ließ ").append(i % 900 + 2).append(" Geiseln und ");
        }
        return body.toString();
    }
}
