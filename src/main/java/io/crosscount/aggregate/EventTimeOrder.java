package io.crosscount.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Hands each key's claims on in event-time order ({@code --claim-order event-time}): a claim waits
 * until the watermark has passed it, so that every claim published before it has arrived, then
 * goes on in order of publication (article id breaking ties). Early updates and discrepancies then
 * depend only on the articles, not on how partitions and subtasks interleaved them: any
 * parallelism, any replay and {@code scripts/reconcile} find the same. The price is latency: a
 * claim waits for the out-of-orderness (and the slowest partition). A claim already behind the
 * watermark when it arrives goes on at once; the window decides whether it is late.
 */
public class EventTimeOrder extends KeyedProcessFunction<String, ClaimEvent, ClaimEvent> {
    private static final long serialVersionUID = 1L;

    private static final Comparator<ClaimEvent> BY_ARTICLE = Comparator.comparing(c -> c.articleId);

    private transient MapState<Long, List<ClaimEvent>> waiting;

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("claims-by-event-time", Types.LONG,
                Types.LIST(TypeInformation.of(ClaimEvent.class))));
    }

    @Override
    public void processElement(ClaimEvent claim, Context ctx, Collector<ClaimEvent> out) throws Exception {
        long eventTime = ctx.timestamp();
        if (eventTime <= ctx.timerService().currentWatermark()) {
            out.collect(claim);
            return;
        }
        List<ClaimEvent> atTime = waiting.get(eventTime);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(eventTime);
        }
        atTime.add(claim);
        waiting.put(eventTime, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClaimEvent> out) throws Exception {
        List<ClaimEvent> due = waiting.get(timestamp);
        if (due == null) {
            return;
        }
        due.sort(BY_ARTICLE);
        // Emitted from the timer, each claim keeps its event time as its timestamp.
        due.forEach(out::collect);
        waiting.remove(timestamp);
    }
}
