package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import io.crosscount.model.Qualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.crosscount.extract.TextScan.role;
import static io.crosscount.extract.TextScan.preceding;
import static io.crosscount.extract.TextScan.following;
import static io.crosscount.extract.TextScan.isBlank;

/**
 * Stage 1 of {@link FigureExtractor}: the numbers of a text that may be head counts, as
 * {@link RecognizedNumber}s with their span, value, qualifier and bounds. Digits come from
 * {@link NumberScanner}, words and vague amounts ("une centaine", "dozens") from the lexicon;
 * what follows or precedes a number rules out dates, years, ages, shares, scores and money, and
 * a qualifier before or after it ("plus de", "at least", "or more") or a range ("20 to 30") sets
 * its bounds. Kept apart from the cue rules: what a number is does not depend on what it counts.
 *
 * <p>Entry points: {@link #recognize} (folded text and its lexicon matches in, numbers out) and
 * {@link #qualifierAfterNoun} (a candidate and its noun's end in, the candidate with the
 * qualifier read after that noun out), which runs once stage 3 has found the noun.
 */
final class NumberRecognizer {

    private NumberRecognizer() {}

    /**
     * A qualifier after the figure's noun, before or after a comma: "30 personas al menos",
     * "300 Menschen und mehr", "40 شخصا أو أكثر", "50 morts et plus". It applies to an exact
     * figure, or turns an approximate one into an open one ("about 170 people or more"), and
     * gives the candidate with it ({@code c} itself when there is none). {@code nextStart}: where
     * the next candidate starts, -1 for none.
     */
    static Candidate qualifierAfterNoun(String s, Candidate c, int nounEnd, int nextStart,
                                        Map<Role, RoleMatches> byRole, double approxBand) {
        if (c.vague() || !(c.qualifier() == Qualifier.EXACT || c.qualifier() == Qualifier.APPROX)
                || nounEnd <= c.phraseEnd()) {
            return c;
        }
        int at = nounEnd;
        if (at < s.length() && s.charAt(at) == ',') {
            at++;
        }
        Match after = following(s, at, role(byRole, Role.QUALIFIER_AFTER));
        if (after == null || opensNext(s, after, nextStart, byRole)
                || (c.qualifier() == Qualifier.APPROX && after.entry().qualifier() == Qualifier.APPROX)) {
            return c;
        }
        Qualifier qualifier = after.entry().qualifier();
        Long[] bounds = bounds(qualifier, c.value(), c.band(), approxBand);
        return bounds == null ? c.withQualifier(qualifier, c.low(), c.high(), after.end())
                : c.withQualifier(qualifier, bounds[0], bounds[1], after.end());
    }

    /**
     * The numbers of a folded text that may be head counts, sorted by start, with their spans,
     * values, qualifiers and bounds. Takes the lexicon's matches of the text by role.
     */
    static List<RecognizedNumber> recognize(FoldedText text, Lexicon lexicon, Map<Role, RoleMatches> byRole,
                                            Deadline deadline) {
        List<Reading> figures = read(text, text.wordStarts(lexicon.procliticSet()), lexicon, byRole, deadline);
        List<RecognizedNumber> out = new ArrayList<>(figures.size());
        for (Reading c : figures) {
            out.add(new RecognizedNumber(c.start, c.end, c.phraseStart, c.phraseEnd, c.value, c.low, c.high,
                    c.qualifier, c.band, c.vague, c.subset));
        }
        return out;
    }

    /** The numbers of {@code s} while they are read: the rules below revise them in place. */
    private static List<Reading> read(FoldedText text, WordStarts starts, Lexicon lexicon,
                                      Map<Role, RoleMatches> byRole, Deadline deadline) {
        String s = text.folded();
        char[] chars = text.chars();
        List<Reading> found = new ArrayList<>();
        RoleMatches multipliers = role(byRole, Role.MULTIPLIER);
        RoleMatches populations = role(byRole, Role.POPULATION);
        List<Reading> digits = new ArrayList<>();
        for (NumberScanner.Found f : NumberScanner.scan(s, lexicon.gluedMultipliers())) {
            deadline.check("reading numbers");
            Reading c = new Reading();
            c.start = f.start();
            c.end = f.end();
            // "(68) ألفًا": a figure in brackets before its multiplier, as Arabic news writes them.
            boolean bracketed = f.end() < s.length() && s.charAt(f.end()) == ')' && f.start() > 0
                    && s.charAt(f.start() - 1) == '(';
            int after = bracketed ? f.end() + 1 : f.end();
            Match multiplier = following(s, after, multipliers);
            if (multiplier == null && !bracketed && f.end() < s.length() && FoldedText.isLetter(chars[f.end()])) {
                multiplier = gluedAt(f.end(), role(byRole, Role.GLUED_MULTIPLIER)); // "1.5m"
                if (multiplier == null || hyphenAfter(text, multiplier.end())) {
                    continue; // "5m-high" (folded to "5m high"): a measure, like any token of digits and letters
                }
            }
            if (multiplier == null && !bracketed && compoundModifier(text, f.end())
                    && following(s, f.end(), role(byRole, Role.QUALIFIER_AFTER)) == null) {
                continue; // "a 3-minute video", "der 25-jährige Soldat" (not "300-plus", "40-odd")
            }
            if (bracketed) {
                c.start = f.start() - 1; // the figure is "(68)", so "أكثر من" right before it qualifies it
                c.end = after;
            }
            if (f.decimal()) {
                if (multiplier == null) {
                    continue; // "3,5" alone is a share or a measure, never a head count
                }
                c.value = Math.round(f.decimalValue() * multiplier.entry().value());
                c.end = multiplier.end();
                c.multiplierUnit = multiplier.entry().value();
            } else if (multiplier != null) {
                c.value = f.integerValue() * multiplier.entry().value();
                c.end = multiplier.end();
                c.multiplierUnit = multiplier.entry().value();
                addHalf(s, c, multipliers, lexicon.halves()); // "2 millions et demi"
            } else {
                c.value = f.integerValue();
                // "(2087) طفلا": a bracketed figure's people follow the bracket
                Match qualifier = preceding(s, f.start(), role(byRole, Role.QUALIFIER));
                if (!f.grouped() && f.end() - f.start() == 4 && lexicon.isYear(f.integerValue())
                        && following(s, after, populations) == null && !singularPersonAt(s, after, lexicon)
                        && (!victimNounAt(s, after, lexicon) || wordBeforeIsOneOf(s, f.start(), lexicon.yearPrepositions()))
                        && (qualifier == null || qualifier.entry().qualifier() == Qualifier.RANGE)) {
                    continue; // a year ("more than 1800" is not one; "de 2006", "entre 2005 et 2010" are)
                }
            }
            if (isCurrency(s, c.start, lexicon)) {
                continue;
            }
            digits.add(c);
        }
        found.addAll(digits);
        Spans digitSpans = new Spans(digits);
        for (Match m : role(byRole, Role.VAGUE_AMOUNT).leftmostLongest().all()) {
            Reading c = new Reading();
            c.start = m.start();
            c.end = m.end();
            Entry e = m.entry();
            if (e.value() != null) {
                c.value = e.value();
                c.qualifier = e.qualifier() == null ? Qualifier.APPROX : e.qualifier();
                c.band = e.band();
            } else {
                c.vague = true;
                c.qualifier = Qualifier.VAGUE;
                c.low = e.low();
                c.high = e.high();
            }
            if (!digitSpans.overlaps(c.start, c.end)) {
                found.add(c); // "3 آلاف" is 3000: the multiplier is not also a vague amount
            }
        }
        List<Reading> words = new ArrayList<>();
        for (Reading c : numberWordCandidates(s, byRole, new Spans(found), lexicon.numberWordConnectors())) {
            Match multiplier = following(s, c.end, multipliers);
            if (multiplier != null) {
                c.value *= multiplier.entry().value(); // "elf Millionen"
                c.end = multiplier.end();
                c.multiplierUnit = multiplier.entry().value();
            } else if (constructDualBeforeNoun(text, c, lexicon, byRole)) {
                c.value = lexicon.constructDual(s, c.start, c.end); // "ألفا شخص": 2,000 people
                c.multiplierUnit = 0; // complete: no "و318" goes on from it
            }
            addHalf(s, c, multipliers, lexicon.halves());
            words.add(c);
        }
        if (!words.isEmpty()) {
            // "ثلاثة آلاف" is 3000: its multiplier is not also the vague amount "آلاف" (thousands).
            Spans wordSpans = new Spans(words);
            found.removeIf(c -> c.vague && wordSpans.overlaps(c.start, c.end));
            found.addAll(words);
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        joinMixedForms(s, found, lexicon.listConnectors());

        List<Reading> figures = new ArrayList<>();
        int changeSizeEnd = -1; // where the last change's size ends: "en 8" before "hasta 57"
        for (int i = 0; i < found.size(); i++) {
            deadline.check("reading figures");
            Reading c = found.get(i);
            if (isChangeSize(s, c, lexicon)) {
                changeSizeEnd = c.end;
                continue; // "rose by 8 to 57", "stieg um 8 auf 57": the new total after it is the count
            }
            if (i + 1 < found.size() && isProportion(s, c, found.get(i + 1), byRole, lexicon)) {
                i++;
                continue; // "9 in 10 of the dead", "nueve de cada diez muertos": a share, no count
            }
            // German ordinals and dates put a dot after the number: "am 7. Oktober".
            int afterDot = c.end < s.length() - 1 && s.charAt(c.end) == '.' && s.charAt(c.end + 1) == ' ' ? c.end + 1 : c.end;
            if (following(s, c.end, role(byRole, Role.NON_FIGURE_AFTER)) != null
                    || following(s, afterDot, role(byRole, Role.NON_FIGURE_AFTER)) != null
                    || notAFigureAfter(s, c.start, byRole)
                    || totalOfAShare(s, c, byRole, lexicon.auxiliaries(), lexicon.relativePronouns())) {
                if (i + 1 < found.size() && joinsRange(s, c, found.get(i + 1), byRole, Role.OPEN_RANGE_CONNECTOR)) {
                    i++; // "aged 18 to 60": the upper end is no figure either
                }
                continue; // a date, an age, a share, the total of a share, money or equipment
            }
            Reading upper = i + 1 < found.size() ? found.get(i + 1) : null;
            if (upper != null && !c.vague && !upper.vague && c.multiplierUnit == 0 && upper.multiplierUnit == 0
                    && isDash(s, c.end, upper.start) && upper.value <= c.value) {
                i++;
                continue; // "3-1", "2-0": a score, not two figures
            }
            if (!c.vague && c.value == 0) {
                continue; // a zero is never a head count
            }
            c.phraseStart = c.start;
            c.phraseEnd = c.end;
            Match q = preceding(s, c.start, role(byRole, Role.QUALIFIER));
            if (q != null && endsACue(q, role(byRole, Role.METRIC))) {
                q = null; // "handed over 4 hostages": the qualifier's words end a cue
            }
            if (q != null && q.entry().qualifier() == Qualifier.AT_MOST && changeSizeEnd >= 0
                    && isBlank(s, changeSizeEnd, q.start())) {
                q = null; // "aumentó en 8 hasta 57": the total the change reached, not an upper bound
            }
            if (q != null && q.entry().qualifier() == Qualifier.RANGE && !c.vague && upper != null
                    && isFigureBeforeChange(s, q, c, upper, byRole, lexicon)) {
                continue; // "the toll rose from 12 to 19": 12 was the figure, 19 is, read on its own
            }
            if (q != null && c.vague && c.value != null && OPEN_ENDED.contains(q.entry().qualifier())) {
                // "plus d'un millier", "more than a dozen": the open end bounds the amount's
                // value, not its band ("une centaine" alone stays 80 to 120)
                c.phraseStart = q.start();
                c.qualifier = q.entry().qualifier();
                Long[] bounds = bounds(c.qualifier, c.value, null, lexicon.approxBand());
                c.low = bounds[0];
                c.high = bounds[1];
            }
            if (q != null && !c.vague) {
                c.phraseStart = q.start();
                if (q.entry().qualifier() == Qualifier.RANGE) {
                    if (readRange(s, c, upper, byRole, Role.RANGE_CONNECTOR)) {
                        i++;
                    }
                } else {
                    c.qualifier = q.entry().qualifier();
                    if (q.entry().band() != null) {
                        c.band = q.entry().band(); // else "about a dozen" keeps the band of "a dozen"
                    }
                    // "some 300 to 400": the range says more than the approximation.
                    if (c.qualifier == Qualifier.APPROX && readRange(s, c, upper, byRole, Role.OPEN_RANGE_CONNECTOR)) {
                        i++;
                    }
                }
            } else if (!c.vague && readRange(s, c, upper, byRole, Role.OPEN_RANGE_CONNECTOR)) {
                i++; // "20 to 30", "50 bis 70", "1,000-5,000"
            } else if (!c.vague) {
                Match after = following(s, c.end, role(byRole, Role.QUALIFIER_AFTER));
                if (after != null && !opensNext(s, after, startOf(upper), byRole)) {
                    c.qualifier = after.entry().qualifier();
                    c.phraseEnd = after.end();
                }
            }
            if (c.qualifier == Qualifier.APPROX && !c.vague) {
                // "about 170 or more": the open end the text gives wins over the approximation.
                Match after = following(s, c.end, role(byRole, Role.QUALIFIER_AFTER));
                if (after != null && after.entry().qualifier() != Qualifier.APPROX
                        && !opensNext(s, after, startOf(upper), byRole)) {
                    c.qualifier = after.entry().qualifier();
                    c.phraseEnd = after.end();
                }
            }
            setBounds(c, lexicon.approxBand());
            c.subset = isSubset(s, c, byRole);
            figures.add(c);
        }
        if (!lexicon.listSingletons().isEmpty()) {
            figures.addAll(listSingletons(s, figures, lexicon.listConnectors(), lexicon.listSingletons()));
            if (!lexicon.singularPeople().isEmpty()) {
                for (Reading c : singlePersons(s, chars, starts, figures, lexicon.listSingletons(), lexicon.singularPeople())) {
                    // "cinq civils, dont un enfant, ont été blessés": one person after a subset
                    // marker is a part like any number, so the cue after it still reaches the whole.
                    c.subset = isSubset(s, c, byRole);
                    figures.add(c);
                }
            }
            figures.addAll(gappedOnes(s, figures, role(byRole, Role.COORDINATOR), lexicon.listConnectors(),
                    lexicon.listSingletons(), lexicon.locatives()));
            figures.sort((a, b) -> Integer.compare(a.start, b.start));
        }
        RoleMatches ones = role(byRole, Role.ONE_AFTER_NOUN);
        if (!ones.all().isEmpty() && !lexicon.singularPeople().isEmpty()) {
            figures.addAll(onesAfterNouns(s, figures, ones, lexicon, byRole));
            figures.sort((a, b) -> Integer.compare(a.start, b.start));
        }
        RoleMatches pronouns = role(byRole, Role.ONE_PRONOUN);
        if (!pronouns.isEmpty() && !figures.isEmpty()) {
            List<Reading> onesOfThem = onePronouns(s, figures, pronouns, lexicon, role(byRole, Role.METRIC));
            if (!onesOfThem.isEmpty()) {
                figures.addAll(onesOfThem);
                figures.sort((a, b) -> Integer.compare(a.start, b.start));
            }
        }
        return figures;
    }

    /** How far before "one of them" the figure it picks from may end (characters): that sentence or the one before. */
    private static final int ONE_PRONOUN_REACH = 300;

    /**
     * "Two journalists were kidnapped; one was released in May", "l'un d'eux a été libéré",
     * "uno de ellos fue liberado", "einer von ihnen kam frei", "أفرج عن أحدهم": one of the
     * people of a figure shortly before is a count of one, so that the cue of its clause counts
     * it, not the figure. A pronoun with its partitive ("one of them") needs only that figure;
     * a bare one ("one", "uno", "einer", also an article) must open a clause and be followed by
     * an auxiliary or a cue ("one was", "uno fue", "einer kam frei"), so that "one day", "one
     * soldier" and "one of the largest" are no such count.
     */
    private static List<Reading> onePronouns(String s, List<Reading> figures, RoleMatches pronouns, Lexicon lexicon,
                                             RoleMatches cues) {
        List<Reading> out = new ArrayList<>();
        Spans taken = new Spans(figures);
        int f = 0;
        int lastFigureEnd = -1;
        for (Match m : pronouns.leftmostLongest().all()) {
            while (f < figures.size() && figures.get(f).end <= m.start()) {
                lastFigureEnd = Math.max(lastFigureEnd, figures.get(f).end);
                f++;
            }
            if (lastFigureEnd < 0 || m.start() - lastFigureEnd > ONE_PRONOUN_REACH || taken.overlaps(m.start(), m.end())) {
                continue; // (the lexicon's matches start and end on word boundaries)
            }
            boolean bare = lexicon.listSingletons().contains(m.entry().phrase());
            if (bare && !(opensClause(s, m.start(), lexicon.listConnectors())
                    && (auxiliaryAfter(s, m.end(), lexicon.auxiliaries()) || cues.anyStartingIn(m.end() + 1, m.end() + 2)))) {
                continue;
            }
            out.add(Reading.one(m.start(), m.end()));
        }
        return out;
    }

    /** Whether {@code start} opens a clause: after punctuation that ends one, or after a list connector that does. */
    private static boolean opensClause(String s, int start, Set<String> connectors) {
        int i = TextScan.skipSpacesBack(s, start - 1);
        if (i < 0 || TextSegments.isBreak(s.charAt(i))) {
            return true;
        }
        int wordStart = i;
        while (wordStart > 0 && FoldedText.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        return TextScan.isOneOf(connectors, s, wordStart, i + 1);
    }

    /** Whether the word after {@code end} is one of {@code auxiliaries}. */
    private static boolean auxiliaryAfter(String s, int end, Set<String> auxiliaries) {
        int wordEnd = wordEnd(s, end);
        return wordEnd > 0 && TextScan.isOneOf(auxiliaries, s, end + 1, wordEnd);
    }

    /**
     * Whether the digits ending at folded {@code end} are written onto a word with a hyphen
     * ("3-minute", "25-jährige"): the number is part of a modifier, not a count. Read in the
     * original text, where folding has turned the hyphen into a space.
     */
    private static boolean compoundModifier(FoldedText text, int end) {
        int o = text.originalEnd(end);
        return hyphenAfter(text, end) && o + 1 < text.original().length()
                && Character.isLetter(text.original().charAt(o + 1));
    }

    /**
     * Whether a hyphen or a dash (those {@link FoldedText} folds to a space between words)
     * follows folded position {@code end} in the original text.
     */
    private static boolean hyphenAfter(FoldedText text, int end) {
        int o = text.originalEnd(end);
        if (o >= text.original().length()) {
            return false;
        }
        char c = text.original().charAt(o);
        return c == '-' || c >= '\u2010' && c <= '\u2014';
    }

    /** The multiplier written right onto the digits that end at {@code end} ("1.5m"), or null. */
    private static Match gluedAt(int end, RoleMatches glued) {
        for (Match m : glued.startingIn(end, end + 1)) {
            return m;
        }
        return null;
    }

    /** Whether a subset marker stands right before the number ("dont 28") or right after it ("35 منهم"). */
    private static boolean isSubset(String s, Reading c, Map<Role, RoleMatches> byRole) {
        return preceding(s, c.phraseStart, role(byRole, Role.SUBSET_MARKER)) != null
                || following(s, c.phraseEnd, role(byRole, Role.SUBSET_MARKER_AFTER)) != null;
    }

    /**
     * "Un soldat a été tué", "one person was killed", "ein Kind": an article or "one" right
     * before a person noun in the singular counts one person. Only before the language's
     * {@code singular_people}, so that "a strike" or "a prisoner swap" count nothing; like any
     * number it is a figure only where a cue binds to it.
     */
    private static List<Reading> singlePersons(String s, char[] chars, WordStarts starts, List<Reading> figures,
                                               WordSet articles, Set<String> persons) {
        List<Reading> out = new ArrayList<>();
        Spans taken = new Spans(figures);
        int longest = 0;
        for (String a : articles) {
            longest = Math.max(longest, a.length());
        }
        int n = chars.length;
        int[] positions = starts.positions();
        // From the word starts the lexicon walk used: a word longer than every article is left
        // after longest + 1 chars, not read to its end.
        for (int k = 0, count = starts.count(); k < count; k++) {
            int start = positions[k];
            if (!articles.mayStartWith(chars[start])) {
                continue; // spells no article: most words
            }
            if (!FoldedText.isLetter(chars[start]) || start > 0 && FoldedText.isLetter(chars[start - 1])) {
                continue; // not a letter, or after a proclitic: not a word of its own
            }
            if (start > 0 && (chars[start - 1] == '\'' || chars[start - 1] == '-')) {
                continue; // inside an elided or hyphenated word
            }
            int i = start;
            while (i < n && i - start <= longest && FoldedText.isLetter(chars[i])) {
                i++;
            }
            if (i - start > longest || !articles.contains(s, start, i)) {
                continue; // most words: longer than any article, or another short word
            }
            int nounEnd = wordEnd(s, i);
            if (nounEnd < 0 || !TextScan.isOneOf(persons, s, i + 1, nounEnd) || taken.overlaps(start, nounEnd)) {
                continue;
            }
            out.add(Reading.one(start, i));
        }
        return out;
    }


    /**
     * Whether a word that makes the number after it no figure ends right before {@code start}
     * ("number 10", "aged 18"), unless a longer count apposition holds it ("who number 31").
     */
    private static boolean notAFigureAfter(String s, int start, Map<Role, RoleMatches> byRole) {
        Match before = preceding(s, start, role(byRole, Role.NON_FIGURE_BEFORE));
        if (before == null) {
            return false;
        }
        Match apposition = preceding(s, start, role(byRole, Role.COUNT_APPOSITION));
        return apposition == null || apposition.start() >= before.start();
    }

    /**
     * Whether {@code chars[start, end)} spells one of {@code words}, compared in place: the
     * language's articles are two or three short words, and this runs for every short word of
     * the body, so a substring and a hash per word cost more than the comparison.
     */
    /**
     * "شخص واحد", "قتيلًا واحدًا": where "one" follows its noun, the noun and "one" count one
     * person, only after the language's {@code singular_people} (a proclitic may be written onto
     * the noun), so that "واحد من" ("one of") alone counts nothing. Read from the lexicon's
     * matches of "one", not from a pass over the words.
     */
    private static List<Reading> onesAfterNouns(String s, List<Reading> figures, RoleMatches ones, Lexicon lexicon,
                                                Map<Role, RoleMatches> byRole) {
        List<Reading> out = new ArrayList<>();
        Spans taken = new Spans(figures);
        for (Match one : ones.all()) {
            int end = one.start() - 1;
            if (end <= 0 || s.charAt(end) != ' ') {
                continue;
            }
            int start = end;
            while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
                start--;
            }
            int nounStart = personNounStart(s, start, end, lexicon);
            if (nounStart < 0 || taken.overlaps(nounStart, one.end())) {
                continue;
            }
            Reading c = Reading.one(nounStart, one.end());
            c.subset = isSubset(s, c, byRole); // "من بينهم شخص واحد"
            out.add(c);
        }
        return out;
    }

    /** Where the singular person noun {@code s[start, end)} starts after any proclitic ("وقتيل"), or -1. */
    private static int personNounStart(String s, int start, int end, Lexicon lexicon) {
        if (end - start < 2) {
            return -1;
        }
        if (lexicon.singularPeople().contains(s, start, end)) {
            return start;
        }
        for (String proclitic : lexicon.procliticSet()) {
            if (s.startsWith(proclitic, start) && lexicon.singularPeople().contains(s, start + proclitic.length(), end)) {
                return start + proclitic.length();
            }
        }
        return -1;
    }

    /**
     * A half of the figure's multiplier: after it ("deux millions et demi", "dos millones y
     * medio", "مليونان ونصف") or between the number and the multiplier ("two and a half
     * million"). Checked only at the end of a figure, against the language's few {@code halves}.
     */
    private static void addHalf(String s, Reading c, RoleMatches multipliers, List<String> halves) {
        for (String half : halves) {
            int at = c.end + 1;
            if (at + half.length() > s.length() || s.charAt(c.end) != ' ' || !s.startsWith(half, at)
                    || (at + half.length() < s.length() && Character.isLetter(s.charAt(at + half.length())))) {
                continue;
            }
            if (c.multiplierUnit > 0) {
                c.value += c.multiplierUnit / 2;
                c.end = at + half.length();
                return;
            }
            Match multiplier = following(s, at + half.length(), multipliers);
            if (multiplier != null && c.value != null && c.value < 1000) {
                long unit = multiplier.entry().value();
                c.value = c.value * unit + unit / 2;
                c.end = multiplier.end();
                c.multiplierUnit = unit;
                return;
            }
        }
    }

    /** How many items of one list after the figure that opens it are read as singletons, at most. */
    private static final int MAX_LIST_SINGLETONS = 8;

    /**
     * "14 Israelis, vier Thailänder und einen Russen", "Cuatro policías, un soldado y tres
     * civiles", "five Thais, a Nepali and a Filipino": an article in a list of figures counts
     * one. Only right after a figure's item (a few words) or another such article's, joined by
     * a comma or a list connector and followed by its noun, so that "un soldat a été tué" alone
     * is left to the cues; after a comma alone, only when a connector follows to close the list
     * ("11 children, a local official said" is no list). Articles that name the figure's own
     * people one by one ("Two nurses, an Austrian and a Chilean, were wounded") count no one more.
     */
    private static List<Reading> listSingletons(String s, List<Reading> figures, Set<String> connectors,
                                                Set<String> articles) {
        List<Reading> out = new ArrayList<>();
        Spans taken = new Spans(figures);
        for (Reading a : figures) {
            List<Reading> chain = new ArrayList<>(2);
            boolean openedByComma = false;
            for (Reading item = a; chain.size() < MAX_LIST_SINGLETONS; ) {
                int[] next = singletonAfter(s, item.phraseEnd, taken, connectors, articles);
                if (next == null) {
                    break;
                }
                openedByComma |= chain.isEmpty() && next[2] == 1;
                item = Reading.one(next[0], next[1]);
                chain.add(item);
            }
            boolean namesItsPeople = openedByComma && chain.size() >= 2 && a.value != null && a.value == chain.size();
            if (!namesItsPeople) {
                out.addAll(chain);
            }
        }
        return out;
    }

    /**
     * The article that counts one more item after the item ending at {@code at}, as {start, end,
     * 1 when a comma alone joins it}, or null.
     */
    private static int[] singletonAfter(String s, int at, Spans taken, Set<String> connectors, Set<String> articles) {
        // the item's words: one to LIST_ITEM_WORDS, the last one may carry the comma
        boolean comma = false;
        int words = 0;
        int cursor = at;
        int connectorEnd = -1;
        while (words < CueBinder.LIST_ITEM_WORDS && !comma) {
            int wordEnd = wordEnd(s, cursor);
            if (wordEnd < 0) {
                break;
            }
            if (words > 0 && TextScan.isOneOf(connectors, s, cursor + 1, wordEnd)) {
                connectorEnd = wordEnd;
                break;
            }
            words++;
            cursor = wordEnd;
            if (cursor < s.length() && s.charAt(cursor) == ',') {
                comma = true;
                cursor++;
            }
        }
        if (words == 0 || (!comma && connectorEnd < 0)) {
            return null;
        }
        if (comma) { // ", and a cook": a connector may follow the comma
            int wordEnd = wordEnd(s, cursor);
            if (wordEnd > 0 && TextScan.isOneOf(connectors, s, cursor + 1, wordEnd)) {
                connectorEnd = wordEnd;
            }
        }
        int articleStart = connectorEnd >= 0 ? connectorEnd : cursor;
        int articleEnd = wordEnd(s, articleStart);
        if (articleEnd < 0 || !TextScan.isOneOf(articles, s, articleStart + 1, articleEnd)
                || wordEnd(s, articleEnd) < 0 || taken.overlaps(articleStart + 1, wordEnd(s, articleEnd))) {
            return null; // "une cinquantaine" is a figure of its own
        }
        if (connectorEnd < 0 && !connectorFollows(s, articleEnd, connectors, articles)) {
            return null; // "11 children, a local official said": a comma alone opens no list a connector never closes
        }
        return new int[] {articleStart + 1, articleEnd, connectorEnd < 0 ? 1 : 0};
    }

    /**
     * Whether a list connector comes within two items' words after {@code at} (an item may end
     * with a comma when another item follows it: "a cook, a driver and two guards"), before any
     * other punctuation.
     */
    private static boolean connectorFollows(String s, int at, Set<String> connectors, Set<String> articles) {
        int cursor = at;
        for (int words = 0; words < 2 * CueBinder.LIST_ITEM_WORDS; words++) {
            int wordEnd = wordEnd(s, cursor);
            if (wordEnd < 0) {
                return false;
            }
            if (TextScan.isOneOf(connectors, s, cursor + 1, wordEnd)) {
                return true;
            }
            cursor = wordEnd;
            if (cursor < s.length() && s.charAt(cursor) == ',') {
                cursor++;
                // past a comma only into another item: an article or a number ("a cook, a driver
                // and"), not "a local official said, and dozens more"
                int next = wordEnd(s, cursor);
                if (next > 0 && TextScan.isOneOf(connectors, s, cursor + 1, next)) {
                    return startsItem(s, next, articles); // ", and a Filipino"; not ", and dozens more"
                }
                if (!startsItem(s, cursor, articles)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether the word after the space at {@code at} opens a list item: an article or a number. */
    private static boolean startsItem(String s, int at, Set<String> articles) {
        int next = wordEnd(s, at);
        return next > 0 && TextScan.isOneOf(articles, s, at + 1, next)
                || at + 1 < s.length() && s.charAt(at) == ' ' && Character.isDigit(s.charAt(at + 1));
    }

    /**
     * "huit sont détenus au Sahel et un en Somalie", "twelve were killed in Mali and one in
     * Niger": "one" after a coordinator and before a locative, with a figure earlier in its
     * sentence, is one more of what that figure counts, its verb left out. Read from the
     * coordinators the lexicon matched, not from a pass over the words.
     */
    private static List<Reading> gappedOnes(String s, List<Reading> figures, RoleMatches coordinators,
                                            Set<String> connectors, Set<String> ones, Set<String> locatives) {
        List<Reading> out = new ArrayList<>();
        if (figures.isEmpty()) {
            return out;
        }
        Spans taken = new Spans(figures);
        for (Match m : coordinators.all()) {
            int oneEnd = wordEnd(s, m.end());
            if (oneEnd < 0 || !TextScan.isOneOf(connectors, s, m.start(), m.end())
                    || !TextScan.isOneOf(ones, s, m.end() + 1, oneEnd)) {
                continue;
            }
            int nextEnd = wordEnd(s, oneEnd);
            if (nextEnd < 0 || !TextScan.isOneOf(locatives, s, oneEnd + 1, nextEnd)
                    || taken.overlaps(m.end() + 1, oneEnd) || !figureBeforeInSentence(s, figures, m.start())) {
                continue;
            }
            out.add(Reading.one(m.end() + 1, oneEnd));
        }
        return out;
    }

    /** Whether a figure ends before {@code at} with no sentence end between them. */
    private static boolean figureBeforeInSentence(String s, List<Reading> figures, int at) {
        int last = -1;
        for (Reading f : figures) {
            if (f.end <= at) {
                last = Math.max(last, f.end);
            }
        }
        if (last < 0) {
            return false;
        }
        for (int i = last; i < at; i++) {
            char ch = s.charAt(i);
            if (ch == '.' || ch == '!' || ch == '?' || ch == '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the word after {@code at} is one of the language's {@code singular_people}: Arabic
     * counts from 100 up with a singular noun ("2100 قتيل", written without a separator), which
     * no year takes.
     */
    private static boolean singularPersonAt(String s, int at, Lexicon lexicon) {
        int end = wordEnd(s, at);
        return end > 0 && lexicon.singularPeople().contains(s, at + 1, end);
    }

    /**
     * Whether the word after {@code at} is one of the language's {@code victim_nouns}: "2100
     * dead", "1900 morts", "2100 muertos", "1900 Tote" count people, while "in 2100", "en 1990"
     * and "the 2023 war" are years.
     */
    private static boolean victimNounAt(String s, int at, Lexicon lexicon) {
        int end = wordEnd(s, at);
        return end > 0 && lexicon.victimNouns().contains(s, at + 1, end);
    }

    /**
     * Whether number word {@code c}, a run of one word, is one of the language's
     * {@code construct_duals} in construct before the noun it counts: "ألفا شخص", "مليونا نازح"
     * (2,000; 2,000,000). The noun must follow right after it, one of the {@code singular_people},
     * a population or a cue; the same letters before "و318" or a preposition, or written with the
     * accusative's tanwin ("ألفًا"), are the thousand or million itself.
     */
    private static boolean constructDualBeforeNoun(FoldedText text, Reading c, Lexicon lexicon,
                                                   Map<Role, RoleMatches> byRole) {
        String s = text.folded();
        if (lexicon.constructDual(s, c.start, c.end) == null
                || text.originalSpan(c.start, c.end).indexOf('\u064B') >= 0) {
            return false;
        }
        int nounEnd = wordEnd(s, c.end);
        return nounEnd > 0 && (singularPersonAt(s, c.end, lexicon)
                || role(byRole, Role.POPULATION).anyStartingIn(c.end + 1, c.end + 2)
                || role(byRole, Role.METRIC).anyStartingIn(c.end + 1, c.end + 2));
    }

    /** The qualifiers that leave one end open, or bound it from zero: they bound a vague amount's value too. */
    private static final java.util.Set<Qualifier> OPEN_ENDED =
            java.util.EnumSet.of(Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN, Qualifier.AT_MOST);

    /** The wholes of a proportion: up to ten, or a hundred ("9 in 10", "one in four", "30 sur 100"); "12 sur 40" counts. */
    private static boolean proportionWhole(long whole) {
        return whole <= 10 || whole == 100;
    }

    /**
     * Whether {@code part} and {@code whole} make a proportion: a proportion's connector between
     * them, the part's noun between or not ("9 in 10", "neuf morts sur dix"), the whole one of
     * {@link #proportionWhole} and more than the part, and nothing after the whole that it
     * would count: it ends the clause, or a partitive, an auxiliary or a metric cue follows ("of
     * the dead", "étaient", "muertos"). "killed 3 in 10 villages" counts villages after its 10.
     */
    private static boolean isProportion(String s, Reading part, Reading whole, Map<Role, RoleMatches> byRole, Lexicon lexicon) {
        if (part.vague || whole.vague || part.value == null || whole.value == null
                || !proportionWhole(whole.value) || part.value >= whole.value) {
            return false;
        }
        RoleMatches connectors = role(byRole, Role.PROPORTION);
        if (connectors.all().isEmpty()) {
            return false;
        }
        Match connector = following(s, part.end, connectors);
        if (connector == null) {
            int noun = wordEnd(s, part.end); // "neuf morts sur dix"
            connector = noun < 0 ? null : following(s, noun, connectors);
        }
        if (connector == null || !isBlank(s, connector.end(), whole.start)) {
            return false;
        }
        int next = TextScan.skipSpaces(s, whole.end);
        if (next >= s.length() || !FoldedText.isLetter(s.charAt(next))) {
            return true; // "nine in ten." or "nine in ten, ..."
        }
        int end = next;
        while (end < s.length() && FoldedText.isLetter(s.charAt(end))) {
            end++;
        }
        // a partitive of one word ("of", "des"), an auxiliary or a cue ("muertos") after the whole
        return lexicon.auxiliaries().contains(s, next, end) || lexicon.partitives().contains(s, next, end)
                || following(s, whole.end, role(byRole, Role.METRIC)) != null;
    }

    /**
     * Whether {@code c} is the size of a change: right after one of the language's change-size
     * words, a change verb a few words before it ("rose by 8", "s'est alourdi de 8",
     * "aumentó en 8", "stieg um 8", "ارتفع عدد القتلى بـ8", where the word is written onto the
     * number), not a count; the total it brought the figure to is.
     */
    private static boolean isChangeSize(String s, Reading c, Lexicon lexicon) {
        if (c.start == 0 || c.vague) {
            return false;
        }
        int end = FoldedText.isLetter(s.charAt(c.start - 1)) ? c.start : c.start - 1;
        if (end < 1 || end < c.start && s.charAt(end) != ' ') {
            return false;
        }
        int begin = end;
        while (begin > 0 && FoldedText.isLetter(s.charAt(begin - 1))) {
            begin--;
        }
        return begin < end && lexicon.changeSizes().contains(s, begin, end)
                && changeVerbAmong(s, begin, -1, CHANGE_VERB_WORDS_BEFORE, lexicon.changeVerbs());
    }

    /** Whether the word right before {@code start} (one space apart) is one of {@code words}. */
    private static boolean wordBeforeIsOneOf(String s, int start, Set<String> words) {
        int end = start - 1;
        if (end < 1 || s.charAt(end) != ' ') {
            return false;
        }
        int begin = end;
        while (begin > 0 && FoldedText.isLetter(s.charAt(begin - 1))) {
            begin--;
        }
        return begin < end && TextScan.isOneOf(words, s, begin, end);
    }

    /** The end of the word of letters that follows one space at {@code at}, or -1. */
    private static int wordEnd(String s, int at) {
        if (at >= s.length() || s.charAt(at) != ' ') {
            return -1;
        }
        int i = at + 1;
        while (i < s.length() && (FoldedText.isLetter(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '\'')) {
            i++;
        }
        return i > at + 1 ? i : -1;
    }

    /** How many words before "from" a change verb may stand: its subject ("raised the death toll from"). */
    private static final int CHANGE_VERB_WORDS_BEFORE = 5;

    /** How many words after the new figure a change verb may stand (German puts it last: "von 12 auf 19 gestiegen"). */
    private static final int CHANGE_VERB_WORDS_AFTER = 2;

    /**
     * Whether {@code c}, after the opening {@code from} of a range ("from", "de", "von", "من"),
     * is the figure before a change to {@code next}: only one of the language's
     * {@code change_connectors} stands between them, and a {@code change_verbs} verb near them
     * says the figure changed ("the death toll rose from 12 to 19", "le nombre de disparus est
     * passé de 80 à 46", "ارتفعت حصيلة القتلى من 12 إلى 19"), unless the connector joins no
     * range anyway ("von 12 auf 19"). Without such a verb "de 20 à 30 personnes" stays a range.
     */
    private static boolean isFigureBeforeChange(String s, Match from, Reading c, Reading next,
                                                Map<Role, RoleMatches> byRole, Lexicon lexicon) {
        if (!lexicon.changeOpenings().contains(s, from.start(), from.end())) {
            return false; // "between 80 and 95" is a range, whatever verb stands before it
        }
        int connector = TextScan.skipSpaces(s, c.end);
        int connectorEnd = TextScan.wordEnd(s, connector);
        if (connectorEnd <= connector || !lexicon.changeConnectors().contains(s, connector, connectorEnd)
                || !TextScan.isBlank(s, connectorEnd, next.start)) {
            return false;
        }
        boolean joinsNoRange = following(s, c.end, role(byRole, Role.RANGE_CONNECTOR)) == null
                && following(s, c.end, role(byRole, Role.OPEN_RANGE_CONNECTOR)) == null;
        return joinsNoRange
                || changeVerbAmong(s, from.start(), -1, CHANGE_VERB_WORDS_BEFORE, lexicon.changeVerbs())
                || changeVerbAmong(s, next.end, 1, CHANGE_VERB_WORDS_AFTER, lexicon.changeVerbs());
    }

    /**
     * Whether one of {@code verbs} is among the {@code words} words before (direction -1) or
     * after (1) position {@code at}, within its clause: any mark but a hyphen or an apostrophe
     * ends the search.
     */
    private static boolean changeVerbAmong(String s, int at, int direction, int words, WordSet verbs) {
        int i = at;
        for (int w = 0; w < words; w++) {
            i = direction < 0 ? TextScan.skipSpacesBack(s, i - 1) + 1 : TextScan.skipSpaces(s, i);
            int wordStart = i;
            int wordEnd = i;
            if (direction < 0) {
                while (wordStart > 0 && isWordChar(s.charAt(wordStart - 1))) {
                    wordStart--;
                }
            } else {
                while (wordEnd < s.length() && isWordChar(s.charAt(wordEnd))) {
                    wordEnd++;
                }
            }
            if (wordStart == wordEnd) {
                return false; // a mark, or the text's edge
            }
            if (verbs.contains(s, wordStart, wordEnd)) {
                return true;
            }
            i = direction < 0 ? wordStart : wordEnd;
        }
        return false;
    }

    private static boolean isWordChar(char ch) {
        return FoldedText.isLetter(ch) || ch == '-' || ch == '\'';
    }

    /**
     * Reads "X connector Y" or "X-Y" from {@code c} to the next candidate as the range [X, Y]:
     * after "entre"/"between" with any range connector ("et", "and"), else only with the
     * connectors that make a range alone ("to", "à", "bis", "إلى") or a dash. "3 to 4 million"
     * is [3,000,000, 4,000,000]. Returns whether {@code upper} was taken.
     */
    private static boolean readRange(String s, Reading c, Reading upper, Map<Role, RoleMatches> byRole,
                             Role connectors) {
        if (upper == null || upper.vague || upper.value == null || c.value == null || c.vague) {
            return false;
        }
        if (!joinsRange(s, c, upper, byRole, connectors)) {
            return false;
        }
        long low = c.value;
        if (c.multiplierUnit == 0 && upper.multiplierUnit > 0 && low * upper.multiplierUnit <= upper.value) {
            low *= upper.multiplierUnit;
        }
        if (upper.value <= low) {
            return false; // "3-1", "26 et 4": a score or two figures, not a range
        }
        c.low = low;
        c.high = upper.value;
        c.value = null;
        c.qualifier = Qualifier.RANGE;
        c.end = upper.end;
        c.phraseEnd = upper.end;
        return true;
    }

    /**
     * Whether a qualifier read after a figure rather begins the next one: "40 morts, au moins 30
     * blessés", "50 morts et plus de 100 blessés" (the next figure's own qualifier overlaps it).
     */
    private static boolean opensNext(String s, Match after, int nextStart, Map<Role, RoleMatches> byRole) {
        if (nextStart < after.start()) {
            return false; // also when there is no next candidate (-1)
        }
        if (nextStart <= after.end() + 1) {
            return true;
        }
        Match q = preceding(s, nextStart, role(byRole, Role.QUALIFIER));
        return q != null && q.start() < after.end();
    }

    private static int startOf(Reading c) {
        return c == null ? -1 : c.start;
    }

    /** Whether a range connector of the given role, or a dash, is all that stands between two candidates. */
    private static boolean joinsRange(String s, Reading c, Reading upper, Map<Role, RoleMatches> byRole,
                              Role connectors) {
        Match connector = following(s, c.end, role(byRole, connectors));
        return connector != null ? TextScan.isBlankOrQuote(s, connector.end(), upper.start) : isDash(s, c.end, upper.start);
    }

    /** Whether only a dash stands between {@code from} and {@code to}, with at most two spaces each side. */
    private static boolean isDash(String s, int from, int to) {
        if (to - from > 5) {
            return false;
        }
        int dashes = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '-') {
                dashes++;
            } else if (ch != ' ') {
                return false;
            }
        }
        return dashes == 1;
    }

    /** Runs of number words ("deux cent cinquante", "twenty eight") read as one number. */
    private static List<Reading> numberWordCandidates(String s, Map<Role, RoleMatches> byRole, Spans taken,
                                                Set<String> connectors) {
        List<Match> words = role(byRole, Role.NUMBER_WORD).leftmostLongest().all();
        List<Reading> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match first = words.get(i);
            if (taken.overlaps(first.start(), first.end())) {
                i++;
                continue;
            }
            long total = 0;
            long current = 0;
            int end = first.end();
            int j = i;
            while (j < words.size()) {
                Match w = words.get(j);
                if (j > i && !isBlankOrConnector(s, end, w.start(), connectors)) {
                    break;
                }
                long v = w.entry().value();
                if (v == 100) {
                    current = (current == 0 ? 1 : current) * 100;
                } else if (v >= 1000) {
                    total += (current == 0 ? 1 : current) * v;
                    current = 0;
                } else {
                    current += v;
                }
                end = w.end();
                j++;
            }
            Reading c = new Reading();
            c.start = first.start();
            c.end = end;
            c.value = total + current;
            if (current == 0 && total > 0) {
                c.multiplierUnit = words.get(j - 1).entry().value(); // "nueve mil" may go on in digits
            }
            out.add(c);
            i = j;
        }
        return out;
    }

    private static void setBounds(Reading c, double defaultBand) {
        if (c.vague || c.qualifier == Qualifier.RANGE) {
            return; // a vague amount's bounds come from the lexicon, a range's are its ends
        }
        Long[] bounds = bounds(c.qualifier, c.value, c.band, defaultBand);
        c.low = bounds[0];
        c.high = bounds[1];
    }

    /**
     * The bounds {low, high} (null for an open end) of figure {@code v} with {@code qualifier}:
     * an approximate one gets its band ({@code band}, else {@code defaultBand}) each side. Null for
     * a range, whose bounds are its ends.
     */
    private static Long[] bounds(Qualifier qualifier, long v, Double band, double defaultBand) {
        return switch (qualifier) {
            case RANGE -> null;
            case EXACT -> new Long[] {v, v};
            case APPROX -> {
                double b = band != null ? band : defaultBand;
                // The epsilon keeps float noise (400 * 1.1 = 440.00000000000006) from widening the band.
                yield new Long[] {(long) Math.floor(v * (1 - b) + 1e-6), (long) Math.ceil(v * (1 + b) - 1e-6)};
            }
            case AT_LEAST, MORE_THAN -> new Long[] {v, null};
            case AT_MOST, LESS_THAN -> new Long[] {0L, v};
            default -> new Long[] {v, v};
        };
    }

    /**
     * "nueve mil 511", "deux mille cinq cents", "3 آلاف و512", "ألف و85": a figure that ends with
     * a multiplier, followed (after a space or a connector such as "و") by a smaller one, is one
     * number (9,511; 2,500; 3,512; 1,085).
     */
    private static void joinMixedForms(String s, List<Reading> found, Set<String> connectors) {
        // One pass that copies, not removals from the middle: a body of a million numbers stays linear.
        List<Reading> joined = new ArrayList<>(found.size());
        for (Reading b : found) {
            Reading a = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (a != null && a.multiplierUnit > 0 && a.value != null && !a.vague && b.value != null && !b.vague
                    && b.value < a.multiplierUnit
                    && (isBlank(s, a.end, b.start) || isConnector(s, a.end, b.start, connectors))) {
                a.value += b.value;
                a.end = b.end;
                a.multiplierUnit = b.multiplierUnit; // "nueve mil 511" is complete; "deux millions trois cent mille" may go on
            } else {
                joined.add(b);
            }
        }
        found.clear();
        found.addAll(joined);
    }

    /** Whether a cue longer than qualifier {@code q} ends where it does ("handed over", "über 4" is not one). */
    private static boolean endsACue(Match q, RoleMatches cues) {
        for (Match cue : cues.endingIn(q.end(), q.end() + 1)) {
            if (cue.start() < q.start() && cue.end() == q.end()) {
                return true;
            }
        }
        return false;
    }

    /** At most this many chars, and {@link #SHARE_WORDS} words, between a share and its total: "of Haiti's", "of the region's". */
    private static final int SHARE_REACH = 30;
    private static final int SHARE_WORDS = 3;
    /** Words read after the total for a cue of its own: two words, or a relative pronoun and auxiliaries more. */
    private static final int SHARE_LOOKAHEAD = 5;

    /**
     * Whether the number is the total a share is taken of ("half of Haiti's 11 million
     * inhabitants have fled", "un quart des 12 millions d'habitants", "ein Drittel der 9 Millionen
     * Einwohner"): a population, not a count of victims. Not when a cue of its own follows within
     * two words, or in a relative clause right after them ("half of the 1,200 dead were children",
     * "two thirds of the 300 people killed", "half of the 1,200 people who were killed"): there
     * the total is itself a figure. A cue after an auxiliary is the share's verb ("half of the 2
     * million residents have fled", "half of the 300 were killed").
     */
    private static boolean totalOfAShare(String s, Reading c, Map<Role, RoleMatches> byRole, Set<String> auxiliaries,
                                         Set<String> relativePronouns) {
        RoleMatches shares = role(byRole, Role.SHARE_OF_TOTAL);
        if (shares.isEmpty()) {
            return false;
        }
        boolean shareBefore = false;
        for (Match m : shares.endingIn(Math.max(0, c.start - SHARE_REACH), c.start)) {
            if (onlyWordsBetween(s, m.end(), c.start, SHARE_WORDS)) {
                shareBefore = true;
                break;
            }
        }
        if (!shareBefore) {
            return false;
        }
        int position = c.end;
        boolean relative = false;
        for (int nouns = 0, words = 0; nouns < 2 && words < SHARE_LOOKAHEAD; words++) {
            while (position < s.length() && s.charAt(position) == ' ') {
                position++;
            }
            int wordEnd = position;
            while (wordEnd < s.length() && Character.isLetter(s.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = s.substring(position, wordEnd);
            if (relativePronouns.contains(word)) {
                relative = true; // "the 1,200 people who were killed": the relative clause's verb is the total's
            } else if (word.isEmpty() || auxiliaries.contains(word) && !relative) {
                return true; // no word, or the share's verb: no cue of the total's own
            } else if (role(byRole, Role.METRIC).anyStartingIn(position, position + 1)) {
                return false;
            } else if (!auxiliaries.contains(word)) {
                nouns++;
            }
            position = wordEnd;
        }
        return true;
    }

    /** Whether s[from, to) holds only words (letters, apostrophes), at most {@code maxWords} of them. */
    private static boolean onlyWordsBetween(String s, int from, int to, int maxWords) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == ' ') {
                inWord = false;
            } else if (Character.isLetter(ch) || ch == '\'') {
                if (!inWord && ++words > maxWords) {
                    return false;
                }
                inWord = true;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether only one of {@code connectors} stands between {@code from} and {@code to}. */
    private static boolean isConnector(String s, int from, int to, Set<String> connectors) {
        return to - from <= 8 && to >= from && connectors.contains(s.substring(from, to).strip());
    }

    private static boolean isBlankOrConnector(String s, int from, int to, Set<String> connectors) {
        if (to - from > 6) {
            return false;
        }
        String gap = s.substring(from, to).strip();
        return gap.isEmpty() || connectors.contains(gap);
    }

    private static boolean isCurrency(String s, int start, Lexicon lexicon) {
        int i = start - 1;
        while (i >= 0 && start - i <= 3 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && lexicon.isCurrencySymbol(s.charAt(i));
    }

    /** Spans already taken by candidates, sorted, for overlap checks by binary search. */
    private static final class Spans {
        private final int[] starts;
        private final int[] ends;

        Spans(List<Reading> candidates) {
            List<Reading> sorted = candidates;
            if (!inStartOrder(candidates)) { // mostly they are: no copy then (a stable sort would keep them as they are)
                sorted = new ArrayList<>(candidates);
                sorted.sort((a, b) -> Integer.compare(a.start, b.start));
            }
            starts = new int[sorted.size()];
            ends = new int[sorted.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sorted.get(i).start;
                ends[i] = sorted.get(i).end;
            }
        }

        private static boolean inStartOrder(List<Reading> candidates) {
            for (int i = 1; i < candidates.size(); i++) {
                if (candidates.get(i - 1).start > candidates.get(i).start) {
                    return false;
                }
            }
            return true;
        }

        boolean overlaps(int start, int end) {
            int i = RoleMatches.lowerBound(starts, end) - 1; // last span starting before end
            return i >= 0 && ends[i] > start || (i > 0 && ends[i - 1] > start);
        }
    }

    /**
     * A number while it is read: the rules revise its span, value and bounds in place (a
     * multiplier, a half, a range or a qualifier found after it), so it stays private to this
     * stage, which hands out {@link RecognizedNumber}s.
     */
    private static final class Reading {
        /** A count of one spanning [start, end): an article, "one" or a singular noun. */
        static Reading one(int start, int end) {
            Reading c = new Reading();
            c.start = start;
            c.end = end;
            c.phraseStart = start;
            c.phraseEnd = end;
            c.value = 1L;
            c.low = 1L;
            c.high = 1L;
            return c;
        }

        int start;
        int end;
        int phraseStart;
        int phraseEnd;
        Long value;
        /** The multiplier the number ended with ("nueve mil", "3 million"): 0 when none. */
        long multiplierUnit;
        Long low;
        Long high;
        Qualifier qualifier = Qualifier.EXACT;
        Double band;
        boolean vague;
        boolean subset;
    }
}
