package io.crosscount.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.model.DeadLetter;
import io.crosscount.model.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleParserTest {
    private final ArticleParser parser = new ArticleParser(2000);

    private static RawRecord raw(byte[] value) {
        return new RawRecord("articles", 3, 42L, 1706292000000L, "k1".getBytes(StandardCharsets.UTF_8), value);
    }

    private static RawRecord raw(String value) {
        return raw(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAValidArticleAndIgnoresUnknownFields() {
        ParseResult r = parser.parse(raw("""
                {"id":"a1","source":"AFP","published_at":"2024-01-26T19:00:00+01:00","body":"Texte.","lang":"FR","extra":1}"""));
        assertThat(r.isAccepted()).isTrue();
        assertThat(r.article().id()).isEqualTo("a1");
        assertThat(r.article().publishedAt()).isEqualTo(Instant.parse("2024-01-26T18:00:00Z"));
        assertThat(r.article().lang()).isEqualTo("fr");
        assertThat(r.article().title()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not json                 | {"id":"a1",                                                        | malformed_json  | not valid JSON
        json array               | [1,2]                                                              | malformed_json  | not an object
        missing published_at     | {"id":"a1","source":"AFP","body":"x"}                              | missing_field   | 'published_at' is missing
        body not a string        | {"id":"a1","source":"AFP","published_at":"2024-01-26T18:00:00Z","body":42} | invalid_field | 'body' must be a string but is a JSON number
        published_at not a time  | {"id":"a1","source":"AFP","published_at":"yesterday","body":"x"}   | invalid_field   | not an ISO-8601 timestamp
        year 999999999           | {"id":"a1","source":"AFP","published_at":"+999999999-12-31T23:59:59Z","body":"x"} | invalid_field | outside the dates an article can carry
        before 1970              | {"id":"a1","source":"AFP","published_at":"1969-12-31T23:59:59Z","body":"x"} | invalid_field | outside the dates an article can carry
        number of 200 digits     | {"id":"a1","source":"AFP","published_at":"2024-01-26T18:00:00Z","body":"x","n":99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999} | malformed_json | parser limit
        blank id                 | {"id":" ","source":"AFP","published_at":"2024-01-26T18:00:00Z","body":"x"} | invalid_field | 'id' is blank
        bad lang                 | {"id":"a1","source":"AFP","published_at":"2024-01-26T18:00:00Z","body":"x","lang":"french"} | invalid_field | not an ISO 639-1 code
        """)
    void rejectsWithAReasonAndKeepsTheOriginal(String name, String value, String reason, String detailPart) {
        ParseResult r = parser.parse(raw(value));
        assertThat(r.isAccepted()).isFalse();
        DeadLetter d = r.deadLetter();
        assertThat(d.reason().wireName()).isEqualTo(reason);
        assertThat(d.detail()).contains(detailPart);
        assertThat(d.value()).isEqualTo(value);
        assertThat(d.valueEncoding()).isNull();
        assertThat(d.topic()).isEqualTo("articles");
        assertThat(d.partition()).isEqualTo(3);
        assertThat(d.offset()).isEqualTo(42L);
        assertThat(d.timestamp()).isEqualTo(1706292000000L);
        assertThat(d.key()).isEqualTo("k1");
    }

    @Test
    void invalidUtf8IsKeptAsBase64() {
        byte[] bytes = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        DeadLetter d = parser.parse(raw(bytes)).deadLetter();
        assertThat(d.reason()).isEqualTo(DeadLetterReason.INVALID_ENCODING);
        assertThat(d.detail()).contains("not valid UTF-8").contains("Re-encode");
        assertThat(d.valueEncoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(d.value())).isEqualTo(bytes);
    }

    @Test
    void oversizedRecordsAreRejectedBeforeParsing() {
        DeadLetter d = parser.parse(raw("x".repeat(2001))).deadLetter();
        assertThat(d.reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
        assertThat(d.detail()).contains("2001 bytes").contains("limit is 2000");
    }

    @Test
    void emptyValueIsMalformed() {
        DeadLetter d = parser.parse(raw(new byte[0])).deadLetter();
        assertThat(d.reason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
        assertThat(d.detail()).contains("no value");
    }

    @Test
    void aRecordNestedThousandsOfLevelsDeepIsADeadLetterThatSaysWhatToDo() {
        ArticleParser roomy = new ArticleParser(ArticleParser.DEFAULT_MAX_BYTES);
        for (String nested : new String[] {"[".repeat(5000) + "]".repeat(5000),
                                           "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)}) {
            ParseResult r = roomy.parse(raw(nested));
            assertThat(r.isAccepted()).isFalse();
            assertThat(r.deadLetter().reason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
            assertThat(r.deadLetter().detail()).contains("nesting", "flat JSON object");
            assertThat(r.deadLetter().value()).isEqualTo(nested);
        }
    }
}
