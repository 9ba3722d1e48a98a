package io.crosscount.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds numbers written in digits in folded text: "26000", "26 000" (folded from a no-break
 * space), "26,083", "26.083", "1'000", "1,2" (a decimal, for "1,2 million"). A hand-written
 * scanner because it runs over every byte of every article and must stay linear: groups are
 * joined only when exactly three digits follow a separator, so "en 2023 100 personnes" stays
 * two numbers and a run of separators cannot make it backtrack.
 */
public final class NumberScanner {

    /** A number in the folded text; {@code end} is exclusive. */
    public record Found(int start, int end, long integerValue, double decimalValue, boolean decimal,
                        boolean grouped) {
        public int digitsBeforeSeparator() {
            return (int) Long.toString(integerValue).length();
        }
    }

    /** Longer digit runs are identifiers or noise, not figures; they are skipped whole. */
    private static final int MAX_DIGITS = 15;

    private NumberScanner() {}

    public static List<Found> scan(String s) {
        return scan(s, java.util.Set.of());
    }

    /**
     * With the language's multipliers written onto the digits ("1.5m", "2bn"): a number glued
     * to one of them is kept, its end before the multiplier, which the recognizer reads (and
     * drops the number when a hyphen follows: "5m-high" is a measure).
     */
    public static List<Found> scan(String s, java.util.Set<String> gluedSuffixes) {
        List<Found> found = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isDigit(s.charAt(i))) { // most chars: a tight loop to the next digit
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            // Glued to letters ("A320") or part of a time or date ("10:30", "26/01"): not a count.
            boolean glued = start > 0 && (Character.isLetter(s.charAt(start - 1)) && !isProclitic(s, start - 1)
                    || (start > 1 && isTimeOrDateSeparator(s.charAt(start - 1)) && isDigit(s.charAt(start - 2))));
            int j = i;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            int firstGroupLength = j - start;
            long value = 0;
            int digits = 0;
            boolean overflow = false;
            for (int k = start; k < j; k++) {
                if (++digits > MAX_DIGITS) {
                    overflow = true;
                    break;
                }
                value = value * 10 + (s.charAt(k) - '0');
            }
            boolean grouped = false;
            boolean decimal = false;
            double decimalValue = value;
            // Thousands groups: a separator followed by exactly three digits, after a lead of 1-3.
            if (firstGroupLength <= 3) {
                char sep = 0;
                while (j + 4 <= n && isGroupSeparator(s.charAt(j)) && (sep == 0 || s.charAt(j) == sep)
                        && isDigit(s.charAt(j + 1)) && isDigit(s.charAt(j + 2)) && isDigit(s.charAt(j + 3))
                        && (j + 4 == n || !isDigit(s.charAt(j + 4)))) {
                    sep = s.charAt(j);
                    if (++digits > MAX_DIGITS - 2) {
                        overflow = true;
                    }
                    value = value * 1000 + (s.charAt(j + 1) - '0') * 100 + (s.charAt(j + 2) - '0') * 10
                            + (s.charAt(j + 3) - '0');
                    grouped = true;
                    j += 4;
                }
            }
            decimalValue = value;
            // A decimal part: "1,2" or "3.5" (one or two digits), as in "1,2 million".
            if (!grouped && j + 1 < n && (s.charAt(j) == ',' || s.charAt(j) == '.') && isDigit(s.charAt(j + 1))) {
                int k = j + 1;
                while (k < n && isDigit(s.charAt(k))) {
                    k++;
                }
                if (k - (j + 1) <= 2) {
                    decimal = true;
                    decimalValue = Double.parseDouble(value + "." + s.substring(j + 1, k));
                    j = k;
                }
            }
            // Swallow the rest of a long alphanumeric token ("A320", "12345678901234567890", "3e").
            boolean gluedAfter = j < n && (Character.isLetter(s.charAt(j)) || isDigit(s.charAt(j))
                    || (j + 1 < n && isTimeOrDateSeparator(s.charAt(j)) && isDigit(s.charAt(j + 1))));
            int end = j;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)))) {
                j++;
            }
            if (gluedAfter && !gluedSuffixes.isEmpty() && j > end && Character.isLetter(s.charAt(end))
                    && TextScan.isOneOf(gluedSuffixes, s, end, j)) {
                gluedAfter = false; // "1.5m people"; the recognizer reads the multiplier, or drops "5m-high"
            }
            // "0599000123": a leading zero makes a phone number or an identifier, not a count.
            boolean leadingZero = s.charAt(start) == '0' && end - start > 1 && !decimal;
            if (!glued && !gluedAfter && !overflow && !leadingZero) {
                found.add(new Found(start, end, value, decimalValue, decimal, grouped));
            }
            i = Math.max(j, start + 1);
        }
        return found;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An Arabic conjunction or preposition written onto the number: "و50", "ب300". */
    private static boolean isProclitic(String s, int i) {
        char c = s.charAt(i);
        return (c == '\u0648' || c == '\u0641' || c == '\u0628' || c == '\u0644')
                && (i == 0 || !Character.isLetter(s.charAt(i - 1)));
    }

    private static boolean isTimeOrDateSeparator(char c) {
        return c == ':' || c == '/';
    }

    private static boolean isGroupSeparator(char c) {
        return c == ' ' || c == ',' || c == '.' || c == '\'';
    }
}
