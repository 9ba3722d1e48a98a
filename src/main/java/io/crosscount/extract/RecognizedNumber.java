package io.crosscount.extract;

import io.crosscount.model.Qualifier;

/**
 * A number of the text that may be a head count, as {@link NumberRecognizer} read it. Immutable.
 *
 * @param start       where the number starts in the folded text ("26 000", "deux cent cinquante", "(68)")
 * @param end         where it ends, after its multiplier ("3 millions") or the upper end of a range
 * @param phraseStart where its words start: before a qualifier ("plus de 26 000")
 * @param phraseEnd   where its words end: after a qualifier that follows it ("50 or more") or a range
 * @param value       the number; null for a range ("20 to 30") and for a vague amount without one ("dozens")
 * @param low         the lowest count it allows (a range's lower end, an approximation's band)
 * @param high        the highest, or null when the text leaves it open ("at least 80")
 * @param band        the approximation band of its qualifier or vague amount ("about a dozen"), or null
 * @param vague       a vague amount ("des dizaines", "dozens"), whose bounds come from the lexicon
 * @param subset      a subset marker stands before or after it ("dont 28", "including 30", "35 منهم")
 */
record RecognizedNumber(int start, int end, int phraseStart, int phraseEnd, Long value, Long low, Long high,
                        Qualifier qualifier, Double band, boolean vague, boolean subset) {}
