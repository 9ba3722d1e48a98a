package io.crosscount.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.model.Article;
import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import io.crosscount.json.Json;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns raw bytes into a valid {@link Article} or a {@link DeadLetter} whose detail tells a
 * person what was wrong and what to do. Plain Java: used by the job, the CLI tools and tests.
 */
public final class ArticleParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bodies beyond this are refused: no news article is this long, and state must stay small. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    /**
     * Publication dates outside this range are refused: Kafka timestamps (which outputs carry)
     * start at 1970, and a year in the millions overflows event time in milliseconds.
     */
    static final Instant EARLIEST_PUBLICATION = Instant.EPOCH;
    static final Instant LATEST_PUBLICATION = Instant.parse("9999-12-31T23:59:59Z");

    private final int maxBytes;

    public ArticleParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public ArticleParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ParseResult parse(RawRecord raw) {
        byte[] bytes = raw.value();
        if (bytes == null || bytes.length == 0) {
            return reject(raw, DeadLetterReason.MALFORMED_JSON,
                    "The record has no value. Send one Article JSON object per record.");
        }
        if (bytes.length > maxBytes) {
            return reject(raw, DeadLetterReason.TOO_LARGE, String.format(Locale.ROOT,
                    "The record is %d bytes; the limit is %d. Split the article or raise max-article-bytes.",
                    bytes.length, maxBytes));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return reject(raw, DeadLetterReason.INVALID_ENCODING,
                    "The record is not valid UTF-8 (" + e.getMessage()
                            + "). Re-encode the article as UTF-8 before producing it.");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            // Jackson's limits (nesting depth, number and string lengths) protect the job; such an
            // exception carries no location.
            return reject(raw, DeadLetterReason.MALFORMED_JSON,
                    "The record exceeds a JSON parser limit: " + e.getOriginalMessage()
                            + ". An article is a flat JSON object of strings; send it without deep nesting "
                            + "or huge numbers.");
        } catch (JsonProcessingException e) {
            return reject(raw, DeadLetterReason.MALFORMED_JSON,
                    "The record is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()) + ".");
        }
        if (root == null || !root.isObject()) {
            return reject(raw, DeadLetterReason.MALFORMED_JSON,
                    "The record is JSON but not an object; send one Article object per record.");
        }
        try {
            return ParseResult.accepted(toArticle(root));
        } catch (InvalidArticleException e) {
            return reject(raw, e.reason, e.getMessage());
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Article toArticle(JsonNode root) throws InvalidArticleException {
        String id = requiredString(root, "id");
        String source = requiredString(root, "source");
        String body = requiredString(root, "body");
        String publishedText = requiredString(root, "published_at");
        Instant publishedAt;
        try {
            publishedAt = OffsetDateTime.parse(publishedText).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field 'published_at' is '" + publishedText
                            + "', not an ISO-8601 timestamp with an offset such as 2024-01-26T18:00:00Z.");
        }
        if (publishedAt.isBefore(EARLIEST_PUBLICATION) || publishedAt.isAfter(LATEST_PUBLICATION)) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field 'published_at' is " + publishedText + ", outside the dates an article can carry ("
                            + EARLIEST_PUBLICATION + " to " + LATEST_PUBLICATION + "); correct it and send the article again.");
        }
        if (id.isBlank()) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field 'id' is blank; give every article a unique id.");
        }
        if (source.isBlank()) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field 'source' is blank; name the outlet that published the article.");
        }
        String lang = optionalString(root, "lang");
        if (lang != null && !lang.matches("[a-zA-Z]{2}")) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field 'lang' is '" + lang + "', not an ISO 639-1 code such as 'fr'; omit it to have it detected.");
        }
        return new Article(id, source, publishedAt, body,
                optionalString(root, "title"), optionalString(root, "url"),
                lang == null ? null : lang.toLowerCase(Locale.ROOT));
    }

    private static String requiredString(JsonNode root, String field) throws InvalidArticleException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidArticleException(DeadLetterReason.MISSING_FIELD,
                    "Required field '" + field + "' is missing; see the Article table in the README's contract section.");
        }
        if (!node.isTextual()) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Field '" + field + "' must be a string but is " + describe(node) + ".");
        }
        return node.textValue();
    }

    private static String optionalString(JsonNode root, String field) throws InvalidArticleException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD,
                    "Optional field '" + field + "' must be a string or null but is " + describe(node) + ".");
        }
        return node.textValue();
    }

    private static String describe(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A dead letter for {@code raw}, keeping its original bytes (base64 when not UTF-8). */
    public static ParseResult reject(RawRecord raw, DeadLetterReason reason, String detail) {
        return ParseResult.rejected(deadLetter(raw, reason, detail));
    }

    public static DeadLetter deadLetter(RawRecord raw, DeadLetterReason reason, String detail) {
        return DeadLetter.of(reason, detail, raw.topic(),
                raw.partition() < 0 ? null : raw.partition(),
                raw.offset() < 0 ? null : raw.offset(),
                raw.timestamp() < 0 ? null : raw.timestamp(),
                raw.key(), raw.value());
    }

    private static final class InvalidArticleException extends Exception {
        private static final long serialVersionUID = 1L;
        final DeadLetterReason reason;

        InvalidArticleException(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
