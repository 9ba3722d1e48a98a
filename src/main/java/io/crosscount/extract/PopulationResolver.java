package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import io.crosscount.model.Metric;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.crosscount.extract.TextScan.role;

/**
 * Stage 3 of {@link FigureExtractor}: whom a figure counts and what its cue then means. Reads
 * the noun phrase after the number (subject, group, hostage or prisoner context, the place of a
 * modifier), resolves cues whose metric depends on that context ("released", "held", "dead"),
 * and says which metrics take the residents of their place and which are counted where captives
 * are held. The places themselves come from {@link PlaceResolver}.
 *
 * <p>Entry points, on one instance per article: {@link #nounOf(Candidate)} (the noun phrase
 * after a figure; {@link #nounOf(RecognizedNumber, int)} before cues are bound),
 * {@link #metricOf} (the figure's metric, given what its parent and antecedent count),
 * {@link #populationOf} (subject, group and place) and {@link #releaseOf} (the metric of a
 * release reported with the capture).
 */
final class PopulationResolver {

    /** Someone counted, and where: what a claim says besides its metric and number. */
    record Population(String subject, String group, String location, boolean subjectInferred,
                      boolean placeInferred) {}

    private static final CueSenses SENSES = CueSenses.SHARED;

    private final String s;
    private final Lexicon lexicon;
    private final RoleMatches populations;
    private final RoleMatches rescueSites;
    private final RoleMatches metricCues;
    /**
     * The cue senses that say somebody was captive ({@link #captivityCued}): captures, holdings
     * and releases, not detention, weak holdings or returns ("returned home", "remain unaccounted
     * for"), which say other things too. A bare release stays evidence ("to free the remaining
     * passengers"); "a statement released by" is none (the lexicon's {@code publication_nouns}).
     */
    private static final Set<String> CAPTIVITY_EVIDENCE = Set.of("hostages_taken", "hostages_held",
            "hostages_released", "hostages_dead", "captured", "captivity", "held", "released");

    /** {@link #capturedInSentence} by sentence ("" for none), read when a figure first asks. */
    private String[] capturedInSentence;
    /** {@link #captivityCued}, read when a rescue first asks for it. */
    private Boolean captivityCued;
    private final Modifiers modifiers;
    private final TextSegments segments;
    /** The article's places, read when the first figure is placed: most articles with numbers have no figure. */
    private final java.util.function.Supplier<PlaceResolver> placesOfArticle;
    private PlaceResolver places;
    /** {@link #dominantContext} of the whole article, counted when a figure first asks for it. */
    private String articleContext;
    private boolean articleContextKnown;
    /** {@link #sentenceContext} by sentence, computed once each. */
    private final String[] sentenceContexts;
    private final boolean[] sentenceContextKnown;

    /** The resolver of one article: folded text {@code s}, its matches by role, sentences and places. */
    PopulationResolver(String s, Map<Role, RoleMatches> byRole, Lexicon lexicon, TextSegments segments,
                       PlaceResolver places) {
        this(s, byRole, lexicon, segments, () -> places);
    }

    /** As above, with the places found by {@code placesOfArticle} when a figure first needs them. */
    PopulationResolver(String s, Map<Role, RoleMatches> byRole, Lexicon lexicon, TextSegments segments,
                       java.util.function.Supplier<PlaceResolver> placesOfArticle) {
        this.s = s;
        this.lexicon = lexicon;
        this.populations = role(byRole, Role.POPULATION);
        this.rescueSites = role(byRole, Role.RESCUE_SITE);
        this.metricCues = role(byRole, Role.METRIC);
        this.modifiers = new Modifiers(role(byRole, Role.METRIC), role(byRole, Role.LOCATION_ADJECTIVE));
        this.segments = segments;
        this.placesOfArticle = placesOfArticle;
        this.sentenceContexts = new String[segments.sentenceCount()];
        this.sentenceContextKnown = new boolean[segments.sentenceCount()];
    }

    /** The noun phrase after candidate {@code c}'s number ("soldats et colons israéliens"); empty when none. */
    NounPhrase nounOf(Candidate c) {
        return nounOf(c.phraseEnd(), c.clause());
    }

    /** The noun phrase after a recognised number in {@code clause}, whose end the cue binder measures from. */
    NounPhrase nounOf(RecognizedNumber n, int clause) {
        return nounOf(n.phraseEnd(), clause);
    }

    private NounPhrase nounOf(int phraseEnd, int clause) {
        return nounPhrase(s, phraseEnd, clause, populations, modifiers, segments, lexicon.nounPhraseGlue());
    }

    /**
     * The metric of figure {@code c} among the people its noun phrase, its parent figure, the
     * figure it refers back to, its sentence or the article name; null when its cue counts none
     * of them. {@code previous} is the candidate before it in the text (or null).
     */
    Metric metricOf(Candidate c, NounPhrase np, Candidate previous, Metric parentMetric, Metric antecedentMetric) {
        return metricOf(c, np, previous, parentMetric, antecedentMetric, null);
    }

    /**
     * As above, for a figure taken out of {@code whole} (may be null): "15 of the 28 bodies of
     * hostages were returned" counts the bodies the whole counts.
     */
    Metric metricOf(Candidate c, NounPhrase np, Candidate previous, Metric parentMetric, Metric antecedentMetric,
                    Candidate whole) {
        if (whole != null && isRemains(whole.cue()) && isRemains(c.cue())) {
            // "رفات 23 من أصل 31 جثة": the part is of the bodies its whole counts, not of the
            // figure before them ("in exchange for 2,000 prisoners").
            antecedentMetric = null;
        }
        String sentenceContext = sentenceContext(c.sentence());
        if (c.cue() != null && c.cue().metric().equals("rescued") && np.context() == null && sentenceContext == null
                && rescueSites.anyStartingIn(segments.sentenceStart(c.sentence()), segments.sentenceEnd(c.sentence()))) {
            // "rescued 14 people from the rubble", "40 migrants from a sinking boat": a rescue
            // from a disaster, where no hostage is named, is no release.
            return null;
        }
        if (c.cue() != null && c.cue().metric().equals("lost") && c.cue().start() > c.start()) {
            return null; // "40 civilians lost their jobs": a side loses the people it counts after "lost"
        }
        if (sentenceContext == null && c.sentence() > 0 && c.cue() != null && c.cue().metric().equals("returned")) {
            // "La Russie et l'Ukraine ont échangé des prisonniers. Au total, 75 soldats sont rentrés":
            // a return counts the captives of the exchange the sentence before names.
            sentenceContext = sentenceContext(c.sentence() - 1);
        }
        if (sentenceContext == null && c.cue() != null && c.cue().metric().equals("remaining")) {
            // "freed 8 kidnapped people, but the government says 5 remain": the capture or
            // release the sentence reports says who remain, where no population word does.
            sentenceContext = capturedInSentence(c.sentence());
        }
        // "Von den 48 Geiseln ... sind 28 nicht mehr am Leben": the figure before, in the same
        // sentence, names the population even when it is no claim itself.
        String previousContext = null;
        if (np.isEmpty() && previous != null && previous.sentence() == c.sentence() && c.cue() != null
                && SENSES.isContextual(c.cue().metric())) {
            previousContext = nounOf(previous).context();
        }
        if (!articleContextKnown) {
            articleContext = dominantContext(populations.all());
            articleContextKnown = true;
        }
        String contextOfArticle = articleContext;
        if (contextOfArticle == null && c.cue() != null && c.cue().metric().equals("rescued") && captivityCued()) {
            contextOfArticle = "hostage"; // "rescued 61 passengers" in a story of a hijacking that frees others
        }
        Metric metric = resolveMetric(c.cue(), c.capturedAs(), np, parentMetric, antecedentMetric, previousContext,
                sentenceContext, contextOfArticle);
        if (metric == Metric.DISPLACED && "hostage".equals(np.context())) {
            return null; // "fled with 19 hostages": the captors fled, the hostages were taken along
        }
        if (metric == Metric.KILLED && "hostage".equals(np.context())
                && !TextScan.hasWord(s, c.start(), np.end(), lexicon.perpetratorNouns())) {
            // "Hamas executed 6 hostages", "killed 3 of their captives": hostages killed are dead
            // hostages, whatever the killing verb; not "killed 5 kidnappers" (perpetrator_nouns).
            return Metric.HOSTAGES_DEAD;
        }
        if (metric == Metric.KILLED && c.subset()
                && (parentMetric == Metric.HOSTAGES_HELD || parentMetric == Metric.HOSTAGES_TAKEN)) {
            // "58 remain in Gaza, among them 34 believed killed", "بينهم 34 يعتقد أنهم قتلوا":
            // the killed among hostages are dead hostages.
            return Metric.HOSTAGES_DEAD;
        }
        BoundCue holding = holdingBeforeDescribedCapture(c);
        if (holding != null && (metric == null || metric == Metric.HOSTAGES_TAKEN || metric == Metric.DETAINED)) {
            // "The group still holds 70 abducted villagers", "détient toujours 70 personnes
            // enlevées": a holding verb before the figure, and a capture word after it that
            // describes its people, say who is held now.
            String captured = SENSES.capturedAs((holding == c.cue() ? c.secondCue() : c.cue()).metric());
            Metric held = resolveMetric(holding, c.capturedAs(), np, parentMetric, antecedentMetric, previousContext,
                    sentenceContext != null ? sentenceContext : captured, articleContext);
            if (held != null) {
                return held;
            }
        }
        if (metric == null && c.secondCue() != null
                && (c.cue().metric().equals("held") || c.cue().metric().equals("remaining"))) {
            // The nearest cue needs hostages or prisoners nobody names ("9 villagers remain
            // missing", "the morgues held 230 bodies"): the clause's next cue speaks instead.
            metric = resolveMetric(c.secondCue(), c.capturedAs(), np, parentMetric, antecedentMetric,
                    previousContext, sentenceContext, articleContext);
        }
        if (metric == Metric.HOSTAGES_TAKEN && c.secondCue() != null && c.cue().start() >= c.end()
                && !TextScan.hasWord(s, c.end(), c.cue().start(), lexicon.auxiliaries())
                && c.secondCue().start() > c.cue().start() && HOLDING.contains(c.secondCue().metric())) {
            // "Zwölf Entführte sind weiterhin in der Gewalt der Miliz", "twelve abductees are still
            // in the hands of": the abducted named by a noun after the figure, then said to be held,
            // are held hostages. Not "abducted 12 people and are holding them", nor "12 villagers
            // were abducted ... and are still held": a verb, before the figure or after an auxiliary.
            Metric held = resolveMetric(c.secondCue(), c.capturedAs(), np, parentMetric, antecedentMetric,
                    previousContext, sentenceContext != null ? sentenceContext : "hostage", articleContext);
            if (held == Metric.HOSTAGES_HELD) {
                return held;
            }
        }
        if (metric == Metric.WOUNDED && c.secondCue() != null && c.cue().start() >= c.end()
                && c.secondCue().start() > c.cue().start() && wordsBetween(c.cue().start(), c.secondCue().start()) <= DIED_REACH
                && resolveMetric(c.secondCue(), c.capturedAs(), np, parentMetric, antecedentMetric, previousContext,
                        sentenceContext, articleContext) == Metric.KILLED) {
            // "Douze blessés ont succombé", "seven of the wounded later died": the wounded named
            // after the figure, then said to die, count deaths. Not "eight injured when a bomb killed
            // the mayor": a death further on is another clause's.
            return Metric.KILLED;
        }
        BoundCue bodies = bodiesOf(c, whole);
        if (bodies != null) {
            // "The bodies of 4 hostages were returned", "a restitué 21 des 26 dépouilles d'otages":
            // what is handed back are dead hostages, not released ones.
            Metric dead = resolveMetric(bodies, c.capturedAs(), np, parentMetric, antecedentMetric,
                    previousContext, sentenceContext, articleContext);
            if (dead == Metric.HOSTAGES_DEAD) {
                return dead;
            }
        }
        return metric;
    }

    /**
     * Of the two cues of figure {@code c}, the holding one ("holds", "détient", "hält ... fest")
     * when it stands before the figure and the other is a capture word after it that describes
     * the figure's people ("70 abducted villagers", "70 personnes enlevées"; no auxiliary between,
     * so not "holds 70, who were abducted"); null otherwise.
     */
    /**
     * How far a holding verb may stand before its figure: a few words ("still", "toujours", "en
     * su poder a", a German subject: "hält die Bande weiterhin 16").
     */
    private static final int HOLDING_GAP = 30;
    private static final int HOLDING_WORDS = 3;

    private BoundCue holdingBeforeDescribedCapture(Candidate c) {
        if (c.cue() == null || c.secondCue() == null) {
            return null;
        }
        BoundCue holding = HOLDING.contains(c.cue().metric()) ? c.cue()
                : HOLDING.contains(c.secondCue().metric()) ? c.secondCue() : null;
        BoundCue capture = holding == c.cue() ? c.secondCue() : c.cue();
        if (holding == null || holding.start() >= c.start() || capture.start() < c.end()
                || holding.distance() > HOLDING_GAP // "held a vigil on Sunday for the 70 abducted": not the figure's verb
                || wordsBetween(c.phraseStart() - holding.distance(), c.phraseStart()) > HOLDING_WORDS
                || SENSES.capturedAs(capture.metric()) == null
                || TextScan.hasWord(s, c.end(), capture.start(), lexicon.auxiliaries())) {
            return null;
        }
        return holding;
    }

    /**
     * The bodies or remains cue ("bodies", "dépouilles", "جثامين") that a release or return of
     * figure {@code c} hands back: its own next cue, or the cue of the whole it is taken out of;
     * null when there is none.
     */
    private static boolean isRemains(BoundCue cue) {
        return cue != null && cue.metric().equals("remains");
    }

    private static BoundCue bodiesOf(Candidate c, Candidate whole) {
        if (c.cue() == null || !SENSES.isRelease(c.cue().metric())) {
            return null;
        }
        if (isRemains(c.secondCue())) {
            return c.secondCue();
        }
        if (whole != null && isRemains(whole.cue())) {
            return whole.cue();
        }
        return null;
    }

    /**
     * Whether the article reports a capture or a release in words other than a rescue ("were
     * seized", "to free the remaining passengers"): where nobody is called a hostage or a
     * prisoner, a rescue then frees captives; without one it is a rescue from some danger
     * ("rescued 12 hikers trapped by snow", "Rescue 1122").
     */
    private boolean captivityCued() {
        if (captivityCued == null) {
            boolean found = false;
            for (Lexicon.Match m : metricCues.all()) {
                String sense = m.entry().metric();
                if (CAPTIVITY_EVIDENCE.contains(sense)) {
                    found = true;
                    break;
                }
            }
            captivityCued = found;
        }
        return captivityCued;
    }

    /**
     * "hostage" or "prisoner" as the first capture word of sentence {@code sentence} that says
     * which ("secuestrados", "arrested"), or null.
     */
    private String capturedInSentence(int sentence) {
        if (capturedInSentence == null) {
            capturedInSentence = new String[segments.sentenceCount()];
        }
        if (capturedInSentence[sentence] == null) {
            String found = "";
            for (Lexicon.Match m : metricCues.startingIn(segments.sentenceStart(sentence), segments.sentenceEnd(sentence))) {
                String captured = SENSES.capturedAs(m.entry().metric());
                if (captured != null) {
                    found = captured;
                    break;
                }
            }
            capturedInSentence[sentence] = found;
        }
        return capturedInSentence[sentence].isEmpty() ? null : capturedInSentence[sentence];
    }

    /** "hostage" or "prisoner", whichever the population words of sentence {@code sentence} say more often; or null. */
    private String sentenceContext(int sentence) {
        if (!sentenceContextKnown[sentence]) {
            sentenceContexts[sentence] = dominantContext(
                    populations.startingIn(segments.sentenceStart(sentence), segments.sentenceEnd(sentence)));
            sentenceContextKnown[sentence] = true;
        }
        return sentenceContexts[sentence];
    }

    /**
     * Whom figure {@code c} counts and where: its noun phrase's people, else those of the figure
     * it refers to ({@code referenceSubject}, {@code referenceLocation}, may be null), else the
     * residents of its place; its place from its clause, its sentence, the reference, the article.
     */
    Population populationOf(Candidate c, Metric metric, NounPhrase np, String referenceSubject,
                            String referenceLocation) {
        return populationOf(c, metric, np, referenceSubject, referenceLocation, null);
    }

    /**
     * As above, with the group of the figure whose cue this one shares when it names no people
     * of its own ("twelve soldiers were killed in Mali and three in Niger": soldiers too).
     */
    Population populationOf(Candidate c, Metric metric, NounPhrase np, String referenceSubject,
                            String referenceLocation, String referenceGroup) {
        String subject = np.subject();
        String group = np.isEmpty() ? referenceGroup : np.group();
        if (subject == null && np.modifierPlace() != null) {
            subject = lexicon.residentsOf(np.modifierPlace());
        }
        int sentenceStart = segments.sentenceStart(c.sentence());
        int sentenceEnd = segments.sentenceEnd(c.sentence());
        boolean captive = CAPTIVE_METRICS.contains(metric);
        if (places == null) {
            places = placesOfArticle.get();
        }
        // Captives are counted where they are held ("in Gaza", "en Colombie"): a bare name near
        // them is rather a party to their release ("handed to Israel", "mediated by Qatar").
        String location = captive ? places.nearestLocative(sentenceStart, sentenceEnd, c.start())
                : places.nearest(segments.clauseStart(c.clause()), segments.clauseEnd(c.clause()), c.start());
        if (location == null && !captive) {
            location = places.nearest(sentenceStart, sentenceEnd, c.start());
        }
        if (subject == null) {
            subject = referenceSubject;
        }
        if (location == null) {
            location = referenceLocation;
        }
        boolean locationInferred = location == null;
        if (location == null) {
            location = places.articlePlace();
        }
        if (location == null && captive) {
            location = places.nearest(sentenceStart, sentenceEnd, c.start());
        }
        if (location == null) {
            location = places.lastResort(sentenceStart, sentenceEnd, c.start());
        }
        if (location == null && captive) {
            location = places.articleAdjective(); // "zwölf israelische Geiseln ... 160 Menschen in der Gewalt"
        }
        if (captive) {
            location = lexicon.captivesPlaceOf(location); // "handed back to Israel", "held in Gaza": one group
        }
        if (metric.isHostageMetric() && !c.subset() && c.whole() < 0
                && lexicon.isCaptivesOwnPeople(subject, location)) {
            // "22 Israeli hostages" held in Gaza and "22 hostages": one group on one key; a part
            // ("17 hostages, 13 of them Israelis") keeps its people apart from its whole.
            subject = null;
        }
        boolean subjectInferred = false;
        if ((subject == null || subject.equals("unknown")) && takesResidents(metric, group)) {
            // "killed 45 people in Gaza": the people of the place, so that the outlet that
            // writes "Palestinians" and the one that does not share a key.
            subject = lexicon.residentsOf(location);
            subjectInferred = subject != null;
        }
        return new Population(subject == null ? "unknown" : subject, group, location, subjectInferred,
                locationInferred && location != null);
    }

    /**
     * Casualty metrics, whose victims are mostly the people of the place where they are counted.
     * Hostages, prisoners and detainees are left out: they are counted where they are held, or
     * released to, not where they live.
     */
    private static final Set<Metric> RESIDENT_METRICS =
            java.util.EnumSet.of(Metric.KILLED, Metric.WOUNDED, Metric.MISSING, Metric.DISPLACED);

    /** At most this many words between a wounded cue and the death cue that makes its wounded dead ("ont", "later"). */
    private static final int DIED_REACH = 1;

    /** The words from {@code from} to {@code to} in the article: spaces crossed. */
    private int wordsBetween(int from, int to) {
        int words = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ' ' && i + 1 < to && s.charAt(i + 1) != ' ') {
                words++;
            }
        }
        return words;
    }

    /** Senses that say people are held now: after an abduction noun they make its figure held hostages. */
    private static final Set<String> HOLDING = Set.of("held", "remaining", "captivity", "hostages_held");

    /** Hostage and prisoner metrics: their people are counted under the place of their captivity. */
    private static final Set<Metric> CAPTIVE_METRICS = java.util.EnumSet.of(Metric.HOSTAGES_TAKEN,
            Metric.HOSTAGES_HELD, Metric.HOSTAGES_RELEASED, Metric.HOSTAGES_DEAD, Metric.PRISONERS_RELEASED);

    /** Groups that are often not the place's people: an army fights abroad, aid workers come from it. */
    private static final Set<String> NON_RESIDENT_GROUPS = Set.of("soldiers", "aid_workers");

    private static boolean takesResidents(Metric metric, String group) {
        return RESIDENT_METRICS.contains(metric) && (group == null || !NON_RESIDENT_GROUPS.contains(group));
    }

    /**
     * Cues that mean different metrics for hostages and for prisoners ("released", "held",
     * "captured", "returned", "rescued", "remaining") and "dead" and "remains" (killed, or hostages_dead among
     * hostages) are resolved by context:
     * the figure's own noun phrase, then its parent figure, then the figure it refers back to,
     * then the sentence, then the article.
     */
    private static Metric resolveMetric(BoundCue boundCue, String capturedAs, NounPhrase np, Metric parentMetric,
                                        Metric antecedentMetric,
                                String previousContext, String sentenceContext, String articleContext) {
        String cue = boundCue == null ? null : boundCue.metric();
        if (cue == null) {
            return parentMetric; // "including 30 children" counts what its parent counts
        }
        if (!SENSES.isContextual(cue)) {
            return Metric.fromWireName(cue);
        }
        String context = np.context();
        if (context == null && parentMetric != null) {
            context = contextOf(parentMetric);
        }
        if (context == null) {
            context = capturedAs; // "340 personnes arrêtées en juillet ont été libérées": prisoners
        }
        boolean death = cue.equals("dead") || cue.equals("remains");
        if (context == null) {
            context = previousContext;
        }
        if (context == null && np.isEmpty() && antecedentMetric != null
                && !(death && antecedentMetric == Metric.HOSTAGES_TAKEN)) {
            // "Of the 88 captives still held, 19 are dead"; but after an abduction ("enlevé 25
            // personnes... six morts") the dead of the raid are killed, not dead hostages.
            context = contextOf(antecedentMetric);
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
        if (cue.equals("lost")) {
            // "the army lost 14 soldiers", "perdió 14 soldados": deaths of a side, when the figure
            // names people; "lost 200 homes", "lost 3 games" and a bare "lost two" count nobody.
            return np.subject() != null || np.group() != null ? Metric.KILLED : null;
        }
        if (cue.equals("captivity")) {
            // Captivity wording ("remain in captivity", "siguen cautivos"): held hostages unless
            // prisoners are named in the phrase, the sentence or the article.
            String near = context != null ? context : sentenceContext != null ? sentenceContext : articleContext;
            return "prisoner".equals(near) ? Metric.DETAINED : Metric.HOSTAGES_HELD;
        }
        if (cue.equals("still_detained")) {
            // Detention wording that says people are still held ("permanecían detenidos"): held
            // hostages among hostages named in the phrase or the sentence, else detainees.
            String near = context != null ? context : sentenceContext;
            return "hostage".equals(near) ? Metric.HOSTAGES_HELD : Metric.DETAINED;
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
            if (context == null && (cue.equals("held") || cue.equals("rescued")) && articleContext == null) {
                // "the morgues held 230 bodies", "held 30 seats", "rescued 12 hikers trapped by
                // snow": nobody captive in the article
                return null;
            }
        }
        boolean prisoner = "prisoner".equals(context);
        return switch (cue) {
            case "released", "rescued" -> prisoner ? Metric.PRISONERS_RELEASED : Metric.HOSTAGES_RELEASED;
            case "held" -> prisoner ? Metric.DETAINED : Metric.HOSTAGES_HELD;
            default -> "hostage".equals(context) ? Metric.HOSTAGES_TAKEN : Metric.DETAINED; // captured
        };
    }

    /**
     * The metric of the release reported after figure {@code c}'s capture ({@link Candidate#alsoCue()}),
     * among the people the capture made hostages or prisoners; null when there is none.
     */
    static Metric releaseOf(Candidate c, NounPhrase np, Metric captureMetric) {
        if (c.alsoCue() == null) {
            return null;
        }
        String cue = c.alsoCue().metric();
        if (cue.equals("prisoners_released") || cue.equals("hostages_released")) {
            return Metric.fromWireName(cue);
        }
        String context = np.context() != null ? np.context() : contextOf(captureMetric);
        return "prisoner".equals(context) ? Metric.PRISONERS_RELEASED
                : "hostage".equals(context) ? Metric.HOSTAGES_RELEASED : null;
    }

    private static String contextOf(Metric metric) {
        if (metric.isHostageMetric()) {
            return "hostage";
        }
        return metric == Metric.DETAINED || metric == Metric.PRISONERS_RELEASED ? "prisoner" : null;
    }

    /**
     * The people named right after a figure: the first subject ("israelis") and context
     * ("hostage") its words give, its group when they name one only, the place of an adjective
     * before the noun ("Syrian soldiers"), and where the phrase ends (-1 when there is none).
     */
    record NounPhrase(String subject, String group, String context, String modifierPlace, int end) {

        static final NounPhrase NONE = new NounPhrase(null, null, null, null, -1);

        boolean isEmpty() {
            return end < 0;
        }
    }

    /** The matches that decide what a word before a figure's noun is: cues and place adjectives. */
    private record Modifiers(RoleMatches cues, RoleMatches adjectives) {}

    private static NounPhrase nounPhrase(String s, int phraseEnd, int clause, RoleMatches populations,
                                         Modifiers modifiers, TextSegments segments, WordSet glue) {
        String subject = null;
        String context = null;
        String modifierPlace = null;
        String group = null;
        boolean groups = false; // more than one group: the phrase gives none
        int end = -1;
        int cursor = phraseEnd;
        for (Match m : populations.startingIn(cursor, segments.clauseEnd(clause))) {
            if (m.start() < cursor) {
                continue; // a shorter phrase inside the previous noun
            }
            // The gap, stripped, read in place: it is often the rest of the clause.
            int gapStart = cursor;
            int gapEnd = m.start();
            while (gapStart < gapEnd && Character.isWhitespace(s.charAt(gapStart))) {
                gapStart++;
            }
            while (gapEnd > gapStart && Character.isWhitespace(s.charAt(gapEnd - 1))) {
                gapEnd--;
            }
            // "805 Alawite civilians", "12 verschleppte Erntehelfer": where adjectives go before the
            // noun ("*" in the glue), one word may stand between the figure and its people.
            if (!glue.contains(s, gapStart, gapEnd)) { // a gap longer than any glue is told by its length
                if (!(end < 0 && glue.contains("*") && isOneWord(s, gapStart, gapEnd)
                        && !modifiers.cues().anyStartingIn(cursor, m.start()))) {
                    break;
                }
                // "Five Syrian soldiers": the adjective names the soldiers' people
                List<Match> adjective = modifiers.adjectives().startingIn(cursor, m.start());
                modifierPlace = adjective.isEmpty() ? null : adjective.get(0).entry().location();
            }
            Entry e = m.entry();
            if (subject == null && e.subject() != null) {
                subject = e.subject();
            }
            if (e.group() != null) {
                if (group == null) {
                    group = e.group();
                } else if (!group.equals(e.group())) {
                    groups = true;
                }
            }
            if (context == null && e.context() != null) {
                context = e.context();
            }
            end = m.end();
            cursor = m.end();
        }
        if (end < 0) {
            return NounPhrase.NONE;
        }
        return new NounPhrase(subject, groups ? null : group, context, modifierPlace, end);
    }

    /** Whether s[from, to) is one word of letters (hyphens inside); not when empty. */
    private static boolean isOneWord(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i)) && s.charAt(i) != '-') {
                return false;
            }
        }
        return true;
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
}
