package io.crosscount.syndication;

import java.util.Collection;
import io.crosscount.json.Json;
import io.crosscount.model.ActorMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the wire agency an article credits ("GAZA (AFP) -", "a indiqué à l'AFP", "told Reuters"),
 * from the actor mentions the extractor found and the data in
 * {@code crosscount/syndication/wire-services.json}. An outlet that is itself an agency (the
 * article's source is "AFP") credits itself.
 */
public final class WireCredit {
    private static final String RESOURCE = "/crosscount/syndication/wire-services.json";
    /** How far into the body a dateline may run ("KHAN YOUNIS, Gaza Strip, Jan 26 (Reuters) -"). */
    private static final int DATELINE_CHARS = 120;

    private record Data(List<String> wire_services, Map<String, List<String>> credit_cues) {}

    private final Set<String> wireIds;
    private final Map<String, String> nameById = new HashMap<>();
    /** Agency names and aliases, folded, to recognise an article whose source is an agency. */
    private final Map<String, String> idByFoldedName = new HashMap<>();
    private final Map<String, List<String>> cuesByLang = new HashMap<>();

    /** An actor of the gazetteer, as far as syndication needs it. */
    public record Actor(String id, String name, Collection<String> aliases) {}

    /** {@code actors}: the gazetteer's actors (those not listed as wire services are ignored). */
    public WireCredit(Collection<Actor> actors) {
        Data data;
        try (InputStream in = WireCredit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            data = Json.MAPPER.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        wireIds = Set.copyOf(data.wire_services());
        Set<String> known = new HashSet<>();
        for (Actor actor : actors) {
            if (!wireIds.contains(actor.id())) {
                continue;
            }
            known.add(actor.id());
            nameById.put(actor.id(), actor.name());
            idByFoldedName.put(fold(actor.name()), actor.id());
            actor.aliases().forEach(a -> idByFoldedName.put(fold(a), actor.id()));
        }
        if (!known.equals(wireIds)) {
            Set<String> missing = new HashSet<>(wireIds);
            missing.removeAll(known);
            throw new IllegalStateException(RESOURCE + " names wire services the gazetteer does not have: " + missing);
        }
        data.credit_cues().forEach((lang, cues) -> cuesByLang.put(lang, cues.stream().map(WireCredit::fold).toList()));
    }

    /**
     * The display name of the agency this article's story comes from ("AFP"), or null when it
     * credits none: the source itself when it is an agency, else the first agency mention that is
     * in parentheses, in the dateline, or right after a credit cue of the article's language.
     */
    public String creditOf(String source, String body, String lang, List<ActorMention> mentions) {
        String self = source == null ? null : idByFoldedName.get(fold(source));
        if (self != null) {
            return nameById.get(self);
        }
        for (ActorMention m : mentions) {
            if (wireIds.contains(m.actorId()) && isCredit(body, lang, m)) {
                return nameById.get(m.actorId());
            }
        }
        return null;
    }

    private boolean isCredit(String body, String lang, ActorMention m) {
        char before = previousNonSpace(body, m.start());
        char after = nextNonSpace(body, m.end());
        if ((before == '(' || before == '/') && (after == ')' || after == '/' || after == ',')) {
            return true;
        }
        if (m.end() <= DATELINE_CHARS) {
            int i = m.end();
            while (i < body.length() && (body.charAt(i) == ')' || Character.isWhitespace(body.charAt(i)))) {
                i++;
            }
            if (i < body.length() && "-\u2013\u2014:".indexOf(body.charAt(i)) >= 0) {
                return true;
            }
        }
        List<String> cues = cuesByLang.get(lang);
        if (cues == null) {
            return false;
        }
        String preceding = fold(body.substring(Math.max(0, m.start() - 40), m.start())).stripTrailing();
        for (String cue : cues) {
            if (preceding.endsWith(cue)) {
                int at = preceding.length() - cue.length();
                // A whole word: "to" but not "into"; an Arabic proclitic cue ("ل") may be attached.
                if (at == 0 || !Character.isLetter(preceding.charAt(at - 1))) {
                    return true;
                }
            }
        }
        // Attached Arabic proclitic: "لوكالة" before the name, or the mention itself starting with it.
        return "ar".equals(lang) && m.start() > 0 && body.charAt(m.start() - 1) == '\u0644';
    }

    private static char previousNonSpace(String s, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static char nextNonSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    /** Lower case, no diacritics, straight apostrophes: how cues and agency names are compared. */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s.replace('\u2019', '\'').replace('\u02bc', '\''), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT).trim();
    }
}
