package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.crosscount.extract.TextScan.role;
import static io.crosscount.extract.TextScan.isBlank;

/**
 * Stage 2 of {@link FigureExtractor}: which metric cue ("tués", "were kidnapped", "freed")
 * counts which number. Clauses are cut at subset markers and at conjunctions between figures
 * (coordination), so that each figure keeps its own cue; each cue then binds to the nearest
 * candidate of its clause. Lists of figures ("12 soldiers and two policemen"), breakdowns
 * ("including 50 children"), partitives ("three of the 19 hostages") and a capture followed by a
 * release share or hand over their cues here. The candidates' cue fields are its output.
 */
final class CueBinder {

    private CueBinder() {}

    /**
     * Binds the metric cues of the text to {@code candidates} (sorted, placed in their sentences
     * and clauses, with their noun's end): links lists and partitives first, since their items
     * share or hand over cues, then binds each cue to the nearest candidate of its clause and
     * shares a list's cue with the items that have none.
     */
    static void bind(String s, List<CandidateDraft> candidates, Map<Role, RoleMatches> byRole, Lexicon lexicon,
                     TextSegments segments, Deadline deadline) {
        linkLists(s, candidates, byRole, lexicon.listConnectors(), deadline);
        linkPartitives(s, candidates, lexicon.partitives());
        bindMetricCues(s, candidates, role(byRole, Role.METRIC), role(byRole, Role.SUBSET_MARKER), segments,
                lexicon.relativePronouns(), lexicon.auxiliaries(), deadline);
        shareListCues(candidates);
    }

    /**
     * Where the rules start clauses besides punctuation: at subset markers ("dont",
     * "including"), and at a conjunction that joins two figures ("26 morts et 40 blessés",
     * "killed and more than 33,000 injured"), so that each figure keeps its own cue. A
     * conjunction right after a number is a range ("entre 40 et 50") and does not break.
     */
    static int[] clauseBreaks(String s, List<CandidateDraft> candidates, Map<Role, RoleMatches> byRole) {
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

    /** How many words a list item may have after its number ("131 members of the security services"). */
    static final int LIST_ITEM_WORDS = 4;

    /**
     * Links each figure that continues a list to the list's first figure: "seven men and seven
     * women were killed", "31 Schüler, vier Lehrer und vierzehn Familienangehörige", "بينهم 41
     * طفلًا و25 امرأة", "(41 hommes, 15 femmes et 8 enfants)". Between two items stand at most a
     * few words (the first item's noun) and a comma or a list connector ("and", never "or"), but
     * no cue, no subset marker and no other number. The items of a breakdown ("including",
     * "dont", a bracket after a figure) are all subsets, so the figure before them keeps its own
     * cue and the items count what it counts.
     */
    private static void linkLists(String s, List<CandidateDraft> candidates, Map<Role, RoleMatches> byRole,
                          Set<String> connectors, Deadline deadline) {
        RoleMatches cues = role(byRole, Role.METRIC);
        RoleMatches markers = role(byRole, Role.SUBSET_MARKER);
        RoleMatches places = role(byRole, Role.LOCATION);
        int n = candidates.size();
        byte[] links = new byte[n]; // how candidate k joins candidate k - 1: NO_LINK, COMMA or CONNECTOR
        for (int k = 1; k < n; k++) {
            deadline.check("linking lists of figures");
            CandidateDraft a = candidates.get(k - 1);
            CandidateDraft b = candidates.get(k);
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
                CandidateDraft a = candidates.get(k - 1);
                CandidateDraft b = candidates.get(k);
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
    private static void shareListCues(List<CandidateDraft> candidates) {
        int n = candidates.size();
        // Items of one list stand next to each other: sweep each run forwards and backwards.
        CandidateDraft[] before = new CandidateDraft[n];
        CandidateDraft[] after = new CandidateDraft[n];
        for (int k = 0; k < n; k++) {
            CandidateDraft c = candidates.get(k);
            CandidateDraft previous = k > 0 && c.listHead != null ? candidates.get(k - 1) : null;
            before[k] = previous == null ? null : previous.cue != null ? previous : before[k - 1];
        }
        for (int k = n - 1; k >= 0; k--) {
            CandidateDraft next = k + 1 < n && candidates.get(k + 1).listHead != null ? candidates.get(k + 1) : null;
            after[k] = next == null ? null : next.cue != null ? next : after[k + 1];
        }
        for (int k = 0; k < n; k++) {
            CandidateDraft c = candidates.get(k);
            if (c.cue != null || (c.subset && c.listHead == null)) {
                continue; // a breakdown's first item counts what its parent counts
            }
            CandidateDraft best = before[k] == null ? after[k] : after[k] == null ? before[k]
                    : c.start - before[k].end <= after[k].start - c.end ? before[k] : after[k];
            if (best == null && !c.subset) {
                for (int j = k + 1; j < n && candidates.get(j).subset && candidates.get(j).sentence == c.sentence; j++) {
                    if (candidates.get(j).cue != null) {
                        best = candidates.get(j);
                        break;
                    }
                }
            }
            if (best != null) {
                c.cue = best.cue;
                c.secondCue = best.secondCue;
            }
        }
    }

    /**
     * Each cue binds to the nearest candidate of its clause; each candidate keeps its nearest cue.
     * Candidates are sorted and disjoint, so the nearest is one of the two around the cue.
     */
    private static void bindMetricCues(String s, List<CandidateDraft> candidates, RoleMatches cues, RoleMatches markers,
                               TextSegments segments, Set<String> relatives, Set<String> auxiliaries,
                               Deadline deadline) {
        int[] starts = candidates.stream().mapToInt(c -> c.start).toArray();
        List<Match> unbound = new ArrayList<>();
        List<Match> releases = new ArrayList<>();
        Set<Integer> subsetClauses = new java.util.HashSet<>(); // clauses that break a figure down
        for (CandidateDraft c : candidates) {
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
            CandidateDraft best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = Math.max(0, around - 1); k <= Math.min(candidates.size() - 1, around); k++) {
                CandidateDraft c = candidates.get(k);
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
            if (best != null && bestDistance < BoundCue.distance(best.cue)) {
                if (best.cue != null && !best.cue.metric().equals(cue.entry().metric())) {
                    best.secondCue = best.cue;
                }
                best.cue = new BoundCue(cue.entry(), cue.start(), bestDistance);
            } else if (best != null && bestDistance < BoundCue.distance(best.secondCue)
                    && !best.cue.metric().equals(cue.entry().metric())) {
                // "9 villagers remain missing": "remain" first, "missing" next
                best.secondCue = new BoundCue(cue.entry(), cue.start(), bestDistance);
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
            CandidateDraft c = candidates.get(k);
            if (c.cue != null || c.subset) {
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
                c.cue = new BoundCue(cue.entry(), cue.start(), cue.start() - c.end);
                u++;
            }
        }
        releaseInLaterClause(s, candidates, releases, markers, subsetClauses, segments, relatives, auxiliaries);
        for (CandidateDraft c : candidates) {
            // "The men were captured in an ambush in which 12 soldiers and two policemen were
            // killed": a list's head whose cue stands before a relative pronoun takes the list's cue.
            CandidateDraft head = c.listHead;
            if (head != null && head.cue != null && head.cue.start() < head.phraseStart
                    && c.cue != null && c.cue.start() > c.end
                    && hasWord(s, head.cue.start(), head.phraseStart, relatives)) {
                head.cue = null;
            }
        }
        for (CandidateDraft c : candidates) {
            if (c.whole != null && c.cue == null) {
                partOfWhole(s, c, c.whole, relatives, auxiliaries);
            }
        }
    }

    /** "trois des 19 otages", "tres de los 20 secuestrados": a figure right before the whole it is taken from. */
    private static void linkPartitives(String s, List<CandidateDraft> candidates, Set<String> partitives) {
        for (int k = 0; k + 1 < candidates.size(); k++) {
            CandidateDraft part = candidates.get(k);
            CandidateDraft whole = candidates.get(k + 1);
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
    private static void partOfWhole(String s, CandidateDraft part, CandidateDraft whole, Set<String> relatives,
                            Set<String> auxiliaries) {
        if (whole.cue == null || whole.cue.start() < whole.end) {
            return;
        }
        if (whole.capturedAs != null && SENSES.isRelease(whole.cue.metric()) && whole.secondCue != null) {
            // the whole's release came after the capture that describes it: the release is the part's
            part.cue = whole.cue;
            part.capturedAs = whole.capturedAs;
            whole.cue = whole.secondCue;
            whole.secondCue = null;
            whole.capturedAs = null;
        } else if (describes(s, whole, relatives, auxiliaries)) {
            if (whole.secondCue != null && whole.secondCue.start() > whole.cue.start()) {
                part.cue = whole.secondCue;
                part.capturedAs = SENSES.isCapture(whole.cue.metric()) ? capturedAs(whole.cue) : null;
                whole.secondCue = null;
            }
        } else {
            part.cue = whole.cue;
            whole.cue = null;
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
    private static boolean describesAnother(String s, Match cue, CandidateDraft c, Set<Integer> subsetClauses,
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
    private static void releaseInLaterClause(String s, List<CandidateDraft> candidates, List<Match> releases,
                                     RoleMatches markers, Set<Integer> subsetClauses,
                                     TextSegments segments, Set<String> relatives,
                                     Set<String> auxiliaries) {
        if (releases.isEmpty()) {
            return;
        }
        Set<Integer> bound = new java.util.HashSet<>();
        for (CandidateDraft c : candidates) {
            if (c.cue != null) {
                bound.add(c.cue.start());
            }
        }
        int[] releaseStarts = releases.stream().mapToInt(Match::start).toArray();
        for (int k = 0; k < candidates.size(); k++) {
            CandidateDraft c = candidates.get(k);
            if (c.cue == null || c.subset || c.alsoCue != null || !SENSES.isCapture(c.cue.metric())
                    || (c.secondCue != null && SENSES.isRelease(c.secondCue.metric()))) {
                continue;
            }
            int from = Math.max(Math.max(c.nounEnd, c.cue.start() + 1), c.end);
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
                CandidateDraft other = candidates.get(j);
                between |= !other.subset && other.listHead == null;
            }
            if (between) {
                continue;
            }
            String captured = capturedAs(c.cue);
            if (c.cue.start() >= c.end && describes(s, c, relatives, auxiliaries)) {
                c.secondCue = c.cue;
                c.cue = new BoundCue(release.entry(), release.start(), release.start() - c.nounEnd);
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
    private static boolean describes(String s, CandidateDraft c, Set<String> relatives, Set<String> auxiliaries) {
        if (c.cue.start() <= c.end) {
            return true;
        }
        for (String word : s.substring(c.end, c.cue.start()).split(" ")) {
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

    private static String capturedAs(BoundCue capture) {
        return SENSES.capturedAs(capture.metric());
    }

    private static final CueSenses SENSES = CueSenses.SHARED;

    /**
     * "Tres civiles que permanecían secuestrados ... fueron liberados", "340 personnes arrêtées
     * en juillet ont été libérées", "12 prisoners held by Russia were freed": after the figure, a
     * capture word describes who they are and the release that follows is the news. When both
     * follow the figure, capture first, the release speaks.
     */
    private static void releaseAfterCapture(String s, CandidateDraft c, Set<String> relatives,
                                            Set<String> auxiliaries) {
        if (c.cue != null && c.secondCue != null && SENSES.isCapture(c.cue.metric())
                && SENSES.isRelease(c.secondCue.metric())
                && c.cue.start() >= c.end && c.secondCue.start() > c.cue.start()) {
            if (!describes(s, c, relatives, auxiliaries)) {
                c.alsoCue = c.secondCue.entry(); // "50 people were kidnapped and later freed": both are news
                return;
            }
            BoundCue capture = c.cue;
            c.cue = c.secondCue;
            c.secondCue = capture;
            c.capturedAs = capturedAs(capture);
        }
    }

    /** How far a figure may stand after a cue that counts only the next figure ("the release of all 22"). */
    private static final int NEXT_GAP = 8;

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
}
