package io.crosscount.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Background sentences for synthetic articles: no figures, and varied enough that two outlets'
 * articles share almost no run of five words (so that only real copies look syndicated). Each
 * template has a slot every two or three words, filled from small word lists.
 */
final class FillerText {
    private static final Map<String, String[]> TEMPLATES = Map.of(
            "en", new String[] {
                "{who} {said} that {what} remained {state} in {where}.",
                "In {where}, {who} {said} {what} was {state} again.",
                "{what} in {where} was {state}, {who} {said}.",
            },
            "fr", new String[] {
                "{who} {said} que {what} restait {state} à {where}.",
                "À {where}, {who} {said} que {what} était {state}.",
                "{what} à {where} était {state}, selon {who}.",
            },
            "es", new String[] {
                "{who} {said} que {what} seguía {state} en {where}.",
                "En {where}, {who} {said} que {what} estaba {state}.",
                "{what} en {where} estaba {state}, según {who}.",
            },
            "de", new String[] {
                "{who} {said}, {what} sei in {where} weiterhin {state}.",
                "In {where} {said} {who}, {what} sei {state}.",
                "{what} in {where} war {state}, {said} {who}.",
            },
            "ar", new String[] {
                "{said} {who} إن {what} لا يزال {state} في {where}.",
                "في {where}، {said} {who} إن {what} كان {state} مجددا.",
                "{what} في {where} كان {state}، بحسب {who}.",
            });

    private static final Map<String, Map<String, String[]>> WORDS = Map.of(
            "en", Map.of(
                    "who", new String[] {"aid workers", "a local doctor", "the mayor", "residents", "a teacher",
                        "engineers", "a shopkeeper", "volunteers", "a nurse", "drivers", "farmers", "a pharmacist"},
                    "said", new String[] {"said", "reported", "noted", "complained", "warned", "explained", "stressed",
                        "insisted", "added", "observed"},
                    "what", new String[] {"the water supply", "the bakery", "the main road", "the power grid",
                        "the school", "the market", "the clinic", "fuel delivery", "the phone network", "the bridge",
                        "the harbour", "the old mill"},
                    "state", new String[] {"closed", "overwhelmed", "unreliable", "damaged", "crowded", "slow",
                        "unreachable", "patched up", "quiet", "expensive"},
                    "where", new String[] {"the northern quarter", "the old town", "the coastal strip", "the camp",
                        "the eastern suburbs", "the city centre", "the hills", "the port district", "the valley",
                        "the market square"}),
            "fr", Map.of(
                    "who", new String[] {"les humanitaires", "un médecin local", "le maire", "les habitants",
                        "une enseignante", "des ingénieurs", "un commerçant", "des bénévoles", "une infirmière",
                        "des chauffeurs", "des agriculteurs", "un pharmacien"},
                    "said", new String[] {"ont dit", "a raconté", "a noté", "a déploré", "a averti", "a expliqué",
                        "a souligné", "a insisté", "a ajouté", "a observé"},
                    "what", new String[] {"l'eau courante", "la boulangerie", "la route principale", "le réseau électrique",
                        "l'école", "le marché", "le dispensaire", "la livraison de carburant", "le réseau téléphonique",
                        "le pont", "le port", "le vieux moulin"},
                    "state", new String[] {"fermé", "débordé", "irrégulier", "endommagé", "bondé", "lent",
                        "inaccessible", "rafistolé", "calme", "hors de prix"},
                    "where", new String[] {"quartier nord", "la vieille ville", "la bande côtière", "le camp",
                        "la banlieue est", "le centre-ville", "les collines", "quartier du port", "la vallée",
                        "la place du marché"}),
            "es", Map.of(
                    "who", new String[] {"los cooperantes", "un médico local", "el alcalde", "los vecinos",
                        "una maestra", "unos ingenieros", "un tendero", "los voluntarios", "una enfermera",
                        "los conductores", "los agricultores", "un farmacéutico"},
                    "said", new String[] {"dijo", "contó", "señaló", "lamentó", "advirtió", "explicó", "subrayó",
                        "insistió", "añadió", "observó"},
                    "what", new String[] {"el agua corriente", "la panadería", "la carretera principal", "la red eléctrica",
                        "la escuela", "el mercado", "el dispensario", "el reparto de combustible", "la red telefónica",
                        "el puente", "el puerto", "el viejo molino"},
                    "state", new String[] {"cerrado", "desbordado", "irregular", "dañado", "abarrotado", "lento",
                        "inaccesible", "remendado", "tranquilo", "carísimo"},
                    "where", new String[] {"el barrio norte", "el casco antiguo", "la franja costera", "el campamento",
                        "las afueras del este", "el centro", "las colinas", "el barrio del puerto", "el valle",
                        "la plaza del mercado"}),
            "de", Map.of(
                    "who", new String[] {"Helfer", "ein örtlicher Arzt", "der Bürgermeister", "Anwohner", "eine Lehrerin",
                        "Ingenieure", "ein Ladenbesitzer", "Freiwillige", "eine Krankenschwester", "Fahrer", "Bauern",
                        "ein Apotheker"},
                    "said", new String[] {"sagte", "berichtete", "bemerkte", "klagte", "warnte", "erklärte", "betonte",
                        "beharrte", "ergänzte", "beobachtete"},
                    "what", new String[] {"die Wasserversorgung", "die Bäckerei", "die Hauptstraße", "das Stromnetz",
                        "die Schule", "der Markt", "die Ambulanz", "die Treibstofflieferung", "das Telefonnetz",
                        "die Brücke", "der Hafen", "die alte Mühle"},
                    "state", new String[] {"geschlossen", "überlastet", "unzuverlässig", "beschädigt", "überfüllt",
                        "langsam", "unerreichbar", "notdürftig geflickt", "ruhig", "teuer"},
                    "where", new String[] {"dem Nordviertel", "der Altstadt", "dem Küstenstreifen", "dem Lager",
                        "den Ostvororten", "der Innenstadt", "den Hügeln", "dem Hafenviertel", "dem Tal",
                        "dem Marktplatz"}),
            "ar", Map.of(
                    "who", new String[] {"عمال الإغاثة", "طبيب محلي", "رئيس البلدية", "السكان", "معلمة", "مهندسون",
                        "صاحب متجر", "متطوعون", "ممرضة", "سائقون", "مزارعون", "صيدلي"},
                    "said", new String[] {"قال", "أفاد", "لاحظ", "اشتكى", "حذر", "أوضح", "أكد", "أصر", "أضاف", "ذكر"},
                    "what", new String[] {"إمدادات المياه", "المخبز", "الطريق الرئيسي", "شبكة الكهرباء", "المدرسة",
                        "السوق", "العيادة", "توصيل الوقود", "شبكة الهاتف", "الجسر", "الميناء", "الطاحونة القديمة"},
                    "state", new String[] {"مغلقا", "مكتظا", "غير منتظم", "متضررا", "مزدحما", "بطيئا", "معزولا",
                        "مرمما", "هادئا", "باهظ الثمن"},
                    "where", new String[] {"الحي الشمالي", "البلدة القديمة", "الشريط الساحلي", "المخيم",
                        "الضواحي الشرقية", "وسط المدينة", "التلال", "حي الميناء", "الوادي", "ساحة السوق"}));

    /**
     * The slots in the order their words are drawn. Not the order of {@link #WORDS}' entries:
     * {@code Map.of} iterates in an order that changes from one JVM to the next, and so would the
     * text drawn from a given seed.
     */
    private static final List<String> SLOTS = List.of("who", "said", "what", "state", "where");

    private static final String[] DATELINES = {"GAZA", "JERUSALEM", "RAMALLAH", "CAIRO", "DOHA", "AMMAN"};

    private final SplittableRandom random;

    FillerText(SplittableRandom random) {
        this.random = random;
    }

    String sentence(String lang) {
        String[] templates = TEMPLATES.get(lang);
        String s = templates[random.nextInt(templates.length)];
        Map<String, String[]> words = WORDS.get(lang);
        for (String slot : SLOTS) {
            String[] choices = words.get(slot);
            s = s.replace("{" + slot + "}", choices[random.nextInt(choices.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String dateline(String lang) {
        return DATELINES[random.nextInt(DATELINES.length)];
    }
}
