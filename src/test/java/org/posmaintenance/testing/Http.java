package org.posmaintenance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small JSON client for the REST APIs (merchant API, engine REST API) of an application started as a
 * separate process ({@link ApplicationProcess}), called as the demo users: HTTP Basic credentials
 * {@code <id>:<id>-demo}, {@code admin:admin} for the administrator; a null user sends none.
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Duration requestTimeout;

    /** A client whose requests may take up to a minute. */
    public Http() {
        this(Duration.ofSeconds(60));
    }

    public Http(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** An answer: status and JSON body (missing when the body is empty or no JSON). */
    public record Response(int status, JsonNode body, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The status, a space and the start of the body: the cluster tests match answers on {@code "<node> 201 ..."}. */
        @Override
        public String toString() {
            return status + " " + (text.length() > 800 ? text.substring(0, 800) + "..." : text);
        }
    }

    /** GET, with optional header name/value pairs. */
    public Response get(String url, String user, String... headers) throws IOException {
        HttpRequest.Builder builder = request(url, user).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** POST of a JSON body (a Java value written as JSON, a String as it is), with optional header name/value pairs. */
    public Response post(String url, String user, Object body, String... headers) throws IOException {
        HttpRequest.Builder builder = request(url, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** A multipart/form-data POST with text fields and one file, as the engine's deployment API takes it. */
    public Response postFile(String url, String user, Map<String, String> fields, String fileName, String content)
            throws IOException {
        String boundary = "----pos-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"data\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/xml\r\n\r\n")
                .append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send(request(url, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String url, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                // forms are served as application/json or as octet stream, depending on the resource
                .header("Accept", "application/json, */*;q=0.5");
        if (user != null) {
            String credentials = user + ":" + ("admin".equals(user) ? "admin" : user + "-demo");
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (JsonProcessingException notJson) {
                body = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A value as JSON; a String is taken to be JSON already. */
    public static String json(Object value) {
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
