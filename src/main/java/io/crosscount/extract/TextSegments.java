package io.crosscount.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence and clause boundaries of folded text. Figures, cues and hedges are related only
 * within a clause, so "Environ 132 ... retenus, dont 28 seraient morts" hedges only the 28.
 */
final class TextSegments {
    private final int[] sentenceStarts;
    private final int[] clauseStarts;

    private TextSegments(int[] sentenceStarts, int[] clauseStarts) {
        this.sentenceStarts = sentenceStarts;
        this.clauseStarts = clauseStarts;
    }

    /**
     * Sentences end at terminal punctuation; clauses also at commas, semicolons, colons,
     * brackets and at {@code extraBreaks} (sorted positions where the rules start a clause:
     * subset markers, and a conjunction that joins two figures).
     */
    static TextSegments of(String s, int[] extraBreaks) {
        List<Integer> sentences = new ArrayList<>();
        List<Integer> clauses = new ArrayList<>();
        sentences.add(0);
        clauses.add(0);
        int breakIndex = 0;
        for (int i = 0; i < s.length(); i++) {
            while (breakIndex < extraBreaks.length && extraBreaks[breakIndex] < i) {
                breakIndex++;
            }
            if (breakIndex < extraBreaks.length && extraBreaks[breakIndex] == i) {
                addIfNew(clauses, i);
            }
            char c = s.charAt(i);
            boolean betweenDigits = i > 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            if ((c == '.' || c == '!' || c == '?' || c == '\n' || c == '\u061F' || c == '\u06D4') && !betweenDigits) {
                addIfNew(sentences, i + 1);
                addIfNew(clauses, i + 1);
            } else if ((c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\u060C' || c == '\u061B')
                    && !betweenDigits) {
                addIfNew(clauses, i + 1);
            }
        }
        return new TextSegments(toArray(sentences), toArray(clauses));
    }

    /** First position of clause {@code clause}. */
    int clauseStart(int clause) {
        return clauseStarts[clause];
    }

    /** Position just after clause {@code clause}. */
    int clauseEnd(int clause) {
        return clause + 1 < clauseStarts.length ? clauseStarts[clause + 1] : Integer.MAX_VALUE;
    }

    int sentenceStart(int sentence) {
        return sentenceStarts[sentence];
    }

    int sentenceEnd(int sentence) {
        return sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1] : Integer.MAX_VALUE;
    }

    int sentenceOf(int position) {
        return indexOf(sentenceStarts, position);
    }

    int clauseOf(int position) {
        return indexOf(clauseStarts, position);
    }

    private static int indexOf(int[] starts, int position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void addIfNew(List<Integer> starts, int position) {
        if (starts.get(starts.size() - 1) != position) {
            starts.add(position);
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
