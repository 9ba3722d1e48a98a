package io.crosscount.bench;

import io.crosscount.aggregate.LatestBySource;
import io.crosscount.aggregate.LatestClaimPerSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The state of one busy key's window: the accumulator ({@link LatestBySource}, each outlet's
 * latest claim with its body sketch) of {@link OneKeyFixtures}' outlets, in the bytes its Flink
 * serializer writes. That is what RocksDB stores for the window (one value per key and window),
 * what a full checkpoint or savepoint writes for it, and what the window reads and writes back
 * for each claim it takes. Prints the size and the median time to write and to read it.
 *
 *   java ... io.crosscount.bench.OneKeyState [outlets...]   (default 100 1000 5000)
 */
public final class OneKeyState {
    private OneKeyState() {}

    public static void main(String[] args) throws Exception {
        String[] sizes = args.length == 0 ? new String[] {"100", "1000", "5000"} : args;
        TypeSerializer<LatestBySource> serializer =
                TypeInformation.of(LatestBySource.class).createSerializer(new SerializerConfigImpl());
        System.out.printf("%8s %14s %12s %12s%n", "outlets", "state bytes", "write ms", "read ms");
        for (String size : sizes) {
            LatestClaimPerSource function = new LatestClaimPerSource();
            LatestBySource window = function.createAccumulator();
            OneKeyFixtures.claims(Integer.parseInt(size)).forEach(c -> function.add(c, window));
            DataOutputSerializer out = new DataOutputSerializer(1 << 20);
            DataInputDeserializer in = new DataInputDeserializer();
            List<Double> writes = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            byte[] bytes = null;
            for (int round = 0; round < 40; round++) {
                long start = System.nanoTime();
                out.clear();
                serializer.serialize(window, out);
                bytes = out.getCopyOfBuffer();
                long written = System.nanoTime();
                in.setBuffer(bytes);
                serializer.deserialize(in);
                long read = System.nanoTime();
                if (round >= 20) { // the first rounds warm up
                    writes.add((written - start) / 1e6);
                    reads.add((read - written) / 1e6);
                }
            }
            writes.sort(Double::compare);
            reads.sort(Double::compare);
            System.out.printf("%8s %14d %12.2f %12.2f%n", size, bytes.length, writes.get(writes.size() / 2),
                    reads.get(reads.size() / 2));
        }
    }
}
