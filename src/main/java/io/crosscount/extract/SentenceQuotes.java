package io.crosscount.extract;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.crosscount.model.Claim;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes the sentence each figure was read in, so that the evidence of an aggregate or a
 * discrepancy can be checked without opening the article. ICU's sentence rules, with its
 * abbreviation suppressions where it has them ("Col. Smith said"), find the sentence; one longer
 * than {@link Claim#MAX_SENTENCE_CHARS} is cut around the figure, with an ellipsis where it was cut.
 */
final class SentenceQuotes {
    private static final String ELLIPSIS = "…";

    private SentenceQuotes() {}

    /** The claims with their sentences; only articles with claims pay for the break iterator. */
    static List<Claim> quoted(String body, String lang, List<Claim> claims) {
        if (claims.isEmpty()) {
            return claims;
        }
        // An iterator per article: they are not thread-safe, and the extractor is shared by subtasks.
        BreakIterator sentences = BreakIterator.getSentenceInstance(
                new ULocale((lang == null ? "und" : lang) + "@ss=standard"));
        sentences.setText(body);
        List<Claim> quoted = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            quoted.add(claim.withSentence(sentenceAround(body, sentences, claim.start(), claim.end())));
        }
        return quoted;
    }

    static String sentenceAround(String body, BreakIterator sentences, int start, int end) {
        if (start < 0 || end > body.length() || start >= end) {
            return null;
        }
        int from = sentences.isBoundary(start) ? start : sentences.preceding(start);
        int to = sentences.following(end - 1);
        if (from == BreakIterator.DONE) {
            from = 0;
        }
        if (to == BreakIterator.DONE) {
            to = body.length();
        }
        return bounded(body, from, to, start, end);
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
        if (from > 0 && Character.isLowSurrogate(body.charAt(from))) {
            from++;
        }
        if (to < body.length() && to > from && Character.isHighSurrogate(body.charAt(to - 1))) {
            to--;
        }
        String text = body.substring(from, to).replaceAll("\\s+", " ").strip();
        return cutBefore + text + cutAfter;
    }
}
