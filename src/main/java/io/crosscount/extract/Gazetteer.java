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
