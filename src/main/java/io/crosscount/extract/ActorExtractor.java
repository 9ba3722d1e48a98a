package io.crosscount.extract;

import io.crosscount.extract.Gazetteer.Actor;
import io.crosscount.model.ActorMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds mentions of gazetteer actors: every alias and demonym of every language in one
 * Aho-Corasick pass over the folded text (so "Israël", "israélien" and "d’Israël" all match),
 * the longest match winning where mentions overlap. Short all-capital aliases ("AP", "UN") must
 * be written in capitals, so that common words do not match them. A person's given name may be
 * misspelt by one letter when the family name follows ("Williams Burns").
 */
public final class ActorExtractor {

    private record Pattern(Actor actor, String alias, boolean capitalsOnly, boolean demonym, Lexicon lexicon) {}

    private final PhraseTrie<Pattern> trie;
    private final PhraseTrie<Actor> familyNames;
    /** Every lexicon's proclitics: a name may start after one ("وإسرائيل"). */
    private final java.util.Set<String> proclitics;

    public ActorExtractor(Gazetteer gazetteer) {
        this(gazetteer, Map.of());
    }

    /** With the lexicons, so that aliases also match with their language's proclitics ("وإسرائيل"). */
    public ActorExtractor(Gazetteer gazetteer, Map<String, Lexicon> lexicons) {
        // Word boundaries are checked in extract(), so that a proclitic may stand before a name.
        PhraseTrie.Builder<Pattern> builder = PhraseTrie.builder();
        PhraseTrie.Builder<Actor> families = PhraseTrie.builder();
        for (Actor actor : gazetteer.actors()) {
            addAll(builder, actor, actor.aliases(), lexicons, false);
            addAll(builder, actor, actor.demonyms(), lexicons, true);
            builder.add(FoldedText.foldPhrase(actor.name()), new Pattern(actor, actor.name(), false, false, null));
            if (actor.fuzzyGivenName()) {
                String[] parts = FoldedText.foldPhrase(actor.name()).split(" ");
                if (parts.length >= 2) {
                    families.add(parts[parts.length - 1], actor);
                }
            }
        }
        this.trie = builder.build();
        this.familyNames = families.build();
        this.proclitics = lexicons.values().stream().flatMap(l -> l.procliticSet().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static void addAll(PhraseTrie.Builder<Pattern> builder, Actor actor,
                               Map<String, List<String>> byLanguage, Map<String, Lexicon> lexicons,
                               boolean demonym) {
        if (byLanguage == null) {
            return;
        }
        for (Map.Entry<String, List<String>> language : byLanguage.entrySet()) {
            Lexicon lexicon = lexicons.get(language.getKey());
            for (String phrase : language.getValue()) {
                // Short all-capital aliases ("AP", "WHO") must be written in capitals; scripts
                // without case (Arabic) have no such constraint.
                boolean capitals = phrase.length() <= 4 && phrase.chars().anyMatch(Character::isUpperCase)
                        && phrase.equals(phrase.toUpperCase());
                String folded = FoldedText.foldPhrase(phrase);
                builder.add(folded, new Pattern(actor, phrase, capitals, demonym, lexicon));
                if (lexicon != null) {
                    for (String variant : lexicon.cliticVariants(folded)) {
                        builder.add(variant, new Pattern(actor, phrase, false, demonym, lexicon));
                    }
                }
            }
        }
    }

    public List<ActorMention> extract(FoldedText text) {
        return extract(text, proclitics);
    }

    /**
     * The gazetteer lookup alone, without the rules that turn hits into mentions: how many
     * names and family names start at a word start. The benchmark's bare scan measures it.
     */
    public int lookUp(FoldedText text, java.util.Set<String> languageProclitics) {
        String s = text.folded();
        WordStarts starts = text.wordStarts(languageProclitics);
        int[] hits = new int[1];
        trie.forEachMatchFrom(s, starts.positions(), starts.count(), (start, end, p) -> hits[0]++);
        familyNames.forEachMatchFrom(s, starts.positions(), starts.count(), (start, end, actor) -> hits[0]++);
        return hits[0];
    }

    /**
     * With the proclitics of the article's language only (a name may start after one of them),
     * which lets the figure pass reuse the same word starts.
     */
    public List<ActorMention> extract(FoldedText text, java.util.Set<String> languageProclitics) {
        List<Candidate> candidates = new ArrayList<>();
        String s = text.folded();
        WordStarts starts = text.wordStarts(languageProclitics);
        trie.forEachMatchFrom(s, starts.positions(), starts.count(), (start, end, p) -> {
            boolean wordStart = p.lexicon() != null ? p.lexicon().startsWord(s, start)
                    : start == 0 || !Character.isLetter(s.charAt(start - 1));
            if (!wordStart || (end < s.length() && Character.isLetter(s.charAt(end)))) {
                return;
            }
            if (p.capitalsOnly()) {
                String surface = text.originalSpan(start, end);
                if (!surface.equals(surface.toUpperCase())) {
                    return;
                }
            }
            if (p.demonym() && countedPopulation(s, start)) {
                return; // "10 Thaïlandais": people counted, not the state acting
            }
            candidates.add(new Candidate(start, end, p.actor()));
        });
        familyNames.forEachMatchFrom(s, starts.positions(), starts.count(), (start, end, actor) -> {
            boolean wholeWord = (start == 0 || !Character.isLetter(s.charAt(start - 1)))
                    && (end == s.length() || !Character.isLetter(s.charAt(end)));
            Candidate fuzzy = wholeWord ? fuzzyPersonMatch(s, start, end, actor) : null;
            if (fuzzy != null) {
                candidates.add(fuzzy);
            }
        });
        // Longest first, then leftmost: a deterministic choice among overlapping mentions.
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.start - c.end).thenComparingInt(c -> c.start));
        java.util.BitSet covered = new java.util.BitSet(s.length());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            int firstCovered = covered.nextSetBit(c.start);
            if (firstCovered < 0 || firstCovered >= c.end) { // overlaps no mention kept so far
                covered.set(c.start, c.end);
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(c -> c.start));
        List<ActorMention> mentions = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            mentions.add(new ActorMention(c.actor.id(), c.actor.name(), c.actor.type(),
                    text.originalSpan(c.start, c.end), text.originalStart(c.start), text.originalEnd(c.end)));
        }
        return mentions;
    }

    /** Whether a number (in digits) stands just before a demonym, as in "26 000 Palestiniens". */
    private static boolean countedPopulation(String s, int start) {
        int i = start - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && i < start - 1 && Character.isDigit(s.charAt(i));
    }

    /** "Williams Burns": the word before the family name is within one edit of the given name. */
    private static Candidate fuzzyPersonMatch(String s, int familyStart, int familyEnd, Actor actor) {
        String[] parts = FoldedText.foldPhrase(actor.name()).split(" ");
        String given = parts[0];
        int wordEnd = familyStart - 1;
        if (wordEnd <= 0 || s.charAt(wordEnd) != ' ') {
            return null;
        }
        int wordStart = wordEnd;
        while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = s.substring(wordStart, wordEnd);
        if (given.length() < 4 || word.isEmpty() || editDistanceAtMostOne(word, given) > 1) {
            return null;
        }
        return new Candidate(wordStart, familyEnd, actor);
    }

    static int editDistanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1)) ? 1 : 2;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i)) ? 1 : 2;
    }

    private record Candidate(int start, int end, Actor actor) {}
}
