package org.posmaintenance.ticket;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the application shows staff and merchants besides the notifications: refusals of input, the names of
 * fields, and codes in words ({@code staff/texts*.properties}, English and Simplified Chinese). A reader whose
 * language is Chinese ({@code zh}, any region) gets Chinese, everybody else English.
 */
public final class StaffTexts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    /** A text of the catalogue given as an argument of another, in the same language. */
    public record Word(String key, Object... args) {
    }

    private StaffTexts() {
    }

    /** The language of a request's {@code Accept-Language}: Chinese when it prefers Chinese to English, else English. */
    public static Locale ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return best != null && isChinese(best) ? CHINESE : Locale.ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("staff/texts", isChinese(locale) ? Locale.CHINESE : Locale.ROOT, NO_FALLBACK);
    }

    /** The text of {@code key} with its arguments; a {@link Word} argument is looked up in the same language. */
    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle(locale);
        String pattern = bundle.getString(key);
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof Word word ? wordOf(locale, word) : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, locale).format(values);
    }

    private static String wordOf(Locale locale, Word word) {
        try {
            return text(locale, word.key(), word.args());
        } catch (MissingResourceException unknown) {
            return word.key().substring(word.key().lastIndexOf('.') + 1); // a code the catalogue has no words for
        }
    }

    /** A code in words ({@code severity.URGENT} -> "紧急"), the code itself when the catalogue has no words for it. */
    public static String word(Locale locale, String prefix, String code) {
        if (code == null || code.isBlank()) {
            return text(locale, "none");
        }
        try {
            return bundle(locale).getString(prefix + "." + code);
        } catch (MissingResourceException unknown) {
            return code;
        }
    }

    /** A field as people know it ({@code visitAppointment} -> "预约上门时间"); its id when the catalogue lacks it. */
    public static String field(Locale locale, String field) {
        return word(locale, "field", field);
    }
}
