package org.posmaintenance.notification;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/** The texts of notifications to merchants, in English and Chinese ({@code notifications/messages*.properties}). */
@Component
public class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    public String text(String key, Locale locale, Map<String, String> values) {
        String template = ResourceBundle.getBundle("notifications/messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Notification text " + key + " needs the value " + matcher.group(1));
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
