package io.crosscount.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.crosscount.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actors Crosscount knows, loaded from {@code /crosscount/gazetteer/actors.json}: one entry
 * per actor with its canonical id, display name, type, aliases and demonyms per language.
 */
public final class Gazetteer {

    public static final Set<String> TYPES =
            Set.of("state", "armed_group", "organisation", "government_body", "person", "media");

    /** One actor. Aliases and demonyms are keyed by ISO 639-1 language code. */
    public record Actor(
            String id,
            String name,
            String type,
            Map<String, List<String>> aliases,
            Map<String, List<String>> demonyms,
            String parent,
            @JsonProperty("fuzzy_given_name") boolean fuzzyGivenName) {}

    private final List<Actor> actors;

    public Gazetteer(List<Actor> actors) {
        for (Actor a : actors) {
            if (a.id() == null || a.name() == null || !TYPES.contains(a.type())) {
                throw new IllegalArgumentException("Gazetteer entry '" + a.id()
                        + "' needs an id, a name and a type among " + TYPES + "; got type '" + a.type() + "'");
            }
        }
        this.actors = List.copyOf(actors);
    }

    public List<Actor> actors() {
        return actors;
    }

    /**
     * The default gazetteer with a user's file laid over it: an entry whose id is already known
     * replaces that actor, a new id adds one. {@code userJson} is the file's text (a JSON list
     * of entries in the same shape); {@code origin} names it in error messages.
     *
     * @throws IllegalArgumentException with the line and the reason when an entry is invalid
     */
    public static Gazetteer withOverrides(String userJson, String origin) {
        Map<String, Actor> byId = new java.util.LinkedHashMap<>();
        for (Actor a : loadDefault().actors()) {
            byId.put(a.id(), a);
        }
        for (Actor a : parseUserEntries(userJson, origin)) {
            byId.put(a.id(), a);
        }
        Gazetteer merged = new Gazetteer(new java.util.ArrayList<>(byId.values()));
        for (Actor a : merged.actors()) {
            if (a.parent() != null && !byId.containsKey(a.parent())) {
                throw new IllegalArgumentException(origin + ": actor '" + a.id() + "' names parent '" + a.parent()
                        + "', which is neither in the default gazetteer nor in this file.");
            }
        }
        return merged;
    }

    private static List<Actor> parseUserEntries(String json, String origin) {
        List<Actor> entries = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = Json.MAPPER.createParser(json)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw new IllegalArgumentException(origin + ":" + parser.currentLocation().getLineNr()
                        + ": the file must be a JSON list of actor entries, [ {\"id\": ..., ...}, ... ].");
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                int line = parser.currentLocation().getLineNr();
                Actor a;
                try {
                    a = parser.readValueAs(Actor.class);
                } catch (com.fasterxml.jackson.core.JsonParseException e) {
                    throw new IllegalArgumentException(origin + ":" + e.getLocation().getLineNr()
                            + ": not valid JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    throw new IllegalArgumentException(origin + ":" + line + ": not an actor entry: "
                            + firstLine(e.getMessage()));
                }
                String problem = problemWith(a);
                if (problem != null) {
                    throw new IllegalArgumentException(origin + ":" + line + ": " + problem);
                }
                entries.add(a);
            }
            if (parser.currentToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                throw new IllegalArgumentException(origin + ":" + parser.currentLocation().getLineNr()
                        + ": expected an actor entry (a JSON object) or the end of the list.");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String problemWith(Actor a) {
        if (a.id() == null || !a.id().matches("[a-z0-9_]+")) {
            return "'id' must be a snake_case id such as \"gaza_civil_defence\"; got " + a.id() + ".";
        }
        if (a.name() == null || a.name().isBlank()) {
            return "actor '" + a.id() + "' has no 'name'.";
        }
        if (!TYPES.contains(a.type())) {
            return "actor '" + a.id() + "' has type '" + a.type() + "'; use one of " + new java.util.TreeSet<>(TYPES) + ".";
        }
        boolean hasAlias = a.aliases() != null && a.aliases().values().stream().anyMatch(l -> l != null && !l.isEmpty());
        if (!hasAlias) {
            return "actor '" + a.id() + "' has no aliases; give at least one per language it is written in.";
        }
        return null;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public static Gazetteer loadDefault() {
        String path = "/crosscount/gazetteer/actors.json";
        try (InputStream in = Gazetteer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new Gazetteer(Json.MAPPER.readValue(in, new TypeReference<List<Actor>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer " + path + ": " + e.getMessage(), e);
        }
    }
}
