package io.crosscount.eval;

import io.crosscount.eval.PassageCheck.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The ids of a corpus's passages by {@link Verdict}, for the report of {@code scripts/evaluate-extraction}. */
public final class PassageTally {
    private final Map<Verdict, List<String>> ids = new EnumMap<>(Verdict.class);

    void add(String id, String pending, List<String> differences) {
        ids.computeIfAbsent(Verdict.of(pending, differences), k -> new ArrayList<>()).add(id);
    }

    public List<String> ids(Verdict verdict) {
        return ids.getOrDefault(verdict, List.of());
    }

    /** One line: how many pass, how many are pending, and (only when there are any) those the spec test fails. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format("passages: %d pass, %d pending", ids(Verdict.PASSES).size(),
                ids(Verdict.PENDING).size()));
        if (!ids(Verdict.FAILS).isEmpty()) {
            sb.append("; failing without a pending flag: ").append(String.join(" ", ids(Verdict.FAILS)));
        }
        if (!ids(Verdict.FIXED).isEmpty()) {
            sb.append("; flagged pending but now right (remove the flag): ").append(String.join(" ", ids(Verdict.FIXED)));
        }
        return sb.toString();
    }
}
