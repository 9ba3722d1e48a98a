package io.crosscount.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Puts records in timestamp order in bounded memory, for archives larger than the heap: an
 * external merge sort. Records are buffered up to {@code chunkBytes}; a full buffer is sorted and
 * spilled to a run file in a temporary directory; at the end the runs are merged, at most
 * {@code fanIn} at a time (more runs are first merged in consecutive groups into longer runs).
 * Records that cannot be ordered ({@link #addLast}) are spilled as they come and follow the sorted
 * ones in the order they were added.
 *
 * <p>The order is stable: records with equal timestamps keep the order they were added in (the
 * chunk sort is stable, runs are numbered in input order and the merge breaks ties by run number).
 * When everything fits in one chunk nothing is written to disk.
 */
public final class PublicationOrderSort implements AutoCloseable {

    /** One record: its timestamp, key (null for none) and value. */
    public record Entry(long timestamp, byte[] key, byte[] value) {}

    /** What is done with each record as the sorted sequence is read. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(Entry entry) throws IOException;
    }

    /** A record's bytes plus a rough allowance for its objects, so that small records are not undercounted. */
    private static final int ENTRY_OVERHEAD = 64;
    private static final int BUFFER = 1 << 16;
    private static final int DEFAULT_FAN_IN = 64;

    private final Path dir;
    private final long chunkBytes;
    private final int fanIn;
    private final List<Entry> chunk = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long chunkSize;
    private int files;
    private DataOutputStream last;
    private Path lastFile;
    private long lastCount;

    /** Sorts in chunks of {@code chunkBytes}, spilling to a new directory under {@code tempDir}. */
    public PublicationOrderSort(Path tempDir, long chunkBytes) throws IOException {
        this(tempDir, chunkBytes, DEFAULT_FAN_IN);
    }

    PublicationOrderSort(Path tempDir, long chunkBytes, int fanIn) throws IOException {
        if (chunkBytes <= 0 || fanIn < 2) {
            throw new IllegalArgumentException("chunkBytes must be positive and fanIn at least 2");
        }
        Files.createDirectories(tempDir);
        this.dir = Files.createTempDirectory(tempDir, "crosscount-sort-");
        this.chunkBytes = chunkBytes;
        this.fanIn = fanIn;
    }

    /** A chunk size for this JVM: an eighth of the maximum heap, at least 1 MB. */
    public static long defaultChunkBytes() {
        return Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Adds a record to be ordered by its timestamp. */
    public void add(long timestamp, byte[] key, byte[] value) throws IOException {
        chunk.add(new Entry(timestamp, key, value));
        chunkSize += value.length + (key == null ? 0 : key.length) + ENTRY_OVERHEAD;
        if (chunkSize >= chunkBytes) {
            spill();
        }
    }

    /** Adds a record that goes after all the ordered ones, in the order added (its timestamp is only carried). */
    public void addLast(long timestamp, byte[] key, byte[] value) throws IOException {
        if (last == null) {
            lastFile = newFile();
            last = output(lastFile);
        }
        write(last, new Entry(timestamp, key, value));
        lastCount++;
    }

    /** Run files written so far (sorted chunks and merged runs). */
    public int spills() {
        return runs.size();
    }

    /** Hands every record to {@code handler}: the ordered ones by timestamp, then the others. */
    public void forEachInOrder(EntryHandler handler) throws IOException {
        if (runs.isEmpty()) {
            chunk.sort(Comparator.comparingLong(Entry::timestamp));
            for (Entry e : chunk) {
                handler.accept(e);
            }
            chunk.clear();
        } else {
            if (!chunk.isEmpty()) {
                spill();
            }
            List<Path> level = new ArrayList<>(runs);
            while (level.size() > fanIn) {
                List<Path> next = new ArrayList<>();
                for (int i = 0; i < level.size(); i += fanIn) {
                    List<Path> group = level.subList(i, Math.min(level.size(), i + fanIn));
                    if (group.size() == 1) {
                        next.add(group.get(0));
                        continue;
                    }
                    Path merged = newFile();
                    try (DataOutputStream out = output(merged)) {
                        merge(group, e -> write(out, e));
                    }
                    group.forEach(PublicationOrderSort::delete);
                    runs.add(merged);
                    next.add(merged);
                }
                level = next;
            }
            merge(level, handler);
        }
        if (last != null) {
            last.close();
            last = null;
            try (DataInputStream in = input(lastFile)) {
                for (Entry e = read(in); e != null; e = read(in)) {
                    handler.accept(e);
                }
            }
        }
    }

    /** How many records were added with {@link #addLast}. */
    public long lastCount() {
        return lastCount;
    }

    /**
     * Deletes the temporary directory and its runs, best effort: a failure here must not turn a
     * finished sort into a failed one (what is left is a {@code crosscount-sort-*} directory).
     */
    @Override
    public void close() {
        try {
            if (last != null) {
                last.close();
            }
            try (Stream<Path> paths = Files.list(dir)) {
                paths.forEach(PublicationOrderSort::delete);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // Best effort, as above.
        }
    }

    private void spill() throws IOException {
        chunk.sort(Comparator.comparingLong(Entry::timestamp));
        Path run = newFile();
        try (DataOutputStream out = output(run)) {
            for (Entry e : chunk) {
                write(out, e);
            }
        }
        runs.add(run);
        chunk.clear();
        chunkSize = 0;
    }

    /** A k-way merge of sorted runs; ties go to the earlier run, so that the merge is stable. */
    private static void merge(List<Path> group, EntryHandler handler) throws IOException {
        record Head(Entry entry, int run, DataInputStream in) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(
                Comparator.comparingLong((Head h) -> h.entry().timestamp()).thenComparingInt(Head::run));
        List<DataInputStream> inputs = new ArrayList<>();
        try {
            for (int i = 0; i < group.size(); i++) {
                DataInputStream in = input(group.get(i));
                inputs.add(in);
                Entry first = read(in);
                if (first != null) {
                    heads.add(new Head(first, i, in));
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                handler.accept(head.entry());
                Entry next = read(head.in());
                if (next != null) {
                    heads.add(new Head(next, head.run(), head.in()));
                }
            }
        } finally {
            for (DataInputStream in : inputs) {
                in.close();
            }
        }
    }

    private Path newFile() {
        return dir.resolve("run-" + (files++));
    }

    private static DataOutputStream output(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    private static DataInputStream input(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    private static void write(DataOutputStream out, Entry e) throws IOException {
        out.writeLong(e.timestamp());
        out.writeInt(e.key() == null ? -1 : e.key().length);
        if (e.key() != null) {
            out.write(e.key());
        }
        out.writeInt(e.value().length);
        out.write(e.value());
    }

    /** The next entry of a run, or null at its end. */
    private static Entry read(DataInputStream in) throws IOException {
        long timestamp;
        try {
            timestamp = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        int keyLength = in.readInt();
        byte[] key = keyLength < 0 ? null : readExactly(in, keyLength);
        return new Entry(timestamp, key, readExactly(in, in.readInt()));
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
