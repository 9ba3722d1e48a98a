package io.crosscount.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the senses of metric cues (the {@code metric} of a lexicon's cue: "held", "released",
 * "dead"...) mean to the cue rules, read from {@code /crosscount/lexicon/cue_senses.json} so
 * that a new sense is data: which senses report a capture, which a release, which depend on
 * whether hostages or prisoners are meant, and whom a capture makes of its people.
 */
final class CueSenses {

    private static final String PATH = "/crosscount/lexicon/cue_senses.json";

    /** The senses of every language, read once. */
    static final CueSenses SHARED = load();

    /** The JSON shape of the file. */
    record Spec(List<String> capture, List<String> release, List<String> contextual,
                @com.fasterxml.jackson.annotation.JsonProperty("captured_as") Map<String, String> capturedAs) {}

    private final Set<String> capture;
    private final Set<String> release;
    private final Set<String> contextual;
    private final Map<String, String> capturedAs;

    private CueSenses(Spec spec) {
        this.capture = Set.copyOf(spec.capture());
        this.release = Set.copyOf(spec.release());
        this.contextual = Set.copyOf(spec.contextual());
        this.capturedAs = Map.copyOf(spec.capturedAs());
    }

    private static CueSenses load() {
        return new CueSenses(Lexicon.readResource(PATH, Spec.class, "cue senses file"));
    }

    /** A capture ("kidnapped", "held", "arrêtés"): its people may be released later in the text. */
    boolean isCapture(String sense) {
        return capture.contains(sense);
    }

    /** A release ("freed", "libérés", "returned"). */
    boolean isRelease(String sense) {
        return release.contains(sense);
    }

    /** A sense whose metric depends on whether hostages or prisoners are meant ("released", "dead"). */
    boolean isContextual(String sense) {
        return contextual.contains(sense);
    }

    /** "hostage" or "prisoner": what capture {@code sense} makes of its people; null when it does not say. */
    String capturedAs(String sense) {
        return capturedAs.get(sense);
    }
}
