package io.crosscount.extract;

import io.crosscount.extract.Lexicon.Entry;
import io.crosscount.extract.Lexicon.Match;
import io.crosscount.extract.Lexicon.Role;
import java.util.ArrayList;
import java.util.Arrays;
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
 * release share or hand over their cues here.
 *
 * <p>Entry points: {@link #clauseBreaks} (where the cue rules cut clauses, for
 * {@link TextSegments}) and {@link #bind} (numbers in, bound {@link Candidate}s out). One
 * instance is one binding run: the rules revise earlier choices (a cue handed from a whole to
 * its part), so what they bind is kept in arrays by number index until it is frozen.
 */
final class CueBinder {

    private final String s;
    /** Whether a folded position is a dash that sets a phrase off ({@link FoldedText#isParentheticalDash}). */
    private final java.util.function.IntPredicate dashAt;
    /** The language's list connectors ("and", "و"): one may open a sentence or clause before a marker. */
    private final Set<String> listConnectors;
    private final List<PlacedNumber> numbers;
    /** The nearest metric cue bound to each number, or null: without one it is no figure. */
    private final BoundCue[] cue;
    /** The next nearest cue of the clause, read when the nearest one gives no metric. */
    private final BoundCue[] secondCue;
    /** "hostage" or "prisoner" when a capture word describes the released ("arrêtés ... libérés"). */
    private final String[] capturedAs;
    /** A release reported after the capture the number's cue reports: a second claim, or null. */
    private final Entry[] alsoCue;
    /** The number this one is taken out of ("three of the 19 hostages"), or -1. */
    private final int[] whole;
    /** The first number of the list this one continues ("12 soldiers and two policemen"), or -1. */
    private final int[] listHead;
    /** Whether the number is a subset of the figure before it ("dont 28", a breakdown in brackets). */
    private final boolean[] subset;

    private CueBinder(String s, List<PlacedNumber> numbers, Set<String> listConnectors,
                      java.util.function.IntPredicate dashAt) {
        this.s = s;
        this.dashAt = dashAt;
        this.numbers = numbers;
        this.listConnectors = listConnectors;
        int n = numbers.size();
        cue = new BoundCue[n];
        secondCue = new BoundCue[n];
        capturedAs = new String[n];
        alsoCue = new Entry[n];
        whole = new int[n];
        listHead = new int[n];
        subset = new boolean[n];
        Arrays.fill(whole, -1);
        Arrays.fill(listHead, -1);
        for (int k = 0; k < n; k++) {
            subset[k] = numbers.get(k).number().subset();
        }
    }

    /**
     * Binds the metric cues of folded text {@code s} to {@code numbers} (sorted by start, placed
     * in the sentences and clauses of {@code segments}, with their noun's end) and gives them as
     * candidates, in the same order, whose {@code whole} and {@code listHead} are indices in that
     * order. Links lists and partitives first, since their items share or hand over cues, then
     * binds each cue to the nearest number of its clause and shares a list's cue with the items
     * that have none.
     */
    static List<Candidate> bind(String s, List<PlacedNumber> numbers, Map<Role, RoleMatches> byRole, Lexicon lexicon,
                                TextSegments segments, java.util.function.IntPredicate dashAt, Deadline deadline) {
        CueBinder binder = new CueBinder(s, numbers, lexicon.listConnectors(), dashAt);
        binder.markSentenceOpeningSubsets(role(byRole, Role.SUBSET_MARKER), segments);
        binder.linkLists(byRole, lexicon.listConnectors(), lexicon.nounPhraseGlue(), lexicon.auxiliaries(), deadline);
        binder.linkPartitives(lexicon.partitives());
        RoleMatches longestCues = role(byRole, Role.METRIC).longestOnly(); // once: both stages read it
        binder.bindMetricCues(longestCues, role(byRole, Role.SUBSET_MARKER), role(byRole, Role.FINITE_VERB),
                segments, lexicon.partitives(), lexicon.relativePronouns(), lexicon.auxiliaries(),
                lexicon.verbObjectPrepositions(), deadline);
        binder.headerCues(longestCues, role(byRole, Role.COORDINATOR), lexicon.partitives(),
                lexicon.relativePronouns(), segments);
        binder.membersAmongLaterFigures(role(byRole, Role.AMONG_PARTITIVE));
        binder.shareListCues(lexicon.victimNouns(), lexicon.nounPhraseGlue());
        binder.gappedCues(role(byRole, Role.COORDINATOR), lexicon.listConnectors(), lexicon.auxiliaries(),
                lexicon.nounPhraseGlue(), segments);
        return binder.candidates();
    }

    /** How many words a figure's noun and verb may take before "among the" ("Two journalists were"). */
    private static final int MEMBER_WORDS = 4;

    /**
     * "Two journalists were among the 14 people killed", "Deux journalistes figurent parmi les 14
     * personnes tuées": a figure without a cue, counted by one of the language's
     * {@code among_partitives} among the next figure of its sentence, a few words (its noun and a
     * verb) before it, is counted by that figure's cue too: both are claims, the first a part of
     * the second.
     */
    private void membersAmongLaterFigures(RoleMatches among) {
        if (among.isEmpty()) {
            return;
        }
        for (int k = 0; k + 1 < numbers.size(); k++) {
            // "3 of the 40 hostages were among the 12 freed": a part is counted among the figure
            // after its whole, whose noun and verb stand before "among the".
            int lead = whole[k] >= 0 ? whole[k] : k;
            int of = lead + 1;
            if (of >= numbers.size()) {
                continue;
            }
            PlacedNumber part = number(k);
            PlacedNumber words = number(lead);
            PlacedNumber later = number(of);
            // Not the whole of "3 of the 40 hostages were among the 12 freed": only its part is.
            boolean aWhole = k > 0 && whole[k - 1] == k;
            if (cue[k] != null || cue[of] == null || subset[k] || aWhole || listHead[k] >= 0
                    || later.sentence() != part.sentence() || later.phraseStart() <= words.phraseEnd()) {
                continue;
            }
            for (Match m : among.endingIn(words.phraseEnd(), later.phraseStart())) {
                if (isBlank(s, m.end(), later.phraseStart())
                        && wordCount(words.phraseEnd(), m.start()) <= MEMBER_WORDS) {
                    cue[k] = cue[of];
                    break;
                }
            }
        }
    }

    /** The number of words in s[from, to). */
    private int wordCount(int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = FoldedText.isLetter(s.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** The numbers with what was bound to them, frozen. */
    private List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>(numbers.size());
        for (int k = 0; k < numbers.size(); k++) {
            PlacedNumber p = numbers.get(k);
            RecognizedNumber r = p.number();
            out.add(new Candidate(r.start(), r.end(), r.phraseStart(), r.phraseEnd(), r.value(), r.low(), r.high(),
                    r.qualifier(), r.band(), r.vague(), p.sentence(), p.clause(), cue[k], secondCue[k],
                    capturedAs[k], alsoCue[k], whole[k], subset[k], listHead[k]));
        }
        return out;
    }

    private PlacedNumber number(int k) {
        return numbers.get(k);
    }

    /**
     * Where the rules start clauses besides punctuation: at subset markers ("dont",
     * "including"), and at a conjunction that joins two figures ("26 morts et 40 blessés",
     * "killed and more than 33,000 injured"), so that each figure keeps its own cue. A
     * conjunction right after a number is a range ("entre 40 et 50") and does not break.
     */
    static int[] clauseBreaks(String s, List<RecognizedNumber> numbers, Map<Role, RoleMatches> byRole,
                              WordSet complementizers) {
        int[] breaks = new int[8];
        int size = 0;
        int[] ends = new int[numbers.size()];
        int[] phraseStarts = new int[numbers.size()];
        for (int k = 0; k < ends.length; k++) {
            ends[k] = numbers.get(k).end();
            phraseStarts[k] = numbers.get(k).phraseStart();
        }
        Arrays.sort(ends);
        Arrays.sort(phraseStarts);
        RoleMatches afterMarkers = role(byRole, Role.SUBSET_MARKER_AFTER);
        for (Match m : role(byRole, Role.SUBSET_MARKER).all()) {
            // "35 منهم": a marker that may also follow its figure, right after a number, keeps the
            // number's clause (and its cue: "يُعتقد أن 35 منهم قد فارقوا الحياة").
            int before = RoleMatches.lowerBound(ends, m.start() + 1) - 1;
            boolean follows = before >= 0 && isBlank(s, ends[before], m.start())
                    && afterMarkers.anyStartingIn(m.start(), m.start() + 1);
            if (!follows) {
                if (size == breaks.length) {
                    breaks = Arrays.copyOf(breaks, size * 2);
                }
                breaks[size++] = m.start();
            }
        }
        for (Match m : role(byRole, Role.COORDINATOR).all()) {
            // "21 officers were injured and that 30 people were killed": a complementizer after
            // the coordinator opens the reported clause as the coordinator alone would.
            int from = afterWord(s, m.end(), complementizers);
            int next = RoleMatches.lowerBound(phraseStarts, from);
            boolean figureFollows = next < phraseStarts.length && isBlank(s, from, phraseStarts[next]);
            int before = m.start() - 1;
            while (before >= 0 && s.charAt(before) == ' ') {
                before--;
            }
            boolean afterNumber = before >= 0 && Character.isDigit(s.charAt(before));
            if (figureFollows && !afterNumber) {
                if (size == breaks.length) {
                    breaks = Arrays.copyOf(breaks, size * 2);
                }
                breaks[size++] = m.start();
            }
        }
        return TextSegments.sortedDistinct(breaks, size);
    }

    /** The end of the word of {@code words} that follows {@code from} after spaces, or {@code from}. */
    private static int afterWord(String s, int from, WordSet words) {
        int start = TextScan.skipSpaces(s, from);
        int end = start;
        while (end < s.length() && FoldedText.isLetter(s.charAt(end))) {
            end++;
        }
        return end > start && words.contains(s, start, end) ? end : from;
    }

    /**
     * "Darunter seien acht Kinder", "Among them were six women", "Parmi eux, trois enfants": the
     * first figure of a sentence that opens with a subset marker (one word, such as a verb, may
     * stand between them) breaks down the figure of the sentence before, which {@link
     * FigureExtractor} then takes as its parent.
     */
    private void markSentenceOpeningSubsets(RoleMatches markers, TextSegments segments) {
        int previousSentence = -1;
        for (int k = 0; k < numbers.size(); k++) {
            PlacedNumber c = number(k);
            if (c.sentence() == previousSentence) {
                continue;
            }
            previousSentence = c.sentence();
            if (subset[k] || c.sentence() == 0) {
                continue;
            }
            int from = segments.sentenceStart(c.sentence());
            for (Match m : markers.startingIn(from, c.phraseStart())) {
                if (isOpening(s, from, m.start()) && isOneWordOrNone(s.substring(m.end(), c.phraseStart()))) {
                    subset[k] = true;
                    break;
                }
            }
        }
    }

    /**
     * Whether only spaces and quotes stand between {@code from} and {@code to}, then perhaps a
     * list connector written onto the word at {@code to} ("ومن بينهم": the language's "and").
     */
    private boolean isOpening(String s, int from, int to) {
        if (to - from > 4) {
            return false;
        }
        int i = from;
        while (i < to && isOpeningMark(s.charAt(i))) {
            i++;
        }
        int j = to;
        while (j > i && isOpeningMark(s.charAt(j - 1))) {
            j--;
        }
        return i == j || TextScan.isOneOf(listConnectors, s, i, j);
    }

    private static boolean isOpeningMark(char ch) {
        return ch == ' ' || ch == '"' || ch == '\'' || ch == '\n';
    }

    /** Whether {@code gap} holds at most one word of letters, with a comma or spaces around it. */
    private static boolean isOneWordOrNone(String gap) {
        String rest = gap.replace(',', ' ').replace('\u060C', ' ').strip();
        for (int i = 0; i < rest.length(); i++) {
            if (!Character.isLetter(rest.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** How many words a header may have after its partitive ("De los 13 adultos secuestrados,"). */
    private static final int HEADER_WORDS = 4;

    /**
     * "De los secuestrados, 18 siguen en manos de la banda", "Among the dead, four were children",
     * "Parmi les otages enlevés, 12 ont été libérés": a clause that names the counted people
     * before the figure, with a partitive ("of the", "parmi les", "de los", "unter den", "من بين")
     * and at most {@link #HEADER_WORDS} words after it, one of them a cue,
     * speaks for the figure that opens the next clause of the sentence: its cue when the figure
     * has none, else whom a capture made of them ("De los secuestrados, 18 siguen en poder": hostages).
     */
    private void headerCues(RoleMatches longestCues, RoleMatches coordinators, Set<String> partitives,
                            Set<String> relatives, TextSegments segments) {
        for (int k = 0; k < numbers.size(); k++) {
            PlacedNumber c = number(k);
            int clause = c.clause();
            if (clause == 0 || subset[k] || whole[k] >= 0 || listHead[k] >= 0
                    || (k > 0 && number(k - 1).clause() == clause)
                    || !isOpening(s, segments.clauseStart(clause), c.phraseStart())) {
                continue;
            }
            int from = segments.clauseStart(clause - 1);
            if (segments.sentenceOf(from) != c.sentence()) {
                continue;
            }
            int headEnd = partitiveHead(from, segments.clauseStart(clause), partitives, relatives, coordinators);
            if (headEnd < 0 || (k > 0 && number(k - 1).clause() == clause - 1 && number(k - 1).start() < headEnd)
                    || (k > 1 && number(k - 2).clause() == clause - 1)) {
                continue; // at most one number, the whole, right after the partitive
            }
            List<Match> named = longestCues.startingIn(headEnd, segments.clauseStart(clause));
            if (named.isEmpty()) {
                continue;
            }
            Match m = named.get(named.size() - 1);
            if (cue[k] == null) {
                cue[k] = new BoundCue(m.entry(), m.start(), c.start() - m.end());
            } else if (capturedAs[k] == null && SENSES.isCapture(m.entry().metric())
                    && SENSES.isContextual(cue[k].metric())) {
                capturedAs[k] = SENSES.capturedAs(m.entry().metric());
            }
        }
    }

    /**
     * The end of the partitive of the header from {@code from} to {@code to} (a clause ending in
     * a comma) that opens it, or follows a conjunction or relative pronoun, and that at most
     * {@link #HEADER_WORDS} words follow; -1 when the clause is no header.
     */
    private int partitiveHead(int from, int to, Set<String> partitives, Set<String> relatives,
                              RoleMatches coordinators) {
        String clause = s.substring(from, to).strip();
        if (!clause.endsWith(",") && !clause.endsWith("\u060C")) {
            return -1;
        }
        clause = clause.substring(0, clause.length() - 1).strip();
        int offset = s.indexOf(clause, from);
        String[] words = clause.split(" ");
        int wordStart = 0;
        for (int w = 0; w < words.length; w++) {
            String longest = null; // "de entre los" rather than "de"
            for (String head : partitives) {
                if (clause.startsWith(head, wordStart) && clause.startsWith(" ", wordStart + head.length())
                        && (longest == null || head.length() > longest.length())) {
                    longest = head;
                }
            }
            int after = longest == null ? 0 : words.length - w - longest.split(" ").length;
            // The partitive opens the clause, or a conjunction or "that" does: "y de los raptados,",
            // "dijo que de los raptados,"; not "In the wake of the abductions, 30 soldiers".
            boolean opens = w == 0 || relatives.contains(words[w - 1])
                    || coordinators.anyStartingIn(offset + wordStart - words[w - 1].length() - 1, offset + wordStart - 1);
            if (opens && after >= 1 && after <= HEADER_WORDS) {
                return offset + wordStart + longest.length();
            }
            wordStart += words[w].length() + 1;
        }
        return -1;
    }

    /** How many words a list item may have after its number ("131 members of the security services"). */
    static final int LIST_ITEM_WORDS = 4;

    /**
     * How many words in all, the noun phrase glue included, a list item may have after its number:
     * "80 members of the new security forces and 120 fighters" (glue words do not count towards
     * {@link #LIST_ITEM_WORDS}, since they make a noun's complement longer but no new phrase).
     */
    static final int LIST_ITEM_WORDS_WITH_GLUE = 8;

    /**
     * Links each figure that continues a list to the list's first figure: "seven men and seven
     * women were killed", "31 Schüler, vier Lehrer und vierzehn Familienangehörige", "بينهم 41
     * طفلًا و25 امرأة", "(41 hommes, 15 femmes et 8 enfants)". Between two items stand at most a
     * few words (the first item's noun) and a comma or a list connector ("and", never "or"), but
     * no cue, no subset marker and no other number. The items of a breakdown ("including",
     * "dont", a bracket after a figure) are all subsets, so the figure before them keeps its own
     * cue and the items count what it counts.
     */
    private void linkLists(Map<Role, RoleMatches> byRole, Set<String> connectors, Set<String> glue,
                           Set<String> auxiliaries, Deadline deadline) {
        RoleMatches cues = role(byRole, Role.METRIC);
        RoleMatches markers = role(byRole, Role.SUBSET_MARKER);
        RoleMatches places = role(byRole, Role.LOCATION);
        int n = numbers.size();
        byte[] links = new byte[n]; // how number k joins number k - 1: NO_LINK, COMMA or CONNECTOR
        for (int k = 1; k < n; k++) {
            deadline.check("linking lists of figures");
            PlacedNumber a = number(k - 1);
            PlacedNumber b = number(k);
            if (a.sentence() != b.sentence() || b.phraseStart() < a.phraseEnd() || b.phraseStart() - a.phraseEnd() > 80
                    || places.anyStartingIn(a.phraseEnd(), b.phraseStart())) {
                continue;
            }
            String gap = gapWithDashes(a.phraseEnd(), b.phraseStart());
            if (cues.anyStartingIn(a.phraseEnd(), b.phraseStart())) {
                // "9 dead (4 soldiers and 5 civilians)", "9 morts – 4 soldats et 5 civils –": the
                // figure's noun is its cue, and a bracket or dash after it breaks the figure down
                // into items with no cue of their own ("– 410 wounded – 2,300 evacuated" is a list).
                if (!subset[k] && opensBreakdown(gap, glue) && breaksDown(a, b, cues, auxiliaries)) {
                    subset[k] = true;
                }
                continue;
            }
            List<Match> inGap = markers.startingIn(a.phraseEnd(), b.phraseStart());
            if (!inGap.isEmpty()) {
                // "ocho hombres, entre ellos un sacerdote, y cinco mujeres": a breakdown set off
                // by commas or brackets, with no figure of its own, leaves the list going on.
                gap = withoutInsertion(gap, inGap.get(0).start() - a.phraseEnd());
                if (gap == null) {
                    continue;
                }
            }
            // A dash that closes an insertion before an item with no cue of its own goes on with
            // the list as a comma would ("diez hombres —entre ellos un médico— y tres mujeres");
            // before one with its own cue it ends the list ("5 civilians – and 17 wounded").
            String linkGap = gap.indexOf(DASH) >= 0 && !endsWithDash(gap) && !itemHasCue(b, cues)
                    ? gap.replace(DASH, ',') : gap;
            links[k] = listLink(linkGap, connectors, glue);
            if (links[k] == NO_LINK && !subset[k] && opensBreakdown(gap, glue)
                    && (!endsWithDash(gap) || breaksDown(a, b, cues, auxiliaries))) {
                subset[k] = true; // "64 civils (41 hommes, ...": the bracket breaks the figure down
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
                listHead[k] = listHead[k - 1] >= 0 ? listHead[k - 1] : k - 1;
                subset[k] |= subset[listHead[k]];
            }
        }
    }

    /**
     * Whether {@code rest} ends with {@code connector} after a space or a comma (Latin or Arabic):
     * read in place, as this runs for every connector between every two figures.
     */
    private static boolean endsWithJoined(String rest, String connector) {
        int before = rest.length() - connector.length() - 1;
        if (before < 0 || !rest.endsWith(connector)) {
            return false;
        }
        char c = rest.charAt(before);
        return c == ' ' || c == ',' || c == '\u060C';
    }

    /**
     * {@code gap} without the insertion that opens with a comma or bracket right before offset
     * {@code marker} and closes with another comma or the closing bracket ("hombres, entre ellos un
     * sacerdote, y "), or null when there is no such insertion. A pair of dashes that set a phrase
     * off ({@link #gapWithDashes}) is one too.
     */
    private static String withoutInsertion(String gap, int marker) {
        int open = marker - 1;
        while (open >= 0 && gap.charAt(open) == ' ') {
            open--;
        }
        if (open < 0) {
            return null;
        }
        char opener = gap.charAt(open);
        char closer = opener == '(' ? ')' : opener == ',' || opener == DASH ? opener : 0;
        int close = closer == 0 ? -1 : gap.indexOf(closer, marker);
        if (close < 0 || gap.indexOf(closer, close + 1) >= 0) {
            return null;
        }
        return gap.substring(0, open) + " " + gap.substring(close + 1);
    }

    private static final byte NO_LINK = 0;

    private static final byte COMMA = 1;

    private static final byte CONNECTOR = 2;

    /**
     * How {@code gap} joins two items of a list: the first item's noun (a few words, never none:
     * "lost two, and 22 people were injured" is no list), then a comma, a list connector, or both.
     */
    private static byte listLink(String gap, Set<String> connectors, Set<String> glue) {
        String rest = gap.strip();
        if (rest.endsWith("(")) {
            rest = rest.substring(0, rest.length() - 1).strip(); // "و(1146)": the bracket is the number's
        }
        byte link = NO_LINK;
        for (String connector : connectors) {
            if (endsWithJoined(rest, connector)) {
                rest = rest.substring(0, rest.length() - connector.length()).strip();
                link = CONNECTOR;
                break;
            }
        }
        if (rest.endsWith(",") || rest.endsWith("\u060C")) {
            rest = rest.substring(0, rest.length() - 1).strip();
            link = link == NO_LINK ? COMMA : link;
        }
        return link != NO_LINK && !rest.isEmpty() && isFewWords(rest, connectors, glue) ? link : NO_LINK;
    }

    /** How far after a list's last figure the comma closing its apposition may stand: a noun of a few words. */
    private static final int LIST_APPOSITION_CLOSE_REACH = 40;

    /**
     * The commas that open list appositions, sorted: "The freed hostages, 14 men and 3 children,
     * were flown home", "Gunmen abducted the villagers, 22 men and 11 women, on Monday". A comma
     * after a word, right before a figure that opens a list of at least two counted nouns which
     * a connector closes ({@link #listLink}) and a comma ends a few words after its last figure,
     * sets the list off as the breakdown of the noun before it: it opens no clause, so that a cue
     * in that noun phrase binds the list as a dash would. The comma stays a break
     * <ul>
     *   <li>when no comma closes the list, the subject of a clause of its own ("After the raid,
     *       22 men and 11 women were abducted");
     *   <li>after a clause with a figure of its own ("Fifteen soldiers were killed, nine in X and
     *       six in Y": a breakdown of that figure, not of a noun);
     *   <li>when the sentence goes on to a cue after the list ("The kidnapped workers, 12 men and
     *       3 women, were released"): that predicate's cue binds the list, as before.
     * </ul>
     * {@code numbers} are in order of start and disjoint; {@code cues} are the metric cues, which
     * no gap in the list may hold (a cue there makes two clauses); {@code quietDots} (sorted) end
     * no sentence ("the U.S.").
     */
    static int[] listAppositionCommas(String s, List<RecognizedNumber> numbers, RoleMatches cues,
                                      Set<String> connectors, Set<String> glue, int[] quietDots) {
        int[] openings = new int[4];
        int count = 0;
        int n = numbers.size();
        int sentenceEnd = -1; // of the last closing comma's sentence: one scan per sentence, not per list
        for (int k = 0; k + 1 < n; k++) {
            int opening = TextSegments.commaBefore(s, numbers.get(k).phraseStart());
            int wordBefore = opening <= 0 ? -1 : TextScan.skipSpacesBack(s, opening - 1);
            if (wordBefore < 0 || !Character.isLetter(s.charAt(wordBefore))
                    || k > 0 && numbers.get(k - 1).phraseStart() >= TextSegments.clauseStartBefore(s, opening)) {
                continue; // "Nine were freed by the militia, five in X and four in Y": the figure's own breakdown
            }
            int last = k;
            boolean closedByConnector = false;
            while (last + 1 < n) {
                int gapStart = numbers.get(last).phraseEnd();
                int gapEnd = numbers.get(last + 1).phraseStart();
                if (gapEnd < gapStart || gapEnd - gapStart > 80 || cues.anyStartingIn(gapStart, gapEnd)) {
                    break;
                }
                byte link = listLink(s.substring(gapStart, gapEnd), connectors, glue);
                if (link == NO_LINK) {
                    break;
                }
                last++;
                closedByConnector = link == CONNECTOR;
                if (closedByConnector) {
                    break; // "14 men, 6 women and 3 children": the connector joins the last item
                }
            }
            int closing = last > k && closedByConnector
                    ? closingComma(s, numbers.get(last).phraseEnd(), cues, connectors, glue) : -1;
            if (closing >= 0 && closing >= sentenceEnd) {
                sentenceEnd = TextSegments.sentenceEndFrom(s, closing, quietDots);
            }
            if (closing >= 0 && !cues.anyStartingIn(closing, sentenceEnd)) {
                if (count == openings.length) {
                    openings = Arrays.copyOf(openings, 2 * count);
                }
                openings[count++] = opening;
            }
            k = last;
        }
        return Arrays.copyOf(openings, count);
    }

    /** The comma that follows {@code end} after a noun of a few words with no cue, or -1. */
    private static int closingComma(String s, int end, RoleMatches cues, Set<String> connectors, Set<String> glue) {
        int limit = Math.min(s.length(), end + LIST_APPOSITION_CLOSE_REACH);
        for (int i = end; i < limit; i++) {
            char c = s.charAt(i);
            if (TextSegments.isComma(c)) {
                return !cues.anyStartingIn(end, i) && isFewWords(s.substring(end, i).strip(), connectors, glue) ? i : -1;
            }
            if (!Character.isLetter(c) && c != ' ' && c != '-' && c != '\'' && c != '\u2019'
                    && Character.getType(c) != Character.NON_SPACING_MARK) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether {@code gap} is a noun of a few words and an opening bracket or dash: "civils (", "dead –". */
    private static boolean opensBreakdown(String gap, Set<String> glue) {
        String rest = gap.strip();
        return (rest.endsWith("(") || endsWithDash(rest)) && isFewWords(rest.substring(0, rest.length() - 1).strip(), Set.of(), glue);
    }

    /** How a dash that sets a phrase off stands in a gap {@link #gapWithDashes} gives. */
    private static final char DASH = '\u2014';

    /** Whether {@code gap}, spaces aside, ends with a {@link #DASH}: it opens a breakdown, as a bracket does. */
    private static boolean endsWithDash(String gap) {
        int last = TextScan.skipSpacesBack(gap, gap.length() - 1);
        return last >= 0 && gap.charAt(last) == DASH;
    }

    /**
     * The folded text between two figures, with the dashes that set a phrase off (which folding
     * made spaces) written back as dashes: they open or close a breakdown as brackets do.
     */
    private String gapWithDashes(int from, int to) {
        String gap = s.substring(from, to);
        char[] chars = null;
        for (int i = gap.indexOf(' '); i >= 0; i = gap.indexOf(' ', i + 1)) {
            if (dashAt.test(from + i)) {
                if (chars == null) {
                    chars = gap.toCharArray();
                }
                chars[i] = DASH;
            }
        }
        return chars == null ? gap : new String(chars);
    }

    /** Whether a dash that sets a phrase off follows {@code end}, spaces apart. */
    private boolean dashRightAfter(int end) {
        for (int i = end; i < s.length() && s.charAt(i) == ' '; i++) {
            if (dashAt.test(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether figure {@code b}, after a dash or bracket that follows figure {@code a}, is an item
     * of {@code a}'s breakdown: no larger than {@code a}, and its item reports nothing of its own
     * (no cue, no auxiliary among its words: "58 hostages – 20 soldiers were killed", "9 killed
     * — 12 others were wounded" open clauses of their own).
     */
    private boolean breaksDown(PlacedNumber a, PlacedNumber b, RoleMatches cues, Set<String> auxiliaries) {
        Long whole = a.number().value();
        Long part = b.number().value();
        if (whole != null && part != null && part > whole) {
            return false;
        }
        int end = itemEnd(b);
        return !cues.anyStartingIn(b.phraseEnd(), end) && !TextScan.hasWord(s, b.phraseEnd(), end, auxiliaries);
    }

    /** Whether a cue starts among the few words after figure {@code b}: its item reports on its own. */
    private boolean itemHasCue(PlacedNumber b, RoleMatches cues) {
        return cues.anyStartingIn(b.phraseEnd(), itemEnd(b));
    }

    /** How many words after a figure its item is read for a cue or a verb of its own. */
    private static final int ITEM_LOOKAHEAD_WORDS = 2 * LIST_ITEM_WORDS;

    /** The end of the words after figure {@code b}, up to punctuation, a dash or {@link #ITEM_LOOKAHEAD_WORDS} words. */
    private int itemEnd(PlacedNumber b) {
        int end = b.phraseEnd();
        for (int words = 0; words < ITEM_LOOKAHEAD_WORDS && end < s.length(); words++) {
            int next = end;
            while (next < s.length() && s.charAt(next) == ' ') {
                next++;
            }
            int wordEnd = next;
            while (wordEnd < s.length() && FoldedText.isLetter(s.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == next || dashRightAfter(end)) {
                break; // punctuation or a dash ends the item
            }
            end = wordEnd;
        }
        return end;
    }

    /**
     * At most {@link #LIST_ITEM_WORDS} words of letters besides the noun phrase glue ("de las",
     * "of the"; a list connector among them counts), {@link #LIST_ITEM_WORDS_WITH_GLUE} in all,
     * with no punctuation or digits among them. {@code text} is folded, as the glue is.
     */
    private static boolean isFewWords(String text, Set<String> connectors, Set<String> glue) {
        if (text.isEmpty()) {
            return true;
        }
        int words = 0;
        int content = 0;
        int wordStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (ch == ' ') {
                if (i > wordStart) {
                    String word = text.substring(wordStart, i);
                    words++;
                    if (!glue.contains(word) || connectors.contains(word)) {
                        content++;
                    }
                }
                wordStart = i + 1;
            } else if (!Character.isLetter(ch) && ch != '-' && ch != '\'' && ch != '\u2019' && Character.getType(ch) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return content <= LIST_ITEM_WORDS && words <= LIST_ITEM_WORDS_WITH_GLUE;
    }

    /**
     * A verb left out after a first figure ("eight are held in the Sahel and one in Somalia",
     * "four were killed in November and two in early December"): a figure that opens a clause
     * after a coordinator, with no cue and no noun of its own, takes the cue of the figure just
     * before it in its sentence, unless an auxiliary after it gives the clause a verb of its own.
     */
    private void gappedCues(RoleMatches coordinators, Set<String> connectors, Set<String> auxiliaries,
                            WordSet glue, TextSegments segments) {
        for (int k = 1; k < numbers.size(); k++) {
            PlacedNumber c = number(k);
            PlacedNumber before = number(k - 1);
            if (cue[k] != null || cue[k - 1] == null || subset[k] || whole[k] >= 0 || listHead[k] >= 0
                    || c.nounEnd() > c.end() || before.sentence() != c.sentence()
                    || before.clause() == c.clause()
                    || (k + 1 < numbers.size() && number(k + 1).clause() == c.clause())) {
                continue; // "and a further 133 were injured": the clause's own figure is another
            }
            if (TextScan.hasWord(s, c.end(), Math.min(s.length(), segments.clauseEnd(c.clause())), auxiliaries)) {
                continue; // "y 71 fueron llevados a Gaza": the clause has a verb of its own
            }
            if (nounAfterGlue(c, glue)) {
                continue; // "12 muertos y cientos de damnificados": people of its own, whom no cue counts
            }
            int clauseStart = segments.clauseStart(c.clause());
            for (Match m : coordinators.startingIn(clauseStart, clauseStart + 1)) {
                if (isBlank(s, m.end(), c.phraseStart()) && TextScan.isOneOf(connectors, s, m.start(), m.end())) {
                    // "and", not "or": "12 hostages or 15 according to the church" is another count
                    cue[k] = cue[k - 1];
                    secondCue[k] = secondCue[k - 1];
                    break;
                }
            }
            if (cue[k] == null && opensCommaBreakdown(k, segments, coordinators, connectors)) {
                cue[k] = cue[k - 1];
                secondCue[k] = secondCue[k - 1];
                // "quatre en novembre et deux début décembre": the items of its list share it
                for (int j = k + 1; j < numbers.size() && listHead[j] == k && cue[j] == null; j++) {
                    cue[j] = cue[k];
                    secondCue[j] = secondCue[k];
                }
            }
        }
    }

    /**
     * "Eleven soldiers were killed, seven in Kidal and four in Gao", "relâchés par le gang, quatre
     * en novembre et deux début décembre": a bare figure right after the comma that ends the
     * clause of a figure with a cue, followed in the next clause of its sentence by another bare
     * figure after "and", breaks that figure down by place or time; the second one is then read
     * as a verb left out ({@link #gappedCues}).
     */
    private boolean opensCommaBreakdown(int k, TextSegments segments, RoleMatches coordinators,
                                        Set<String> connectors) {
        PlacedNumber c = number(k);
        if (k + 1 >= numbers.size() || !afterComma(segments.clauseStart(c.clause()), c.phraseStart())) {
            return false;
        }
        PlacedNumber next = number(k + 1);
        if (next.sentence() != c.sentence() || next.clause() != c.clause() + 1 || cue[k + 1] != null
                || next.nounEnd() > next.end() || subset[k + 1] || whole[k + 1] >= 0) {
            return false;
        }
        int nextStart = segments.clauseStart(next.clause());
        for (Match m : coordinators.startingIn(nextStart, nextStart + 1)) {
            if (isBlank(s, m.end(), next.phraseStart()) && TextScan.isOneOf(connectors, s, m.start(), m.end())) {
                return true;
            }
        }
        return false;
    }

    /** Whether only a comma (Latin or Arabic) and spaces stand before {@code to} since the clause start {@code from}, or right before it. */
    private boolean afterComma(int from, int to) {
        String lead = s.substring(from, to).strip();
        if (lead.equals(",") || lead.equals("\u060C")) {
            return true;
        }
        if (!lead.isEmpty()) {
            return false;
        }
        int i = from - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (s.charAt(i) == ',' || s.charAt(i) == '\u060C');
    }

    /**
     * The items of a list share its cue: an item without one takes the cue of the nearest item
     * that has one ("12 soldiers and two policemen were killed"). A figure followed by a
     * breakdown whose items have a cue takes it too ("78 people, among them 11 women and four
     * infants, were killed"). A figure of victims with no cue of their own ("2.100 víctimas y 5.000
     * heridos", {@code victimNouns}) is a tally of its own, not one more group the other's cue counts.
     * Nor does an item that names its own people take the cue that is another item's own noun:
     * "une dizaine de morts et des milliers de sinistrés", "12 muertos y cientos de damnificados"
     * count the dead and those struck, while "Twelve soldiers and two policemen killed" shares.
     */
    private void shareListCues(WordSet victimNouns, WordSet glue) {
        int n = numbers.size();
        // Items of one list stand next to each other: sweep each run forwards and backwards.
        int[] before = new int[n]; // the nearest item before k of k's list with a cue, or -1
        int[] after = new int[n];
        for (int k = 0; k < n; k++) {
            int previous = k > 0 && listHead[k] >= 0 ? k - 1 : -1;
            before[k] = previous < 0 ? -1 : cue[previous] != null ? previous : before[k - 1];
        }
        for (int k = n - 1; k >= 0; k--) {
            int next = k + 1 < n && listHead[k + 1] >= 0 ? k + 1 : -1;
            after[k] = next < 0 ? -1 : cue[next] != null ? next : after[k + 1];
        }
        for (int k = 0; k < n; k++) {
            if (cue[k] != null || (subset[k] && listHead[k] < 0)) {
                continue; // a breakdown's first item counts what its parent counts
            }
            if (victimNounAfter(number(k), victimNouns)) {
                continue; // victims may be the dead or all casualties: no other item's cue says which
            }
            PlacedNumber c = number(k);
            int best = before[k] < 0 ? after[k] : after[k] < 0 ? before[k]
                    : c.start() - number(before[k]).end() <= number(after[k]).start() - c.end() ? before[k] : after[k];
            if (best < 0 && !subset[k]) {
                for (int j = k + 1; j < n && subset[j] && number(j).sentence() == c.sentence(); j++) {
                    if (cue[j] != null) {
                        best = j;
                        break;
                    }
                }
            }
            if (best >= 0 && isOwnNoun(cue[best], number(best), glue) && hasNounOfItsOwn(c, glue)) {
                continue; // "des milliers de sinistrés et une dizaine de morts": "morts" is the ten's noun
            }
            if (best >= 0) {
                cue[k] = cue[best];
                secondCue[k] = secondCue[best];
            }
        }
    }

    /**
     * Whether {@code cue} is figure {@code c}'s noun: right after it, or after glue ("10 dead",
     * "une dizaine de morts").
     */
    private boolean isOwnNoun(BoundCue cue, PlacedNumber c, WordSet glue) {
        if (cue.start() < c.end()) {
            return false;
        }
        int from = TextScan.skipSpaces(s, c.end());
        int to = TextScan.skipSpacesBack(s, cue.start() - 1) + 1;
        return from >= to || glue.contains(s, from, to);
    }

    /** Whether a word of letters follows figure {@code c}, after glue at most ("des milliers de sinistrés"). */
    private boolean hasNounOfItsOwn(PlacedNumber c, WordSet glue) {
        int from = TextScan.skipSpaces(s, c.end());
        int to = letterWordEnd(from);
        return to > from && glue.contains(s, from, to) ? nounAfterGlue(c, glue)
                : to > from && !listConnectors.contains(s.substring(from, to));
    }

    /**
     * Whether figure {@code c} is followed by glue and a word of letters ("thousands of families",
     * "cientos de damnificados"): a noun of its own, which "four in Kidal" and "deux début
     * décembre" do not have.
     */
    private boolean nounAfterGlue(PlacedNumber c, WordSet glue) {
        int from = TextScan.skipSpaces(s, c.end());
        int to = letterWordEnd(from);
        if (to == from || !glue.contains(s, from, to)) {
            return false;
        }
        from = TextScan.skipSpaces(s, to);
        to = letterWordEnd(from);
        return to > from && !listConnectors.contains(s.substring(from, to));
    }

    /** The end of the word of letters at {@code from}, an elision's apostrophe included ("d'"). */
    private int letterWordEnd(int from) {
        int to = from;
        while (to < s.length() && FoldedText.isLetter(s.charAt(to))) {
            to++;
        }
        return to > from && to < s.length() && s.charAt(to) == '\'' ? to + 1 : to;
    }

    /** Whether the word right after number {@code c} is one of {@code victimNouns} ("víctimas", "Opfer"). */
    private boolean victimNounAfter(PlacedNumber c, WordSet victimNouns) {
        int from = TextScan.skipSpaces(s, c.end());
        int to = letterWordEnd(from);
        return to > from && victimNouns.contains(s, from, to);
    }

    /**
     * Each cue binds to the nearest number of its clause; each number keeps its nearest cue.
     * Numbers are sorted and disjoint, so the nearest is one of the two around the cue.
     */
    private void bindMetricCues(RoleMatches longestCues, RoleMatches markers, RoleMatches finiteVerbs,
                                TextSegments segments, Set<String> partitives, Set<String> relatives,
                                Set<String> auxiliaries, WordSet objectPrepositions, Deadline deadline) {
        int n = numbers.size();
        int[] starts = new int[n];
        Set<Integer> subsetClauses = new java.util.HashSet<>(); // clauses that break a figure down
        for (int k = 0; k < n; k++) {
            starts[k] = number(k).start();
            if (subset[k]) {
                subsetClauses.add(number(k).clause());
            }
        }
        List<Match> unbound = new ArrayList<>();
        List<Match> releases = new ArrayList<>();
        for (Match m : longestCues.all()) {
            deadline.check("binding cues to figures");
            if (SENSES.isRelease(m.entry().metric()) && !m.entry().next()) {
                releases.add(m);
            }
            int clause = segments.clauseOf(m.start());
            if (m.entry().particle() != null
                    && !wordFollows(s, m.end(), segments.clauseEnd(clause), m.entry().particle())) {
                continue; // "nahmen" without its "fest": took part, took over, not detained
            }
            int around = RoleMatches.lowerBound(starts, m.start());
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = Math.max(0, around - 1); k <= Math.min(n - 1, around); k++) {
                PlacedNumber c = number(k);
                if (c.clause() != clause) {
                    continue;
                }
                if (m.entry().next() && (c.start() < m.end() || c.phraseStart() - m.end() > NEXT_GAP)) {
                    continue; // "la liberación de" counts the figure right after it, not one before
                }
                if (m.end() <= c.phraseStart() && dashRightAfter(m.end())) {
                    // "Nine people were killed — 12 others were wounded": a cue that a dash ends
                    // reaches no figure after it ("the rescued people — 61 men" does: its noun stands between)
                    continue;
                }
                // "al menos 2.540 personas muertas en los cinco primeros meses": a cue after the
                // figure is measured from the end of its noun, so "muertas" counts the people.
                // A cue that is itself one of the noun's words ("40 people hostage") keeps its
                // distance from the number.
                int distance = m.start() >= c.nounEnd() ? m.start() - c.nounEnd()
                        : m.start() >= c.end() ? m.start() - c.end()
                        : Math.max(0, c.phraseStart() - m.end());
                if (m.end() <= c.phraseStart() && !objectPrepositions.isEmpty()) {
                    distance = Math.min(distance, acrossSubject(m, c, longestCues, objectPrepositions));
                }
                if (distance < bestDistance) {
                    best = k;
                    bestDistance = distance;
                }
            }
            int object = best >= 0 && bestDistance >= BoundCue.distance(cue[best]) ? objectAfter(m, best, clause) : -1;
            if (best >= 0 && bestDistance < BoundCue.distance(cue[best])) {
                if (cue[best] != null && !cue[best].metric().equals(m.entry().metric())) {
                    secondCue[best] = cue[best];
                }
                cue[best] = new BoundCue(m.entry(), m.start(), bestDistance);
            } else if (object >= 0) {
                // "mató a 6 policías e hirió a otras 22 personas": the second verb's own object
                cue[object] = new BoundCue(m.entry(), m.start(), number(object).phraseStart() - m.end());
            } else if (best >= 0 && bestDistance < BoundCue.distance(secondCue[best])
                    && !cue[best].metric().equals(m.entry().metric())) {
                // "9 villagers remain missing": "remain" first, "missing" next
                secondCue[best] = new BoundCue(m.entry(), m.start(), bestDistance);
            } else if (best < 0 && !m.entry().next()) {
                unbound.add(m);
            }
        }
        for (int k = 0; k < n; k++) {
            // "Three of the 19 people who were kidnapped have been released": the release is the
            // first figure's; the whole it is taken from stays captured.
            if (k == 0 || number(k - 1).clause() != number(k).clause()) {
                releaseAfterCapture(k, relatives, auxiliaries);
            }
            releaseBeforeDescribedCapture(k, relatives);
            capturedAfterRelease(k, relatives, auxiliaries);
            partOfCapturedOrFreedGroup(k, partitives);
        }
        // "558 people, including 50 children, were killed": a figure whose clause has no cue
        // takes the next free cue of its sentence when no other figure stands between them.
        int u = 0;
        for (int k = 0; k < n; k++) {
            deadline.check("binding cues to figures");
            PlacedNumber c = number(k);
            if (cue[k] != null || subset[k]) {
                continue;
            }
            while (u < unbound.size() && unbound.get(u).start() < c.end()) {
                u++;
            }
            if (u == unbound.size()) {
                break;
            }
            Match m = unbound.get(u);
            boolean sameSentence = segments.sentenceOf(m.start()) == c.sentence();
            boolean nothingBetween = true;
            for (int j = k + 1; nothingBetween && j < n && number(j).start() < m.start(); j++) {
                nothingBetween = subset[j]; // stops at the first figure in the way
            }
            if (sameSentence && nothingBetween
                    && !describesAnother(m, c, subsetClauses, segments, relatives, markers)) {
                cue[k] = new BoundCue(m.entry(), m.start(), m.start() - c.end());
                u++;
            }
        }
        releaseInLaterClause(releases, markers, subsetClauses, segments, relatives, auxiliaries);
        for (int k = 0; k < n; k++) {
            // "The men were captured in an ambush in which 12 soldiers and two policemen were
            // killed": a list's head whose cue stands before a relative pronoun takes the list's cue.
            int head = listHead[k];
            if (head >= 0 && cue[head] != null && cue[head].start() < number(head).phraseStart()
                    && cue[k] != null && cue[k].start() > number(k).end()
                    && TextScan.hasWord(s, cue[head].start(), number(head).phraseStart(), relatives)) {
                cue[head] = null;
            }
        }
        for (int k = 0; k < n; k++) {
            if (whole[k] >= 0 && cue[k] == null) {
                partOfWhole(k, whole[k], relatives, auxiliaries, finiteVerbs);
            } else if (whole[k] >= 0 && cue[whole[k]] != null && cue[k].start() < number(k).start()
                    && cue[whole[k]].start() >= number(whole[k]).end()
                    && cue[whole[k]].metric().equals(cue[k].metric()) && SENSES.isRelease(cue[k].metric())) {
                // "ließen 12 der 40 Geiseln frei": the verb before the part and its particle after
                // the whole are one release, the part's; the whole is what it was taken from.
                cue[whole[k]] = null;
                secondCue[whole[k]] = null;
            }
        }
    }

    /** How many words (an object marker, "other") may stand between a coordinated verb and its figure. */
    private static final int OBJECT_WORDS = 2;
    /** How far (characters) the verb may stand from either figure: a few words, never a scan of a long gap. */
    private static final int OBJECT_GAP = 40;

    /**
     * The figure right after cue {@code m} that is the object of its verb or preposition, where
     * the figure {@code before} it keeps a nearer cue of its own: a connector joins the two verb
     * phrases ("mató a 6 policías e hirió a otras 22 personas", "killed 6 officers and wounded 22
     * others"), or the cue stands right before the figure ("ثلاث رهائن إسرائيليين مقابل 369
     * أسيرا"). Only a figure of the same clause with no cue yet, at most {@link #OBJECT_WORDS}
     * words after the cue; -1 when there is none.
     */
    private int objectAfter(Match m, int before, int clause) {
        int o = before + 1;
        if (o >= numbers.size() || m.entry().next()) {
            return -1;
        }
        PlacedNumber prior = number(before);
        PlacedNumber c = number(o);
        int from = Math.max(prior.end(), prior.nounEnd());
        if (c.clause() != clause || cue[o] != null || m.start() < from || c.phraseStart() < m.end()
                || c.phraseStart() - m.end() > OBJECT_GAP || m.start() - from > OBJECT_GAP // bounded scans below
                || wordCount(m.end(), c.phraseStart()) > OBJECT_WORDS
                || !isBlankOrWords(m.end(), c.phraseStart())
                || !(TextScan.hasWord(s, from, m.start(), listConnectors) || isBlank(s, m.end(), c.phraseStart()))) {
            return -1;
        }
        return o;
    }

    /** Whether {@code s[from, to)} holds only letters and spaces. */
    private boolean isBlankOrWords(int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch != ' ' && !FoldedText.isLetter(ch)) {
                return false;
            }
        }
        return true;
    }

    /** How many words a verb's subject may have between the verb and its object's preposition. */
    private static final int SUBJECT_WORDS = 4;

    /**
     * "أفرجت السلطات عن 200 معتقل", "عفا الرئيس عن 30 سجينا": where the verb comes first, its
     * subject (at most {@link #SUBJECT_WORDS} words, no cue among them) stands between a cue verb
     * and the preposition that brings in its object ({@code verb_object_prepositions}) right
     * before figure {@code c}. The cue is then as near the figure as that preposition, as in
     * "أفرجت عن 200 معتقل", so the verb's sense is not lost to a noun after the figure. Its
     * distance as written when the text is no such clause.
     */
    private int acrossSubject(Match cue, PlacedNumber c, RoleMatches longestCues, WordSet objectPrepositions) {
        int written = c.phraseStart() - cue.end();
        int end = c.phraseStart();
        while (end > cue.end() && s.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > cue.end() && FoldedText.isLetter(s.charAt(start - 1))) {
            start--;
        }
        if (start == end || start <= cue.end() || !objectPrepositions.contains(s, start, end)
                || longestCues.anyStartingIn(cue.end(), start)) {
            return written;
        }
        if (!isBlankOrWords(cue.end(), start)) {
            return written; // "أفرجت، بحسب السلطات، عن": punctuation or digits, no plain subject
        }
        int words = wordCount(cue.end(), start);
        return words >= 1 && words <= SUBJECT_WORDS ? c.phraseStart() - end : written;
    }

    /** "trois des 19 otages", "tres de los 20 secuestrados": a figure right before the whole it is taken from. */
    private void linkPartitives(Set<String> partitives) {
        for (int k = 0; k + 1 < numbers.size(); k++) {
            PlacedNumber part = number(k);
            PlacedNumber of = number(k + 1);
            if (part.clause() == of.clause() && of.phraseStart() > part.phraseEnd()
                    && of.phraseStart() - part.phraseEnd() <= 16 && listHead[k] < 0
                    && partitives.contains(s.substring(part.phraseEnd(), of.phraseStart()).strip())) {
                whole[k] = k + 1;
            }
        }
    }

    /**
     * The verb after "X of the Y ..." counts X: "neuf des trente-quatre otages ... étaient morts"
     * (the whole keeps no cue of its own), "three of the 19 people who were kidnapped have been
     * released" (the whole keeps the capture that describes it, the part is released). A cue
     * that is or ends a finite verb ({@code finiteVerbs}) with no relative pronoun before it is
     * the clause's predicate, no description: "three of the 12 miners died", "drei der zwölf
     * Geiseln kamen frei".
     */
    private void partOfWhole(int part, int of, Set<String> relatives, Set<String> auxiliaries,
                             RoleMatches finiteVerbs) {
        if (cue[of] == null || cue[of].start() < number(of).end()) {
            return;
        }
        if (capturedAs[of] != null && SENSES.isRelease(cue[of].metric()) && secondCue[of] != null) {
            // the whole's release came after the capture that describes it: the release is the part's
            cue[part] = cue[of];
            capturedAs[part] = capturedAs[of];
            cue[of] = secondCue[of];
            secondCue[of] = null;
            capturedAs[of] = null;
        } else if (describes(of, relatives, auxiliaries)
                && !isFiniteVerb(cue[of], number(of), relatives, finiteVerbs)) {
            if (secondCue[of] != null && secondCue[of].start() > cue[of].start()) {
                cue[part] = secondCue[of];
                capturedAs[part] = SENSES.isCapture(cue[of].metric()) ? capturedAs(cue[of]) : null;
                secondCue[of] = null;
            }
        } else {
            cue[part] = cue[of];
            cue[of] = null;
            secondCue[of] = null;
        }
    }

    /**
     * Whether {@code cue}, after figure {@code c}, is or ends a finite verb ("died", "kamen ...
     * frei") that no relative pronoun puts in a clause of its own ("who died").
     */
    private boolean isFiniteVerb(BoundCue cue, PlacedNumber c, Set<String> relatives, RoleMatches finiteVerbs) {
        List<Match> verbs = finiteVerbs.startingIn(c.end(), cue.start() + 1);
        return !verbs.isEmpty() && !TextScan.hasWord(s, c.end(), verbs.get(0).start(), relatives);
    }

    /**
     * Whether {@code cue}, in a later clause than figure {@code c}, stands in a relative clause
     * about some other noun: "four gangs staged attacks, said the report, which was released on
     * Thursday". A relative clause right after the figure's own clause, or after a breakdown of
     * it, is about the figure ("340 personnes arrêtées, qui ont été libérées", "une cinquantaine
     * de personnes, parmi lesquelles des femmes, qui ont été enlevées").
     */
    private boolean describesAnother(Match cue, PlacedNumber c, Set<Integer> subsetClauses,
                                     TextSegments segments, Set<String> relatives, RoleMatches markers) {
        int clause = segments.clauseOf(cue.start());
        if (clause <= c.clause() + 1 || markers.anyStartingIn(segments.clauseStart(clause - 1),
                Math.min(segments.clauseStart(clause - 1) + 3, segments.clauseEnd(clause - 1)))) {
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
    private void releaseInLaterClause(List<Match> releases, RoleMatches markers, Set<Integer> subsetClauses,
                                      TextSegments segments, Set<String> relatives, Set<String> auxiliaries) {
        if (releases.isEmpty()) {
            return;
        }
        int n = numbers.size();
        Set<Integer> bound = new java.util.HashSet<>();
        for (int k = 0; k < n; k++) {
            if (cue[k] != null) {
                bound.add(cue[k].start());
            }
        }
        int[] releaseStarts = new int[releases.size()];
        for (int r = 0; r < releaseStarts.length; r++) {
            releaseStarts[r] = releases.get(r).start();
        }
        for (int k = 0; k < n; k++) {
            PlacedNumber c = number(k);
            if (cue[k] == null || subset[k] || alsoCue[k] != null || !SENSES.isCapture(cue[k].metric())
                    || (secondCue[k] != null && SENSES.isRelease(secondCue[k].metric()))) {
                continue;
            }
            int from = Math.max(Math.max(c.nounEnd(), cue[k].start() + 1), c.end());
            int r = RoleMatches.lowerBound(releaseStarts, from);
            if (r == releases.size()) {
                continue;
            }
            Match release = releases.get(r);
            if (release.start() - c.end() > RELEASE_REACH || segments.sentenceOf(release.start()) != c.sentence()
                    || segments.clauseOf(release.start()) == c.clause() || bound.contains(release.start())
                    || describesAnother(release, c, subsetClauses, segments, relatives, markers)) {
                continue;
            }
            boolean between = false;
            for (int j = k + 1; j < n && number(j).start() < release.start(); j++) {
                between |= !subset[j] && listHead[j] < 0;
            }
            if (between) {
                continue;
            }
            String captured = capturedAs(cue[k]);
            if (cue[k].start() >= c.end() && describes(k, relatives, auxiliaries)) {
                secondCue[k] = cue[k];
                cue[k] = new BoundCue(release.entry(), release.start(), release.start() - c.nounEnd());
                capturedAs[k] = captured;
            } else {
                alsoCue[k] = release.entry();
            }
        }
    }

    /**
     * Whether the capture word after number {@code k} describes its people rather than reports
     * their capture: it stands in a relative clause ("19 people who were kidnapped", "personas
     * que permanecían secuestradas"), or no auxiliary verb stands before it ("340 personnes
     * arrêtées", "élèves ..., enlevés en juin,"). "Fifty people were kidnapped" reports it.
     */
    private boolean describes(int k, Set<String> relatives, Set<String> auxiliaries) {
        return describes(k, cue[k], relatives, auxiliaries);
    }

    /** {@link #describes(int, Set, Set)} for {@code capture}, the cue of number {@code k} or its next one. */
    private boolean describes(int k, BoundCue capture, Set<String> relatives, Set<String> auxiliaries) {
        int end = number(k).end();
        if (capture.start() <= end) {
            return true;
        }
        for (String word : s.substring(end, capture.start()).split(" ")) {
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
    private void releaseAfterCapture(int k, Set<String> relatives, Set<String> auxiliaries) {
        if (cue[k] != null && secondCue[k] != null && SENSES.isCapture(cue[k].metric())
                && SENSES.isRelease(secondCue[k].metric()) && cue[k].start() < number(k).start()
                && secondCue[k].start() >= number(k).end() && commaBetween(cue[k].start(), number(k).start())) {
            // "Die Entführten, insgesamt 14, wurden freigelassen": a comma inside the clause opens a
            // count apposition (TextSegments#appositionCommas); the capture word before it names
            // the people, the release after it is what became of them.
            BoundCue capture = cue[k];
            cue[k] = secondCue[k];
            secondCue[k] = capture;
            capturedAs[k] = capturedAs(capture);
            return;
        }
        if (cue[k] != null && secondCue[k] != null && SENSES.isCapture(cue[k].metric())
                && SENSES.isRelease(secondCue[k].metric())
                && cue[k].start() >= number(k).end() && secondCue[k].start() > cue[k].start()) {
            if (!describes(k, relatives, auxiliaries)) {
                alsoCue[k] = secondCue[k].entry(); // "50 people were kidnapped and later freed": both are news
                return;
            }
            BoundCue capture = cue[k];
            cue[k] = secondCue[k];
            secondCue[k] = capture;
            capturedAs[k] = capturedAs(capture);
        }
    }

    /** How many words may follow the partitive before a group's capture word ("of those", "des personnes"). */
    private static final int GROUP_NOUN_WORDS = 2;

    /**
     * "Six of the kidnapped had been killed", "seis de los secuestrados fueron asesinados",
     * "tres de los excarcelados volvieron a ser arrestados": a capture or release word right
     * after a partitive (and at most {@link #GROUP_NOUN_WORDS} words) names the group the figure
     * is taken from, so the clause's next cue after it counts the figure, whatever it reports
     * (a release after a capture is read so already, {@link #releaseAfterCapture}); a capture
     * says who they are.
     */
    private void partOfCapturedOrFreedGroup(int k, Set<String> partitives) {
        BoundCue group = cue[k];
        if (whole[k] >= 0 || group == null || secondCue[k] == null
                || !SENSES.isCapture(group.metric()) && !SENSES.isRelease(group.metric())
                || group.start() < number(k).end() || secondCue[k].start() <= group.start()) {
            return;
        }
        int gapStart = TextScan.skipSpaces(s, number(k).end());
        String gap = s.substring(gapStart, group.start()).strip();
        for (String partitive : partitives) {
            if (gap.equals(partitive) || gap.startsWith(partitive + " ")
                    && wordCount(gapStart + partitive.length(), group.start()) <= GROUP_NOUN_WORDS) {
                cue[k] = secondCue[k];
                secondCue[k] = group;
                capturedAs[k] = SENSES.isCapture(group.metric()) ? capturedAs(group) : null;
                return;
            }
        }
    }

    /** Whether a comma (Latin or Arabic) stands in s[from, to). */
    private boolean commaBetween(int from, int to) {
        for (int i = from; i < to; i++) {
            if (TextSegments.isComma(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "la vuelta de 194 ucranianos que permanecían detenidos", "the release of 12 men who had been
     * kidnapped": a capture word after the figure of a release or return before it describes the
     * released people, and says whom the release counts.
     */
    private void capturedAfterRelease(int k, Set<String> relatives, Set<String> auxiliaries) {
        if (cue[k] != null && secondCue[k] != null && capturedAs[k] == null && SENSES.isRelease(cue[k].metric())
                && cue[k].start() < number(k).start() && SENSES.isCapture(secondCue[k].metric())
                && secondCue[k].start() >= number(k).end() && describes(k, secondCue[k], relatives, auxiliaries)) {
            capturedAs[k] = capturedAs(secondCue[k]);
        }
    }

    /**
     * "Hamás liberó este martes a los 22 rehenes que seguían con vida", "freed on Sunday the 22
     * hostages who were still alive": a capture or holding word in a relative clause after the
     * figure, which describes its people, is nearer the figure than the release before it, yet
     * the release is the news. The release becomes the figure's cue; the description says whom
     * it counts, as in {@link #capturedAfterRelease}. Only with a relative pronoun: "released a
     * video in which 6 of the hostages it still holds appear", "urged them to free all 30
     * detained aid workers" release nobody.
     */
    private void releaseBeforeDescribedCapture(int k, Set<String> relatives) {
        if (cue[k] != null && secondCue[k] != null && SENSES.isCapture(cue[k].metric())
                && SENSES.isRelease(secondCue[k].metric()) && cue[k].start() >= number(k).end()
                && secondCue[k].start() < number(k).start()
                && TextScan.hasWord(s, number(k).end(), cue[k].start(), relatives)) {
            BoundCue capture = cue[k];
            cue[k] = secondCue[k];
            secondCue[k] = capture;
            capturedAs[k] = capturedAs(capture);
        }
    }

    /** How far a figure may stand after a cue that counts only the next figure ("the release of all 22"). */
    private static final int NEXT_GAP = 8;

    /** Whether {@code word} occurs as a whole word between {@code from} and {@code to}. */
    private static boolean wordFollows(String s, int from, int to, String word) {
        int limit = Math.min(to, s.length());
        // Read up to the clause's end only: an indexOf ran on to the end of the text whenever
        // the particle was not in the clause.
        for (int i = Math.max(0, from); i + word.length() <= limit; i++) {
            if (!s.startsWith(word, i)) {
                continue;
            }
            boolean startsWord = i == 0 || !Character.isLetter(s.charAt(i - 1));
            boolean endsWord = i + word.length() == s.length() || !Character.isLetter(s.charAt(i + word.length()));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
