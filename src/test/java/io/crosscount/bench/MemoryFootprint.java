package io.crosscount.bench;

import io.crosscount.extract.ActorExtractor;
import io.crosscount.extract.ArticleExtractor;
import io.crosscount.extract.Gazetteer;
import io.crosscount.extract.Lexicon;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap retained by the actor matcher with the full gazetteer, and by the whole extractor,
 * measured as used heap after full collections before and after building them. Printed by
 * {@code scripts/bench-extractor} after the JMH run.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {}

    public static void main(String[] args) {
        long base = settledHeap();
        Map<String, Lexicon> lexicons = new LinkedHashMap<>();
        for (String lang : ArticleExtractor.LANGUAGES) {
            lexicons.put(lang, Lexicon.load(lang));
        }
        long withLexicons = settledHeap();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        ActorExtractor actors = new ActorExtractor(gazetteer, lexicons);
        long withActors = settledHeap();
        ArticleExtractor whole = ArticleExtractor.withDefaults();
        long withWhole = settledHeap();
        System.out.printf("memory: %d lexicons %.1f MB; actor matcher (%d actors) %.1f MB; whole extractor %.1f MB%n",
                lexicons.size(), mb(withLexicons - base), gazetteer.actors().size(), mb(withActors - withLexicons),
                mb(withWhole - withActors));
        // Keep them reachable until measured.
        if (actors.hashCode() == whole.hashCode()) {
            System.out.println();
        }
    }

    /** The heap in use once collections stop freeing anything (at most ten rounds). */
    private static long settledHeap() {
        Runtime r = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = r.totalMemory() - r.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
