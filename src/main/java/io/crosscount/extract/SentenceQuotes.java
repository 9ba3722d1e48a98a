package io.crosscount.extract;

import io.crosscount.model.Claim;

/**
 * Quotes the sentence each figure was read in, so that the evidence of an aggregate or a
 * discrepancy can be checked without opening the article. The sentences are the extractor's own
 * ({@link TextSegments}: terminal punctuation and line ends, not inside numbers), the very ones
 * its rules bound the figures within, mapped back to the article as written: the quote shows
 * what the rules saw, and the body is not segmented a second time. ICU's sentence iterator was
 * tried first: on 4 KB articles it cut the whole extractor's throughput by more than half
 * ({@code scripts/bench-extractor}), where one pass over the body costs about as much as reading it.
 * A sentence longer than {@link Claim#MAX_SENTENCE_CHARS} is cut around the figure, with an
 * ellipsis where it was cut.
 */
final class SentenceQuotes {
    private static final String ELLIPSIS = "…";

    private final String body;
    /** Sentence starts in the article's own offsets, for the claims' offsets. */
    private final int[] starts;
    // The last sentence quoted, by its span: figures of one sentence share its quote, and most
    // articles give several figures per sentence, one after the other.
    private int lastFrom = -1;
    private int lastTo = -1;
    private String lastQuote;
    /** The sentence the last claim started in: the next one mostly starts in it too. */
    private int lastSentence;

    /** The quotes of one article: folded text {@code text} and its sentences. */
    SentenceQuotes(FoldedText text, TextSegments sentences) {
        body = text.original();
        starts = new int[sentences.sentenceCount()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = text.originalStart(sentences.sentenceStart(k));
        }
    }

    /**
     * The quote of the sentences a claim at [start, end) of the article as written was read in;
     * null when the span is none of the article's.
     */
    String sentenceOf(int start, int end) {
        if (start < 0 || end > body.length() || start >= end) {
            return null;
        }
        // TextSegments.indexOf (the last sentence starting at or before an offset), searched
        // only when the offset is not in the sentence of the last claim
        int first = inSentence(lastSentence, start) ? lastSentence : TextSegments.indexOf(starts, start);
        lastSentence = first;
        int from = starts[first];
        int last = inSentence(first, end - 1) ? first : TextSegments.indexOf(starts, end - 1);
        int to = last + 1 < starts.length ? Math.min(body.length(), starts[last + 1]) : body.length();
        if (to - from > Claim.MAX_SENTENCE_CHARS) {
            return bounded(body, from, to, start, end); // cut around this figure: its own quote
        }
        if (from != lastFrom || to != lastTo) {
            lastQuote = bounded(body, from, to, start, end);
            lastFrom = from;
            lastTo = to;
        }
        return lastQuote;
    }

    /** Whether article offset {@code offset} lies in sentence {@code k}: from its start to the next one's. */
    private boolean inSentence(int k, int offset) {
        return starts[k] <= offset && (k + 1 == starts.length || offset < starts[k + 1]);
    }

    /** The sentence on one line, or a window of it centred on the figure when it is too long. */
    private static String bounded(String body, int from, int to, int start, int end) {
        int max = Claim.MAX_SENTENCE_CHARS;
        String cutBefore = "";
        String cutAfter = "";
        if (to - from > max) {
            int room = Math.max(0, max - (end - start) - 2);
            int newFrom = Math.max(from, start - room / 2);
            int newTo = Math.min(to, newFrom + max - 2);
            newFrom = Math.max(from, Math.min(newFrom, newTo - (max - 2)));
            cutBefore = newFrom > from ? ELLIPSIS : "";
            cutAfter = newTo < to ? ELLIPSIS : "";
            from = newFrom;
            to = newTo;
        }
        // Never split a surrogate pair at a cut.
        if (from > 0 && from < body.length() && Character.isLowSurrogate(body.charAt(from))) {
            from++;
        }
        if (to < body.length() && to > from && Character.isHighSurrogate(body.charAt(to - 1))) {
            to--;
        }
        String sentence = collapseSpaces(body, from, to);
        return cutBefore.isEmpty() && cutAfter.isEmpty() ? sentence : cutBefore + sentence + cutAfter; // no copy when uncut
    }

    /** The text between from and to with runs of white space as one space, trimmed (no regex: it runs per claim). */
    private static String collapseSpaces(String body, int from, int to) {
        // Trimmed first: most sentences start with the space after the stop before them, and
        // are then one copy too.
        while (from < to && isWhitespace(body.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(body.charAt(to - 1))) {
            to--;
        }
        if (isCollapsed(body, from, to)) {
            return body.substring(from, to); // the common case: one copy, no per-char appends
        }
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) { // each run of other chars copied at once, one space between runs
            while (i < to && isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i == to) {
                break;
            }
            int run = i;
            while (i < to && !isWhitespace(body.charAt(i))) {
                i++;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(body, run, i);
        }
        return sb.toString();
    }

    /** {@link Character#isWhitespace}, most chars told by range: U+1680 is the first white space above ASCII. */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }

    /** Whether the text between from and to has no white space to collapse or trim. */
    private static boolean isCollapsed(String body, int from, int to) {
        if (from >= to) {
            return true;
        }
        if (body.charAt(from) == ' ' || body.charAt(to - 1) == ' ') {
            return false; // a leading or trailing space is trimmed
        }
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c > ' ' && c < '\u1680') {
                continue; // most chars: U+1680 is the first white space above ASCII
            }
            // a space is never last here (see above), so the next char is in range
            if (c == ' ' ? body.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
