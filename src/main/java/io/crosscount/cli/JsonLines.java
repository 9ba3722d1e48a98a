package io.crosscount.cli;

import io.crosscount.ingest.RawRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads JSONL as raw bytes, one {@link RawRecord} per non-empty line, so that a line that is not
 * valid UTF-8 still reaches the parser (and becomes a dead letter) instead of being mangled.
 * {@link #forEach} streams (one line in memory at a time); {@link #read} collects them all.
 */
public final class JsonLines {
    private JsonLines() {}

    /** What is done with each line as it is read. */
    @FunctionalInterface
    public interface LineHandler {
        void accept(RawRecord line) throws IOException;
    }

    public static List<RawRecord> read(InputStream in, String origin) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        forEach(in, origin, records::add);
        return records;
    }

    /** Hands each non-blank line to {@code handler} in order, holding only the current line. */
    public static void forEach(InputStream in, String origin, LineHandler handler) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineNumber = 1;
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    emit(handler, line, origin, lineNumber++);
                    start = i + 1;
                }
            }
            line.write(buffer, start, n - start);
        }
        emit(handler, line, origin, lineNumber);
    }

    private static void emit(LineHandler handler, ByteArrayOutputStream line, String origin, long lineNumber)
            throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        boolean blank = true;
        for (int i = 0; i < len && blank; i++) {
            blank = bytes[i] == ' ' || bytes[i] == '\t';
        }
        if (!blank) {
            handler.accept(new RawRecord(origin, -1, lineNumber, -1, null, len == bytes.length ? bytes : Arrays.copyOf(bytes, len)));
        }
    }
}
