package io.crosscount.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Media outlets named in a script without capitals (Arabic): after a media head ("وكالة", "قناة",
 * "لوكالة"), the outlet's words are read through the lexicon's {@code media_name_glosses} and
 * named in English, the id the outlet has in every language:
 * <ul>
 *   <li>a glossed adjective and noun: "وكالة الأنباء القارية" is "Continental Press Agency"
 *       (English puts the adjective first);</li>
 *   <li>a proper name, transliterated, before a glossed noun or a marker ("وكالة الصدى للأنباء",
 *       "Al-Sada News Agency"; "قناة الهدهد الفضائية", the marker dropped) or in quotes
 *       ("وكالة «الرافد»").</li>
 * </ul>
 * A head followed by unknown words only ("وكالة المخابرات المركزية") names no outlet: the
 * words may be anything. Runs only at a head the trie found, on at most four words.
 */
final class ArabicOutlets {

    /** An outlet's span in the folded text and its English name. */
    record Outlet(int start, int end, String name) {}

    private enum Role { HEAD, ADJECTIVE, NOUN, MARKER }

    private record Gloss(String english, Role role) {}

    private final Map<String, Gloss> glosses = new HashMap<>();
    private final PersonNames names;

    /** {@code glosses}: the lexicon's {@code media_name_glosses}, {"role": {"word": "English"}}. */
    ArabicOutlets(JsonNode glosses, PersonNames names) {
        this.names = names;
        if (glosses != null) {
            glosses.fields().forEachRemaining(role -> {
                if (role.getKey().startsWith("_")) {
                    return;
                }
                Role r = Role.valueOf(role.getKey().toUpperCase(java.util.Locale.ROOT));
                role.getValue().fields().forEachRemaining(e ->
                        this.glosses.put(FoldedText.foldPhrase(e.getKey()), new Gloss(e.getValue().asText(), r)));
            });
        }
    }

    boolean isEmpty() {
        return glosses.isEmpty();
    }

    /** The outlet named after the head at [hs, he) of the folded text, or null. */
    Outlet after(FoldedText text, int hs, int he, ActorRules r) {
        String s = text.folded();
        Gloss head = glosses.get(s.substring(hs, he));
        if (head == null || head.role != Role.HEAD) {
            return null;
        }
        List<String> adjectives = new ArrayList<>(2);
        List<String> propers = new ArrayList<>(1);
        List<String> nouns = new ArrayList<>(2);
        boolean quoted = false;
        boolean marked = false;
        int end = -1;
        int properStart = -1;
        int i = he;
        int n = s.length();
        for (int words = 0; words < 4; words++) {
            while (i < n && (s.charAt(i) == ' ' || isQuote(s.charAt(i)))) {
                quoted |= isQuote(s.charAt(i));
                i++;
            }
            if (i >= n || !Character.isLetter(s.charAt(i))) {
                break;
            }
            int we = i;
            while (we < n && Character.isLetter(s.charAt(we))) {
                we++;
            }
            String w = s.substring(i, we);
            Gloss g = glosses.get(w);
            if (g != null && g.role != Role.HEAD) {
                if (g.role == Role.ADJECTIVE && nouns.isEmpty()) {
                    break; // "وكالة الطاقة الدولية": an adjective names an outlet only after its noun ("الأنباء القارية")
                }
                switch (g.role) {
                    case ADJECTIVE -> adjectives.add(g.english);
                    case NOUN -> nouns.add(g.english);
                    default -> marked = true;
                }
            } else if (propers.isEmpty() && nouns.isEmpty() && adjectives.isEmpty() && w.startsWith("ال") && w.length() > 3
                    && !r.nameStopwords.contains(w)) {
                propers.add(proper(text.originalSpan(i, we)));
                properStart = i;
            } else {
                break;
            }
            end = we;
            i = we;
            if (quoted && i < n && isQuote(s.charAt(i))) {
                break; // the quoted name ends
            }
        }
        boolean named = !adjectives.isEmpty() && !nouns.isEmpty() || !propers.isEmpty() && (quoted || marked || !nouns.isEmpty());
        if (!named || end < 0) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (List<String> part : List.of(adjectives, propers, nouns)) {
            for (String w : part) {
                if (!w.isEmpty()) {
                    name.append(name.length() == 0 ? "" : " ").append(w);
                }
            }
        }
        if (!head.english.isEmpty()) {
            name.append(' ').append(head.english);
        }
        // a proper name spans itself only: where the gazetteer knows it ("الجزيرة"), the gazetteer's outlet wins
        return new Outlet(properStart >= 0 ? properStart : hs, end, name.toString());
    }

    /** "الصدى": "Al-Sada", the article kept as in the outlets' own English names; read as written ("ى" is a). */
    private String proper(String written) {
        String latin = String.join(" ", names.arabic(new String[] {written}, null));
        return latin.isEmpty() ? latin : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '«' || c == '»' || c == '“' || c == '”';
    }
}
