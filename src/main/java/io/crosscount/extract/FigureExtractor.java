package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Role;
import io.crosscount.model.ActorMention;
import io.crosscount.model.Claim;
import io.crosscount.model.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the casualty and hostage figures of one article and turns their wording into claims
 * with bounds. It scans once (digits by {@link NumberScanner}, every lexicon phrase by one
 * Aho-Corasick pass) and then runs stages, each in its own type, only around the numbers found:
 *
 * <ol>
 *   <li>{@link NumberRecognizer}: a number is a candidate unless what is around it makes it a
 *       date, a share, an age or money; a qualifier before or after it ("plus de", "at least")
 *       or a range sets its bounds;
 *   <li>{@link CueBinder}: each metric cue of a clause ("tués", "sont toujours retenus") binds
 *       to the nearest candidate of that clause, lists and breakdowns share cues; a candidate
 *       without a cue is no figure;
 *   <li>{@link PopulationResolver}: the noun phrase after the number gives the population
 *       ("soldats et colons israéliens") and the meaning of context-dependent cues; a number
 *       without one refers back to the previous figure ("Une centaine a été libérée"); a subset
 *       marker ("dont", "including") makes the figure a subset of the previous one in the
 *       sentence, which also decides "morts" among hostages is {@code hostages_dead};
 *   <li>{@link AttributionAndHedging}: whether the figure is hedged, and who gave it.
 * </ol>
 *
 * Stages hand on immutable values: {@link RecognizedNumber}s, placed in their sentences and
 * clauses as {@link PlacedNumber}s ({@link #place}), bound into {@link Candidate}s. This class
 * only runs the stages in order and keeps what anaphora and subsets need across figures
 * ({@link Resolved}).
 */
public final class FigureExtractor {

    /** A figure that became a claim, kept while the article is read for anaphora and subsets. */
    private record Resolved(Candidate candidate, Metric metric, String subject, String group, String location) {}

    public List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors) {
        return extract(text, lexicon, actors, null);
    }

    /**
     * The claims of an article body, each quoting its sentence; {@code headline} (may be null)
     * gives the place of figures that neither their sentence nor the body's dateline places.
     */
    public List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors, String headline) {
        return extract(text, lexicon, actors, headline, Deadline.NONE);
    }

    /**
     * {@link #extract(FoldedText, Lexicon, List, String)}, stopped when the deadline passes. The
     * stages in order: numbers, their clauses, their nouns' ends, cues, then per figure its
     * metric, population and place, hedging and source.
     */
    List<Claim> extract(FoldedText text, Lexicon lexicon, List<ActorMention> actors, String headline,
                        Deadline deadline) {
        String s = text.folded();
        Map<Role, RoleMatches> byRole = TextScan.byRole(lexicon.matchAsWritten(text));
        List<RecognizedNumber> numbers = NumberRecognizer.recognize(text, lexicon, byRole, deadline);
        if (numbers.isEmpty()) {
            return List.of();
        }
        TextSegments segments = segments(s, numbers, byRole, lexicon);
        // The places (and the headline's) are read only once a figure needs one: articles with
        // numbers but no figure are common.
        PopulationResolver populations = new PopulationResolver(s, byRole, lexicon, segments,
                () -> PlaceResolver.ofArticle(text, byRole, lexicon.locatives(), () -> headlinePlace(headline, lexicon)));
        List<PlacedNumber> placed = place(numbers, segments, TextScan.role(byRole, Role.PROJECTION), populations,
                deadline);
        // Candidates are values: a stage that revises one replaces it in the list.
        List<Candidate> candidates = CueBinder.bind(s, placed, byRole, lexicon, segments, text::isParentheticalDash,
                deadline);
        AttributionAndHedging attribution = new AttributionAndHedging(text, byRole, actors, segments,
                lexicon.auxiliaries(), deadline);
        Candidate hedgedBefore = null; // the figure of the last claim, when it was hedged
        SentenceQuotes quotes = null; // made for the first claim: many articles have none
        RoleMatches negations = TextScan.role(byRole, Role.NEGATION);

        List<Claim> claims = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        Resolved[] parents = new Resolved[candidates.size()]; // by index: a list's members share their head's parent
        for (int k = 0; k < candidates.size(); k++) {
            deadline.check("resolving figures into claims");
            Candidate c = candidates.get(k);
            Resolved parent = !c.subset() ? null
                    : c.listHead() >= 0 && parents[c.listHead()] != null ? parents[c.listHead()]
                    : lastInSentence(resolved, c.sentence());
            if (parent == null && c.subset() && c.cue() == null && c.listHead() < 0
                    && (k == 0 || candidates.get(k - 1).sentence() < c.sentence())) {
                // "... 20 Menschen getötet. Darunter seien acht Kinder": a breakdown that opens
                // its sentence counts what the last figure of the sentence before counts; one
                // sentence without figures may stand between ("The victims included six women").
                parent = lastInSentence(resolved, c.sentence() - 1);
                if (parent == null && c.sentence() > 1) {
                    parent = lastInSentence(resolved, c.sentence() - 2);
                }
            }
            if (c.subset()) {
                parents[k] = parent;
            }
            if (c.cue() == null && parent == null) {
                parent = revised(s, c, byRole, segments, resolved, lexicon.figureNounComplements());
            }
            // "parmi les neuf otages, huit sont détenus": hostages picked among are those held
            boolean heldHostages = c.cue() == null && parent == null && !c.subset() && c.whole() < 0
                    && heldHostages(s, c, byRole, segments);
            if (c.cue() == null && parent == null && !heldHostages) {
                continue; // a number without a cue is no figure
            }
            if (negated(s, c, negations, segments.clauseStart(c.clause()), lexicon.auxiliaries())) {
                continue; // "the 30 hostages were not released", "لم يفرج عن 30": what did not happen
            }
            if (c.low() != null && c.low() > MAX_HEAD_COUNT) {
                continue; // money or a measure: "208.000 millones" (of dollars, said a sentence before)
            }
            PopulationResolver.NounPhrase np = populations.nounOf(c.whole() >= 0 ? candidates.get(c.whole()) : c);
            // "30 personas al menos", and "300 قتيل على الأقل" where the cue is the noun
            int nounEnd = !np.isEmpty() ? np.end() : cueNounEnd(s, c, byRole);
            if (nounEnd >= 0 && c.whole() < 0) {
                c = NumberRecognizer.qualifierAfterNoun(s, c, nounEnd,
                        k + 1 < candidates.size() ? candidates.get(k + 1).start() : -1, byRole, lexicon.approxBand());
                candidates.set(k, c); // the figure after it reads its phrase's new end
            }
            Resolved antecedent = resolved.isEmpty() ? null : resolved.get(resolved.size() - 1);
            Metric metric = heldHostages ? Metric.HOSTAGES_HELD
                    : populations.metricOf(c, np, k > 0 ? candidates.get(k - 1) : null,
                    parent == null ? null : parent.metric(), antecedent == null ? null : antecedent.metric(),
                    c.whole() >= 0 ? candidates.get(c.whole()) : null);
            if (metric == null) {
                continue;
            }
            if (metric == Metric.PRISONERS_RELEASED
                    && releasedByArmedGroup(text, c, k > 0 ? candidates.get(k - 1) : null, actors, segments, byRole)) {
                metric = Metric.HOSTAGES_RELEASED; // "أفرجت كتائب القسام عن 24 أسيرا", "Hamas released 24 prisoners"
            } else if (metric == Metric.HOSTAGES_RELEASED && !"hostage".equals(np.context()) && c.capturedAs() == null
                    && exchangedForHostages(c, k, candidates, populations)) {
                metric = Metric.PRISONERS_RELEASED; // "Israel freed 30 Palestinians in exchange for two hostages"
            }
            // A figure that names no people refers to its parent, or to the figure before it.
            Resolved reference = parent != null ? parent
                    : (np.isEmpty() && antecedent != null
                            && antecedent.metric().isHostageMetric() == metric.isHostageMetric()) ? antecedent : null;
            // A figure with no people of its own that shares the cue of the one before ("... were
            // killed in Mali and three in Niger") counts the same group.
            // Not a figure whose cue comes after it: "Three children are among the 25 wounded"
            // shares the whole's cue with the part before it, not the part's group with the whole.
            boolean gapped = reference == antecedent && reference != null && !c.subset() && c.listHead() < 0
                    && c.cue() != null && c.cue().start() < c.start()
                    && reference.candidate().cue() != null && c.cue().start() == reference.candidate().cue().start()
                    && reference.metric() == metric;
            PopulationResolver.Population who = populations.populationOf(c, metric, np,
                    reference == null ? null : reference.subject(), reference == null ? null : reference.location(),
                    gapped ? reference.group() : null);
            resolved.add(new Resolved(c, metric, who.subject(), who.group(), who.location()));
            int phraseEnd = Math.max(c.phraseEnd(), np.end());
            boolean hedged = attribution.isHedged(c, hedgedBefore);
            hedgedBefore = hedged ? c : null;
            String source = attribution.sourceOf(c);
            if (quotes == null) {
                quotes = new SentenceQuotes(text, segments);
            }
            claims.add(claim(text, c, metric, who, hedged, source, phraseEnd, quotes));
            Metric released = PopulationResolver.releaseOf(c, np, metric);
            if (released != null) {
                claims.add(claim(text, c, released, who, hedged, source, phraseEnd, quotes));
            }
        }
        return claims;
    }

    /**
     * The sentences and clauses of folded text {@code s}: clauses also break where the rules
     * say ({@link CueBinder#clauseBreaks}), and the dots of abbreviations and ordinal dates and
     * the commas around count appositions and those opening list appositions break nothing.
     */
    static TextSegments segments(String s, List<RecognizedNumber> numbers, Map<Role, RoleMatches> byRole,
                                 Lexicon lexicon) {
        int[] dots = TextSegments.quietDots(s, TextScan.role(byRole, Role.ABBREVIATION).all(),
                TextScan.role(byRole, Role.NON_FIGURE_AFTER));
        int[] commas = TextSegments.appositionCommas(s, TextScan.role(byRole, Role.COUNT_APPOSITION),
                TextScan.role(byRole, Role.COUNT_APPOSITION_AFTER), numbers);
        int[] lists = CueBinder.listAppositionCommas(s, numbers, TextScan.role(byRole, Role.METRIC),
                lexicon.listConnectors(), lexicon.nounPhraseGlue(), dots);
        if (lists.length > 0) {
            commas = Arrays.copyOf(commas, commas.length + lists.length);
            System.arraycopy(lists, 0, commas, commas.length - lists.length, lists.length);
        }
        int[] quiet = dots;
        if (commas.length > 0) {
            quiet = Arrays.copyOf(dots, dots.length + commas.length);
            System.arraycopy(commas, 0, quiet, dots.length, commas.length);
            Arrays.sort(quiet);
        }
        return TextSegments.of(s, CueBinder.clauseBreaks(s, numbers, byRole, lexicon.relativePronouns()), quiet);
    }

    /**
     * Above it a figure counts money or a measure, not people: the largest head counts in the
     * news (the world's displaced) are in the low hundreds of millions.
     */
    static final long MAX_HEAD_COUNT = 500_000_000L;

    /**
     * Where the cue right after a figure ends when the cue is its noun ("300 قتيل", "300 dead"),
     * or -1: a qualifier may follow it as it follows a noun.
     */
    private static int cueNounEnd(String s, Candidate c, Map<Role, RoleMatches> byRole) {
        if (c.cue() == null || c.cue().start() < c.phraseEnd() || !TextScan.isBlank(s, c.phraseEnd(), c.cue().start())) {
            return -1;
        }
        int end = -1;
        for (Lexicon.Match m : TextScan.role(byRole, Role.METRIC).startingIn(c.cue().start(), c.cue().start() + 1)) {
            end = Math.max(end, m.end());
        }
        return end;
    }

    /**
     * Places the recognised numbers that report in the article for {@link CueBinder}: each one's
     * sentence and clause in {@code segments}, and the end of its noun phrase in
     * {@code populations}. Numbers of a projection's clause ("could kill millions") are left out.
     */
    static List<PlacedNumber> place(List<RecognizedNumber> numbers, TextSegments segments, RoleMatches projections,
                                    PopulationResolver populations, Deadline deadline) {
        int[] clauses = new int[numbers.size()]; // -1: a projection's
        for (int k = 0; k < clauses.length; k++) {
            deadline.check("placing figures in their sentences");
            int clause = segments.clauseOf(numbers.get(k).start());
            boolean projected = projections.anyStartingIn(segments.clauseStart(clause), segments.clauseEnd(clause));
            clauses[k] = projected ? -1 : clause;
        }
        List<PlacedNumber> placed = new ArrayList<>(numbers.size());
        for (int k = 0; k < clauses.length; k++) {
            if (clauses[k] < 0) {
                continue;
            }
            deadline.check("reading the nouns of figures");
            RecognizedNumber n = numbers.get(k);
            int nounEnd = Math.max(n.end(), populations.nounOf(n, clauses[k]).end());
            placed.add(new PlacedNumber(n, segments.sentenceOf(n.start()), clauses[k], nounEnd));
        }
        return placed;
    }

    /** The place the headline names, for figures that neither their sentence nor the dateline place; or null. */
    private static String headlinePlace(String headline, Lexicon lexicon) {
        if (headline == null || headline.isBlank()) {
            return null;
        }
        FoldedText title = FoldedText.of(headline);
        return PlaceResolver.headlinePlace(title, TextScan.byRole(lexicon.match(title)), lexicon.locatives());
    }

    /** A claim, made once with its sentence and what was inferred (not copied for each). */
    private static Claim claim(FoldedText text, Candidate c, Metric metric, PopulationResolver.Population who,
                               boolean hedged, String source, int phraseEnd, SentenceQuotes quotes) {
        int start = text.originalStart(c.phraseStart());
        int end = text.originalEnd(phraseEnd);
        String span = text.originalSpan(c.phraseStart(), phraseEnd);
        return new Claim(metric, who.subject(), who.group(), who.location(), c.value(), c.low(), c.high(),
                c.qualifier(), hedged, source, start, end, span, quotes.sentenceOf(start, end),
                who.subjectInferred(), who.placeInferred());
    }

    /**
     * The figure a cue-less number revises, or null: "40 dead were reported, but the figure was
     * later revised to 46", "se habló de 31 soldados retenidos, pero la cifra se corrigió a 30".
     * A revision ({@code figure_revisions}: "revised to", "se corrigió a", "die Zahl auf") stands
     * right before the number, a word for the figure ({@code figure_nouns}: "the figure", "la
     * cifra", "le bilan") before it in the sentence, and the last claim of this sentence or the
     * one before is what it revises: the number counts what that one counts. A figure noun
     * followed by a complement ({@code figure_noun_complements}: "of", "de", "der") counts
     * something of its own.
     */
    private static Resolved revised(String s, Candidate c, Map<Role, RoleMatches> byRole, TextSegments segments,
                                    List<Resolved> resolved, Set<String> complements) {
        if (resolved.isEmpty()) {
            return null;
        }
        if (reportedAlso(s, c, byRole, segments)) {
            // one sentence without figures may stand between: "... 296 entführt. Der Überfall
            // ereignete sich an einer Schule. In Berichten war von 238 Kindern die Rede."
            Resolved last = lastBefore(resolved, c.sentence());
            return plausibleRevision(last != null || c.sentence() < 2 ? last : lastInSentence(resolved, c.sentence() - 2), c);
        }
        RoleMatches revisions = TextScan.role(byRole, Role.FIGURE_REVISION);
        // before the number's phrase, or before the number when the phrase takes the revision's
        // last word ("avancent le chiffre de 75": "de 75")
        if (TextScan.preceding(s, c.phraseStart(), revisions) == null
                && TextScan.preceding(s, c.start(), revisions) == null) {
            return null;
        }
        int sentenceStart = segments.sentenceStart(c.sentence());
        List<Lexicon.Match> nouns = TextScan.role(byRole, Role.FIGURE_NOUN).startingIn(sentenceStart, c.phraseStart());
        if (nouns.isEmpty()) {
            return null;
        }
        // The figure noun nearest the revision is the one revised. A complement in its next two
        // words names a count of its own ("the number of schools closed reached 40", "le nombre
        // total de touristes"), unless the complement is this number ("le chiffre de 75").
        Lexicon.Match noun = nouns.get(nouns.size() - 1);
        int word = TextScan.skipSpaces(s, noun.end());
        for (int w = 0; w < 2 && word < c.start(); w++) {
            if (TextScan.startsWithWord(s, word, complements)
                    && !TextScan.isBlankOrQuote(s, TextScan.wordEnd(s, word), c.start())) {
                return null;
            }
            word = TextScan.skipSpaces(s, TextScan.wordEnd(s, word));
        }
        return plausibleRevision(lastBefore(resolved, c.sentence()), c);
    }

    /**
     * {@code revised}, when {@code c} can be a revision of its figure: up to a hundred times
     * higher (early tolls grow: "5 killed ... by evening the figure had risen to 57") or ten
     * times lower, not "130 bodies ... the total cost reached 40 million".
     */
    private static Resolved plausibleRevision(Resolved revised, Candidate c) {
        if (revised == null || revised.candidate().value() == null || c.value() == null) {
            return revised;
        }
        double ratio = c.value() / (double) Math.max(1, revised.candidate().value());
        return ratio <= 100 && ratio >= 0.1 ? revised : null;
    }

    /** The last claim of sentence {@code sentence}, else of the one before, or null. */
    private static Resolved lastBefore(List<Resolved> resolved, int sentence) {
        Resolved last = lastInSentence(resolved, sentence);
        return last != null ? last : sentence > 0 ? lastInSentence(resolved, sentence - 1) : null;
    }

    /**
     * Whether the number is another report of a figure, in words around it ({@code
     * reported_also_before} right before it, {@code reported_also_after} later in its sentence):
     * "In anderen Berichten war von bis zu 45.000 Menschen die Rede".
     */
    private static boolean reportedAlso(String s, Candidate c, Map<Role, RoleMatches> byRole, TextSegments segments) {
        RoleMatches before = TextScan.role(byRole, Role.REPORTED_ALSO_BEFORE);
        if (before.isEmpty() || TextScan.preceding(s, c.phraseStart(), before) == null
                && TextScan.preceding(s, c.start(), before) == null) { // "von 238": the phrase takes the "von"
            return false;
        }
        int sentenceEnd = Math.min(s.length(), segments.sentenceEnd(c.sentence()));
        return TextScan.role(byRole, Role.REPORTED_ALSO_AFTER).anyStartingIn(c.end(), sentenceEnd);
    }

    /**
     * Whether a number with no cue counts hostages held: the people a sentence picks among or
     * takes a part from ("parmi les neuf otages", "neuf des trente-quatre otages", "of the 88
     * captives"): one of the language's {@code held_count_partitives} right before it, a noun
     * naming hostages right after it, and no cue or release noun before it in its clause. A bare
     * count elsewhere is too often a proposal, a swap, a future release or history ("a deal for
     * 33 hostages", "Hamas will release 33 hostages", "l'échange de 33 otages"), so it stays no
     * figure. Read from the lexicon's matches: most numbers of an article have no cue.
     */
    private static boolean heldHostages(String s, Candidate c, Map<Role, RoleMatches> byRole, TextSegments segments) {
        RoleMatches partitives = TextScan.role(byRole, Role.HELD_COUNT_PARTITIVE);
        if (TextScan.preceding(s, c.phraseStart(), partitives) == null
                && TextScan.preceding(s, c.start(), partitives) == null) { // "من بين 59": the phrase takes the "بين"
            return false;
        }
        Lexicon.Match noun = TextScan.following(s, c.end(), TextScan.role(byRole, Role.POPULATION));
        if (noun == null || !"hostage".equals(noun.entry().context())) {
            return false;
        }
        int from = segments.clauseStart(c.clause());
        int to = Math.max(from, c.phraseStart());
        return !TextScan.role(byRole, Role.METRIC).anyStartingIn(from, to)
                && !TextScan.role(byRole, Role.RELEASE_NOUN).anyStartingIn(from, to);
    }

    /**
     * Whether the release of figure {@code k} is one side of an exchange whose other side is
     * hostages: the next figure of its sentence is counted by an exchange word right before it
     * ("in exchange for", "a cambio de", "im Austausch gegen", "مقابل": a {@code returned} cue
     * for the next figure only) and names hostages. Those released for hostages are the other
     * side's prisoners, though the sentence's hostages would make them hostages: "Israel freed
     * 30 Palestinians in exchange for two hostages" (the figure's own words decide first: "freed
     * three hostages in exchange for 90 prisoners").
     */
    private static boolean exchangedForHostages(Candidate c, int k, List<Candidate> candidates,
                                                PopulationResolver populations) {
        int next = k + 1;
        while (next < candidates.size() && (candidates.get(next).subset() || candidates.get(next).listHead() >= 0)) {
            next++; // "30 Palestinians, including 12 minors, in exchange for": past the figure's breakdown
        }
        if (next >= candidates.size() || candidates.get(next).sentence() != c.sentence()) {
            return false;
        }
        Candidate other = candidates.get(next);
        BoundCue exchange = other.cue();
        return exchange != null && exchange.entry().next() && "returned".equals(exchange.metric())
                && exchange.start() > c.end() && exchange.start() < other.start()
                && "hostage".equals(populations.nounOf(other).context());
    }

    /** How many words may stand between an armed group and the release cue it is the subject of. */
    private static final int SUBJECT_GAP_WORDS = 3;

    /**
     * Whether an armed group releases the figure's captives: its cue is a release verb before
     * the figure (not a noun, "the release of"), an armed group stands within a few words of
     * that verb (before it, or after it as Arabic puts the subject: "أفرجت كتائب القسام عن 24
     * أسيرا"), with no figure between, and no state is named after the figure in its clause
     * ("24 prisoners released by Israel"). Captives a state frees are prisoners ("Israel released
     * 90 prisoners"); those an armed group frees were its hostages, whatever the word ("أسرى",
     * "prisoners", "prisonniers"). "Hamas welcomed the release of 90 prisoners" is no such release:
     * a release named as a noun ({@code release_nouns}) is nobody's act in the clause.
     */
    private static boolean releasedByArmedGroup(FoldedText text, Candidate c, Candidate previous,
                                                List<ActorMention> actors, TextSegments segments,
                                                Map<Role, RoleMatches> byRole) {
        BoundCue cue = c.cue();
        if (actors == null || actors.isEmpty() || cue == null || cue.entry().next() || cue.start() >= c.start()
                || !CueSenses.SHARED.isRelease(cue.metric())
                || TextScan.role(byRole, Role.RELEASE_NOUN).anyStartingIn(cue.start(), cue.start() + 1)) {
            return false;
        }
        int from = segments.clauseStart(c.clause());
        if (previous != null && previous.sentence() == c.sentence()) {
            from = Math.max(from, previous.end()); // "Hamas freed three hostages in exchange for 183 prisoners"
        }
        int clauseEnd = Math.min(text.length(), segments.clauseEnd(c.clause()));
        for (ActorMention after : AttributionAndHedging.actorsBetween(text, actors, c.end(), clauseEnd)) {
            if ("state".equals(after.type()) || "government_body".equals(after.type())) {
                return false;
            }
        }
        String original = text.original();
        int cueAt = text.originalStart(cue.start());
        List<ActorMention> named = AttributionAndHedging.actorsBetween(text, actors, from, c.phraseStart());
        for (int g = 0; g < named.size(); g++) {
            ActorMention group = named.get(g);
            if ("armed_group".equals(group.type()) && !stateBetween(named, g, cueAt)) {
                String gap = group.end() <= cueAt ? original.substring(group.end(), cueAt)
                        : original.substring(cueAt, Math.max(cueAt, group.start()));
                if (words(gap) <= SUBJECT_GAP_WORDS + (group.end() <= cueAt ? 0 : words(cue.entry().phrase()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a state or a state body is named between mention {@code g} and the cue at original
     * position {@code cueAt}: "Hamas said Israel released 90 prisoners" is Israel's release.
     */
    private static boolean stateBetween(List<ActorMention> named, int g, int cueAt) {
        int lo = Math.min(named.get(g).end(), cueAt);
        int hi = Math.max(named.get(g).start(), cueAt);
        for (ActorMention m : named) {
            if (m.start() >= lo && m.end() <= hi && ("state".equals(m.type()) || "government_body".equals(m.type()))) {
                return true;
            }
        }
        return false;
    }

    private static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    private static Resolved lastInSentence(List<Resolved> resolved, int sentence) {
        for (int i = resolved.size() - 1; i >= 0 && resolved.get(i).candidate().sentence() >= sentence; i--) {
            if (resolved.get(i).candidate().sentence() == sentence) {
                return resolved.get(i);
            }
        }
        return null;
    }

    /**
     * Whether a negation negates the figure's cue: it stands before the cue with only auxiliaries
     * between ("the 30 hostages were not released", "n'ont pas été libérés", "no han sido
     * liberados", "لم يفرج عن 30"), in the figure's clause, and after the figure when the cue
     * follows it. Not "no fewer than 30" (before the figure), "not only killed 30" ("only" is no
     * auxiliary), nor a "not" of another clause ("the attack, which was not claimed, killed 30").
     */
    static boolean negated(String s, Candidate c, RoleMatches negations, int clauseStart, Set<String> auxiliaries) {
        BoundCue cue = c.cue();
        if (cue == null || negations.isEmpty()) {
            return false;
        }
        int from = cue.start() >= c.end() ? Math.max(clauseStart, c.end()) : clauseStart;
        for (Lexicon.Match m : negations.startingIn(from, cue.start())) {
            if (TextScan.onlyWords(s, m.end(), cue.start(), auxiliaries)) {
                return true;
            }
        }
        return false;
    }
}
