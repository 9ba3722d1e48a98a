package io.crosscount.generate;

import io.crosscount.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic multi-source article streams for benchmarks and tests: outlets in French and
 * English report cumulative tolls that grow day by day, with the qualifiers and number formats
 * of real wording, wrapped in filler paragraphs to realistic lengths. Seeded, so a run is
 * reproducible. Ground-truth injection (conflicts, regressions, syndication) is the
 * [reconcile] issue's next step.
 */
public final class ArticleGenerator {

    private record Outlet(String name, String lang) {}

    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("Levant Wire", "en"), new Outlet("Northern Ledger", "en"), new Outlet("Harbor Dispatch", "en"),
            new Outlet("Le Courrier du Matin", "fr"), new Outlet("Radio Méridien", "fr"), new Outlet("La Gazette du Sud", "fr"));

    private static final String[] FILLER_EN = {
        "Aid agencies warned that fuel shortages were forcing hospitals to ration electricity.",
        "Diplomats in Cairo and Doha continued talks on a possible truce, officials said.",
        "Residents described long queues for bread and water in the southern districts.",
        "The United Nations said access for humanitarian convoys remained severely restricted.",
    };
    private static final String[] FILLER_FR = {
        "Les agences humanitaires ont averti que le manque de carburant contraignait les hôpitaux à rationner l'électricité.",
        "Des diplomates au Caire et à Doha ont poursuivi les discussions sur une éventuelle trêve.",
        "Les habitants décrivent de longues files d'attente pour le pain et l'eau dans le sud.",
        "L'ONU indique que l'accès des convois humanitaires reste très limité.",
    };

    private final SplittableRandom random;
    private final Instant start;
    private final int targetChars;

    public ArticleGenerator(long seed, Instant start, int targetChars) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.targetChars = targetChars;
    }

    /** The {@code i}-th of {@code total} articles, spread evenly over {@code days} days, as JSON. */
    public String article(int i, int total, int days) {
        Outlet outlet = OUTLETS.get(i % OUTLETS.size());
        long offsetMillis = (long) ((double) i / total * Duration.ofDays(days).toMillis());
        Instant publishedAt = start.plusMillis(offsetMillis);
        double dayFraction = (double) offsetMillis / Duration.ofDays(1).toMillis();
        long toll = 20000 + Math.round(dayFraction * 150) + random.nextInt(60);
        long wounded = toll * 2 + random.nextInt(400);
        StringBuilder body = new StringBuilder();
        body.append(outlet.lang().equals("fr") ? figureFr(toll, wounded) : figureEn(toll, wounded));
        String[] filler = outlet.lang().equals("fr") ? FILLER_FR : FILLER_EN;
        while (body.length() < targetChars) {
            body.append("\n\n").append(filler[random.nextInt(filler.length)]);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "gen-" + i);
        a.put("source", outlet.name());
        a.put("lang", outlet.lang());
        a.put("published_at", publishedAt.toString());
        a.put("title", outlet.lang().equals("fr") ? "Bilan à Gaza" : "Gaza toll");
        a.put("body", body.toString());
        return Json.write(a);
    }

    private String figureEn(long toll, long wounded) {
        String number = String.format(Locale.ROOT, "%,d", toll);
        return switch (random.nextInt(3)) {
            case 0 -> "The Gaza Health Ministry said " + number + " Palestinians have been killed in Gaza.";
            case 1 -> "At least " + number + " Palestinians have been killed in Gaza, the ministry said, and more than "
                    + String.format(Locale.ROOT, "%,d", wounded) + " people have been wounded.";
            default -> "Israeli strikes have killed about " + number + " Palestinians in Gaza, according to officials.";
        };
    }

    private String figureFr(long toll, long wounded) {
        String number = String.format(Locale.FRANCE, "%,d", toll).replace('\u202F', '\u00A0');
        return switch (random.nextInt(3)) {
            case 0 -> "Selon le ministère de la Santé de Gaza, " + number + " Palestiniens ont été tués à Gaza.";
            case 1 -> "Plus de " + number + " Palestiniens ont été tués dans la bande de Gaza et au moins "
                    + String.format(Locale.FRANCE, "%,d", wounded).replace('\u202F', '\u00A0') + " personnes ont été blessées.";
            default -> "Environ " + number + " Palestiniens auraient été tués à Gaza, selon des sources médicales.";
        };
    }

    /** {@code scripts/generate-articles COUNT [DAYS] [SEED]}: writes Article JSONL to stdout. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: scripts/generate-articles COUNT [DAYS=7] [SEED=1]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        ArticleGenerator generator = new ArticleGenerator(seed, Instant.parse("2024-01-20T00:00:00Z"), 4000);
        StringBuilder out = new StringBuilder(1 << 20);
        for (int i = 0; i < count; i++) {
            out.append(generator.article(i, count, days)).append('\n');
            if (out.length() > (1 << 20)) {
                System.out.print(out);
                out.setLength(0);
            }
        }
        System.out.print(out);
        System.out.flush();
    }
}
