package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import io.crosscount.model.ActorMention;
import io.crosscount.model.Claim;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the casualty and hostage figures of one article and turns their wording into claims
 * with bounds. It scans once (digits by {@link NumberScanner}, every lexicon phrase by one
 * Aho-Corasick pass) and then applies rules only around the numbers it found:
 *
 * <ol>
 *   <li>a number is a candidate unless what follows makes it a date, a share, an age or money;
 *   <li>a qualifier just before it ("plus de", "at least") or after it sets the bounds;
 *   <li>each metric cue of a clause ("tués", "sont toujours retenus") binds to the nearest
 *       candidate of that clause; a candidate without a cue is no figure;
 *   <li>the noun phrase after the number gives the population ("soldats et colons israéliens");
 *       a number without one refers back to the previous figure ("Une centaine a été libérée");
 *   <li>a subset marker ("dont", "including") makes the figure a subset of the previous one in
 *       the sentence, which also decides "morts" among hostages is {@code hostages_dead}.
 * </ol>
 */
public final class FigureExtractor {

    /** Words that may join the nouns of a population ("soldats et colons", "women and children"). */


    /** A number found in the text, before it is known to be a figure. */
    private static final class Candidate {
        int start;
        int end;
        int phraseStart;
        int phraseEnd;
        Long value;
        /** The multiplier the figure ended with ("nueve mil", "3 million"): 0 when none. */
        long multiplierUnit;
        Long low;
        Long high;
        Qualifier qualifier = Qualifier.EXACT;
        Double band;
        boolean vague;
        int sentence;
        int clause;
        Entry metricCue;
        int metricDistance = Integer.MAX_VALUE;
        int metricCueStart = -1;
        /** Where the figure's noun ends ("2.540 personas"): cues after it are measured from there. */
        int nounEnd;
        /** The next nearest cue of the clause, read when the nearest one gives no metric. */
        Entry secondCue;
        int secondDistance = Integer.MAX_VALUE;
        int secondCueStart = -1;
        /** "hostage" or "prisoner" when a capture word describes the released ("arrêtés ... libérés"). */
        String capturedAs;
        /**
         * A release reported after the capture this figure's cue reports ("were kidnapped on
         * Friday, but freed on Saturday"): a second claim about the same people, or null.
         */
        Entry alsoCue;
        /** The figure this one is taken out of ("three of the 19 hostages"), or null. */
        Candidate whole;
        boolean subset;
        /** The first figure of the list this one continues ("12 soldiers and two policemen"), or null. */
        Candidate listHead;
    }

    /** A figure that became a claim, kept while the article is read for anaphora and subsets. */
    private record Resolved(Candidate candidate, Metric metric, String subject, String group, String location) {}

    public List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors) {
        return extract(text, lexicon, actors, null);
    }

    /**
     * The claims of an article body; {@code headline} (may be null) gives the place of figures
     * that neither their sentence nor the body's dateline places.
     */
    public List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors, String headline) {
        return extract(text, lexicon, actors, headline, Deadline.NONE);
    }

    /** {@link #extract(FoldedText, Lexicon, List, String)}, stopped when the deadline passes. */
    List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors, String headline,
                        Deadline deadline) {
        String s = text.folded();
        Map<Role, RoleMatches> byRole = byRole(lexicon.match(text));
        List<Candidate> found = findCandidates(s, lexicon, byRole, deadline);
        if (found.isEmpty()) {
            return List.of();
        }
        TextSegments segments = TextSegments.of(s, clauseBreaks(s, found, byRole));
        List<Candidate> candidates = new ArrayList<>(found.size());
        for (Candidate c : found) {
            deadline.check("placing figures in their sentences");
            c.sentence = segments.sentenceOf(c.start);
            c.clause = segments.clauseOf(c.start);
            if (role(byRole, Role.PROJECTION).startingIn(segments.clauseStart(c.clause),
                    segments.clauseEnd(c.clause)).isEmpty()) {
                candidates.add(c);
            } // else "could kill millions": a projection, not a report
        }
        linkLists(s, candidates, byRole, lexicon.listConnectors(), deadline);
        linkPartitives(s, candidates, lexicon.partitives());
        for (Candidate c : candidates) {
            deadline.check("reading the nouns of figures");
            NounPhrase noun = nounPhrase(s, c, role(byRole, Role.POPULATION), modifiers(byRole), segments,
                    lexicon.nounPhraseGlue());
            c.nounEnd = Math.max(c.end, noun.end);
        }
        bindMetricCues(s, candidates, role(byRole, Role.METRIC), role(byRole, Role.SUBSET_MARKER), segments,
                lexicon.relativePronouns(), lexicon.auxiliaries(), deadline);
        shareListCues(candidates);
        String headlinePlace = null;
        if (headline != null && !headline.isBlank()) {
            FoldedText title = FoldedText.of(headline);
            headlinePlace = PlaceResolver.headlinePlace(title, byRole(lexicon.match(title)), lexicon.locatives());
        }
        PlaceResolver places = PlaceResolver.of(text, byRole, lexicon.locatives(), headlinePlace);
        String articleContext = dominantContext(role(byRole, Role.POPULATION));

        List<Claim> claims = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        Map<Integer, Optional<String>> sentenceContexts = new HashMap<>(); // computed once per sentence
        Map<Candidate, Resolved> parents = new HashMap<>(); // a list's members share their head's parent
        for (int k = 0; k < candidates.size(); k++) {
            deadline.check("resolving figures into claims");
            Candidate c = candidates.get(k);
            Resolved parent = !c.subset ? null
                    : c.listHead != null && parents.containsKey(c.listHead) ? parents.get(c.listHead)
                    : lastInSentence(resolved, c.sentence);
            if (c.subset) {
                parents.put(c, parent);
            }
            if (c.metricCue == null && parent == null) {
                continue;
            }
            NounPhrase np = nounPhrase(s, c.whole != null ? c.whole : c, role(byRole, Role.POPULATION),
                    modifiers(byRole), segments, lexicon.nounPhraseGlue());
            if (!np.isEmpty() && c.whole == null) {
                qualifierAfterNoun(s, c, np, k + 1 < candidates.size() ? candidates.get(k + 1) : null, byRole,
                        lexicon.approxBand());
            }
            Resolved antecedent = resolved.isEmpty() ? null : resolved.get(resolved.size() - 1);
            String sentenceContext = sentenceContexts.computeIfAbsent(c.sentence, sentence -> Optional.ofNullable(
                    dominantContext(role(byRole, Role.POPULATION).startingIn(segments.sentenceStart(sentence),
                            segments.sentenceEnd(sentence))))).orElse(null);
            // "Von den 48 Geiseln ... sind 28 nicht mehr am Leben": the figure before, in the same
            // sentence, names the population even when it is no claim itself.
            String previousContext = null;
            if (np.isEmpty() && k > 0 && candidates.get(k - 1).sentence == c.sentence && c.metricCue != null
                    && SENSES.isContextual(c.metricCue.metric())) {
                previousContext = nounPhrase(s, candidates.get(k - 1), role(byRole, Role.POPULATION),
                        modifiers(byRole), segments,
                        lexicon.nounPhraseGlue()).context;
            }
            Metric metric = resolveMetric(c, np, parent, antecedent, previousContext, sentenceContext, articleContext);
            if (metric == null && c.secondCue != null
                    && (c.metricCue.metric().equals("held") || c.metricCue.metric().equals("remaining"))) {
                // The nearest cue needs hostages or prisoners nobody names ("9 villagers remain
                // missing", "the morgues held 230 bodies"): the clause's next cue speaks instead.
                c.metricCue = c.secondCue;
                c.secondCue = null;
                metric = resolveMetric(c, np, parent, antecedent, previousContext, sentenceContext, articleContext);
            }
            if (metric == null) {
                continue;
            }
            String subject = np.subject;
            String group = np.group;
            if (subject == null && np.modifierPlace != null) {
                subject = lexicon.residentsOf(np.modifierPlace);
            }
            int sentenceStart = segments.sentenceStart(c.sentence);
            int sentenceEnd = segments.sentenceEnd(c.sentence);
            boolean captive = CAPTIVE_METRICS.contains(metric);
            // Captives are counted where they are held ("in Gaza", "en Colombie"): a bare name near
            // them is rather a party to their release ("handed to Israel", "mediated by Qatar").
            String location = captive ? places.nearestLocative(sentenceStart, sentenceEnd, c.start)
                    : places.nearest(segments.clauseStart(c.clause), segments.clauseEnd(c.clause), c.start);
            if (location == null && !captive) {
                location = places.nearest(sentenceStart, sentenceEnd, c.start);
            }
            Resolved reference = parent != null ? parent
                    : (np.isEmpty() && antecedent != null
                            && antecedent.metric().isHostageMetric() == metric.isHostageMetric()) ? antecedent : null;
            if (reference != null) {
                if (subject == null) {
                    subject = reference.subject();
                }
                if (location == null) {
                    location = reference.location();
                }
            }
            boolean locationInferred = location == null;
            if (location == null) {
                location = places.articlePlace();
            }
            if (location == null && captive) {
                location = places.nearest(sentenceStart, sentenceEnd, c.start);
            }
            if (location == null) {
                location = places.lastResort(sentenceStart, sentenceEnd, c.start);
            }
            if (location == null && captive) {
                location = places.articleAdjective(); // "zwölf israelische Geiseln ... 160 Menschen in der Gewalt"
            }
            if (captive) {
                location = lexicon.captivesPlaceOf(location); // "handed back to Israel", "held in Gaza": one group
            }
            boolean subjectInferred = false;
            if ((subject == null || subject.equals("unknown")) && takesResidents(metric, group)) {
                // "killed 45 people in Gaza": the people of the place, so that the outlet that
                // writes "Palestinians" and the one that does not share a key.
                subject = lexicon.residentsOf(location);
                subjectInferred = subject != null;
            }
            Resolved r = new Resolved(c, metric, subject == null ? "unknown" : subject, group, location);
            resolved.add(r);
            int phraseEnd = Math.max(c.phraseEnd, np.end);
            boolean hedged = isHedged(c, role(byRole, Role.HEDGE), segments);
            String source = attribution(text, c, role(byRole, Role.ATTRIBUTION), role(byRole, Role.ATTRIBUTION_PREFIX),
                    actors, segments, deadline);
            boolean placeInferred = locationInferred && location != null;
            claims.add(new Claim(metric, r.subject(), group, location, c.value, c.low, c.high, c.qualifier, hedged,
                    source, text.originalStart(c.phraseStart), text.originalEnd(phraseEnd),
                    text.originalSpan(c.phraseStart, phraseEnd)).withInferred(subjectInferred, placeInferred));
            Metric released = releaseOf(c, np, metric);
            if (released != null) {
                claims.add(new Claim(released, r.subject(), group, location, c.value, c.low, c.high, c.qualifier,
                        hedged, source, text.originalStart(c.phraseStart), text.originalEnd(phraseEnd),
                        text.originalSpan(c.phraseStart, phraseEnd)).withInferred(subjectInferred, placeInferred));
            }
        }
        return claims;
    }

    /**
     * A qualifier after the figure's noun, before or after a comma: "30 personas al menos",
     * "300 Menschen und mehr", "40 شخصا أو أكثر", "50 morts et plus". It applies to an exact
     * figure, or turns an approximate one into an open one ("about 170 people or more").
     */
    private static void qualifierAfterNoun(String s, Candidate c, NounPhrase np, Candidate next,
                                           Map<Role, RoleMatches> byRole, double approxBand) {
        if (c.vague || !(c.qualifier == Qualifier.EXACT || c.qualifier == Qualifier.APPROX) || np.end <= c.phraseEnd) {
            return;
        }
        int at = np.end;
        if (at < s.length() && s.charAt(at) == ',') {
            at++;
        }
        Match after = following(s, at, role(byRole, Role.QUALIFIER_AFTER));
        if (after == null || opensNext(s, after, next, byRole)
                || (c.qualifier == Qualifier.APPROX && after.entry().qualifier() == Qualifier.APPROX)) {
            return;
        }
        c.qualifier = after.entry().qualifier();
        setBounds(c, approxBand);
        c.phraseEnd = after.end();
    }

    private static Map<Role, RoleMatches> byRole(List<Match> matches) {
        Map<Role, List<Match>> grouped = new HashMap<>();
        for (Match m : matches) {
            grouped.computeIfAbsent(m.entry().role(), r -> new ArrayList<>()).add(m);
        }
        Map<Role, RoleMatches> byRole = new HashMap<>();
        grouped.forEach((role, list) -> byRole.put(role, new RoleMatches(list)));
        return byRole;
    }

    private static RoleMatches role(Map<Role, RoleMatches> byRole, Role role) {
        return byRole.getOrDefault(role, RoleMatches.EMPTY);
    }

    // --- candidates -------------------------------------------------------------------------

    /**
     * Where the rules start clauses besides punctuation: at subset markers ("dont",
     * "including"), and at a conjunction that joins two figures ("26 morts et 40 blessés",
     * "killed and more than 33,000 injured"), so that each figure keeps its own cue. A
     * conjunction right after a number is a range ("entre 40 et 50") and does not break.
     */
    private static int[] clauseBreaks(String s, List<Candidate> candidates, Map<Role, RoleMatches> byRole) {
        List<Integer> breaks = new ArrayList<>();
        int[] ends = candidates.stream().mapToInt(c -> c.end).sorted().toArray();
        RoleMatches afterMarkers = role(byRole, Role.SUBSET_MARKER_AFTER);
        for (Match m : role(byRole, Role.SUBSET_MARKER).all()) {
            // "35 منهم": a marker that may also follow its figure, right after a number, keeps the
            // number's clause (and its cue: "يُعتقد أن 35 منهم قد فارقوا الحياة").
            int before = RoleMatches.lowerBound(ends, m.start() + 1) - 1;
            boolean follows = before >= 0 && isBlank(s, ends[before], m.start())
                    && !afterMarkers.startingIn(m.start(), m.start() + 1).isEmpty();
            if (!follows) {
                breaks.add(m.start());
            }
        }
        int[] phraseStarts = candidates.stream().mapToInt(c -> c.phraseStart).sorted().toArray();
        for (Match m : role(byRole, Role.COORDINATOR).all()) {
            int next = RoleMatches.lowerBound(phraseStarts, m.end());
            boolean figureFollows = next < phraseStarts.length && isBlank(s, m.end(), phraseStarts[next]);
            int before = m.start() - 1;
            while (before >= 0 && s.charAt(before) == ' ') {
                before--;
            }
            boolean afterNumber = before >= 0 && Character.isDigit(s.charAt(before));
            if (figureFollows && !afterNumber) {
                breaks.add(m.start());
            }
        }
        return breaks.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private static List<Candidate> findCandidates(String s, Lexicon lexicon, Map<Role, RoleMatches> byRole,
                                                  Deadline deadline) {
        List<Candidate> found = new ArrayList<>();
        RoleMatches multipliers = role(byRole, Role.MULTIPLIER);
        RoleMatches populations = role(byRole, Role.POPULATION);
        List<Candidate> digits = new ArrayList<>();
        for (NumberScanner.Found f : NumberScanner.scan(s)) {
            deadline.check("reading numbers");
            Candidate c = new Candidate();
            c.start = f.start();
            c.end = f.end();
            // "(68) ألفًا": a figure in brackets before its multiplier, as Arabic news writes them.
            boolean bracketed = f.end() < s.length() && s.charAt(f.end()) == ')' && f.start() > 0
                    && s.charAt(f.start() - 1) == '(';
            int after = bracketed ? f.end() + 1 : f.end();
            Match multiplier = following(s, after, multipliers);
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
                if (!f.grouped() && f.end() - f.start() == 4 && lexicon.isYear(f.integerValue())
                        && following(s, f.end(), populations) == null
                        && preceding(s, f.start(), role(byRole, Role.QUALIFIER)) == null) {
                    continue; // a year ("more than 1800" is not one)
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
            Candidate c = new Candidate();
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
        List<Candidate> words = new ArrayList<>();
        for (Candidate c : numberWordCandidates(s, byRole, new Spans(found), lexicon.numberWordConnectors())) {
            Match multiplier = following(s, c.end, multipliers);
            if (multiplier != null) {
                c.value *= multiplier.entry().value(); // "elf Millionen"
                c.end = multiplier.end();
                c.multiplierUnit = multiplier.entry().value();
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

        List<Candidate> figures = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            deadline.check("reading figures");
            Candidate c = found.get(i);
            // German ordinals and dates put a dot after the number: "am 7. Oktober".
            int afterDot = c.end < s.length() - 1 && s.charAt(c.end) == '.' && s.charAt(c.end + 1) == ' ' ? c.end + 1 : c.end;
            if (following(s, c.end, role(byRole, Role.NON_FIGURE_AFTER)) != null
                    || following(s, afterDot, role(byRole, Role.NON_FIGURE_AFTER)) != null
                    || preceding(s, c.start, role(byRole, Role.NON_FIGURE_BEFORE)) != null) {
                if (i + 1 < found.size() && joinsRange(s, c, found.get(i + 1), byRole, Role.OPEN_RANGE_CONNECTOR)) {
                    i++; // "aged 18 to 60": the upper end is no figure either
                }
                continue; // a date, an age, a share, money or equipment
            }
            Candidate upper = i + 1 < found.size() ? found.get(i + 1) : null;
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
                if (after != null && !opensNext(s, after, upper, byRole)) {
                    c.qualifier = after.entry().qualifier();
                    c.phraseEnd = after.end();
                }
            }
            if (c.qualifier == Qualifier.APPROX && !c.vague) {
                // "about 170 or more": the open end the text gives wins over the approximation.
                Match after = following(s, c.end, role(byRole, Role.QUALIFIER_AFTER));
                if (after != null && after.entry().qualifier() != Qualifier.APPROX && !opensNext(s, after, upper, byRole)) {
                    c.qualifier = after.entry().qualifier();
                    c.phraseEnd = after.end();
                }
            }
            setBounds(c, lexicon.approxBand());
            c.subset = preceding(s, c.phraseStart, role(byRole, Role.SUBSET_MARKER)) != null
                    || following(s, c.phraseEnd, role(byRole, Role.SUBSET_MARKER_AFTER)) != null;
            figures.add(c);
        }
        if (!lexicon.listSingletons().isEmpty()) {
            figures.addAll(listSingletons(s, figures, lexicon.listConnectors(), lexicon.listSingletons()));
            figures.sort((a, b) -> Integer.compare(a.start, b.start));
        }
        return figures;
    }

    /**
     * A half of the figure's multiplier: after it ("deux millions et demi", "dos millones y
     * medio", "مليونان ونصف") or between the number and the multiplier ("two and a half
     * million"). Checked only at the end of a figure, against the language's few {@code halves}.
     */
    private static void addHalf(String s, Candidate c, RoleMatches multipliers, List<String> halves) {
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

    /**
     * "14 Israelis, vier Thailänder und einen Russen", "Cuatro policías, un soldado y tres
     * civiles": an article in a list of figures counts one. Only right after a figure's item (a
     * few words), joined by a comma or a list connector and followed by its noun, so that "un
     * soldat a été tué" alone is left to the cues.
     */
    private static List<Candidate> listSingletons(String s, List<Candidate> figures, Set<String> connectors,
                                                  Set<String> articles) {
        List<Candidate> out = new ArrayList<>();
        Spans taken = new Spans(figures);
        for (Candidate a : figures) {
            int at = a.phraseEnd;
            // the item's words: one to LIST_ITEM_WORDS, the last one may carry the comma
            boolean comma = false;
            int words = 0;
            int cursor = at;
            int connectorEnd = -1;
            while (words < LIST_ITEM_WORDS && !comma) {
                int wordEnd = wordEnd(s, cursor);
                if (wordEnd < 0) {
                    break;
                }
                String word = s.substring(cursor + 1, wordEnd);
                if (words > 0 && connectors.contains(word)) {
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
                continue;
            }
            if (comma) { // ", and a cook": a connector may follow the comma
                int wordEnd = wordEnd(s, cursor);
                if (wordEnd > 0 && connectors.contains(s.substring(cursor + 1, wordEnd))) {
                    connectorEnd = wordEnd;
                }
            }
            int articleStart = connectorEnd >= 0 ? connectorEnd : cursor;
            int articleEnd = wordEnd(s, articleStart);
            if (articleEnd < 0 || !articles.contains(s.substring(articleStart + 1, articleEnd))
                    || wordEnd(s, articleEnd) < 0 || taken.overlaps(articleStart + 1, wordEnd(s, articleEnd))) {
                continue; // "une cinquantaine" is a figure of its own
            }
            Candidate c = new Candidate();
            c.start = articleStart + 1;
            c.end = articleEnd;
            c.phraseStart = c.start;
            c.phraseEnd = c.end;
            c.value = 1L;
            c.low = 1L;
            c.high = 1L;
            out.add(c);
        }
        return out;
    }

    /** The end of the word of letters that follows one space at {@code at}, or -1. */
    private static int wordEnd(String s, int at) {
        if (at >= s.length() || s.charAt(at) != ' ') {
            return -1;
        }
        int i = at + 1;
        while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '\'')) {
            i++;
        }
        return i > at + 1 ? i : -1;
    }

    /**
     * Reads "X connector Y" or "X-Y" from {@code c} to the next candidate as the range [X, Y]:
     * after "entre"/"between" with any range connector ("et", "and"), else only with the
     * connectors that make a range alone ("to", "à", "bis", "إلى") or a dash. "3 to 4 million"
     * is [3,000,000, 4,000,000]. Returns whether {@code upper} was taken.
     */
    private static boolean readRange(String s, Candidate c, Candidate upper, Map<Role, RoleMatches> byRole,
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
    private static boolean opensNext(String s, Match after, Candidate next, Map<Role, RoleMatches> byRole) {
        if (next == null || next.start < after.start()) {
            return false;
        }
        if (next.start <= after.end() + 1) {
            return true;
        }
        Match q = preceding(s, next.start, role(byRole, Role.QUALIFIER));
        return q != null && q.start() < after.end();
    }

    /** Whether a range connector of the given role, or a dash, is all that stands between two candidates. */
    private static boolean joinsRange(String s, Candidate c, Candidate upper, Map<Role, RoleMatches> byRole,
                                      Role connectors) {
        Match connector = following(s, c.end, role(byRole, connectors));
        return connector != null ? isBlank(s, connector.end(), upper.start) : isDash(s, c.end, upper.start);
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
    private static List<Candidate> numberWordCandidates(String s, Map<Role, RoleMatches> byRole, Spans taken,
                                                        Set<String> connectors) {
        List<Match> words = role(byRole, Role.NUMBER_WORD).leftmostLongest().all();
        List<Candidate> out = new ArrayList<>();
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
            Candidate c = new Candidate();
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

    private static void setBounds(Candidate c, double defaultBand) {
        if (c.vague || c.qualifier == Qualifier.RANGE) {
            return;
        }
        long v = c.value;
        switch (c.qualifier) {
            case EXACT -> { c.low = v; c.high = v; }
            case APPROX -> {
                double band = c.band != null ? c.band : defaultBand;
                // The epsilon keeps float noise (400 * 1.1 = 440.00000000000006) from widening the band.
                c.low = (long) Math.floor(v * (1 - band) + 1e-6);
                c.high = (long) Math.ceil(v * (1 + band) - 1e-6);
            }
            case AT_LEAST, MORE_THAN -> { c.low = v; c.high = null; }
            case AT_MOST, LESS_THAN -> { c.low = 0L; c.high = v; }
            default -> { c.low = v; c.high = v; }
        }
    }

    // --- lists of figures -------------------------------------------------------------------

    /** How many words a list item may have after its number ("131 members of the security services"). */
    private static final int LIST_ITEM_WORDS = 4;

    /**
     * Links each figure that continues a list to the list's first figure: "seven men and seven
     * women were killed", "31 Schüler, vier Lehrer und vierzehn Familienangehörige", "بينهم 41
     * طفلًا و25 امرأة", "(41 hommes, 15 femmes et 8 enfants)". Between two items stand at most a
     * few words (the first item's noun) and a comma or a list connector ("and", never "or"), but
     * no cue, no subset marker and no other number. The items of a breakdown ("including",
     * "dont", a bracket after a figure) are all subsets, so the figure before them keeps its own
     * cue and the items count what it counts.
     */
    private static void linkLists(String s, List<Candidate> candidates, Map<Role, RoleMatches> byRole,
                                  Set<String> connectors, Deadline deadline) {
        RoleMatches cues = role(byRole, Role.METRIC);
        RoleMatches markers = role(byRole, Role.SUBSET_MARKER);
        RoleMatches places = role(byRole, Role.LOCATION);
        int n = candidates.size();
        byte[] links = new byte[n]; // how candidate k joins candidate k - 1: NO_LINK, COMMA or CONNECTOR
        for (int k = 1; k < n; k++) {
            deadline.check("linking lists of figures");
            Candidate a = candidates.get(k - 1);
            Candidate b = candidates.get(k);
            if (a.sentence != b.sentence || b.phraseStart < a.phraseEnd || b.phraseStart - a.phraseEnd > 80
                    || !cues.startingIn(a.phraseEnd, b.phraseStart).isEmpty()
                    || !markers.startingIn(a.phraseEnd, b.phraseStart).isEmpty()
                    || !places.startingIn(a.phraseEnd, b.phraseStart).isEmpty()) {
                continue;
            }
            String gap = s.substring(a.phraseEnd, b.phraseStart);
            links[k] = listLink(gap, connectors);
            if (links[k] == NO_LINK && !b.subset && opensBreakdown(gap)) {
                b.subset = true; // "64 civils (41 hommes, ...": the bracket breaks the figure down
            }
        }
        // "31 Schüler, vier Lehrer und 14 Angehörige": a comma joins items only in a list that a
        // connector closes; "Ces sept derniers jours, une trentaine de personnes" is no list.
        boolean closed = false;
        for (int k = n - 1; k > 0; k--) {
            if (links[k] == CONNECTOR) {
                closed = true;
            } else if (links[k] == NO_LINK || !closed) {
                links[k] = NO_LINK;
                closed = false;
            }
        }
        for (int k = 1; k < n; k++) {
            if (links[k] != NO_LINK) {
                Candidate a = candidates.get(k - 1);
                Candidate b = candidates.get(k);
                b.listHead = a.listHead != null ? a.listHead : a;
                b.subset |= b.listHead.subset;
            }
        }
    }

    private static final byte NO_LINK = 0;
    private static final byte COMMA = 1;
    private static final byte CONNECTOR = 2;

    /**
     * How {@code gap} joins two items of a list: the first item's noun (a few words, never none:
     * "lost two, and 22 people were injured" is no list), then a comma, a list connector, or both.
     */
    private static byte listLink(String gap, Set<String> connectors) {
        String rest = gap.strip();
        if (rest.endsWith("(")) {
            rest = rest.substring(0, rest.length() - 1).strip(); // "و(1146)": the bracket is the number's
        }
        byte link = NO_LINK;
        for (String connector : connectors) {
            if (rest.endsWith(" " + connector) || rest.endsWith("," + connector)
                    || rest.endsWith("\u060C" + connector)) {
                rest = rest.substring(0, rest.length() - connector.length()).strip();
                link = CONNECTOR;
                break;
            }
        }
        if (rest.endsWith(",") || rest.endsWith("\u060C")) {
            rest = rest.substring(0, rest.length() - 1).strip();
            link = link == NO_LINK ? COMMA : link;
        }
        return link != NO_LINK && !rest.isEmpty() && isFewWords(rest) ? link : NO_LINK;
    }

    /** Whether {@code gap} is a noun of a few words and an opening bracket: "civils (". */
    private static boolean opensBreakdown(String gap) {
        String rest = gap.strip();
        return rest.endsWith("(") && isFewWords(rest.substring(0, rest.length() - 1).strip());
    }

    /** At most {@link #LIST_ITEM_WORDS} words of letters, with no punctuation or digits among them. */
    private static boolean isFewWords(String text) {
        if (text.isEmpty()) {
            return true;
        }
        int words = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ' ') {
                words++;
            } else if (!Character.isLetter(ch) && ch != '-' && ch != '\'' && ch != '\u2019' && Character.getType(ch) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return words <= LIST_ITEM_WORDS;
    }

    /**
     * The items of a list share its cue: an item without one takes the cue of the nearest item
     * that has one ("12 soldiers and two policemen were killed"). A figure followed by a
     * breakdown whose items have a cue takes it too ("78 people, among them 11 women and four
     * infants, were killed").
     */
    private static void shareListCues(List<Candidate> candidates) {
        int n = candidates.size();
        // Items of one list stand next to each other: sweep each run forwards and backwards.
        Candidate[] before = new Candidate[n];
        Candidate[] after = new Candidate[n];
        for (int k = 0; k < n; k++) {
            Candidate c = candidates.get(k);
            Candidate previous = k > 0 && c.listHead != null ? candidates.get(k - 1) : null;
            before[k] = previous == null ? null : previous.metricCue != null ? previous : before[k - 1];
        }
        for (int k = n - 1; k >= 0; k--) {
            Candidate next = k + 1 < n && candidates.get(k + 1).listHead != null ? candidates.get(k + 1) : null;
            after[k] = next == null ? null : next.metricCue != null ? next : after[k + 1];
        }
        for (int k = 0; k < n; k++) {
            Candidate c = candidates.get(k);
            if (c.metricCue != null || (c.subset && c.listHead == null)) {
                continue; // a breakdown's first item counts what its parent counts
            }
            Candidate best = before[k] == null ? after[k] : after[k] == null ? before[k]
                    : c.start - before[k].end <= after[k].start - c.end ? before[k] : after[k];
            if (best == null && !c.subset) {
                for (int j = k + 1; j < n && candidates.get(j).subset && candidates.get(j).sentence == c.sentence; j++) {
                    if (candidates.get(j).metricCue != null) {
                        best = candidates.get(j);
                        break;
                    }
                }
            }
            if (best != null) {
                c.metricCue = best.metricCue;
                c.metricDistance = best.metricDistance;
                c.metricCueStart = best.metricCueStart;
                c.secondCue = best.secondCue;
                c.secondDistance = best.secondDistance;
                c.secondCueStart = best.secondCueStart;
            }
        }
    }

    // --- metric cues ------------------------------------------------------------------------

    /**
     * Each cue binds to the nearest candidate of its clause; each candidate keeps its nearest cue.
     * Candidates are sorted and disjoint, so the nearest is one of the two around the cue.
     */
    private static void bindMetricCues(String s, List<Candidate> candidates, RoleMatches cues, RoleMatches markers,
                                       TextSegments segments, Set<String> relatives, Set<String> auxiliaries,
                                       Deadline deadline) {
        int[] starts = candidates.stream().mapToInt(c -> c.start).toArray();
        List<Match> unbound = new ArrayList<>();
        List<Match> releases = new ArrayList<>();
        Set<Integer> subsetClauses = new java.util.HashSet<>(); // clauses that break a figure down
        for (Candidate c : candidates) {
            if (c.subset) {
                subsetClauses.add(c.clause);
            }
        }
        for (Match cue : cues.longestOnly().all()) {
            deadline.check("binding cues to figures");
            if (SENSES.isRelease(cue.entry().metric()) && !cue.entry().next()) {
                releases.add(cue);
            }
            int clause = segments.clauseOf(cue.start());
            if (cue.entry().particle() != null
                    && !wordFollows(s, cue.end(), segments.clauseEnd(clause), cue.entry().particle())) {
                continue; // "nahmen" without its "fest": took part, took over, not detained
            }
            int around = RoleMatches.lowerBound(starts, cue.start());
            Candidate best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = Math.max(0, around - 1); k <= Math.min(candidates.size() - 1, around); k++) {
                Candidate c = candidates.get(k);
                if (c.clause != clause) {
                    continue;
                }
                if (cue.entry().next() && (c.start < cue.end() || c.phraseStart - cue.end() > NEXT_GAP)) {
                    continue; // "la liberación de" counts the figure right after it, not one before
                }
                // "al menos 2.540 personas muertas en los cinco primeros meses": a cue after the
                // figure is measured from the end of its noun, so "muertas" counts the people.
                // A cue that is itself one of the noun's words ("40 people hostage") keeps its
                // distance from the number.
                int distance = cue.start() >= c.nounEnd ? cue.start() - c.nounEnd
                        : cue.start() >= c.end ? cue.start() - c.end
                        : Math.max(0, c.phraseStart - cue.end());
                if (distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            if (best != null && bestDistance < best.metricDistance) {
                if (best.metricCue != null && !best.metricCue.metric().equals(cue.entry().metric())) {
                    best.secondCue = best.metricCue;
                    best.secondDistance = best.metricDistance;
                    best.secondCueStart = best.metricCueStart;
                }
                best.metricCue = cue.entry();
                best.metricDistance = bestDistance;
                best.metricCueStart = cue.start();
            } else if (best != null && bestDistance < best.secondDistance
                    && !best.metricCue.metric().equals(cue.entry().metric())) {
                best.secondCue = cue.entry(); // "9 villagers remain missing": "remain" first, "missing" next
                best.secondDistance = bestDistance;
                best.secondCueStart = cue.start();
            } else if (best == null && !cue.entry().next()) {
                unbound.add(cue);
            }
        }
        for (int k = 0; k < candidates.size(); k++) {
            // "Three of the 19 people who were kidnapped have been released": the release is the
            // first figure's; the whole it is taken from stays captured.
            if (k == 0 || candidates.get(k - 1).clause != candidates.get(k).clause) {
                releaseAfterCapture(s, candidates.get(k), relatives, auxiliaries);
            }
        }
        // "558 people, including 50 children, were killed": a figure whose clause has no cue
        // takes the next free cue of its sentence when no other figure stands between them.
        int u = 0;
        for (int k = 0; k < candidates.size(); k++) {
            deadline.check("binding cues to figures");
            Candidate c = candidates.get(k);
            if (c.metricCue != null || c.subset) {
                continue;
            }
            while (u < unbound.size() && unbound.get(u).start() < c.end) {
                u++;
            }
            if (u == unbound.size()) {
                break;
            }
            Match cue = unbound.get(u);
            boolean sameSentence = segments.sentenceOf(cue.start()) == c.sentence;
            boolean nothingBetween = true;
            for (int j = k + 1; nothingBetween && j < candidates.size() && candidates.get(j).start < cue.start(); j++) {
                nothingBetween = candidates.get(j).subset; // stops at the first figure in the way
            }
            if (sameSentence && nothingBetween
                    && !describesAnother(s, cue, c, subsetClauses, segments, relatives, markers)) {
                c.metricCue = cue.entry();
                c.metricDistance = cue.start() - c.end;
                c.metricCueStart = cue.start();
                u++;
            }
        }
        releaseInLaterClause(s, candidates, releases, markers, subsetClauses, segments, relatives, auxiliaries);
        for (Candidate c : candidates) {
            // "The men were captured in an ambush in which 12 soldiers and two policemen were
            // killed": a list's head whose cue stands before a relative pronoun takes the list's cue.
            Candidate head = c.listHead;
            if (head != null && head.metricCue != null && head.metricCueStart < head.phraseStart
                    && c.metricCue != null && c.metricCueStart > c.end
                    && hasWord(s, head.metricCueStart, head.phraseStart, relatives)) {
                head.metricCue = null;
            }
        }
        for (Candidate c : candidates) {
            if (c.whole != null && c.metricCue == null) {
                partOfWhole(s, c, c.whole, relatives, auxiliaries);
            }
        }
    }

    /** "trois des 19 otages", "tres de los 20 secuestrados": a figure right before the whole it is taken from. */
    private static void linkPartitives(String s, List<Candidate> candidates, Set<String> partitives) {
        for (int k = 0; k + 1 < candidates.size(); k++) {
            Candidate part = candidates.get(k);
            Candidate whole = candidates.get(k + 1);
            if (part.clause == whole.clause && whole.phraseStart > part.phraseEnd
                    && whole.phraseStart - part.phraseEnd <= 16 && part.listHead == null
                    && partitives.contains(s.substring(part.phraseEnd, whole.phraseStart).strip())) {
                part.whole = whole;
            }
        }
    }

    /**
     * The verb after "X of the Y ..." counts X: "neuf des trente-quatre otages ... étaient morts"
     * (the whole keeps no cue of its own), "three of the 19 people who were kidnapped have been
     * released" (the whole keeps the capture that describes it, the part is released).
     */
    private static void partOfWhole(String s, Candidate part, Candidate whole, Set<String> relatives,
                                    Set<String> auxiliaries) {
        if (whole.metricCue == null || whole.metricCueStart < whole.end) {
            return;
        }
        if (whole.capturedAs != null && SENSES.isRelease(whole.metricCue.metric()) && whole.secondCue != null) {
            // the whole's release came after the capture that describes it: the release is the part's
            part.metricCue = whole.metricCue;
            part.metricCueStart = whole.metricCueStart;
            part.metricDistance = whole.metricDistance;
            part.capturedAs = whole.capturedAs;
            whole.metricCue = whole.secondCue;
            whole.metricCueStart = whole.secondCueStart;
            whole.metricDistance = whole.secondDistance;
            whole.secondCue = null;
            whole.capturedAs = null;
        } else if (describes(s, whole, relatives, auxiliaries)) {
            if (whole.secondCue != null && whole.secondCueStart > whole.metricCueStart) {
                part.metricCue = whole.secondCue;
                part.metricCueStart = whole.secondCueStart;
                part.metricDistance = whole.secondDistance;
                part.capturedAs = SENSES.isCapture(whole.metricCue.metric()) ? capturedAs(whole.metricCue) : null;
                whole.secondCue = null;
            }
        } else {
            part.metricCue = whole.metricCue;
            part.metricCueStart = whole.metricCueStart;
            part.metricDistance = whole.metricDistance;
            whole.metricCue = null;
            whole.secondCue = null;
        }
    }

    /**
     * Whether {@code cue}, in a later clause than figure {@code c}, stands in a relative clause
     * about some other noun: "four gangs staged attacks, said the report, which was released on
     * Thursday". A relative clause right after the figure's own clause, or after a breakdown of
     * it, is about the figure ("340 personnes arrêtées, qui ont été libérées", "une cinquantaine
     * de personnes, parmi lesquelles des femmes, qui ont été enlevées").
     */
    private static boolean describesAnother(String s, Match cue, Candidate c, Set<Integer> subsetClauses,
                                            TextSegments segments, Set<String> relatives, RoleMatches markers) {
        int clause = segments.clauseOf(cue.start());
        if (clause <= c.clause + 1 || !markers.startingIn(segments.clauseStart(clause - 1),
                Math.min(segments.clauseStart(clause - 1) + 3, segments.clauseEnd(clause - 1))).isEmpty()) {
            return false;
        }
        if (subsetClauses.contains(clause - 1)) {
            return false; // "9 personas, entre ellas varios religiosos, tres de ellos franceses, que..."
        }
        for (String word : s.substring(segments.clauseStart(clause), cue.start()).strip().split(" ")) {
            if (relatives.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** How far after its figure a release may report what became of the captured (characters). */
    private static final int RELEASE_REACH = 250;

    /**
     * "Quelque 340 personnes arrêtées en juillet, ont été libérées", "Vingt-huit élèves ...,
     * enlevés en juin, ont été libérés", "Un centenar de alumnos fueron secuestrados el viernes,
     * aunque sus captores los liberaron": a release in a later clause of the figure's sentence,
     * with no other figure between them, is what became of the figure's captured people. When
     * the capture only describes them (a participle, a relative clause) the release is the news;
     * when it is reported too, both are claims.
     */
    private static void releaseInLaterClause(String s, List<Candidate> candidates, List<Match> releases,
                                             RoleMatches markers, Set<Integer> subsetClauses,
                                             TextSegments segments, Set<String> relatives,
                                             Set<String> auxiliaries) {
        if (releases.isEmpty()) {
            return;
        }
        Set<Integer> bound = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c.metricCue != null) {
                bound.add(c.metricCueStart);
            }
        }
        int[] releaseStarts = releases.stream().mapToInt(Match::start).toArray();
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            if (c.metricCue == null || c.subset || c.alsoCue != null || !SENSES.isCapture(c.metricCue.metric())
                    || (c.secondCue != null && SENSES.isRelease(c.secondCue.metric()))) {
                continue;
            }
            int from = Math.max(Math.max(c.nounEnd, c.metricCueStart + 1), c.end);
            int r = RoleMatches.lowerBound(releaseStarts, from);
            if (r == releases.size()) {
                continue;
            }
            Match release = releases.get(r);
            if (release.start() - c.end > RELEASE_REACH || segments.sentenceOf(release.start()) != c.sentence
                    || segments.clauseOf(release.start()) == c.clause || bound.contains(release.start())
                    || describesAnother(s, release, c, subsetClauses, segments, relatives, markers)) {
                continue;
            }
            boolean between = false;
            for (int j = k + 1; j < candidates.size() && candidates.get(j).start < release.start(); j++) {
                Candidate other = candidates.get(j);
                between |= !other.subset && other.listHead == null;
            }
            if (between) {
                continue;
            }
            String captured = capturedAs(c.metricCue);
            if (c.metricCueStart >= c.end && describes(s, c, relatives, auxiliaries)) {
                c.secondCue = c.metricCue;
                c.secondDistance = c.metricDistance;
                c.secondCueStart = c.metricCueStart;
                c.metricCue = release.entry();
                c.metricDistance = release.start() - c.nounEnd;
                c.metricCueStart = release.start();
                c.capturedAs = captured;
            } else {
                c.alsoCue = release.entry();
            }
        }
    }

    /**
     * Whether the capture word after figure {@code c} describes its people rather than reports
     * their capture: it stands in a relative clause ("19 people who were kidnapped", "personas
     * que permanecían secuestradas"), or no auxiliary verb stands before it ("340 personnes
     * arrêtées", "élèves ..., enlevés en juin,"). "Fifty people were kidnapped" reports it.
     */
    private static boolean describes(String s, Candidate c, Set<String> relatives, Set<String> auxiliaries) {
        if (c.metricCueStart <= c.end) {
            return true;
        }
        for (String word : s.substring(c.end, c.metricCueStart).split(" ")) {
            int apostrophe = word.indexOf('\'');
            if (relatives.contains(word) || (apostrophe > 0 && relatives.contains(word.substring(0, apostrophe + 1)))) {
                return true;
            }
            if (auxiliaries.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String capturedAs(Entry capture) {
        return SENSES.capturedAs(capture.metric());
    }

    private static final CueSenses SENSES = CueSenses.SHARED;

    /**
     * "Tres civiles que permanecían secuestrados ... fueron liberados", "340 personnes arrêtées
     * en juillet ont été libérées", "12 prisoners held by Russia were freed": after the figure, a
     * capture word describes who they are and the release that follows is the news. When both
     * follow the figure, capture first, the release speaks.
     */
    private static void releaseAfterCapture(String s, Candidate c, Set<String> relatives, Set<String> auxiliaries) {
        if (c.metricCue != null && c.secondCue != null && SENSES.isCapture(c.metricCue.metric())
                && SENSES.isRelease(c.secondCue.metric())
                && c.metricCueStart >= c.end && c.secondCueStart > c.metricCueStart) {
            if (!describes(s, c, relatives, auxiliaries)) {
                c.alsoCue = c.secondCue; // "50 people were kidnapped and later freed": both are news
                return;
            }
            Entry capture = c.metricCue;
            c.metricCue = c.secondCue;
            c.metricDistance = c.secondDistance;
            c.metricCueStart = c.secondCueStart;
            c.secondCue = capture;
            c.capturedAs = capturedAs(capture);
        }
    }

    /**
     * Cues that mean different metrics for hostages and for prisoners ("released", "held",
     * "captured", "returned", "remaining") and "dead" and "remains" (killed, or hostages_dead among
     * hostages) are resolved by context:
     * the figure's own noun phrase, then its parent figure, then the figure it refers back to,
     * then the sentence, then the article.
     */
    /** How far a figure may stand after a cue that counts only the next figure ("the release of all 22"). */
    private static final int NEXT_GAP = 8;

    /**
     * Casualty metrics, whose victims are mostly the people of the place where they are counted.
     * Hostages, prisoners and detainees are left out: they are counted where they are held, or
     * released to, not where they live.
     */
    private static final Set<Metric> RESIDENT_METRICS =
            java.util.EnumSet.of(Metric.KILLED, Metric.WOUNDED, Metric.MISSING, Metric.DISPLACED);

    /** Hostage and prisoner metrics: their people are counted under the place of their captivity. */
    private static final Set<Metric> CAPTIVE_METRICS = java.util.EnumSet.of(Metric.HOSTAGES_TAKEN,
            Metric.HOSTAGES_HELD, Metric.HOSTAGES_RELEASED, Metric.HOSTAGES_DEAD, Metric.PRISONERS_RELEASED);

    /** Groups that are often not the place's people: an army fights abroad, aid workers come from it. */
    private static final Set<String> NON_RESIDENT_GROUPS = Set.of("soldiers", "aid_workers");

    private static boolean takesResidents(Metric metric, String group) {
        return RESIDENT_METRICS.contains(metric) && (group == null || !NON_RESIDENT_GROUPS.contains(group));
    }


    private static Metric resolveMetric(Candidate c, NounPhrase np, Resolved parent, Resolved antecedent,
                                        String previousContext, String sentenceContext, String articleContext) {
        String cue = c.metricCue == null ? null : c.metricCue.metric();
        if (cue == null) {
            return parent.metric(); // "including 30 children" counts what its parent counts
        }
        if (!SENSES.isContextual(cue)) {
            return Metric.fromWireName(cue);
        }
        String context = np.context;
        if (context == null && parent != null) {
            context = contextOf(parent.metric());
        }
        if (context == null) {
            context = c.capturedAs; // "340 personnes arrêtées en juillet ont été libérées": prisoners
        }
        boolean death = cue.equals("dead") || cue.equals("remains");
        if (context == null) {
            context = previousContext;
        }
        if (context == null && np.isEmpty() && antecedent != null
                && !(death && antecedent.metric() == Metric.HOSTAGES_TAKEN)) {
            // "Of the 88 captives still held, 19 are dead"; but after an abduction ("enlevé 25
            // personnes... six morts") the dead of the raid are killed, not dead hostages.
            context = contextOf(antecedent.metric());
        }
        if (cue.equals("returned")) {
            // Exchange and return verbs ("in exchange for", "récupéré", "kehrten zurück", "عاد") are a
            // release only among hostages or prisoners named in the phrase or the sentence: "the
            // hospital received 50 patients" is not one, whatever the article is about.
            String near = context != null ? context : sentenceContext;
            return "prisoner".equals(near) ? Metric.PRISONERS_RELEASED
                    : "hostage".equals(near) ? Metric.HOSTAGES_RELEASED : null;
        }
        if (cue.equals("remaining")) {
            // Weak holding cues ("remain", "quedan", "لديها", "still keeps") hold only hostages or
            // prisoners named in the phrase or the sentence: "9 villagers remain missing" is no holding.
            String near = context != null ? context : sentenceContext;
            return "prisoner".equals(near) ? Metric.DETAINED : "hostage".equals(near) ? Metric.HOSTAGES_HELD : null;
        }
        if (cue.equals("remains")) {
            // Bodies and remains ("جثامين", "dépouilles", "bodies") are hostages' when hostages are
            // named in the phrase, else, when the figure names no population, in its sentence or
            // article: "Hamas handed over 5 bodies" in a story about hostages, not "the bodies of
            // 30 Palestinians" or "the morgues held 230 bodies" in a story about strikes.
            if (context == null && np.isEmpty()) {
                context = sentenceContext != null ? sentenceContext : articleContext;
            }
            return "hostage".equals(context) ? Metric.HOSTAGES_DEAD : Metric.KILLED;
        }
        if (cue.equals("dead")) {
            return "hostage".equals(context) ? Metric.HOSTAGES_DEAD : Metric.KILLED;
        }
        if (context == null) {
            // Holding is about hostages unless the sentence says prisoners; for releases the
            // article's balance of hostage and prisoner words decides last.
            context = sentenceContext != null ? sentenceContext : cue.equals("held") ? null : articleContext;
            if (context == null && cue.equals("held") && articleContext == null) {
                return null; // "the morgues held 230 bodies", "held 30 seats": nobody captive in the article
            }
        }
        boolean prisoner = "prisoner".equals(context);
        return switch (cue) {
            case "released" -> prisoner ? Metric.PRISONERS_RELEASED : Metric.HOSTAGES_RELEASED;
            case "held" -> prisoner ? Metric.DETAINED : Metric.HOSTAGES_HELD;
            default -> "hostage".equals(context) ? Metric.HOSTAGES_TAKEN : Metric.DETAINED; // captured
        };
    }

    /**
     * The metric of the release reported after figure {@code c}'s capture ({@link Candidate#alsoCue}),
     * among the people the capture made hostages or prisoners; null when there is none.
     */
    private static Metric releaseOf(Candidate c, NounPhrase np, Metric captureMetric) {
        if (c.alsoCue == null) {
            return null;
        }
        String cue = c.alsoCue.metric();
        if (cue.equals("prisoners_released") || cue.equals("hostages_released")) {
            return Metric.fromWireName(cue);
        }
        String context = np.context != null ? np.context : contextOf(captureMetric);
        return "prisoner".equals(context) ? Metric.PRISONERS_RELEASED
                : "hostage".equals(context) ? Metric.HOSTAGES_RELEASED : null;
    }

    private static String contextOf(Metric metric) {
        if (metric.isHostageMetric()) {
            return "hostage";
        }
        return metric == Metric.DETAINED || metric == Metric.PRISONERS_RELEASED ? "prisoner" : null;
    }

    // --- populations, places, hedges, attribution -------------------------------------------

    private static final class NounPhrase {
        String subject;
        String group;
        String context;
        /** The place of an adjective before the noun ("Syrian soldiers"), or null. */
        String modifierPlace;
        int end = -1;
        boolean empty = true;

        boolean isEmpty() {
            return empty;
        }
    }

    /** The matches that decide what a word before a figure's noun is: cues and place adjectives. */
    private record Modifiers(RoleMatches cues, RoleMatches adjectives) {}

    private static Modifiers modifiers(Map<Role, RoleMatches> byRole) {
        return new Modifiers(role(byRole, Role.METRIC), role(byRole, Role.LOCATION_ADJECTIVE));
    }

    private static NounPhrase nounPhrase(String s, Candidate c, RoleMatches populations, Modifiers modifiers,
                                         TextSegments segments, Set<String> glue) {
        NounPhrase np = new NounPhrase();
        Set<String> groups = new LinkedHashSet<>();
        int cursor = c.phraseEnd;
        for (Match m : populations.startingIn(cursor, segments.clauseEnd(c.clause))) {
            if (m.start() < cursor) {
                continue; // a shorter phrase inside the previous noun
            }
            String gap = s.substring(cursor, m.start()).strip();
            // "805 Alawite civilians", "12 verschleppte Erntehelfer": where adjectives go before the
            // noun ("*" in the glue), one word may stand between the figure and its people.
            if (!glue.contains(gap)) {
                if (!(np.empty && glue.contains("*") && isOneWord(gap)
                        && modifiers.cues().startingIn(cursor, m.start()).isEmpty())) {
                    break;
                }
                // "Five Syrian soldiers": the adjective names the soldiers' people
                List<Match> adjective = modifiers.adjectives().startingIn(cursor, m.start());
                np.modifierPlace = adjective.isEmpty() ? null : adjective.get(0).entry().location();
            }
            Entry e = m.entry();
            if (np.subject == null && e.subject() != null) {
                np.subject = e.subject();
            }
            if (e.group() != null) {
                groups.add(e.group());
            }
            if (np.context == null && e.context() != null) {
                np.context = e.context();
            }
            np.empty = false;
            np.end = m.end();
            cursor = m.end();
        }
        np.group = groups.size() == 1 ? groups.iterator().next() : null;
        return np;
    }

    /** Whether one of {@code words} stands as a whole word in {@code s} between {@code from} and {@code to}. */
    private static boolean hasWord(String s, int from, int to, Set<String> words) {
        int start = -1;
        for (int i = from; i <= to; i++) {
            boolean letter = i < to && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (words.contains(s.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    private static boolean isOneWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isLetter(text.charAt(i)) && text.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    private static String dominantContext(RoleMatches populations) {
        return dominantContext(populations.all());
    }

    /** "hostage" or "prisoner", whichever the population words say more often; null if neither. */
    private static String dominantContext(List<Match> populations) {
        int hostage = 0;
        int prisoner = 0;
        for (Match m : populations) {
            if ("hostage".equals(m.entry().context())) {
                hostage++;
            } else if ("prisoner".equals(m.entry().context())) {
                prisoner++;
            }
        }
        return hostage == 0 && prisoner == 0 ? null : hostage >= prisoner ? "hostage" : "prisoner";
    }

    private static boolean isHedged(Candidate c, RoleMatches hedges, TextSegments segments) {
        return !hedges.startingIn(segments.clauseStart(c.clause), segments.clauseEnd(c.clause)).isEmpty();
    }

    /**
     * Who gave the figure: the actor right after a prefix cue ("selon", "according to") in the
     * cue's clause, else the actor nearest a reporting verb ("said", "a annoncé") in the
     * figure's sentence. Persons are not sources of figures here: their offices are.
     */
    private static String attribution(FoldedText text, Candidate c, RoleMatches verbs, RoleMatches prefixes,
                                      List<ActorMention> actors, TextSegments segments, Deadline deadline) {
        int sentenceFrom = segments.sentenceStart(c.sentence);
        int sentenceTo = segments.sentenceEnd(c.sentence);
        List<ActorMention> inSentence = actorsBetween(text, actors, sentenceFrom, sentenceTo);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Match cue : prefixes.startingIn(sentenceFrom, sentenceTo)) {
            deadline.check("attributing figures"); // cues times actors: a long sentence of both is slow
            int cueEnd = text.originalEnd(cue.end());
            int clauseEnd = segments.clauseEnd(segments.clauseOf(cue.start()));
            int clauseEndOriginal = clauseEnd >= text.length() ? Integer.MAX_VALUE : text.originalStart(clauseEnd);
            for (ActorMention a : inSentence) {
                int distance = a.start() - cueEnd;
                if (distance >= 0 && distance < bestDistance && a.start() < clauseEndOriginal) {
                    best = a.actorId();
                    bestDistance = distance;
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (Match cue : verbs.startingIn(sentenceFrom, sentenceTo)) {
            deadline.check("attributing figures");
            int cueStart = text.originalStart(cue.start());
            int cueEnd = text.originalEnd(cue.end());
            for (ActorMention a : inSentence) {
                int distance = a.start() >= cueEnd ? a.start() - cueEnd : cueStart - a.end();
                if (distance >= 0 && distance < bestDistance) {
                    best = a.actorId();
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Non-person actor mentions inside the folded range [from, to), found by binary search. */
    private static List<ActorMention> actorsBetween(FoldedText text, List<ActorMention> actors, int from, int to) {
        int originalFrom = text.originalStart(Math.min(from, text.length()));
        int originalTo = to >= text.length() ? Integer.MAX_VALUE : text.originalStart(to);
        int lo = 0;
        int hi = actors.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (actors.get(mid).start() < originalFrom) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<ActorMention> out = new ArrayList<>();
        for (int i = lo; i < actors.size() && actors.get(i).start() < originalTo; i++) {
            if (!"person".equals(actors.get(i).type())) {
                out.add(actors.get(i));
            }
        }
        return out;
    }

    // --- small text helpers -----------------------------------------------------------------

    /** The longest match ending at most three spaces before {@code position}. */
    private static Match preceding(String s, int position, RoleMatches matches) {
        Match best = null;
        for (Match m : matches.endingIn(Math.max(0, position - 3), position)) {
            if (isBlank(s, m.end(), position) && (best == null || m.end() - m.start() > best.end() - best.start())) {
                best = m;
            }
        }
        return best;
    }

    /** The longest match starting at most three spaces after {@code position}. */
    /** Whether {@code word} occurs as a whole word between {@code from} and {@code to}. */
    private static boolean wordFollows(String s, int from, int to, String word) {
        int limit = Math.min(to, s.length());
        for (int i = s.indexOf(word, from); i >= 0 && i + word.length() <= limit; i = s.indexOf(word, i + 1)) {
            boolean startsWord = i == 0 || !Character.isLetter(s.charAt(i - 1));
            boolean endsWord = i + word.length() == s.length() || !Character.isLetter(s.charAt(i + word.length()));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    /**
     * "nueve mil 511", "deux mille cinq cents", "3 آلاف و512", "ألف و85": a figure that ends with
     * a multiplier, followed (after a space or a connector such as "و") by a smaller one, is one
     * number (9,511; 2,500; 3,512; 1,085).
     */
    private static void joinMixedForms(String s, List<Candidate> found, Set<String> connectors) {
        // One pass that copies, not removals from the middle: a body of a million numbers stays linear.
        List<Candidate> joined = new ArrayList<>(found.size());
        for (Candidate b : found) {
            Candidate a = joined.isEmpty() ? null : joined.get(joined.size() - 1);
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

    private static Match following(String s, int position, RoleMatches matches) {
        Match best = null;
        for (Match m : matches.startingIn(position, position + 4)) {
            if (isBlank(s, position, m.start()) && (best == null || m.end() > best.end())) {
                best = m;
            }
        }
        return best;
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

    /** Whether only one of {@code connectors} stands between {@code from} and {@code to}. */
    private static boolean isConnector(String s, int from, int to, Set<String> connectors) {
        return to - from <= 8 && to >= from && connectors.contains(s.substring(from, to).strip());
    }

    private static boolean isBlank(String s, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
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

    private static Resolved lastInSentence(List<Resolved> resolved, int sentence) {
        for (int i = resolved.size() - 1; i >= 0 && resolved.get(i).candidate().sentence >= sentence; i--) {
            if (resolved.get(i).candidate().sentence == sentence) {
                return resolved.get(i);
            }
        }
        return null;
    }

    /** Spans already taken by candidates, sorted, for overlap checks by binary search. */
    private static final class Spans {
        private final int[] starts;
        private final int[] ends;

        Spans(List<Candidate> candidates) {
            List<Candidate> sorted = new ArrayList<>(candidates);
            sorted.sort((a, b) -> Integer.compare(a.start, b.start));
            starts = sorted.stream().mapToInt(c -> c.start).toArray();
            ends = sorted.stream().mapToInt(c -> c.end).toArray();
        }

        boolean overlaps(int start, int end) {
            int i = RoleMatches.lowerBound(starts, end) - 1; // last span starting before end
            return i >= 0 && ends[i] > start || (i > 0 && ends[i - 1] > start);
        }
    }
}
