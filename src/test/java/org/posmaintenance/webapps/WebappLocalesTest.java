package org.posmaintenance.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Chinese of Camunda's web applications is complete: every text of the English file of the Camunda version
 * in use (the webjar on the class path) has its Chinese text in the project's {@code locales/zh.json}, with the
 * same placeholders and markup, and nothing else; an upgrade of Camunda that adds texts fails here until they
 * are translated. The web application serves the file and offers Chinese.
 */
class WebappLocalesTest extends ProcessScenarioTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    /** What must come through a translation unchanged: Angular expressions, HTML markup, printf-style placeholders. */
    private static final Pattern KEPT = Pattern.compile(
            "\\{\\{.*?}}|</?(?:a|b|br|code|div|em|i|li|ol|p|small|span|strong|u|ul)\\b[^>]*>|%[sd]|\\{\\d+}");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextHasItsChineseText(String app) throws IOException {
        Map<String, String> english = flatten(read(app, "en"));
        Map<String, String> chinese = flatten(read(app, "zh"));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(chinese.keySet());
        Set<String> unknown = new TreeSet<>(chinese.keySet());
        unknown.removeAll(english.keySet());
        assertThat(missing).as("texts of %s without Chinese", app).isEmpty();
        assertThat(unknown).as("Chinese texts of %s that Camunda does not have", app).isEmpty();

        List<String> problems = new ArrayList<>();
        english.forEach((key, text) -> {
            String translated = chinese.get(key);
            // an English plural ending ("s") has no Chinese; any other text must have its translation
            if (!text.isBlank() && translated.isBlank() && !text.strip().equals("s")) {
                problems.add(key + ": empty");
            } else if (!kept(text).equals(kept(translated))) {
                problems.add(key + ": " + kept(text) + " became " + kept(translated));
            }
        });
        assertThat(problems).as("placeholders and markup of %s", app).isEmpty();
        assertThat(chinese.values().stream().filter(text -> text.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).count())
                .as("texts of %s in Chinese characters", app).isGreaterThan(english.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebApplicationServesChineseAndOffersItFirst(String app) throws IOException {
        ResponseEntity<String> file = http.getForEntity("/camunda/app/" + app + "/locales/zh.json", String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(file.getBody())).isEqualTo(read(app, "zh"));
        ResponseEntity<String> config = http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("availableLocales: ['zh', 'en', 'de']").contains("fallbackLocale: 'en'");
    }

    private JsonNode read(String app, String language) throws IOException {
        String path = LOCALES.formatted(app, language);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Every text by its path ({@code labels.KEY}, {@code dateLocales.months.0}). */
    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> texts = new TreeMap<>();
        flatten("", node, texts);
        return texts;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), texts);
            }
        } else {
            texts.put(path, node.asText());
        }
    }

    private static List<String> kept(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = KEPT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", ""));
        }
        found.sort(null);
        return found;
    }
}
