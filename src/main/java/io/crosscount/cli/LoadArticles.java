package io.crosscount.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.ingest.RawRecord;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces Article JSONL files to a topic, one record per line, keyed by the article id and
 * timestamped with its {@code published_at} (at most now: a broker refuses records stamped ahead
 * of its clock), in publication order, so that each partition is in publication order and the
 * job's per-partition watermarks find nothing late however unordered the archive was. Lines that
 * are not valid articles are sent as they are (key null, current time), after the articles: the
 * job is the one that judges them, and they show up in dead letters.
 */
public final class LoadArticles {
    private LoadArticles() {}

    public static void main(String[] args) throws IOException {
        String bootstrap = null;
        String topic = "articles";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (bootstrap == null || files.isEmpty()) {
            System.err.println("usage: LoadArticles --bootstrap-servers HOST:PORT [--topic articles] FILE...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (RawRecord line : JsonLines.read(in, file.toString())) {
                        records.add(toRecord(topic, line.value()));
                    }
                }
            }
            for (ProducerRecord<byte[], byte[]> record : inPublicationOrder(records)) {
                producer.send(record);
                if (++sent % 20000 == 0) {
                    System.err.println("[crosscount] " + sent + " records sent to " + topic + "...");
                }
            }
            producer.flush();
        }
        System.err.println("[crosscount] loaded " + sent + " records into " + topic);
    }

    /** Articles by publication time (stable: simultaneous ones keep their order), then the rest. */
    public static List<ProducerRecord<byte[], byte[]>> inPublicationOrder(List<ProducerRecord<byte[], byte[]>> records) {
        List<ProducerRecord<byte[], byte[]>> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(r -> r.key() == null ? Long.MAX_VALUE : r.timestamp()));
        return sorted;
    }

    public static ProducerRecord<byte[], byte[]> toRecord(String topic, byte[] value) {
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            String id = node.path("id").textValue();
            long timestamp = Math.min(System.currentTimeMillis(),
                    OffsetDateTime.parse(node.path("published_at").asText()).toInstant().toEpochMilli());
            return new ProducerRecord<>(topic, null, timestamp, id == null ? null : id.getBytes(StandardCharsets.UTF_8), value);
        } catch (IOException | RuntimeException e) {
            return new ProducerRecord<>(topic, null, value);
        }
    }
}
