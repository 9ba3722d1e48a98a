package io.crosscount.extract;

import io.crosscount.model.ActorMention;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.Extraction;
import io.crosscount.syndication.WireCredit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extractor as the job uses it: language, actors, then figures, for one article. Plain Java
 * with no Flink dependency. Immutable and thread-safe, and large (about 30 MB with the full
 * gazetteer, five lexicons and the language model): {@link #shared} gives every caller in a
 * JVM the same instance.
 */
public final class ArticleExtractor {

    /**
     * Languages with a lexicon, from {@code /crosscount/lexicon/languages.json}; adding one is
     * adding {@code /crosscount/lexicon/<lang>.json} and its code to that list.
     */
    public static final List<String> LANGUAGES = Lexicon.languages();

    private final Map<String, Lexicon> lexicons = new LinkedHashMap<>();
    private final ActorExtractor actors;
    private final FigureExtractor figures = new FigureExtractor();
    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final WireCredit wireCredit;

    public ArticleExtractor(Gazetteer gazetteer) {
        for (String lang : LANGUAGES) {
            lexicons.put(lang, Lexicon.load(lang));
        }
        this.actors = new ActorExtractor(gazetteer, lexicons);
        this.wireCredit = new WireCredit(gazetteer.actors().stream()
                .map(a -> new WireCredit.Actor(a.id(), a.name(),
                        a.aliases().values().stream().flatMap(List::stream).toList()))
                .toList());
    }

    public static ArticleExtractor withDefaults() {
        return new ArticleExtractor(Gazetteer.loadDefault());
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, ArticleExtractor> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One extractor per JVM and gazetteer, so that the subtasks of a TaskManager share it instead
     * of each holding its own copy.
     */
    public static ArticleExtractor shared(String userGazetteerJson, String origin) {
        return SHARED.computeIfAbsent(userGazetteerJson == null ? "" : userGazetteerJson,
                json -> withGazetteer(json.isEmpty() ? null : json, origin));
    }

    /** The default gazetteer, or it with the user's overrides when {@code userGazetteerJson} is given. */
    public static ArticleExtractor withGazetteer(String userGazetteerJson, String origin) {
        return new ArticleExtractor(userGazetteerJson == null ? Gazetteer.loadDefault()
                : Gazetteer.withOverrides(userGazetteerJson, origin));
    }

    /** The article's extraction, however long it takes (tools and tests over known text). */
    public Extraction extract(Article article) {
        return extract(article, identify(article), Deadline.NONE);
    }

    /**
     * The article's extraction, stopped when it has spent {@code budget} of CPU time. The
     * language is identified before the clock starts: it reads the first 400 characters only,
     * and the first identification in a JVM loads the language model, which is no fault of the
     * article.
     *
     * @throws ExtractionTimeoutException when the budget is spent; nothing is extracted then
     */
    public Extraction extract(Article article, Duration budget) {
        String lang = identify(article);
        return extract(article, lang, Deadline.start(budget));
    }

    private String identify(Article article) {
        return article.lang() != null ? article.lang() : languages.identify(article.body());
    }

    private Extraction extract(Article article, String lang, Deadline deadline) {
        FoldedText text = FoldedText.of(article.body());
        Lexicon lexicon = lexicons.get(lang);
        List<ActorMention> mentions = lexicon == null ? actors.extract(text, deadline)
                : actors.extract(text, lexicon, outletNames(article.source()), deadline);
        List<Claim> claims = lexicon == null ? List.of()
                : figures.extract(text, lexicon, mentions, article.title(), deadline);
        return new Extraction(article.id(), article.source(), article.publishedAt(), lang,
                withoutPopulations(mentions, claims), claims,
                wireCredit.creditOf(article.source(), article.body(), lang, mentions), article.url(), article.title(),
                null, null);
    }

    /** Words of a note about the outlet ({@code gazetteer/source-notes.json}), folded, a space either side. */
    private static final List<String> SOURCE_NOTES = loadSourceNotes();

    private static List<String> loadSourceNotes() {
        com.fasterxml.jackson.databind.JsonNode root = Lexicon.readResource("/crosscount/gazetteer/source-notes.json",
                com.fasterxml.jackson.databind.JsonNode.class, "source notes file");
        List<String> words = new ArrayList<>();
        root.get("words").forEach(w -> words.add(" " + FoldedText.foldPhrase(w.asText()) + " "));
        return List.copyOf(words);
    }

    /** Whether an item of the source is a note about the outlet ("English edition"), not a name. */
    private static boolean isSourceNote(String item) {
        String folded = " " + FoldedText.foldPhrase(item) + " ";
        for (String note : SOURCE_NOTES) {
            if (folded.contains(note)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outlet names an article's source gives: the name, and each name in parentheses
     * ("Savanna Radar (Meridian Press)": both), where commas separate names and notes ("(L'Écho
     * continental, English edition)": "L'Écho continental"; a note, {@link #isSourceNote}, is
     * never looked for). Not the wire's generic words ("text").
     */
    static List<String> outletNames(String source) {
        if (source == null || source.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(2);
        int open = source.indexOf('(');
        String outside = (open < 0 ? source : source.substring(0, open)).strip();
        if (!outside.isEmpty()) {
            names.add(outside);
        }
        while (open >= 0) {
            int close = source.indexOf(')', open);
            if (close < 0) {
                break;
            }
            for (String inside : source.substring(open + 1, close).split(",")) {
                if (!inside.isBlank() && !isSourceNote(inside)) {
                    names.add(inside.strip());
                }
            }
            open = source.indexOf('(', close);
        }
        return names;
    }

    /** A demonym inside a figure's phrase names victims, not an actor ("26000 Palestiniens"). */
    private static List<ActorMention> withoutPopulations(List<ActorMention> mentions, List<Claim> claims) {
        if (claims.isEmpty()) {
            return mentions;
        }
        // Claims by start, with the furthest end reached so far: a mention lies inside a claim
        // when some claim starting at or before it ends at or after it. A look-up per mention,
        // not a pass over every claim (thousands of each in a hostile body).
        List<Claim> byStart = new ArrayList<>(claims);
        byStart.sort(java.util.Comparator.comparingInt(Claim::start));
        int[] starts = new int[byStart.size()];
        int[] furthestEnd = new int[byStart.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = byStart.get(i).start();
            furthestEnd[i] = Math.max(byStart.get(i).end(), i > 0 ? furthestEnd[i - 1] : Integer.MIN_VALUE);
        }
        List<ActorMention> kept = new ArrayList<>(mentions.size());
        for (ActorMention m : mentions) {
            int before = RoleMatches.lowerBound(starts, m.start() + 1) - 1; // the last claim starting at or before it
            if (before < 0 || furthestEnd[before] < m.end()) {
                kept.add(m);
            }
        }
        return List.copyOf(kept);
    }
}
