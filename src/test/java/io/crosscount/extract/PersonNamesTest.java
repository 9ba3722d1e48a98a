package io.crosscount.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Person names to their English form: Arabic script, East Slavic names written the German/French/Spanish way, middle names. */
class PersonNamesTest {
    private static final PersonNames NAMES = PersonNames.get();

    private static String english(String lang, String name, String state) {
        String[] words = name.split(" ");
        return String.join(" ", NAMES.english(words, lang, state));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "أحمد يوسف|Ahmed Youssef",
        "سامر حداد|Samer Haddad",
        "عبد الرحمن التميمي|Abdel Rahman al-Tamimi",
        "عبدالعزيز الشمري|Abdel Aziz al-Shammari",
        "عبد الله الخطيب|Abdullah al-Khatib",
        "هدى أبو زيد|Huda Abu Zaid",
        "فاطمة بنت خالد|Fatima bint Khaled",
        "صلاح الدين المصري|Salah al-Din al-Masri",
        "فولوديمير كوفالينكو|Volodymyr Kovalenko",   // East Slavic: by its given name
        "إيرينا تكاتشوك|Iryna Tkachuk",
        "أولكسندر موروزوف|Oleksandr Morozov",
    })
    void arabicNamesTakeTheirConventionalSpelling(String arabic, String english) {
        assertThat(english("ar", arabic, null)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "سمرة|Samra",     // a cluster never starts a word; the feminine ending
        "جابر|Jaber",     // the last syllable after a long vowel
        "قمر|Qamar",      // three bare consonants
        "زيات|Zayat",     // ya before alif is a consonant
        "نوال|Nawal",     // so is waw
        "منصور|Mansour",  // waw after a consonant is a long vowel
        "رائد|Raed",      // the hamza, as written, tells it from a ya
        "فايز|Fayez",
        "ضيف|Deif",       // C-ya-C: a diphthong
        "درويش|Darwish",  // waw before ya is a consonant
        "حسنة|Hasna",
    })
    void unknownWordsGetTheLikelyVowels(String arabic, String latin) {
        assertThat(PersonNames.transliterate(arabic)).isEqualToIgnoringCase(latin);
    }

    @Test
    void aRegionsConventionWinsInItsArticles() {
        assertThat(english("ar", "محمد صبري", null)).isEqualTo("Mohammed Sabri");
        assertThat(english("ar", "محمد صبري", "egypt")).isEqualTo("Mohamed Sabri");
        assertThat(english("ar", "خالد بن سليمان", "tunisia")).isEqualTo("Khaled Ben Suleiman");
        assertThat(english("ar", "خالد بن سليمان", "saudi_arabia")).isEqualTo("Khaled bin Suleiman");
        assertThat(english("ar", "نبيل عبد الله", "lebanon")).isEqualTo("Nabil Abdallah");
        assertThat(english("ar", "نبيل عبد الله", null)).isEqualTo("Nabil Abdullah");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Mohammed Osman Karrar|sudan|Mohamed Osman Karrar",
        "fr|Mohamed Nasser Haddad|jordan|Mohammed Nasser Haddad",
        "de|Chalid Mansur||Khaled Mansur",
        "es|Jalid Saleh||Khaled Saleh",
        "fr|Abd el-Kader Benali|algeria|Abdel Kader Benali",
        "de|Abd al-Karim Said||Abdel Karim Said",
        "de|Salim Al-Nur||Salim al-Nour",  // the article, then a word of the table
        "fr|Hassan el-Nour||Hassan al-Nour",
        "en|Mohamed Osman Karrar|jordan|Mohamed Osman Karrar",  // English text: as written
        "es|Ismael Gutiérrez||Ismael Gutiérrez",
    })
    void arabicNamesInLatinLettersTakeTheEnglishSpelling(String lang, String written, String state, String english) {
        assertThat(english(lang, written, state)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Wolodymyr Kowaltschuk|Volodymyr Kovalchuk",
        "de|Serhij Hontscharenko|Serhiy Honcharenko",
        "de|Julija Wassylenko|Yuliya Vasylenko",
        "de|Michail Jakowlew|Mikhail Yakovlev",
        "fr|Oleksandr Tkatchenko|Oleksandr Tkachenko",
        "de|Iryna Wereschtschuk|Iryna Vereshchuk",
        "fr|Sergueï Choïgou|Sergei Shoigu",
        "fr|Andriï Chevtchouk|Andriy Shevchuk",
        "es|Mijaíl Petrenko|Mikhail Petrenko",
    })
    void eastSlavicNamesTakeTheEnglishSpelling(String lang, String written, String english) {
        assertThat(english(lang, written, null)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Jan Kowalski",            // Polish: its own Latin spelling
        "de|Michael Schwarz",         // German, not Slavic
        "de|Heinrich Wolkow",         // -ow alone is no sign (German names end so too)
        "es|Iván Jiménez",
        "fr|Charles Chevalier",
        "en|Mychajlo Sawtschuk",      // English text: no rules
    })
    void otherNamesAreLeftAsWritten(String lang, String written) {
        assertThat(english(lang, written, null)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "de|Klaus Peter Hoffmann|Klaus Hoffmann",
        "en|John Michael Harris|John Harris",
        "fr|Jean Michel Laborde|Jean Laborde",
        "es|José Luis Rincón Aguilar|José Luis Rincón Aguilar",  // Spanish: further names are surnames
        "de|Rodrigo Salas del Valle|Rodrigo Salas del Valle",     // a particle is no given name
        "en|Youssef Kamal Haddad|Youssef Kamal Haddad",           // a patronymic chain stays whole
        "en|Mary Ann|Mary Ann",
    })
    void middleGivenNamesAreLeftOutOnlyWhereSafe(String lang, String written, String expected) {
        assertThat(english(lang, written, null)).isEqualTo(expected);
    }
}
