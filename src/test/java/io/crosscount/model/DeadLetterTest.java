package io.crosscount.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscount.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    @Test
    void aSmallRecordIsKeptWholeAndNotMarkedTruncated() {
        DeadLetter d = DeadLetter.of(DeadLetterReason.MALFORMED_JSON, "not JSON", "articles", 2, 41L, 1L,
                "k".getBytes(StandardCharsets.UTF_8), "{oops".getBytes(StandardCharsets.UTF_8));

        assertThat(d.value()).isEqualTo("{oops");
        assertThat(d.valueTruncated()).isNull();
        assertThat(d.valueBytes()).isNull();
        assertThat(Json.write(d)).doesNotContain("value_truncated", "value_bytes");
    }

    @Test
    void aHugeRecordOfControlCharactersStillMakesADeadLetterUnderTheBrokersLimit() {
        byte[] controls = new byte[900_000];
        Arrays.fill(controls, (byte) 1);

        DeadLetter d = DeadLetter.of(DeadLetterReason.MALFORMED_JSON, "not JSON", "articles", 0, 7L, 1L, null, controls);

        assertThat(d.value()).hasSize(DeadLetter.MAX_VALUE_BYTES);
        assertThat(d.valueTruncated()).isTrue();
        assertThat(d.valueBytes()).isEqualTo(900_000);
        assertThat(Json.writeBytes(d).length).isLessThan(1_000_000);
    }

    @Test
    void truncationNeverCutsACharacterInTwo() {
        // 'é' is two bytes: an odd limit would fall in the middle of one.
        byte[] accents = "é".repeat(DeadLetter.MAX_VALUE_BYTES).getBytes(StandardCharsets.UTF_8);

        DeadLetter d = DeadLetter.of(DeadLetterReason.TOO_LARGE, "too large", "articles", 0, 7L, 1L, null, accents);

        assertThat(d.value()).matches("é+");
        assertThat(d.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DeadLetter.MAX_VALUE_BYTES);
        assertThat(d.valueBytes()).isEqualTo(accents.length);
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsBase64WithinTheSameBound() {
        byte[] latin1 = new byte[DeadLetter.MAX_VALUE_BYTES + 10];
        Arrays.fill(latin1, (byte) 0xE9);

        DeadLetter d = DeadLetter.of(DeadLetterReason.INVALID_ENCODING, "not UTF-8", "articles", 0, 7L, 1L,
                new byte[] {(byte) 0xFF}, latin1);

        assertThat(d.valueEncoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(d.value())).hasSize(DeadLetter.MAX_VALUE_BYTES);
        assertThat(d.valueTruncated()).isTrue();
        assertThat(d.key()).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF}));
    }
}
