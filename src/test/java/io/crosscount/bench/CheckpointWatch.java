package io.crosscount.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The full job's checkpointed state, read while it runs from the local runtime's REST API
 * ({@code /jobs/<id>/checkpoints}, the figures of the web UI's Checkpoints tab): every completed
 * checkpoint's state size, its size per operator, and how many records the job had read by then
 * (the consumer group's offsets, which the Kafka source commits when a checkpoint completes).
 * Polled because the runtime and its REST API stop with the bounded job.
 */
final class CheckpointWatch implements AutoCloseable {
    private static final double MB = 1_000_000.0;

    /** A completed checkpoint: its state, per operator too, and the records read before its barrier. */
    record Checkpoint(long id, long stateBytes, long checkpointedBytes, long recordsRead, Map<String, Long> byOperator) {}

    /** What the watch saw: completed checkpoints in order, and how many failed. */
    record Seen(List<Checkpoint> completed, long failed) {
        /**
         * The last checkpoint taken while input was still being read: a bounded job's final
         * checkpoint, after the end of input, holds the state of finished operators only.
         */
        Checkpoint lastWhileReading(long records) {
            Checkpoint last = null;
            for (Checkpoint c : completed) {
                if (c.recordsRead() > 0 && c.recordsRead() < records && c.stateBytes() > 0) {
                    last = c;
                }
            }
            return last;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final LongSupplier recordsRead;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Checkpoint> completed = new ArrayList<>();
    private long failed;
    private final Thread thread;

    /** Watches job {@code jobId} on the REST port {@code port}; {@code recordsRead} reads the committed offsets. */
    CheckpointWatch(int port, String jobId, LongSupplier recordsRead) {
        this.base = "http://127.0.0.1:" + port + "/jobs/" + jobId;
        this.recordsRead = recordsRead;
        this.thread = new Thread(this::poll, "bench-job-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        long lastId = -1;
        long lastRecords = 0;
        while (running.get()) {
            try {
                JsonNode stats = get("/checkpoints");
                synchronized (this) {
                    failed = stats.path("counts").path("failed").asLong();
                }
                JsonNode latest = stats.path("latest").path("completed");
                if (latest.isObject() && latest.path("id").asLong() != lastId) {
                    lastId = latest.path("id").asLong();
                    Checkpoint c = new Checkpoint(lastId, latest.path("state_size").asLong(),
                            latest.path("checkpointed_size").asLong(), recordsAfter(lastRecords), byOperator(lastId));
                    lastRecords = c.recordsRead();
                    synchronized (this) {
                        completed.add(c);
                    }
                }
            } catch (Exception e) {
                // Not up yet, or already gone with the finished job: the next poll tells.
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /**
     * The records read at the checkpoint just completed: the source commits its offsets after the
     * checkpoint completes, asynchronously, so wait up to 3 s for them to move past {@code before}.
     */
    private long recordsAfter(long before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long records = recordsRead.getAsLong();
        while (records == before && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            records = recordsRead.getAsLong();
        }
        return records;
    }

    private Map<String, Long> byOperator(long checkpointId) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode v : get("").path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        get("/checkpoints/details/" + checkpointId).path("tasks").fields().forEachRemaining(task ->
                sizes.put(names.getOrDefault(task.getKey(), task.getKey()), task.getValue().path("state_size").asLong()));
        return sizes;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** Stops polling and returns what it saw. */
    synchronized Seen seen() {
        return new Seen(List.copyOf(completed), failed);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }

    /**
     * The figure bench-job prints: {@code state: X MB in the last checkpoint for Y claims = Z MB
     * per million claims}, Y the claims of the records read by that checkpoint (read records
     * times the run's claims per record).
     */
    static String stateLine(Checkpoint c, double claimsPerRecord) {
        double claims = c.recordsRead() * claimsPerRecord;
        return String.format(Locale.ROOT, "state: %.1f MB in the last checkpoint for %.0f claims = %.0f MB per million "
                        + "claims (checkpoint %d, %d records read)", c.stateBytes() / MB, claims,
                claims == 0 ? 0 : c.stateBytes() / MB / claims * 1_000_000, c.id(), c.recordsRead());
    }

    /** The operators' shares of that checkpoint, largest first, those above 1% of it. */
    static String operatorsLine(Checkpoint c) {
        List<String> parts = c.byOperator().entrySet().stream()
                .filter(e -> e.getValue() * 100 > c.stateBytes())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f MB", shortName(e.getKey()), e.getValue() / MB))
                .toList();
        return "state by operator: " + String.join(", ", parts);
    }

    /** A vertex's name is its chain of operators, "a -> b -> c": the chain, cut to 80 characters. */
    private static String shortName(String vertex) {
        String name = vertex.replaceAll("\\s+", " ").trim();
        return name.length() <= 80 ? name : name.substring(0, 77) + "...";
    }
}
