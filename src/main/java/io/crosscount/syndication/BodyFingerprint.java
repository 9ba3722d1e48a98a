package io.crosscount.syndication;

import java.util.Arrays;

/**
 * A MinHash sketch of an article body, to recognise the same wire story republished by several
 * outlets with small edits (a new headline, a dropped paragraph, another byline).
 *
 * <p>The body is cut into overlapping runs of {@value #SHINGLE_WORDS} words (shingles), and the
 * similarity of two bodies is the Jaccard index of their shingle sets, estimated by the sketch.
 * It uses one-permutation hashing: each shingle is hashed once and the hash's low bits pick one of
 * {@value #SIZE} buckets, which keeps the minimum. That costs one hash per word, not one per word
 * and bucket, so sketching stays cheap next to extraction. Independent reports of the same event
 * share facts but few five-word runs; copies share most of them.
 */
public final class BodyFingerprint {
    public static final int SIZE = 64;
    public static final int SHINGLE_WORDS = 5;
    /** An empty bucket: no shingle hashed into it. */
    public static final int EMPTY = Integer.MAX_VALUE;

    private BodyFingerprint() {}

    /**
     * The sketch of {@code body}; bodies shorter than one shingle get one of their whole text.
     * Letters are compared lower-cased; the extractor passes its folded text, which is already.
     */
    public static int[] of(String body) {
        int[] minima = new int[SIZE];
        Arrays.fill(minima, EMPTY);
        long[] window = new long[SHINGLE_WORDS];
        int words = 0;
        int i = 0;
        int n = body.length();
        while (i < n) {
            while (i < n && !isWordChar(body.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            long wordHash = 0x9E3779B97F4A7C15L;
            while (i < n && isWordChar(body.charAt(i))) {
                wordHash = (wordHash ^ lowerCase(body.charAt(i))) * 0x100000001B3L;
                i++;
            }
            window[words % SHINGLE_WORDS] = wordHash;
            words++;
            if (words >= SHINGLE_WORDS) {
                add(minima, shingleHash(window, words));
            }
        }
        if (words > 0 && words < SHINGLE_WORDS) {
            add(minima, shingleHash(window, words));
        }
        return minima;
    }

    // ASCII first: most text the sketch sees is, and the general methods cost a table lookup each.
    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
    }

    private static char lowerCase(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** Estimated Jaccard similarity of the two bodies' shingle sets, in [0, 1]. */
    public static double similarity(int[] a, int[] b) {
        int compared = 0;
        int equal = 0;
        for (int k = 0; k < SIZE; k++) {
            if (a[k] == EMPTY && b[k] == EMPTY) {
                continue;
            }
            compared++;
            if (a[k] == b[k]) {
                equal++;
            }
        }
        return compared == 0 ? 0 : (double) equal / compared;
    }

    /**
     * A hash of the buckets {@code first .. first + rows - 1} and of where they lie, for locality-
     * sensitive hashing: sketches that agree on those buckets get the same hash.
     */
    public static long bandHash(int[] sketch, int first, int rows) {
        long h = first;
        for (int k = first; k < first + rows; k++) {
            h = h * 0x9E3779B97F4A7C15L + sketch[k];
        }
        return mix(h);
    }

    /** Whether the buckets {@code first .. first + rows - 1} are all empty. */
    public static boolean isEmptyBand(int[] sketch, int first, int rows) {
        for (int k = first; k < first + rows; k++) {
            if (sketch[k] != EMPTY) {
                return false;
            }
        }
        return true;
    }

    /** The words of the shingle ending at word {@code words - 1}, in order (rotations keep the order in). */
    private static long shingleHash(long[] window, int words) {
        long h = 0;
        int count = Math.min(words, SHINGLE_WORDS);
        for (int k = 0; k < count; k++) {
            long w = window[(words - count + k) % SHINGLE_WORDS];
            h ^= Long.rotateLeft(w, 13 * k);
        }
        return mix(h);
    }

    private static void add(int[] minima, long hash) {
        int bucket = (int) (hash & (SIZE - 1));
        int value = (int) (hash >>> 33); // non-negative, never EMPTY
        if (value < minima[bucket]) {
            minima[bucket] = value;
        }
    }

    /** A 64-bit finaliser that spreads every input bit over the output (MurmurHash3's fmix64 constants). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
