package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A record the job could not accept, with where it was read and its original bytes. {@code value}
 * is the original text, or base64 with {@code value_encoding = "base64"} when it was not valid
 * UTF-8. The value is kept up to {@link #MAX_VALUE_BYTES}: beyond that, {@code value_truncated} is
 * true and {@code value_bytes} gives the original size (both additions to the contract), and the
 * whole record is still where {@code topic}, {@code partition} and {@code offset} say.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeadLetter(
        DeadLetterReason reason,
        String detail,
        String topic,
        Integer partition,
        Long offset,
        Long timestamp,
        String key,
        String value,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("value_encoding") String valueEncoding,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("value_truncated") Boolean valueTruncated,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("value_bytes") Integer valueBytes) {

    /**
     * The most of a record's value a dead letter keeps. A dead letter must fit in a Kafka record
     * (1 MB by default): JSON escaping can make a control character six characters long, and
     * 100 kB of them is 600 kB.
     */
    public static final int MAX_VALUE_BYTES = 100_000;
    /** The most of a record's key a dead letter keeps. */
    public static final int MAX_KEY_BYTES = 1_000;

    /** The one way to make a dead letter: bounds the key and value and says when it did. */
    public static DeadLetter of(DeadLetterReason reason, String detail, String topic, Integer partition, Long offset,
                                Long timestamp, byte[] key, byte[] value) {
        Kept keptKey = Kept.of(key, MAX_KEY_BYTES);
        Kept keptValue = Kept.of(value, MAX_VALUE_BYTES);
        boolean truncated = value != null && value.length > MAX_VALUE_BYTES;
        return new DeadLetter(reason, detail, topic, partition, offset, timestamp, keptKey.text(), keptValue.text(),
                keptValue.base64() ? "base64" : null, truncated ? Boolean.TRUE : null, truncated ? value.length : null);
    }

    /** Bytes as UTF-8 text, or base64 when they are not; at most {@code limit} of them. */
    private record Kept(String text, boolean base64) {
        static Kept of(byte[] bytes, int limit) {
            if (bytes == null) {
                return new Kept(null, false);
            }
            if (!isUtf8(bytes)) {
                return new Kept(Base64.getEncoder().encodeToString(
                        bytes.length > limit ? Arrays.copyOf(bytes, limit) : bytes), true);
            }
            int end = Math.min(bytes.length, limit);
            // Never cut a character in two: back off over continuation bytes (10xxxxxx).
            while (end < bytes.length && end > 0 && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            return new Kept(new String(bytes, 0, end, StandardCharsets.UTF_8), false);
        }

        private static boolean isUtf8(byte[] bytes) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }
}
