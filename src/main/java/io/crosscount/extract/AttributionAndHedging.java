package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import io.crosscount.model.ActorMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.crosscount.extract.TextScan.role;

/**
 * Stage 4 of {@link FigureExtractor}: how a figure is given, once it is a claim: hedged ("reportedly",
 * "selon des sources") when a hedge stands in its clause, and attributed to the actor nearest an
 * attribution prefix ("according to") or a reporting verb ("said") of its sentence. Reads only
 * the figure's position, so it runs after every other stage.
 *
 * <p>Entry points, on one instance per article (text, matches, actor mentions, segments):
 * {@link #isHedged} and {@link #sourceOf}, each taking a bound candidate.
 */
final class AttributionAndHedging {

    private final FoldedText text;
    private final RoleMatches hedges;
    private final RoleMatches verbs;
    private final RoleMatches prefixes;
    private final RoleMatches coordinators;
    private final RoleMatches finiteVerbs;
    private final java.util.Set<String> auxiliaries;
    private final List<ActorMention> actors;
    private final TextSegments segments;
    private final Deadline deadline;
    /** {@link #sourceOf} by sentence, which alone decides it: figures of one sentence share their source. */
    private final String[] sources;
    private final boolean[] sourceKnown;

    /**
     * The stage for one article: its text, matches by role, actor mentions (by start), sentences,
     * and the language's auxiliaries (a clause with one has a verb of its own).
     */
    AttributionAndHedging(FoldedText text, Map<Role, RoleMatches> byRole, List<ActorMention> actors,
                          TextSegments segments, java.util.Set<String> auxiliaries, Deadline deadline) {
        this.text = text;
        this.hedges = role(byRole, Role.HEDGE);
        this.coordinators = role(byRole, Role.COORDINATOR);
        this.finiteVerbs = role(byRole, Role.FINITE_VERB);
        this.auxiliaries = auxiliaries;
        this.verbs = role(byRole, Role.ATTRIBUTION);
        this.prefixes = role(byRole, Role.ATTRIBUTION_PREFIX);
        this.actors = actors;
        this.segments = segments;
        this.deadline = deadline;
        this.sources = new String[segments.sentenceCount()];
        this.sourceKnown = new boolean[segments.sentenceCount()];
    }

    /** Whether a hedge ("reportedly", "presumed") stands in the figure's clause. */
    boolean isHedged(Candidate c) {
        return hedges.anyStartingIn(segments.clauseStart(c.clause()), segments.clauseEnd(c.clause()));
    }

    /**
     * {@link #isHedged(Candidate)}, or the figure is coordinated with {@code hedgedBefore}, the
     * hedged figure right before it (null when that one was not hedged), and has no verb of its
     * own: the conditional governs both in "le bilan serait de neuf morts et 118 enlevés", "neuf
     * personnes auraient été tuées et 118 enlevées", not in "... et 118 ont été enlevées" or
     * "habrían muerto y 400.000 huyeron". A verb of its own is an auxiliary or a finite cue verb
     * ({@code finite_verbs}).
     */
    boolean isHedged(Candidate c, Candidate hedgedBefore) {
        if (isHedged(c)) {
            return true;
        }
        if (hedgedBefore == null || hedgedBefore.sentence() != c.sentence() || hedgedBefore.clause() != c.clause() - 1) {
            return false; // after a comma the figure starts a clause of its own ("habrían muerto, y 400.000 huyeron")
        }
        int from = segments.clauseStart(c.clause());
        String s = text.folded();
        if (!coordinators.anyStartingIn(from, from + 1)) {
            return false; // the clause does not open on "and": a comma, a new sentence part
        }
        int to = Math.min(s.length(), segments.clauseEnd(c.clause()));
        return !TextScan.hasWord(s, from, to, auxiliaries) && !finiteVerbs.anyStartingIn(from, to); // a verb of its own
    }

    /** The actor id of who gave figure {@code c}, or null: see {@link #attribution}. */
    String sourceOf(Candidate c) {
        int sentence = c.sentence();
        if (!sourceKnown[sentence]) {
            sources[sentence] = attribution(text, c, verbs, prefixes, actors, segments, deadline);
            sourceKnown[sentence] = true;
        }
        return sources[sentence];
    }

    /**
     * Who gave the figure: the actor right after a prefix cue ("selon", "according to") in the
     * cue's clause, else the actor nearest a reporting verb ("said", "a annoncé") in the
     * figure's sentence. Persons are not sources of figures here: their offices are.
     */
    private static String attribution(FoldedText text, Candidate c, RoleMatches verbs, RoleMatches prefixes,
                              List<ActorMention> actors, TextSegments segments, Deadline deadline) {
        int sentenceFrom = segments.sentenceStart(c.sentence());
        int sentenceTo = segments.sentenceEnd(c.sentence());
        if (!prefixes.anyStartingIn(sentenceFrom, sentenceTo) && !verbs.anyStartingIn(sentenceFrom, sentenceTo)) {
            return null; // no cue, no source: the sentence's actors are not gathered
        }
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
    static List<ActorMention> actorsBetween(FoldedText text, List<ActorMention> actors, int from, int to) {
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
}
