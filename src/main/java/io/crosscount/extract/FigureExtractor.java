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
    private static final Set<String> NOUN_PHRASE_GLUE = Set.of(
            "", "de", "d'", "des", "du", "of", "the", "et", "and", "y", "und", "e", ",", "de los", "de las",
            "la", "les", "los", "las", "der", "die", "و");


    /** A number found in the text, before it is known to be a figure. */
    private static final class Candidate {
        int start;
        int end;
        int phraseStart;
        int phraseEnd;
        Long value;
        Long low;
        Long high;
        Qualifier qualifier = Qualifier.EXACT;
        Double band;
        boolean vague;
        int sentence;
        int clause;
        Entry metricCue;
        int metricDistance = Integer.MAX_VALUE;
        boolean subset;
    }

    /** A figure that became a claim, kept while the article is read for anaphora and subsets. */
    private record Resolved(Candidate candidate, Metric metric, String subject, String group, String location) {}

    public List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors) {
        String s = text.folded();
        List<Match> matches = lexicon.match(s);
        Map<Role, List<Match>> byRole = new HashMap<>();
        for (Match m : matches) {
            byRole.computeIfAbsent(m.entry().role(), r -> new ArrayList<>()).add(m);
        }
        TextSegments segments = TextSegments.of(s, byRole.getOrDefault(Role.SUBSET_MARKER, List.of()));
        List<Candidate> candidates = findCandidates(s, lexicon, byRole, segments);
        if (candidates.isEmpty()) {
            return List.of();
        }
        bindMetricCues(candidates, byRole.getOrDefault(Role.METRIC, List.of()), segments);
        String articleLocation = dominantLocation(byRole.getOrDefault(Role.LOCATION, List.of()));
        String articleContext = dominantContext(byRole.getOrDefault(Role.POPULATION, List.of()));

        List<Claim> claims = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (Candidate c : candidates) {
            Resolved parent = c.subset ? lastInSentence(resolved, c.sentence) : null;
            if (c.metricCue == null && parent == null) {
                continue;
            }
            NounPhrase np = nounPhrase(s, c, byRole.getOrDefault(Role.POPULATION, List.of()), segments);
            Resolved antecedent = resolved.isEmpty() ? null : resolved.get(resolved.size() - 1);
            Metric metric = resolveMetric(c, np, parent, antecedent, articleContext);
            if (metric == null) {
                continue;
            }
            String subject = np.subject;
            String group = np.group;
            String location = nearestLocation(c, byRole.getOrDefault(Role.LOCATION, List.of()), segments);
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
            if (location == null) {
                location = articleLocation;
            }
            Resolved r = new Resolved(c, metric, subject == null ? "unknown" : subject, group, location);
            resolved.add(r);
            int phraseEnd = Math.max(c.phraseEnd, np.end);
            claims.add(new Claim(metric, r.subject(), group, location, c.value, c.low, c.high, c.qualifier,
                    isHedged(c, byRole.getOrDefault(Role.HEDGE, List.of()), segments),
                    attribution(text, c, byRole.getOrDefault(Role.ATTRIBUTION, List.of()),
                            byRole.getOrDefault(Role.ATTRIBUTION_PREFIX, List.of()), actors, segments),
                    text.originalStart(c.phraseStart), text.originalEnd(phraseEnd),
                    text.originalSpan(c.phraseStart, phraseEnd)));
        }
        return claims;
    }

    // --- candidates -------------------------------------------------------------------------

    private static List<Candidate> findCandidates(String s, Lexicon lexicon, Map<Role, List<Match>> byRole,
                                                  TextSegments segments) {
        List<Candidate> found = new ArrayList<>();
        List<Match> vague = byRole.getOrDefault(Role.VAGUE_AMOUNT, List.of());
        for (Match m : longestOnly(vague)) {
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
            found.add(c);
        }
        for (NumberScanner.Found f : NumberScanner.scan(s)) {
            if (overlapsAny(f.start(), f.end(), found)) {
                continue;
            }
            Candidate c = new Candidate();
            c.start = f.start();
            c.end = f.end();
            if (f.decimal()) {
                Match multiplier = following(s, f.end(), byRole.getOrDefault(Role.MULTIPLIER, List.of()));
                if (multiplier == null) {
                    continue; // "3,5" alone is a share or a measure, never a head count
                }
                c.value = Math.round(f.decimalValue() * multiplier.entry().value());
                c.end = multiplier.end();
            } else {
                c.value = f.integerValue();
                Match multiplier = following(s, f.end(), byRole.getOrDefault(Role.MULTIPLIER, List.of()));
                if (multiplier != null) {
                    c.value = f.integerValue() * multiplier.entry().value();
                    c.end = multiplier.end();
                } else if (!f.grouped() && f.end() - f.start() == 4 && f.integerValue() >= 1800
                        && f.integerValue() <= 2100
                        && following(s, f.end(), byRole.getOrDefault(Role.POPULATION, List.of())) == null) {
                    continue; // a year
                }
            }
            if (isCurrency(s, c.start)) {
                continue;
            }
            found.add(c);
        }
        found.addAll(numberWordCandidates(s, byRole, found));
        found.sort((a, b) -> Integer.compare(a.start, b.start));

        List<Candidate> figures = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Candidate c = found.get(i);
            if (following(s, c.end, byRole.getOrDefault(Role.NON_FIGURE_AFTER, List.of())) != null
                    || preceding(s, c.start, byRole.getOrDefault(Role.NON_FIGURE_BEFORE, List.of())) != null) {
                continue; // a date, an age, a share, money or equipment
            }
            c.phraseStart = c.start;
            c.phraseEnd = c.end;
            Match q = preceding(s, c.start, byRole.getOrDefault(Role.QUALIFIER, List.of()));
            if (q != null && !c.vague) {
                c.phraseStart = q.start();
                if (q.entry().qualifier() == Qualifier.RANGE) {
                    Candidate upper = i + 1 < found.size() ? found.get(i + 1) : null;
                    Match connector = following(s, c.end, byRole.getOrDefault(Role.RANGE_CONNECTOR, List.of()));
                    if (upper != null && connector != null && isBlank(s, connector.end(), upper.start)
                            && upper.value != null && upper.value >= c.value) {
                        c.low = c.value;
                        c.high = upper.value;
                        c.value = null;
                        c.qualifier = Qualifier.RANGE;
                        c.end = upper.end;
                        c.phraseEnd = upper.end;
                        i++;
                    }
                } else {
                    c.qualifier = q.entry().qualifier();
                    c.band = q.entry().band();
                }
            } else if (!c.vague) {
                Match after = following(s, c.end, byRole.getOrDefault(Role.QUALIFIER_AFTER, List.of()));
                if (after != null) {
                    c.qualifier = after.entry().qualifier();
                    c.phraseEnd = after.end();
                }
            }
            setBounds(c, lexicon.approxBand());
            c.sentence = segments.sentenceOf(c.start);
            c.clause = segments.clauseOf(c.start);
            c.subset = preceding(s, c.phraseStart, byRole.getOrDefault(Role.SUBSET_MARKER, List.of())) != null;
            figures.add(c);
        }
        return figures;
    }

    /** Runs of number words ("deux cent cinquante", "twenty eight") read as one number. */
    private static List<Candidate> numberWordCandidates(String s, Map<Role, List<Match>> byRole, List<Candidate> taken) {
        List<Match> words = longestOnly(byRole.getOrDefault(Role.NUMBER_WORD, List.of()));
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match first = words.get(i);
            if (overlapsAny(first.start(), first.end(), taken)) {
                i++;
                continue;
            }
            long total = 0;
            long current = 0;
            int end = first.end();
            int j = i;
            while (j < words.size()) {
                Match w = words.get(j);
                if (j > i && !isBlankOrConnector(s, end, w.start())) {
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
                c.low = (long) Math.floor(v * (1 - band));
                c.high = (long) Math.ceil(v * (1 + band));
            }
            case AT_LEAST, MORE_THAN -> { c.low = v; c.high = null; }
            case AT_MOST, LESS_THAN -> { c.low = 0L; c.high = v; }
            default -> { c.low = v; c.high = v; }
        }
    }

    // --- metric cues ------------------------------------------------------------------------

    /** Each cue binds to the nearest candidate of its clause; each candidate keeps its nearest cue. */
    private static void bindMetricCues(List<Candidate> candidates, List<Match> cues, TextSegments segments) {
        for (Match cue : longestOnly(cues)) {
            int clause = segments.clauseOf(cue.start());
            Candidate best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Candidate c : candidates) {
                if (c.clause != clause) {
                    continue;
                }
                int distance = cue.start() >= c.end ? cue.start() - c.end : Math.max(0, c.phraseStart - cue.end());
                if (distance < bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            if (best != null && bestDistance < best.metricDistance) {
                best.metricCue = cue.entry();
                best.metricDistance = bestDistance;
            }
        }
    }

    private static Metric resolveMetric(Candidate c, NounPhrase np, Resolved parent, Resolved antecedent,
                                        String articleContext) {
        String cue = c.metricCue == null ? null : c.metricCue.metric();
        if (cue == null) {
            return parent.metric(); // "including 30 children" counts what its parent counts
        }
        boolean hostageParent = parent != null && parent.metric().isHostageMetric();
        switch (cue) {
            case "dead" -> {
                return hostageParent || "hostage".equals(np.context) ? Metric.HOSTAGES_DEAD : Metric.KILLED;
            }
            case "released" -> {
                String context = np.context;
                if (context == null && parent != null) {
                    context = parent.metric().isHostageMetric() ? "hostage" : null;
                }
                if (context == null && np.isEmpty() && antecedent != null) {
                    context = antecedent.metric().isHostageMetric() ? "hostage"
                            : antecedent.metric() == Metric.DETAINED || antecedent.metric() == Metric.PRISONERS_RELEASED
                                    ? "prisoner" : null;
                }
                if (context == null) {
                    context = articleContext;
                }
                return "prisoner".equals(context) ? Metric.PRISONERS_RELEASED : Metric.HOSTAGES_RELEASED;
            }
            default -> {
                return Metric.fromWireName(cue);
            }
        }
    }

    // --- populations, places, hedges, attribution -------------------------------------------

    private static final class NounPhrase {
        String subject;
        String group;
        String context;
        int end = -1;
        boolean empty = true;

        boolean isEmpty() {
            return empty;
        }
    }

    private static NounPhrase nounPhrase(String s, Candidate c, List<Match> populations, TextSegments segments) {
        NounPhrase np = new NounPhrase();
        Set<String> groups = new LinkedHashSet<>();
        int cursor = c.phraseEnd;
        for (Match m : longestOnly(populations)) {
            if (m.start() < cursor) {
                continue;
            }
            String gap = s.substring(cursor, m.start()).strip();
            if (!NOUN_PHRASE_GLUE.contains(gap) || segments.clauseOf(m.start()) != c.clause) {
                break;
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

    private static String nearestLocation(Candidate c, List<Match> locations, TextSegments segments) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Match m : locations) {
            if (segments.clauseOf(m.start()) != c.clause) {
                continue;
            }
            int distance = Math.abs(m.start() - c.start);
            if (distance < bestDistance) {
                best = m.entry().location();
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String dominantLocation(List<Match> locations) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Match m : locations) {
            int n = counts.merge(m.entry().location(), 1, Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = m.entry().location();
            }
        }
        return best;
    }

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

    private static boolean isHedged(Candidate c, List<Match> hedges, TextSegments segments) {
        for (Match m : hedges) {
            if (segments.clauseOf(m.start()) == c.clause) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who gave the figure: the actor right after a prefix cue ("selon", "according to") in the
     * figure's sentence, else the actor nearest a reporting verb ("said", "a annoncé").
     */
    private static String attribution(FoldedText text, Candidate c, List<Match> verbs, List<Match> prefixes,
                                      List<ActorMention> actors, TextSegments segments) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Match cue : prefixes) {
            if (segments.sentenceOf(cue.start()) != c.sentence) {
                continue;
            }
            int cueEnd = text.originalEnd(cue.end());
            for (ActorMention a : actors) {
                int distance = a.start() - cueEnd;
                if (distance >= 0 && distance < bestDistance && !"person".equals(a.type())
                        && segments.clauseOf(foldedIndexOf(text, a.start())) == segments.clauseOf(cue.start())) {
                    best = a.actorId();
                    bestDistance = distance;
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (Match cue : verbs) {
            if (segments.sentenceOf(cue.start()) != c.sentence) {
                continue;
            }
            int cueStart = text.originalStart(cue.start());
            int cueEnd = text.originalEnd(cue.end());
            for (ActorMention a : actors) {
                if (segments.sentenceOf(foldedIndexOf(text, a.start())) != c.sentence || "person".equals(a.type())) {
                    continue;
                }
                int distance = a.start() >= cueEnd ? a.start() - cueEnd : cueStart - a.end();
                if (distance >= 0 && distance < bestDistance) {
                    best = a.actorId();
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int foldedIndexOf(FoldedText text, int originalOffset) {
        // Folding only ever expands, so the folded index is at or after the original one.
        int i = Math.min(originalOffset, text.length() - 1);
        while (i < text.length() - 1 && text.originalStart(i) < originalOffset) {
            i++;
        }
        while (i > 0 && text.originalStart(i) > originalOffset) {
            i--;
        }
        return i;
    }

    // --- small text helpers -----------------------------------------------------------------

    private static Match preceding(String s, int position, List<Match> matches) {
        Match best = null;
        for (Match m : matches) {
            if (m.end() <= position && isBlank(s, m.end(), position)
                    && (best == null || m.end() - m.start() > best.end() - best.start())) {
                best = m;
            }
        }
        return best;
    }

    private static Match following(String s, int position, List<Match> matches) {
        Match best = null;
        for (Match m : matches) {
            if (m.start() >= position && isBlank(s, position, m.start())
                    && (best == null || m.end() > best.end())) {
                best = m;
            }
        }
        return best;
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

    private static boolean isBlankOrConnector(String s, int from, int to) {
        String gap = s.substring(from, to).strip();
        return gap.isEmpty() || gap.equals("et") || gap.equals("and") || gap.equals("y") || gap.equals("und");
    }

    private static boolean isCurrency(String s, int start) {
        int i = start - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && "$€£¥".indexOf(s.charAt(i)) >= 0;
    }

    private static boolean overlapsAny(int start, int end, List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (start < c.end && c.start < end) {
                return true;
            }
        }
        return false;
    }

    /** Of overlapping matches keeps the longest ("une centaine" over "une"). */
    private static List<Match> longestOnly(List<Match> matches) {
        List<Match> kept = new ArrayList<>();
        for (Match m : matches) {
            boolean dominated = false;
            for (Match o : matches) {
                if (o != m && o.start() <= m.start() && o.end() >= m.end() && (o.end() - o.start()) > (m.end() - m.start())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static Resolved lastInSentence(List<Resolved> resolved, int sentence) {
        for (int i = resolved.size() - 1; i >= 0; i--) {
            if (resolved.get(i).candidate().sentence == sentence) {
                return resolved.get(i);
            }
        }
        return null;
    }
}
