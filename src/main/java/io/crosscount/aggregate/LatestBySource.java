package io.crosscount.aggregate;

import java.util.HashMap;
import java.util.Map;

/** Window accumulator: the latest claim of each source for one key. */
public class LatestBySource {
    public Map<String, ClaimEvent> bySource = new HashMap<>();

    public LatestBySource() {}
}
