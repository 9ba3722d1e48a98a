package io.crosscount.generate;

import io.crosscount.model.ClaimKey;
import io.crosscount.model.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The stories of {@code scripts/generate-articles --keys N}: up to {@link #MAX} aggregation keys,
 * every combination of eight places, three metrics and four groups ("people" for none), each
 * worded in the five languages as the extractor's lexicons and gazetteer word them. The first
 * keys vary the place, then the metric, then the group, so that a few keys already spread over
 * places: {@code --keys 8} is the killed in each place, {@code --keys 24} adds the wounded and
 * the displaced. Base figures differ by place, metric and group (a few hundred to a few hundred
 * thousand), as real tolls do.
 */
final class KeyMix {
    /** A place: its gazetteer id, its toll's scale, "in PLACE" per language (en, fr, es, de, ar). */
    private record Place(String id, String subject, long scale, String... in) {}

    /**
     * What a figure counts: its metric, its scale against the place's, and per language its
     * words. en: the participle; fr, es: masculine and feminine forms; de: the participle;
     * ar: the verbal noun after "reported the ... of" and the verb.
     */
    private record Count(Metric metric, double scale, String en, String frM, String frF, String esM, String esF,
                         String de, String arNoun, String arVerb) {}

    /**
     * Who is counted: the group (null for everyone) and its share, and per language its noun:
     * en, fr (with its gender), es (with its gender), de, ar after a number (accusative) and after
     * "more than" (genitive).
     */
    private record Who(String group, double share, String en, String fr, boolean frFeminine, String es,
                       boolean esFeminine, String de, String arAccusative, String arGenitive) {}

    private static final List<Place> PLACES = List.of(
            new Place("gaza", "palestinians", 20_000, "in the Gaza Strip", "dans la bande de Gaza",
                    "en la Franja de Gaza", "im Gazastreifen", "قطاع غزة"),
            new Place("ukraine", "ukrainians", 10_000, "in Ukraine", "en Ukraine", "en Ucrania", "in der Ukraine",
                    "أوكرانيا"),
            new Place("sudan", "sudanese", 15_000, "in Sudan", "au Soudan", "en Sudán", "im Sudan", "السودان"),
            new Place("lebanon", "lebanese", 3_000, "in Lebanon", "au Liban", "en el Líbano", "im Libanon", "لبنان"),
            new Place("west_bank", "palestinians", 900, "in the West Bank", "en Cisjordanie", "en Cisjordania",
                    "im Westjordanland", "الضفة الغربية"),
            new Place("syria", "syrians", 6_000, "in Syria", "en Syrie", "en Siria", "in Syrien", "سوريا"),
            new Place("israel", "israelis", 1_400, "in Israel", "en Israël", "en Israel", "in Israel", "إسرائيل"),
            new Place("russia", "russians", 800, "in Russia", "en Russie", "en Rusia", "in Russland", "روسيا"));

    private static final List<Count> COUNTS = List.of(
            new Count(Metric.KILLED, 1, "killed", "tués", "tuées", "han muerto", "han muerto", "getötet",
                    "بمقتل", "قُتل"),
            new Count(Metric.WOUNDED, 2.3, "wounded", "blessés", "blessées", "han resultado heridos",
                    "han resultado heridas", "verletzt", "بإصابة", "أصيب"),
            new Count(Metric.DISPLACED, 40, "displaced", "déplacés", "déplacées", "han sido desplazados",
                    "han sido desplazadas", "vertrieben", "بنزوح", "نزح"));

    private static final List<Who> WHO = List.of(
            new Who(null, 1, "people", "personnes", true, "personas", true, "Menschen", "شخصا", "شخص"),
            new Who("children", 0.35, "children", "enfants", false, "niños", false, "Kinder", "طفلا", "طفل"),
            new Who("women", 0.25, "women", "femmes", true, "mujeres", true, "Frauen", "امرأة", "امرأة"),
            new Who("civilians", 0.8, "civilians", "civils", false, "civiles", false, "Zivilisten", "مدنيا", "مدني"));

    static final int MAX = PLACES.size() * COUNTS.size() * WHO.size();

    private KeyMix() {}

    /** The first {@code n} stories, 1 ≤ n ≤ {@link #MAX}. */
    static List<SyntheticStream.Story> first(int n) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("--keys must be between 1 and " + MAX + "; got " + n + ".");
        }
        List<SyntheticStream.Story> stories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Place place = PLACES.get(i % PLACES.size());
            Count count = COUNTS.get(i / PLACES.size() % COUNTS.size());
            Who who = WHO.get(i / (PLACES.size() * COUNTS.size()));
            stories.add(story(place, count, who));
        }
        return stories;
    }

    private static SyntheticStream.Story story(Place p, Count c, Who w) {
        String key = ClaimKey.of(c.metric(), p.subject(), w.group(), p.id());
        long base = Math.max(200, Math.round(p.scale() * c.scale() * w.share()));
        String fr = w.frFeminine() ? c.frF() : c.frM();
        String es = w.esFeminine() ? c.esF() : c.esM();
        String ar = p.in()[4];
        // Per language, per qualifier (exact, at least, more than); {N} is the figure.
        String[][] templates = {
            {"Officials said {N} " + w.en() + " have been " + c.en() + " " + p.in()[0] + ".",
             "At least {N} " + w.en() + " have been " + c.en() + " " + p.in()[0] + ", officials said.",
             "More than {N} " + w.en() + " have been " + c.en() + " " + p.in()[0] + ", officials said."},
            {"Les autorités ont fait état de {N} " + w.fr() + " " + fr + " " + p.in()[1] + ".",
             "Au moins {N} " + w.fr() + " ont été " + fr + " " + p.in()[1] + ", selon les autorités.",
             "Plus de {N} " + w.fr() + " ont été " + fr + " " + p.in()[1] + ", selon les autorités."},
            {"Las autoridades informaron de que {N} " + w.es() + " " + es + " " + p.in()[2] + ".",
             "Al menos {N} " + w.es() + " " + es + " " + p.in()[2] + ", según las autoridades.",
             "Más de {N} " + w.es() + " " + es + " " + p.in()[2] + ", según las autoridades."},
            {"{N} " + w.de() + " sind " + p.in()[3] + " " + c.de() + " worden, teilten die Behörden mit.",
             "Mindestens {N} " + w.de() + " sind " + p.in()[3] + " " + c.de() + " worden, teilten die Behörden mit.",
             "Mehr als {N} " + w.de() + " sind " + p.in()[3] + " " + c.de() + " worden, teilten die Behörden mit."},
            {"أفادت السلطات " + c.arNoun() + " {N} " + w.arAccusative() + " في " + ar + ".",
             c.arVerb() + " ما لا يقل عن {N} " + w.arAccusative() + " في " + ar + "، وفق السلطات.",
             c.arVerb() + " أكثر من {N} " + w.arGenitive() + " في " + ar + "، وفق السلطات."}};
        return new SyntheticStream.Story(key, base, templates);
    }
}
