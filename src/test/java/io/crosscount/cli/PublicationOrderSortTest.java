package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationOrderSortTest {

    @TempDir
    Path temp;

    private static final Instant DAY = Instant.parse("2024-01-26T00:00:00Z");

    /** 60 records over three days, out of order, with several at each of a few identical times. */
    private static List<String[]> unorderedAcrossDays() {
        List<String[]> records = new ArrayList<>();
        int[] hours = {50, 3, 27, 3, 71, 0, 27, 49, 3, 12};
        for (int i = 0; i < 60; i++) {
            long at = DAY.plus(Duration.ofHours(hours[i % hours.length])).toEpochMilli();
            records.add(new String[] {Long.toString(at), "id-" + i, "{\"n\":" + i + "}"});
        }
        return records;
    }

    private static List<String> sortAll(PublicationOrderSort sort, List<String[]> records, List<String> others)
            throws IOException {
        int o = 0;
        for (int i = 0; i < records.size(); i++) {
            String[] r = records.get(i);
            sort.add(Long.parseLong(r[0]), r[1].getBytes(StandardCharsets.UTF_8), r[2].getBytes(StandardCharsets.UTF_8));
            if (i % 20 == 0 && o < others.size()) {
                sort.addLast(-1, null, others.get(o++).getBytes(StandardCharsets.UTF_8));
            }
        }
        while (o < others.size()) {
            sort.addLast(-1, null, others.get(o++).getBytes(StandardCharsets.UTF_8));
        }
        List<String> out = new ArrayList<>();
        sort.forEachInOrder(e -> out.add(e.timestamp() + " " + (e.key() == null ? "-" : new String(e.key(),
                StandardCharsets.UTF_8)) + " " + new String(e.value(), StandardCharsets.UTF_8)));
        return out;
    }

    /** What a stable in-memory sort gives, then the others in the order added. */
    private static List<String> expected(List<String[]> records, List<String> others) {
        List<String[]> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(r -> Long.parseLong(r[0])));
        List<String> out = new ArrayList<>(sorted.stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
        others.forEach(v -> out.add("-1 - " + v));
        return out;
    }

    @Test
    void spillsSortedChunksAndMergesThemStablyWithTheOthersLast() throws IOException {
        List<String[]> records = unorderedAcrossDays();
        List<String> others = List.of("not json", "{\"id\":\"x\"}", "{}");
        try (PublicationOrderSort sort = new PublicationOrderSort(temp, 500)) {
            List<String> out = sortAll(sort, records, others);
            // Each record counts 75 to 77 bytes against the 500-byte chunk: a run every 7 records, 9 in all.
            assertThat(sort.spills()).isEqualTo(9);
            assertThat(out).containsExactlyElementsOf(expected(records, others));
        }
    }

    @Test
    void mergesManyRunsInGroupsWhenThereAreMoreThanTheFanIn() throws IOException {
        List<String[]> records = unorderedAcrossDays();
        try (PublicationOrderSort sort = new PublicationOrderSort(temp, 200, 3)) {
            List<String> out = sortAll(sort, records, List.of("bad"));
            assertThat(out).containsExactlyElementsOf(expected(records, List.of("bad")));
            // 20 chunk runs (3 records each), merged in groups of 3 into 7, then into 2 (+1 left as it is), then the final merge.
            assertThat(sort.spills()).isEqualTo(20 + 7 + 2);
        }
    }

    @Test
    void sortsInMemoryWhenEverythingFitsInOneChunk() throws IOException {
        List<String[]> records = unorderedAcrossDays();
        try (PublicationOrderSort sort = new PublicationOrderSort(temp, 1 << 20)) {
            List<String> out = sortAll(sort, records, List.of());
            assertThat(sort.spills()).isZero();
            assertThat(out).containsExactlyElementsOf(expected(records, List.of()));
        }
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        try (PublicationOrderSort sort = new PublicationOrderSort(temp, 200)) {
            sortAll(sort, unorderedAcrossDays(), List.of("bad"));
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }
}
