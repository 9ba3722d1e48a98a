package io.crosscount.bench;

import io.crosscount.aggregate.ClaimEvent;
import io.crosscount.model.Claim;
import io.crosscount.model.ClaimKey;
import io.crosscount.model.Metric;
import io.crosscount.model.Qualifier;
import io.crosscount.syndication.BodyFingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The claims of one busy key in one day, as many outlets would report a war's toll: most write
 * their own article, a tenth credit a wire agency, a fifth republish one of a few wire stories
 * with small edits (a new headline, a dropped sentence, a byline), so that both ways of
 * recognising syndication are exercised. Figures cluster around one toll, some say "more than",
 * a few lag behind or overshoot, so the conflict and outlier rules have work to do. Seeded: every
 * run builds the same claims.
 */
public final class OneKeyFixtures {
    public static final Instant DAY = Instant.parse("2024-01-26T00:00:00Z");
    private static final String[] WIRES = {"AFP", "Reuters", "AP", "dpa", "ANSA"};
    private static final String[] WORDS = ("the of and to in a health ministry said on friday killed people gaza "
            + "strip since war began at least more than toll rose overnight strikes hit homes khan younis rafah "
            + "hospital officials reported civilians children women wounded buildings destroyed northern southern "
            + "city camp families fled shelter aid trucks crossing border talks ceasefire hostages released army "
            + "forces operation tanks fighting night residents told reporters agency figures cannot be verified "
            + "independently according united nations office humanitarian affairs").split(" ");

    private OneKeyFixtures() {}

    /** One claim per outlet, {@code outlets} of them, published through the day. */
    public static List<ClaimEvent> claims(int outlets) {
        Random random = new Random(42);
        int stories = Math.max(1, outlets / 50);
        List<String> wireStories = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            wireStories.add(words(random, 160));
        }
        List<ClaimEvent> claims = new ArrayList<>(outlets);
        for (int i = 0; i < outlets; i++) {
            String body;
            String wire = null;
            int kind = i % 10;
            if (kind == 3) {
                wire = WIRES[(i / 10) % WIRES.length];
                body = words(random, 140);
            } else if (kind == 5 || kind == 8) {
                body = editedCopy(random, wireStories.get(random.nextInt(stories)));
            } else {
                body = words(random, 140);
            }
            long value = 26_000 + random.nextInt(120);
            Long low = value;
            Long high = value;
            Qualifier qualifier = Qualifier.EXACT;
            int figure = random.nextInt(100);
            if (figure < 10) {
                high = null; // "more than 26000"
                qualifier = Qualifier.AT_LEAST;
                value = 26_000;
                low = value;
            } else if (figure < 12) {
                value = 25_700 - random.nextInt(3_000); // an outlet still on an older toll
                low = value;
                high = value;
            } else if (figure == 12) {
                value = 30_000 + random.nextInt(2_000); // an overshoot
                low = value;
                high = value;
            }
            Instant publishedAt = DAY.plusSeconds(60L * (i % 1_200) + i / 1_200);
            claims.add(event("outlet-" + i, "article-" + i, publishedAt, value, low, high, qualifier, wire, body));
        }
        return claims;
    }

    /** A newer article of the same outlet with the same figure: what a busy key mostly receives. */
    public static ClaimEvent update(ClaimEvent old, long sequence) {
        ClaimEvent e = event(old.source, old.articleId + "-u" + sequence, old.publishedAt.plusMillis(1 + sequence),
                old.claim.value(), old.claim.low(), old.claim.high(), old.claim.qualifier(), old.wire, null);
        e.fingerprint = old.fingerprint;
        return e;
    }

    static ClaimEvent event(String source, String articleId, Instant publishedAt, Long value, Long low, Long high,
                            Qualifier qualifier, String wire, String body) {
        ClaimEvent e = new ClaimEvent();
        String text = qualifier == Qualifier.AT_LEAST ? "more than " + value : String.valueOf(value);
        e.claim = new Claim(Metric.KILLED, "palestinians", null, "gaza", value, low, high, qualifier, false, null,
                0, text.length(), text);
        e.key = ClaimKey.of(Metric.KILLED, "palestinians", null, "gaza");
        e.source = source;
        e.articleId = articleId;
        e.publishedAt = publishedAt;
        e.wire = wire;
        e.fingerprint = body == null ? null : BodyFingerprint.of(body);
        return e;
    }

    static String words(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < count; w++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(w % 17 == 16 ? ". " : " ");
        }
        return b.toString();
    }

    /** The story with a new headline, one passage of about a tenth dropped and a byline added. */
    static String editedCopy(Random random, String story) {
        String[] w = story.split(" ");
        int cut = random.nextInt(w.length - w.length / 10);
        StringBuilder b = new StringBuilder(words(random, 8)).append(' ');
        for (int k = 0; k < w.length; k++) {
            if (k < cut || k >= cut + w.length / 10) {
                b.append(w[k]).append(' ');
            }
        }
        return b.append("reporting by ").append(words(random, 3)).toString();
    }
}
