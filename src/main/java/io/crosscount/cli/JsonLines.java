package io.crosscount.cli;

import io.crosscount.ingest.RawRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSONL as raw bytes, one {@link RawRecord} per non-empty line, so that a line that is not
 * valid UTF-8 still reaches the parser (and becomes a dead letter) instead of being mangled.
 */
public final class JsonLines {
    private JsonLines() {}

    public static List<RawRecord> read(InputStream in, String origin) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long lineNumber = 1;
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    add(records, line, origin, lineNumber++);
                } else {
                    line.write(buffer[i]);
                }
            }
        }
        add(records, line, origin, lineNumber);
        return records;
    }

    private static void add(List<RawRecord> records, ByteArrayOutputStream line, String origin, long lineNumber) {
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
            records.add(new RawRecord(origin, -1, lineNumber, -1, null, java.util.Arrays.copyOf(bytes, len)));
        }
    }
}
