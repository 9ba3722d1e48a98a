package io.crosscount.extract;

import io.crosscount.model.ActorMention;
import io.crosscount.model.Article;
import io.crosscount.model.Claim;
import io.crosscount.model.Extraction;
import io.crosscount.syndication.WireCredit;
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

    /** Languages with a lexicon; adding one is adding {@code /crosscount/lexicon/<lang>.json}. */
    public static final List<String> LANGUAGES = List.of("fr", "en", "es", "de", "ar");

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

    public Extraction extract(Article article) {
        FoldedText text = FoldedText.of(article.body());
        String lang = article.lang() != null ? article.lang() : languages.identify(article.body());
        Lexicon lexicon = lexicons.get(lang);
        List<ActorMention> mentions = lexicon == null ? actors.extract(text) : actors.extract(text, lexicon);
        List<Claim> claims = lexicon == null ? List.of()
                : SentenceQuotes.quoted(article.body(), lang, figures.extract(text, lexicon, mentions, article.title()));
        return new Extraction(article.id(), article.source(), article.publishedAt(), lang,
                withoutPopulations(mentions, claims), claims,
                wireCredit.creditOf(article.source(), article.body(), lang, mentions), article.url(), article.title(),
                null, null);
    }

    /** A demonym inside a figure's phrase names victims, not an actor ("26000 Palestiniens"). */
    private static List<ActorMention> withoutPopulations(List<ActorMention> mentions, List<Claim> claims) {
        if (claims.isEmpty()) {
            return mentions;
        }
        return mentions.stream()
                .filter(m -> claims.stream().noneMatch(c -> m.start() >= c.start() && m.end() <= c.end()))
                .toList();
    }
}
