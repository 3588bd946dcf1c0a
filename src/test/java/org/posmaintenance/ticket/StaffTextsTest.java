package org.posmaintenance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The staff texts exist in both languages (same keys, same placeholders), and every field of every form has a name in
 * both, so that a refusal names a field in words whatever the form.
 */
class StaffTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties english = load("staff/texts.properties");
        Properties chinese = load("staff/texts_zh.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(chinese.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void everyFormFieldHasANameInBothLanguages() throws IOException {
        Set<String> fields = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
                collectKeys(json.readTree(form.toFile()).path("components"), fields);
            }
        }
        assertThat(fields).isNotEmpty();
        for (String field : fields) {
            assertThat(StaffTexts.field(Locale.ENGLISH, field)).as(field).isNotEqualTo(field);
            assertThat(StaffTexts.field(StaffTexts.CHINESE, field)).as(field).matches(".*[\\u4e00-\\u9fff].*");
        }
    }

    @Test
    void aRefusalReadsAsWordsInEitherLanguage() {
        InvalidTicketInputException refusal = new InvalidTicketInputException("visitAppointment", "outsideServiceHours", "08:00",
                "18:00", new StaffTexts.Word("timeZone"));
        assertThat(refusal.getMessage()).isEqualTo("Field 'visitAppointment': must be inside service hours (workdays 08:00-18:00, Beijing time)");
        assertThat(refusal.message(Locale.ENGLISH)).isEqualTo("Appointment: must be inside service hours (workdays 08:00-18:00, Beijing time)");
        assertThat(refusal.message(StaffTexts.CHINESE)).isEqualTo("预约上门时间：必须在服务时间内（工作日 08:00–18:00，北京时间）");
        assertThat(new InvalidTicketInputException("replacementSerial", "replacementTaken", "PAX-1").message(Locale.ENGLISH))
                .isEqualTo("Serial of the replacement terminal: terminal 'PAX-1' is already a merchant's");
        assertThat(StaffTexts.ofAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(StaffTexts.CHINESE);
        assertThat(StaffTexts.ofAcceptLanguage("en-GB,zh;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(StaffTexts.ofAcceptLanguage("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(StaffTexts.ofAcceptLanguage("not a language;;")).isEqualTo(Locale.ENGLISH);
    }

    private static void collectKeys(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("type").asText().equals("text")) {
                fields.add(component.path("key").asText().split("\\.")[0]);
            }
            collectKeys(component.path("components"), fields);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StaffTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
