package io.crosscount.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosscount.testutil.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** scripts/load-archive against a real broker: publication order per partition, and no silent loss. */
@ExtendWith(KafkaBrokerExtension.class)
class LoadArticlesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2024-01-26T00:00:00Z");

    @TempDir
    Path dir;

    /** Article {@code i}, published {@code hours} after the start, with a body of {@code bodyChars}. */
    private static String article(int i, int hours, int bodyChars) {
        return "{\"id\":\"a" + i + "\",\"source\":\"S" + (i % 5) + "\",\"lang\":\"en\",\"published_at\":\""
                + START.plus(Duration.ofHours(hours)) + "\",\"body\":\"" + "x".repeat(bodyChars) + "\"}";
    }

    private static LoadArticles.Options options(String topic, Path file) {
        return LoadArticles.parse(new String[] {"--bootstrap-servers", KafkaBrokerExtension.bootstrapServers(),
            "--topic", topic, "--temp-dir", file.getParent().resolve("spill").toString(), file.toString()});
    }

    @Test
    void anUnorderedArchiveLandsInPublicationOrderInEveryPartitionWithTheOtherLinesLast() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("load-archive");
        KafkaBrokerExtension.createTopic(topic, 3);
        // 300 articles over four days in a scrambled order, many published at the same hour.
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            articles.add(article(i, (i * 37) % 96, 200));
        }
        List<String> others = List.of("not json", "{\"published_at\":\"yesterday\"}", "[1,2,3]");
        List<String> lines = new ArrayList<>(articles);
        lines.add(100, others.get(0));
        lines.add(200, others.get(1));
        lines.add(others.get(2));
        Path file = Files.write(dir.resolve("archive.jsonl"), lines);

        // 300 lines of about 330 bytes in 16 KB chunks: about 7 sorted runs spilled and merged.
        LoadArticles.Result result = LoadArticles.load(options(topic, file), 16 * 1024);

        assertThat(result).isEqualTo(new LoadArticles.Result(topic, 303, 303, 300, 3));
        List<ConsumerRecord<byte[], byte[]>> read = KafkaBrokerExtension.consumeAll(topic, 303, WAIT);
        assertThat(read).hasSize(303);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = read.stream().collect(
                Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.toList()));
        assertThat(byPartition).hasSize(3);
        // Publication order, ties in file order: what a stable sort of the file gives.
        List<String> stableOrder = articles.stream()
                .sorted(Comparator.comparing(LoadArticlesIT::publishedAt)).map(LoadArticlesIT::id).toList();
        List<String> othersRead = new ArrayList<>();
        for (List<ConsumerRecord<byte[], byte[]>> partition : byPartition.values()) {
            partition.sort(Comparator.comparingLong(ConsumerRecord::offset));
            List<ConsumerRecord<byte[], byte[]>> keyed = partition.stream().filter(r -> r.key() != null).toList();
            List<String> ids = keyed.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
            Set<String> here = Set.copyOf(ids);
            assertThat(ids).containsExactlyElementsOf(stableOrder.stream().filter(here::contains).toList());
            assertThat(keyed).allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(
                    publishedAt(new String(r.value(), StandardCharsets.UTF_8)).toEpochMilli()));
            // The lines that are not articles come after every article of their partition.
            List<ConsumerRecord<byte[], byte[]>> tail = partition.subList(keyed.size(), partition.size());
            assertThat(tail).allSatisfy(r -> assertThat(r.key()).isNull());
            tail.forEach(r -> othersRead.add(new String(r.value(), StandardCharsets.UTF_8)));
        }
        assertThat(othersRead).containsExactlyInAnyOrderElementsOf(others);
        try (var left = Files.list(dir.resolve("spill"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aSendTheBrokerRefusesFailsTheLoadWithTheCountsOfWhatWasAcknowledged() throws Exception {
        String topic = KafkaBrokerExtension.newTopicName("load-archive-small");
        KafkaBrokerExtension.createTopic(topic, 1, Map.of("max.message.bytes", "2048"));
        List<String> lines = new ArrayList<>();
        lines.add(article(0, 30, 8000)); // the last in publication order, and too large for the topic
        for (int i = 1; i <= 10; i++) {
            lines.add(article(i, i, 100));
        }
        Path file = Files.write(dir.resolve("archive.jsonl"), lines);

        LoadArticles.LoadFailedException failure = catchThrowableOfType(LoadArticles.LoadFailedException.class,
                () -> LoadArticles.load(options(topic, file), 1 << 20));

        assertThat(failure.sent()).isEqualTo(11);
        assertThat(failure.acknowledged()).isEqualTo(10);
        assertThat(failure.getMessage())
                .startsWith("sending to " + topic + " failed (RecordTooLargeException: ")
                .contains("11 of 11 records sent, 10 acknowledged")
                .contains("Fix the cause and load the files again")
                .doesNotContain("\n");
        List<ConsumerRecord<byte[], byte[]>> stored =
                KafkaBrokerExtension.consumeUntilQuiet(topic, Duration.ofSeconds(1), WAIT);
        assertThat(stored).hasSize(10);
    }

    private static Instant publishedAt(String json) {
        int at = json.indexOf("\"published_at\":\"") + "\"published_at\":\"".length();
        return Instant.parse(json.substring(at, json.indexOf('"', at)));
    }

    private static String id(String json) {
        int at = json.indexOf("\"id\":\"") + "\"id\":\"".length();
        return json.substring(at, json.indexOf('"', at));
    }
}
