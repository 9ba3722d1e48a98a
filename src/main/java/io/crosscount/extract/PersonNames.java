package io.crosscount.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscount.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English form of a person's name found next to a title, so that the same person has one id
 * whatever the article's language:
 * <ul>
 *   <li>Arabic-script names are romanised word by word through {@code gazetteer/name-romanisation-ar.json}
 *       (conventional English spellings of given names and family-name words, "Abdel" before the
 *       divine names, "al-" for the article, a region's own conventions), unknown words letter by
 *       letter with the likely vowels;</li>
 *   <li>East Slavic names written the German, French or Spanish way become the English spelling
 *       through {@code gazetteer/name-romanisation-slavic.json}, only when the name looks East Slavic;</li>
 *   <li>a middle given name is left out where the language writes only given names there
 *       ({@code gazetteer/given-names.json}).</li>
 * </ul>
 * Runs only on the few names found, not on the text.
 */
final class PersonNames {

    private static final String AR = "/crosscount/gazetteer/name-romanisation-ar.json";
    private static final String SLAVIC = "/crosscount/gazetteer/name-romanisation-slavic.json";
    private static final String GIVEN = "/crosscount/gazetteer/given-names.json";

    private final Map<String, String> arabicWords = new HashMap<>();
    private final Map<String, String> divineNames = new HashMap<>();
    /** Arabic given names as German, French and Spanish write them ("chalid"), to their Arabic words. */
    private final Map<String, String> latinArabic = new HashMap<>();
    /** Per state id, the region's own spellings overriding {@link #arabicWords}. */
    private final Map<String, Map<String, String>> regionalWords = new HashMap<>();
    /** Per language, the rules by the first char of their pattern ({@link #byFirstChar}). */
    private final Map<String, Rule[][]> slavicRules = new HashMap<>();
    private final Set<String> slavicGiven = new HashSet<>();
    private final List<String> slavicSuffixes = new ArrayList<>();
    private final Map<String, Set<String>> givenNames = new HashMap<>();
    /** Given names that start a person's name with no title next to it, folded: every list but the ambiguous one. */
    private final WordSet nameStarters;
    /** East Slavic given names in Arabic script (folded) and the letters and endings of the other words. */
    private final Map<String, String> slavicArabicGiven = new HashMap<>();
    private final Map<String, String> slavicArabicLetters = new HashMap<>();
    private final List<String[]> slavicArabicEndings = new ArrayList<>();

    /** One substitution: {@code from} at a word start / end / before a consonant only, as marked. */
    private record Rule(String from, String to, boolean atStart, boolean atEnd, boolean beforeConsonant) {}

    private static PersonNames instance;

    static synchronized PersonNames get() {
        if (instance == null) {
            instance = new PersonNames(read(AR), read(SLAVIC), read(GIVEN));
        }
        return instance;
    }

    PersonNames(JsonNode ar, JsonNode slavic, JsonNode given) {
        ar.path("words").fields().forEachRemaining(e -> arabicWords.put(FoldedText.foldPhrase(e.getKey()), e.getValue().asText()));
        ar.path("latin").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                latinArabic.put(e.getKey(), FoldedText.foldPhrase(e.getValue().asText()));
            }
        });
        ar.path("divine").fields().forEachRemaining(e -> divineNames.put(FoldedText.foldPhrase(e.getKey()), e.getValue().asText()));
        ar.path("regions").forEach(region -> {
            Map<String, String> words = new HashMap<>();
            region.path("words").fields().forEachRemaining(e -> words.put(FoldedText.foldPhrase(e.getKey()), e.getValue().asText()));
            region.path("states").forEach(s -> regionalWords.computeIfAbsent(s.asText(), k -> new HashMap<>()).putAll(words));
        });
        slavic.path("rules").fields().forEachRemaining(lang -> {
            List<Rule> rules = new ArrayList<>();
            lang.getValue().fields().forEachRemaining(e -> {
                String p = e.getKey();
                boolean start = p.startsWith("^");
                boolean consonant = p.endsWith("+C");
                boolean end = p.endsWith("$");
                String from = p.substring(start ? 1 : 0, p.length() - (consonant ? 2 : end ? 1 : 0));
                rules.add(new Rule(from, e.getValue().asText(), start, end, consonant));
            });
            // longest pattern first, anchored before free at equal length
            rules.sort((a, b) -> a.from.length() != b.from.length() ? b.from.length() - a.from.length()
                    : Boolean.compare(b.atStart || b.atEnd || b.beforeConsonant, a.atStart || a.atEnd || a.beforeConsonant));
            slavicRules.put(lang.getKey(), byFirstChar(rules));
        });
        slavic.path("given").forEach(g -> slavicGiven.add(g.asText().toLowerCase()));
        slavic.path("suffixes").forEach(s -> slavicSuffixes.add(s.asText()));
        JsonNode inArabic = slavic.path("arabic");
        inArabic.path("given").fields().forEachRemaining(e -> slavicArabicGiven.put(FoldedText.foldPhrase(e.getKey()), e.getValue().asText()));
        inArabic.path("letters").fields().forEachRemaining(e -> slavicArabicLetters.put(e.getKey(), e.getValue().asText()));
        inArabic.path("endings").fields().forEachRemaining(e -> slavicArabicEndings.add(new String[] {FoldedText.foldPhrase(e.getKey()), e.getValue().asText()}));
        slavicArabicEndings.sort((a, b) -> b[0].length() - a[0].length());
        Set<String> nameStarters = new HashSet<>();
        given.fields().forEachRemaining(lang -> {
            if (lang.getValue().isArray()) {
                Set<String> names = new HashSet<>();
                lang.getValue().forEach(n -> names.add(FoldedText.foldPhrase(n.asText())));
                if (lang.getKey().equals("ambiguous")) {
                    return;
                }
                if (!lang.getKey().equals("other")) { // no article's language: never drops a middle name
                    givenNames.put(lang.getKey(), names);
                }
                nameStarters.addAll(names);
            }
        });
        slavicGiven.forEach(n -> nameStarters.add(FoldedText.foldPhrase(n)));
        given.path("ambiguous").forEach(n -> nameStarters.remove(FoldedText.foldPhrase(n.asText())));
        this.nameStarters = WordSet.of(nameStarters);
    }

    private static JsonNode read(String path) {
        return Lexicon.readResource(path, JsonNode.class, "name table");
    }

    /** Whether {@link #english} reads its state in an article of {@code lang}: English names are kept as written. */
    boolean readsState(String lang) {
        return !"en".equals(lang);
    }

    /**
     * The English words of a name as written in an article of {@code lang}: {@code written} is
     * the name's words as written (cased languages) or its folded Arabic words; {@code state}
     * the article's dominant state id, or null.
     */
    String[] english(String[] written, String lang, String state) {
        if ("ar".equals(lang)) {
            return arabic(written, state);
        }
        String[] words = "en".equals(lang) ? written : arabicInLatin(written, state);
        return withoutMiddleNames(slavic(words, lang), lang);
    }

    /**
     * Arabic names as German, French or Spanish write them, the English way: "Mohammed" or
     * "Mohamed" as the region spells it, "Chalid" Khaled, "Abd al-Rahman" Abdel Rahman.
     */
    String[] arabicInLatin(String[] written, String state) {
        Map<String, String> regional = state == null ? Map.of() : regionalWords.getOrDefault(state, Map.of());
        String[] out = null;
        for (int i = 0; i < written.length; i++) {
            String w = FoldedText.foldPhrase(written[i]);
            String english = null;
            int skip = 0;
            String arabic = latinArabic.get(w);
            String raw = written[i].toLowerCase(java.util.Locale.ROOT);
            String withArticle = raw.length() > 3 && (raw.startsWith("al") || raw.startsWith("el"))
                    && "-\u2010\u2011".indexOf(raw.charAt(2)) >= 0
                    ? latinArabic.get(FoldedText.foldPhrase(raw.substring(3))) : null;
            if (arabic != null) {
                english = regional.containsKey(arabic) ? regional.get(arabic) : arabicWords.get(arabic);
            } else if (withArticle != null) { // "Al-Nur": the article, then a word of the table
                String word = regional.containsKey(withArticle) ? regional.get(withArticle) : arabicWords.get(withArticle);
                english = word == null ? null : "al-" + word;
            } else if ("abd".equals(w) && i + 1 < written.length) { // "Abd al-Rahman", "Abd el-Kader"
                String next = written[i + 1];
                String article = next.length() > 4 ? next.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : "";
                if (("al".equals(article) || "el".equals(article)) && "-\u2010\u2011".indexOf(next.charAt(2)) >= 0) {
                    english = "Abdel " + capitalise(next.substring(3));
                    skip = 1;
                }
            }
            if (english != null && (skip > 0 || !english.equals(written[i]))) {
                if (out == null) {
                    out = written.clone();
                }
                out[i] = english;
                if (skip > 0) {
                    out[i + 1] = "";
                }
                i += skip;
            }
        }
        if (out == null) {
            return written;
        }
        List<String> words = new ArrayList<>(out.length);
        for (String w : out) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return String.join(" ", words).split(" ");
    }

    /** Whether a folded word is a common given name that starts a person's name without a title ("Ann Hollis"). */
    boolean startsName(String folded) {
        return nameStarters.contains(folded);
    }

    /** {@link #startsName} of {@code text.substring(from, to)}. */
    boolean startsName(String text, int from, int to) {
        return nameStarters.contains(text, from, to);
    }

    /** Whether a folded Arabic word is a name word of the tables ("رنا", "محمد"): Arabic has no capitals to tell a name. */
    boolean knownArabicGiven(String folded) {
        return arabicWords.containsKey(folded) || slavicArabicGiven.containsKey(folded);
    }

    // --- Arabic ---------------------------------------------------------------------------------

    /**
     * The Arabic words of a name, as written, romanised: "رائد أبو سمرة" is "Raed Abu Samra". The
     * table is read with the words folded; unknown words are transliterated as written, where
     * the hamza still tells "رائد" (Raed) from "فايز" (Fayez).
     */
    String[] arabic(String[] written, String state) {
        Map<String, String> regional = state == null ? Map.of() : regionalWords.getOrDefault(state, Map.of());
        String[] keys = new String[written.length];
        String[] words = new String[written.length];
        for (int i = 0; i < written.length; i++) {
            words[i] = stripMarks(written[i]);
            keys[i] = FoldedText.foldPhrase(words[i]);
        }
        String slavicGiven = slavicArabicGiven.get(keys[0]);
        if (slavicGiven != null && words.length > 1) { // "ميخايلو ...": an East Slavic name
            String[] out = new String[words.length];
            out[0] = slavicGiven;
            for (int i = 1; i < words.length; i++) {
                out[i] = capitalise(slavicFromArabic(words[i], keys[i]));
            }
            return out;
        }
        List<String> out = new ArrayList<>(words.length + 1);
        for (int i = 0; i < words.length; i++) {
            String k = keys[i];
            if (k.isEmpty()) {
                continue;
            }
            String pair = i + 1 < words.length ? k + " " + keys[i + 1] : null;
            if (pair != null && arabicWords.containsKey(pair)) { // "صلاح الدين"
                out.add(arabicWords.get(pair));
                i++;
            } else if ("عبد".equals(k) && i + 1 < words.length && keys[i + 1].startsWith("ال") && words[i + 1].length() > 2) { // "عبد الرحمن"
                out.add(abdal(keys[i + 1].substring(2), words[i + 1].substring(2), regional));
                i++;
            } else if (k.startsWith("عبدال") && k.length() > 5 && !arabicWords.containsKey(k) && words[i].length() > 5) { // "عبدالرحمن"
                out.add(abdal(k.substring(5), words[i].substring(5), regional));
            } else {
                out.add(arabicWord(k, words[i], regional, i == 0));
            }
        }
        return String.join(" ", out).split(" ");
    }

    /** An East Slavic family name in Arabic script: "سافتشوك" Savchuk, "كوفالينكو" Kovalenko. */
    private String slavicFromArabic(String word, String key) {
        String ending = "";
        String stem = word;
        if (key.length() == word.length()) {
            for (String[] e : slavicArabicEndings) {
                if (key.endsWith(e[0]) && key.length() > e[0].length() + 1) {
                    ending = e[1];
                    stem = word.substring(0, word.length() - e[0].length());
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder(stem.length() + ending.length() + 4);
        int n = stem.length();
        for (int i = 0; i < n; i++) {
            char c = stem.charAt(i);
            String three = i + 3 <= n ? stem.substring(i, i + 3) : null;
            String two = i + 2 <= n ? stem.substring(i, i + 2) : null;
            if (three != null && slavicArabicLetters.containsKey(three)) {
                out.append(slavicArabicLetters.get(three));
                i += 2;
            } else if (two != null && slavicArabicLetters.containsKey(two)) {
                out.append(slavicArabicLetters.get(two));
                i++;
            } else if ((c == 'ي' || c == 'ئ') && (i == 0 || i + 1 < n && (stem.charAt(i + 1) == 'ا' || stem.charAt(i + 1) == 'و'))) {
                out.append('y');
            } else if (c == 'و' && i == 0) {
                out.append('v');
            } else {
                String latin = slavicArabicLetters.get(String.valueOf(c));
                if (latin == null && c >= 0x600 && c < 0x700) {
                    latin = CONSONANTS[c - 0x600];
                }
                out.append(latin != null ? latin : c >= 0x600 && c < 0x700 ? "" : String.valueOf(c));
            }
        }
        return out.append(ending).toString();
    }

    /** "Abdel Rahman", "Abdullah": عبد before a name of God (after its article). */
    private String abdal(String restKey, String rest, Map<String, String> regional) {
        if ("له".equals(restKey) || "لاه".equals(restKey)) {
            return regional.getOrDefault("عبدالله", arabicWords.getOrDefault("عبدالله", "Abdullah"));
        }
        String divine = divineNames.get(restKey);
        return "Abdel " + (divine != null ? divine : capitalise(transliterate(rest)));
    }

    private String arabicWord(String key, String w, Map<String, String> regional, boolean first) {
        String known = regional.containsKey(key) ? regional.get(key) : arabicWords.get(key);
        if (known != null) {
            return known;
        }
        if (key.startsWith("ال") && key.length() > 3 && w.length() > 3) { // "العطار": al-Attar
            String rest = key.substring(2);
            String r = regional.containsKey(rest) ? regional.get(rest) : arabicWords.get(rest);
            return "al-" + (r != null ? r : capitalise(transliterate(w.substring(2))));
        }
        if (!first && key.startsWith("ابو") && key.length() > 4 && w.length() > 4) { // "ابوبكر" written as one word
            return "Abu " + arabicWord(key.substring(3), w.substring(3), regional, false);
        }
        return capitalise(transliterate(w));
    }

    /** The word without its short vowel marks and tatweel. */
    private static String stripMarks(String w) {
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 0x064B && c <= 0x065F || c == 0x0640 || c == 0x0670)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Consonants of the folded Arabic letters; null for the long vowels and the silent letters. */
    private static final String[] CONSONANTS = new String[0x100];

    static {
        String letters = "ب b|ت t|ث th|ج j|ح h|خ kh|د d|ذ dh|ر r|ز z|س s|ش sh|ص s|ض d|ط t|ظ z|غ gh|ف f|ق q"
                + "|ك k|ل l|م m|ن n|ه h|پ p|چ ch|ڤ v|گ g";
        for (String pair : letters.split("\\|")) {
            CONSONANTS[pair.charAt(0) - 0x600] = pair.substring(2);
        }
    }

    /**
     * An unknown Arabic word letter by letter, with the vowels Arabic leaves unwritten guessed:
     * "a" between two consonants that start the word ("سمره" Samra), "e" in the last syllable
     * after a long vowel ("خالد" Khaled), "a" in both syllables of three bare consonants ("حسن"
     * Hasan); ا is a, و and ي long vowels after a consonant and consonants elsewhere, a final ه
     * after a consonant is the feminine a.
     */
    static String transliterate(String w) {
        int n = w.length();
        // units: consonant text, or a vowel marked by a leading '=' (long vowel) or '~' (none)
        List<String> units = new ArrayList<>(n + 2);
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            char prev = i > 0 ? w.charAt(i - 1) : 0;
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            boolean afterConsonant = i > 0 && isConsonantLetter(prev);
            switch (c) {
                case 'ا', 'ى', 'آ' -> units.add("=a");
                case 'أ' -> units.add(i == 0 ? "=a" : "'");
                case 'إ' -> units.add(i == 0 ? "=i" : "'");
                case 'ة' -> units.add("=a");
                case 'و' -> units.add(i == 0 || !afterConsonant || next == 'ا' || next == 'ة' || next == 'ي' ? "w" : "=ou");
                case 'ي' -> {
                    if (i == 0 || !afterConsonant && prev != 'و' || next == 'ا') {
                        units.add("y");
                    } else if (n == 3 && i == 1 && isConsonantLetter(next)) { // "ضيف" Deif, "زين" Zein: a diphthong
                        units.add("=ei");
                    } else if ((next == 'ه' || next == 'ة') && i + 2 == n) { // "ية": iya
                        units.add("=iya");
                        i++;
                    } else {
                        units.add("=i");
                    }
                }
                case 'ئ' -> units.add(prev == 'ا' || prev == 'و' ? "=e" : "=i");
                case 'ؤ' -> units.add("=u");
                case 'ع' -> units.add(i == 0 ? "~" : "'");
                case 'ء' -> { }
                case 'ه' -> units.add(i == n - 1 && i > 0 && afterConsonant ? "=a" : "h");
                default -> {
                    String latin = c >= 0x600 && c < 0x700 ? CONSONANTS[c - 0x600] : null;
                    if (latin != null) {
                        units.add(latin);
                    } else if (Character.isLetter(c)) {
                        units.add(String.valueOf(c));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(n + 4);
        int consonants = 0;
        boolean longVowel = false;
        for (String u : units) {
            if (u.startsWith("=")) {
                longVowel = true;
            } else if (!"~".equals(u)) {
                consonants++;
            }
        }
        int last = units.size() - 1;
        for (int k = 0; k <= last; k++) {
            String u = units.get(k);
            if ("~".equals(u)) { // initial ain: a vowel onset
                if (k == last || !units.get(k + 1).startsWith("=")) {
                    out.append('a');
                }
                continue;
            }
            if (u.startsWith("=")) {
                out.append(u, 1, u.length());
                continue;
            }
            if (!"'".equals(u)) {
                out.append(u);
            }
            boolean nextConsonant = k < last && !units.get(k + 1).startsWith("=");
            if (!nextConsonant) {
                continue;
            }
            if (k == 0) { // no cluster starts an Arabic word
                out.append('a');
            } else if (k + 1 == last && !longVowel && consonants == 3) { // CaCaC
                out.append('a');
            } else if (k + 1 == last && k > 0 && units.get(k - 1).startsWith("=")) { // the last syllable after a long vowel
                out.append('e');
            }
        }
        return out.toString();
    }

    private static boolean isConsonantLetter(char c) {
        return c >= 0x600 && c < 0x700 && CONSONANTS[c - 0x600] != null || c == 'ع' || c == 'ء';
    }

    // --- East Slavic ----------------------------------------------------------------------------

    /** The English spelling of an East Slavic name written the {@code lang} way; else the words unchanged. */
    String[] slavic(String[] words, String lang) {
        Rule[][] rules = slavicRules.get(lang);
        if (rules == null || words.length < 2) {
            return words;
        }
        String[] converted = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            converted[i] = convert(words[i], rules);
        }
        String given = converted[0].toLowerCase();
        String family = converted[words.length - 1].toLowerCase();
        boolean slavicName = slavicGiven.contains(given);
        for (int i = 0; !slavicName && i < slavicSuffixes.size(); i++) {
            slavicName = family.endsWith(slavicSuffixes.get(i)) && family.length() > slavicSuffixes.get(i).length() + 1;
        }
        return slavicName ? converted : words;
    }

    /**
     * The rules in buckets by the first char of their pattern (ASCII chars, then one bucket for
     * any other), each in the rules' order: at a position only the rules of its char can match,
     * and a name's conversion tried every rule at every char.
     */
    private static Rule[][] byFirstChar(List<Rule> rules) {
        List<List<Rule>> buckets = new ArrayList<>();
        for (int c = 0; c <= 128; c++) {
            buckets.add(new ArrayList<>());
        }
        for (Rule r : rules) {
            buckets.get(bucketOf(r.from.charAt(0))).add(r);
        }
        return buckets.stream().map(b -> b.toArray(new Rule[0])).toArray(Rule[][]::new);
    }

    private static int bucketOf(char c) {
        return c < 128 ? c : 128;
    }

    private static String convert(String word, Rule[][] rules) {
        String w = FoldedText.foldPhrase(word);
        if (w.isEmpty() || w.length() != word.length()) {
            return word;
        }
        StringBuilder out = new StringBuilder(w.length() + 4);
        int i = 0;
        while (i < w.length()) {
            Rule hit = null;
            for (Rule r : rules[bucketOf(w.charAt(i))]) {
                if (w.startsWith(r.from, i) && (!r.atStart || i == 0) && (!r.atEnd || i + r.from.length() == w.length())
                        && (!r.beforeConsonant || i + r.from.length() < w.length() && isLatinConsonant(w.charAt(i + r.from.length())))) {
                    hit = r;
                    break;
                }
            }
            if (hit != null) {
                out.append(hit.to);
                i += hit.from.length();
            } else {
                out.append(w.charAt(i++));
            }
        }
        return Character.isUpperCase(word.charAt(0)) ? capitalise(out.toString()) : out.toString();
    }

    private static boolean isLatinConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    // --- middle names ---------------------------------------------------------------------------

    /** "Hartmut Georg Pfeiffer" is "Hartmut Pfeiffer" where the language's middle words are only given names. */
    String[] withoutMiddleNames(String[] words, String lang) {
        Set<String> given = givenNames.get(lang);
        if (given == null || words.length < 3) {
            return words;
        }
        for (int i = 0; i < words.length - 1; i++) {
            if (!given.contains(FoldedText.foldPhrase(words[i]))) {
                return words;
            }
        }
        return new String[] {words[0], words[words.length - 1]};
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
