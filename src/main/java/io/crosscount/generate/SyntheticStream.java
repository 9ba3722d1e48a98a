package io.crosscount.generate;

import io.crosscount.json.Json;
import io.crosscount.model.DiscrepancyKind;
import io.crosscount.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A synthetic multi-source article stream with known ground truth, for the reconciliation tests,
 * {@code scripts/generate-articles --truth} and the benchmarks.
 *
 * <p>Two stories (Palestinians killed in Gaza, people wounded in the West Bank) have a true
 * cumulative figure that grows 3% a day. Ten outlets in English, French, Spanish and German and
 * two agencies (AFP, Reuters), and on request an eleventh outlet in Arabic (a fifth language, for
 * the benchmarks), report it several times a day with the wording of real reports
 * ("at least", "more than", number formats of each language). Every other day of each story gets
 * one injected case, in turn:
 * <ul>
 *   <li>{@link Case#CONFLICT_SMALL}: an outlet's last report of the day undercounts by 1.5%, still
 *   above its own figure of the day before (a conflict);</li>
 *   <li>{@link Case#CONFLICT_LARGE}: an outlet heard only once reports half the figure (a
 *   conflict and an outlier);</li>
 *   <li>{@link Case#REGRESSION}: an outlet's last report goes below its own figure of the day
 *   before (a regression, a conflict and an outlier);</li>
 *   <li>{@link Case#STALE}: an outlet repeats its figure of the day before, first given more than
 *   a day earlier (stale: nothing);</li>
 *   <li>{@link Case#WIRE_COPIES}, {@link Case#NEAR_DUPLICATES}: an agency's story credited by
 *   three outlets, or an outlet's article copied almost verbatim by two others (one report each:
 *   nothing);</li>
 *   <li>{@link Case#STALE_WIRE_COPY}: an outlet republishes, credited, the agency's story of the
 *   day before (stale through the agency: nothing);</li>
 *   <li>{@link Case#COPIED_CONFLICT}: an undercount copied by two outlets (one conflict, with one
 *   source that lists three outlets);</li>
 *   <li>{@link Case#LATE}: an undercount that arrives two days late (a {@code late} dead letter:
 *   nothing else).</li>
 * </ul>
 * Articles arrive up to five minutes out of order; some are re-sent, soon or days later. The
 * expected discrepancies follow the rules and thresholds of the default settings (tolerance 1%,
 * outlier threshold 20%, staleness horizon 12 h, daily windows, one hour of allowed lateness).
 *
 * <p>With {@code keys} (scripts/generate-articles --keys N) the same cases play on each of N
 * stories of {@link KeyMix} (places, metrics, groups) instead of the two, more articles on the
 * first keys than on the last, and honest figures a little apart; a regression is expected only
 * on a cumulative metric.
 */
public final class SyntheticStream {

    /** What was injected into one story's day. */
    public enum Case {
        NONE, CONFLICT_SMALL, CONFLICT_LARGE, REGRESSION, STALE, WIRE_COPIES, NEAR_DUPLICATES, STALE_WIRE_COPY,
        COPIED_CONFLICT, LATE
    }

    /** A discrepancy the stream must give, by aggregation key, window and kind. */
    public record Expected(String key, Instant windowStart, DiscrepancyKind kind) {}

    /** One article as it arrives. */
    public record Generated(String id, String source, Instant publishedAt, String json, boolean late, boolean resent) {}

    /** The ground truth. */
    public record Truth(Set<Expected> discrepancies, Map<String, Integer> reportsPerWindow,
                        Map<String, Integer> outletsPerWindow, Map<String, Case> cases, int lateClaims,
                        Map<String, ExpectedClaim> claimsByArticle) {
        /** {@code key|windowStart}, the index of the per-window maps. */
        public static String window(String key, Instant windowStart) {
            return key + "|" + windowStart;
        }
    }

    /** The claim an article must give: its key and bounds (high null when unbounded). */
    public record ExpectedClaim(String key, long low, Long high) {}

    private record Outlet(String name, String lang, boolean agency) {}

    /** A story: its aggregation key, its true figure on day 0, per language and qualifier its sentence. */
    record Story(String key, long base, String[][] templates) {
        /** A cumulative metric's drop below the outlet's own figure of the day before is a regression. */
        boolean cumulative() {
            return Metric.fromWireName(key.substring(0, key.indexOf('/'))).isCumulative();
        }
    }

    /** A planned report; {@code copyOf} when it copies another article's body, {@code credit} when it credits an agency. */
    private static final class Planned {
        String id;
        Outlet outlet;
        Story story;
        Instant publishedAt;
        Instant arrival;
        long figure;
        int qualifier; // 0 exact, 1 at least, 2 more than
        String credit;
        Planned copyOf;
        String body;
        boolean late;
        String identity;
    }

    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("Levant Wire", "en", false), new Outlet("Northern Ledger", "en", false),
            new Outlet("Harbor Dispatch", "en", false), new Outlet("Le Courrier du Matin", "fr", false),
            new Outlet("Radio Méridien", "fr", false), new Outlet("La Gazette du Sud", "fr", false),
            new Outlet("El Faro Diario", "es", false), new Outlet("Voz del Puerto", "es", false),
            new Outlet("Rheinischer Bote", "de", false), new Outlet("Nordkurier Heute", "de", false),
            new Outlet("AFP", "fr", true), new Outlet("Reuters", "en", true));

    /** The outlet {@code withArabic} adds. Off by default: the tests' streams and truths stay as they were. */
    private static final Outlet ARABIC_OUTLET = new Outlet("Al-Sahil Daily", "ar", false);

    private static final Map<String, Integer> LANG_INDEX = Map.of("en", 0, "fr", 1, "es", 2, "de", 3, "ar", 4);

    /** Per language (en, fr, es, de, ar), per qualifier (exact, at least, more than); {N} is the figure. */
    private static final List<Story> STORIES = List.of(
            new Story("killed/palestinians/gaza", 20_000, new String[][] {
                {"The health ministry said {N} Palestinians have been killed in Gaza.",
                 "At least {N} Palestinians have been killed in Gaza, the health ministry said.",
                 "More than {N} Palestinians have been killed in Gaza, the health ministry said."},
                {"Le ministère de la Santé a fait état de {N} Palestiniens tués dans la bande de Gaza.",
                 "Au moins {N} Palestiniens ont été tués dans la bande de Gaza, selon le ministère de la Santé.",
                 "Plus de {N} Palestiniens ont été tués dans la bande de Gaza, selon le ministère de la Santé."},
                {"El ministerio informó de que {N} palestinos han muerto en Gaza.",
                 "Al menos {N} palestinos han muerto en Gaza, según el Ministerio de Sanidad.",
                 "Más de {N} palestinos han muerto en Gaza, según el Ministerio de Sanidad."},
                {"{N} Palästinenser sind im Gazastreifen getötet worden, teilte das Gesundheitsministerium mit.",
                 "Mindestens {N} Palästinenser sind im Gazastreifen getötet worden, teilte das Gesundheitsministerium mit.",
                 "Mehr als {N} Palästinenser sind im Gazastreifen getötet worden, teilte das Gesundheitsministerium mit."},
                {"أعلنت وزارة الصحة ارتفاع حصيلة الشهداء الفلسطينيين في قطاع غزة إلى {N} شهيدا.",
                 "قُتل ما لا يقل عن {N} فلسطينيا في قطاع غزة، وفق وزارة الصحة.",
                 "قُتل أكثر من {N} فلسطيني في قطاع غزة، وفق وزارة الصحة."}}),
            new Story("wounded/palestinians/west_bank", 3_000, new String[][] {
                {"The ministry said {N} people have been wounded in the West Bank.",
                 "At least {N} people have been wounded in the West Bank, the ministry said.",
                 "More than {N} people have been wounded in the West Bank, the ministry said."},
                {"Le ministère a fait état de {N} personnes blessées en Cisjordanie.",
                 "Au moins {N} personnes ont été blessées en Cisjordanie, selon le ministère.",
                 "Plus de {N} personnes ont été blessées en Cisjordanie, selon le ministère."},
                {"El ministerio informó de que {N} personas han resultado heridas en Cisjordania.",
                 "Al menos {N} personas han resultado heridas en Cisjordania, según el ministerio.",
                 "Más de {N} personas han resultado heridas en Cisjordania, según el ministerio."},
                {"Im Westjordanland wurden {N} Menschen verletzt, teilte das Ministerium mit.",
                 "Mindestens {N} Menschen wurden im Westjordanland verletzt, teilte das Ministerium mit.",
                 "Mehr als {N} Menschen wurden im Westjordanland verletzt, teilte das Ministerium mit."},
                {"أفادت الوزارة بإصابة {N} شخصا في الضفة الغربية.",
                 "أصيب ما لا يقل عن {N} شخصا في الضفة الغربية، وفق الوزارة.",
                 "أصيب أكثر من {N} شخص في الضفة الغربية، وفق الوزارة."}}));

    private static final Duration DAY = Duration.ofDays(1);
    private static final double OUTLIER_THRESHOLD = 0.2;

    private final SplittableRandom random;
    private final Instant start;
    private final int bodyChars;
    private final FillerText filler;
    private final List<Outlet> outlets;
    private final List<Story> stories;
    /** {@code --keys}: the stories of {@link KeyMix}, spread unevenly, honest figures apart by up to 0.4%. */
    private final boolean keyMix;
    private final List<Planned> planned = new ArrayList<>();
    private final List<Generated> arrivals = new ArrayList<>();
    private final Set<Expected> expected = new HashSet<>();
    private final Map<String, Case> cases = new TreeMap<>();
    private int nextId;

    private SyntheticStream(long seed, Instant start, int bodyChars, boolean withArabic, int keys) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.bodyChars = bodyChars;
        this.filler = new FillerText(random);
        List<Outlet> all = new ArrayList<>(OUTLETS);
        if (withArabic) {
            all.add(ARABIC_OUTLET);
        }
        this.outlets = List.copyOf(all);
        this.keyMix = keys > 0;
        this.stories = keyMix ? KeyMix.first(keys) : STORIES;
    }

    /**
     * About {@code articles} articles over {@code days} days from {@code start} (a midnight UTC),
     * bodies of about {@code bodyChars} characters, reproducible from {@code seed}.
     */
    public static SyntheticStream generate(int articles, int days, long seed, Instant start, int bodyChars) {
        return generate(articles, days, seed, start, bodyChars, false);
    }

    /** As {@link #generate(int, int, long, Instant, int)}, with an Arabic outlet among the others when asked. */
    public static SyntheticStream generate(int articles, int days, long seed, Instant start, int bodyChars,
                                           boolean withArabic) {
        return generate(articles, days, seed, start, bodyChars, withArabic, 0);
    }

    /**
     * As {@link #generate(int, int, long, Instant, int, boolean)}; {@code keys} above 0 spreads
     * the figures over that many keys of {@link KeyMix} instead of the two stories: the first
     * keys get more articles than the last (a share falling as 1/rank^0.7, every source still
     * heard on every key every day), and honest sources' figures differ by up to 0.4% (within
     * the 1% tolerance), as outlets that updated at different hours do.
     */
    public static SyntheticStream generate(int articles, int days, long seed, Instant start, int bodyChars,
                                           boolean withArabic, int keys) {
        if (days < 3) {
            throw new IllegalArgumentException("A synthetic stream needs at least 3 days; got " + days + ".");
        }
        if (keys < 0) {
            throw new IllegalArgumentException("--keys must be 0 (the two stories) or more; got " + keys + ".");
        }
        SyntheticStream s = new SyntheticStream(seed, start, bodyChars, withArabic, keys);
        s.plan(articles, days);
        s.render();
        return s;
    }

    public List<Generated> arrivals() {
        return arrivals;
    }

    public Truth truth() {
        Map<String, Integer> reports = new TreeMap<>();
        Map<String, Integer> outlets = new TreeMap<>();
        Map<String, Map<String, Planned>> latestPerOutlet = new HashMap<>();
        int lateClaims = 0;
        Map<String, ExpectedClaim> claims = new HashMap<>();
        for (Planned p : planned) {
            claims.put(p.id, new ExpectedClaim(p.story.key(), p.figure, p.qualifier == 0 ? Long.valueOf(p.figure) : null));
            if (p.late) {
                lateClaims++;
                continue;
            }
            String window = Truth.window(p.story.key(), windowStart(p.publishedAt));
            latestPerOutlet.computeIfAbsent(window, w -> new HashMap<>()).merge(p.outlet.name(), p,
                    (a, b) -> newer(b, a) ? b : a);
        }
        latestPerOutlet.forEach((window, byOutlet) -> {
            reports.put(window, (int) byOutlet.values().stream().map(p -> p.identity).distinct().count());
            outlets.put(window, byOutlet.size());
        });
        return new Truth(Set.copyOf(expected), reports, outlets, cases, lateClaims, claims);
    }

    // --- planning -------------------------------------------------------------------------------

    private void plan(int articles, int days) {
        int least = outlets.size() + 4;
        double[] shares = shares(stories.size());
        Case[] rotation = {Case.CONFLICT_SMALL, Case.CONFLICT_LARGE, Case.REGRESSION, Case.STALE, Case.WIRE_COPIES,
            Case.NEAR_DUPLICATES, Case.STALE_WIRE_COPY, Case.COPIED_CONFLICT, Case.LATE};
        List<Outlet> independent = outlets.stream().filter(o -> !o.agency()).toList();
        List<Outlet> agencies = outlets.stream().filter(Outlet::agency).toList();
        int turn = 0;
        for (int k = 0; k < stories.size(); k++) {
            Story story = stories.get(k);
            int perStoryDay = Math.max(least, keyMix ? (int) (articles * shares[k] / days)
                    : articles / (days * stories.size()));
            Case[] byDay = new Case[days];
            Outlet[] subjects = new Outlet[days];
            Outlet[] agencyOf = new Outlet[days];
            for (int day = 0; day < days; day++) {
                // Injected days are odd: the day before is a plain one, which stale and regression cases build on.
                Case c = day % 2 == 1 ? rotation[turn++ % rotation.length] : Case.NONE;
                if (c == Case.LATE && day + 3 > days) {
                    c = Case.CONFLICT_SMALL; // a late article needs two more days of stream to be late
                }
                byDay[day] = c;
                subjects[day] = independent.get(random.nextInt(independent.size()));
                agencyOf[day] = agencies.get(random.nextInt(agencies.size()));
                cases.put(Truth.window(story.key(), dayStart(day)), c);
            }
            for (int day = 0; day < days; day++) {
                Case next = day + 1 < days ? byDay[day + 1] : Case.NONE;
                Outlet steady = next == Case.STALE ? subjects[day + 1]
                        : next == Case.STALE_WIRE_COPY ? agencyOf[day + 1] : null;
                planDay(story, day, perStoryDay, byDay[day], subjects[day], agencyOf[day], steady);
            }
        }
    }

    /** With {@code --keys}, each story's share of the articles: falling with its rank, as news is. */
    private static double[] shares(int n) {
        double[] shares = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            shares[k] = Math.pow(k + 1, -0.7);
            sum += shares[k];
        }
        for (int k = 0; k < n; k++) {
            shares[k] /= sum;
        }
        return shares;
    }

    /**
     * One story's day. {@code steady}, when the next day repeats a figure of this day (a stale
     * case), reports only exact figures and first before noon, so that by the next day its figure
     * is older than the staleness horizon.
     */
    private void planDay(Story story, int day, int count, Case c, Outlet subject, Outlet agency, Outlet steady) {
        long truth = truthOn(story, day);
        Instant dayStart = dayStart(day);
        Set<Outlet> quietToday = new HashSet<>();
        if (c == Case.STALE) {
            quietToday.add(subject);
        }
        if (c == Case.STALE_WIRE_COPY) {
            quietToday.add(agency);
            quietToday.add(subject);
        }
        // Honest reports: every source at least once (bar the quiet ones), the rest at random.
        List<Outlet> reporters = new ArrayList<>();
        for (Outlet o : outlets) {
            if (!quietToday.contains(o)) {
                reporters.add(o);
            }
        }
        int honest = Math.max(reporters.size(), count - 4);
        for (int i = 0; i < honest; i++) {
            Outlet o = i < reporters.size() ? reporters.get(i) : reporters.get(random.nextInt(reporters.size()));
            // Before 14:00: the injected reports come later and must be their outlet's last of the day.
            if (o == steady) {
                add(story, o, i < reporters.size() ? at(dayStart, 5, 11 * 60) : at(dayStart, 11 * 60, 14 * 60 - 5),
                        truth, 0, null, null);
            } else {
                add(story, o, at(dayStart, 5, 14 * 60 - 5), honest(truth), random.nextInt(3), null, null);
            }
        }
        switch (c) {
            case NONE -> { }
            case CONFLICT_SMALL -> {
                // 1.5% under today's figure, still above the outlet's own of yesterday: no regression.
                long low = Math.round(truth * 0.985);
                add(story, subject, at(dayStart, 14 * 60, 22 * 60), low, 0, null, null);
                expectUndercount(story, dayStart, truth, low);
            }
            case CONFLICT_LARGE -> {
                // Half the figure, from an outlet heard once: a conflict and an outlier, but no history to regress from.
                long low = Math.round(truth * 0.5);
                String lang = List.of("en", "fr", "es", "de").get(random.nextInt(4));
                Outlet oneOff = new Outlet("Occasional Courier " + (nextId + 1), lang, false);
                add(story, oneOff, at(dayStart, 14 * 60, 22 * 60), low, 0, null, null);
                expectUndercount(story, dayStart, truth, low);
            }
            case COPIED_CONFLICT -> {
                long low = Math.round(truth * 0.985);
                Planned original = add(story, subject, at(dayStart, 14 * 60, 20 * 60), low, 0, null, null);
                copyBy(original, 2, null);
                expectUndercount(story, dayStart, truth, low);
            }
            case REGRESSION -> {
                long low = Math.round(truthOn(story, day - 1) * 0.7);
                add(story, subject, at(dayStart, 14 * 60, 22 * 60), low, 0, null, null);
                expectUndercount(story, dayStart, truth, low);
                if (story.cumulative()) {
                    expected.add(new Expected(story.key(), dayStart, DiscrepancyKind.REGRESSION));
                }
            }
            case STALE -> add(story, subject, at(dayStart, 60, 12 * 60), truthOn(story, day - 1), 0, null, null);
            case WIRE_COPIES -> {
                Planned wire = add(story, agency, at(dayStart, 14 * 60, 18 * 60), truth, random.nextInt(3), null, null);
                copyBy(wire, 3, agency.name());
            }
            case NEAR_DUPLICATES -> {
                Planned original = add(story, subject, at(dayStart, 14 * 60, 18 * 60), truth, random.nextInt(3), null, null);
                copyBy(original, 2, null);
            }
            case STALE_WIRE_COPY -> {
                Planned yesterdays = planned.stream().filter(p -> p.story == story && p.outlet == agency
                        && windowStart(p.publishedAt).equals(dayStart.minus(DAY))).reduce((a, b) -> newer(a, b) ? a : b)
                        .orElseThrow();
                Planned copy = add(story, subject, at(dayStart, 60, 10 * 60), yesterdays.figure, yesterdays.qualifier,
                        agency.name(), yesterdays);
                copy.identity = agency.name();
            }
            case LATE -> {
                Planned late = add(story, subject, at(dayStart, 14 * 60, 22 * 60), Math.round(truth * 0.5), 0, null, null);
                late.late = true;
                late.arrival = late.publishedAt.plus(Duration.ofDays(2));
            }
        }
    }

    /**
     * An honest source's figure: the truth, or with {@code --keys} up to 0.4% under it. The
     * injected 1.5% undercounts stay more than the 1% tolerance below every honest figure.
     */
    private long honest(long truth) {
        return keyMix ? Math.round(truth * (1 - random.nextInt(5) / 1000.0)) : truth;
    }

    private void expectUndercount(Story story, Instant dayStart, long truth, long low) {
        expected.add(new Expected(story.key(), dayStart, DiscrepancyKind.CONFLICT));
        double outlierGap = (truth - low) / (double) Math.max(1, Math.min(truth, low));
        if (outlierGap > OUTLIER_THRESHOLD) {
            expected.add(new Expected(story.key(), dayStart, DiscrepancyKind.OUTLIER));
        }
    }

    /** {@code n} other outlets republish {@code original} after it, crediting {@code credit} or not. */
    private void copyBy(Planned original, int n, String credit) {
        List<Outlet> others = new ArrayList<>(outlets.stream().filter(o -> !o.agency() && o != original.outlet).toList());
        for (int i = 0; i < n; i++) {
            Outlet o = others.remove(random.nextInt(others.size()));
            // Ten minutes at least: more than the arrival jitter, so the original always arrives first.
            Instant t = original.publishedAt.plus(Duration.ofMinutes(10 + random.nextInt(90)));
            Planned copy = add(original.story, o, t, original.figure, original.qualifier, credit, original);
            copy.identity = original.identity;
        }
    }

    private Planned add(Story story, Outlet outlet, Instant publishedAt, long figure, int qualifier, String credit,
                        Planned copyOf) {
        Planned p = new Planned();
        p.id = "syn-" + (nextId++);
        p.outlet = outlet;
        p.story = story;
        p.publishedAt = publishedAt;
        p.arrival = publishedAt.plus(Duration.ofSeconds(random.nextInt(300)));
        p.figure = figure;
        p.qualifier = qualifier;
        p.credit = credit;
        p.copyOf = copyOf;
        p.identity = outlet.name();
        planned.add(p);
        return p;
    }

    private Instant at(Instant dayStart, int fromMinute, int toMinute) {
        return dayStart.plus(Duration.ofSeconds(fromMinute * 60L + random.nextInt((toMinute - fromMinute) * 60)));
    }

    private long truthOn(Story story, int day) {
        return Math.round(story.base() * Math.pow(1.03, day));
    }

    private Instant dayStart(int day) {
        return start.plus(DAY.multipliedBy(day));
    }

    private Instant windowStart(Instant t) {
        long days = Duration.between(start, t).toDays();
        return start.plus(DAY.multipliedBy(days));
    }

    private static boolean newer(Planned a, Planned b) {
        int byTime = a.publishedAt.compareTo(b.publishedAt);
        return byTime != 0 ? byTime > 0 : a.id.compareTo(b.id) > 0;
    }

    // --- rendering ------------------------------------------------------------------------------

    private void render() {
        planned.sort(Comparator.comparing((Planned p) -> p.publishedAt).thenComparing(p -> p.id));
        for (Planned p : planned) {
            p.body = p.copyOf != null ? copyBody(p) : originalBody(p);
        }
        List<Generated> out = new ArrayList<>();
        Map<Generated, Instant> arrivalOf = new LinkedHashMap<>();
        for (Planned p : planned) {
            Generated g = new Generated(p.id, p.outlet.name(), p.publishedAt, json(p), p.late, false);
            out.add(g);
            arrivalOf.put(g, p.arrival);
            if (random.nextInt(40) == 0) { // re-sent: soon, or days later (after its window closed)
                Generated again = new Generated(p.id, p.outlet.name(), p.publishedAt, json(p), p.late, true);
                out.add(again);
                arrivalOf.put(again, p.arrival.plus(random.nextBoolean() ? Duration.ofMinutes(30) : Duration.ofDays(3)));
            }
        }
        out.sort(Comparator.comparing(arrivalOf::get));
        arrivals.addAll(out);
    }

    private String originalBody(Planned p) {
        String lang = p.outlet.lang();
        String figure = p.story.templates()[LANG_INDEX.get(lang)][p.qualifier].replace("{N}", format(p.figure, lang));
        StringBuilder body = new StringBuilder();
        if (p.outlet.agency()) {
            body.append(filler.dateline(lang)).append(" (").append(p.outlet.name()).append(") - ");
        }
        body.append(figure);
        while (body.length() < bodyChars) {
            body.append(' ').append(filler.sentence(lang));
        }
        return body.toString();
    }

    /** A republished article: the original with a new opening and closing line, credited when the copy says so. */
    private String copyBody(Planned p) {
        String original = p.copyOf.body != null ? p.copyOf.body : originalBody(p.copyOf);
        String lang = p.copyOf.outlet.lang();
        String body = original;
        if (p.credit != null && !original.contains("(" + p.credit + ")")) {
            body = filler.dateline(lang) + " (" + p.credit + ") - " + body;
        }
        return filler.sentence(lang) + " " + body + " " + filler.sentence(lang);
    }

    private String json(Planned p) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", p.id);
        a.put("source", p.outlet.name());
        a.put("lang", p.copyOf != null ? p.copyOf.outlet.lang() : p.outlet.lang());
        a.put("published_at", p.publishedAt.toString());
        a.put("title", "Synthetic report " + p.id);
        a.put("body", p.body);
        return Json.write(a);
    }

    static String format(long n, String lang) {
        return switch (lang) {
            case "en" -> String.format(Locale.ROOT, "%,d", n);
            case "ar" -> Long.toString(n);
            case "fr" -> String.format(Locale.ROOT, "%,d", n).replace(',', '\u00A0');
            default -> String.format(Locale.ROOT, "%,d", n).replace(',', '.');
        };
    }

    /** Counts of the injected cases, for reports. */
    public Map<Case, Integer> caseCounts() {
        Map<Case, Integer> counts = new EnumMap<>(Case.class);
        cases.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }
}
