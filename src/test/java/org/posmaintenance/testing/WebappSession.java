package org.posmaintenance.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with one of Camunda's web applications, as its pages make requests: logged in through the
 * application's login ({@code /camunda/api/admin/auth/user/default/login/<app>}), with the session cookie and the
 * CSRF token ({@code X-XSRF-TOKEN}) on every change.
 */
public final class WebappSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private String language;

    private WebappSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends {@code Accept-Language: languages} from now on, as a browser set to that language does. */
    public WebappSession speaking(String languages) {
        this.language = languages;
        return this;
    }

    /** Logs {@code user} into the web application {@code app} (tasklist, cockpit, admin) of the application at {@code baseUrl}. */
    public static WebappSession logIn(String baseUrl, String app, String user, String password) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(baseUrl);
        session.get("/camunda/api/admin/auth/user/default");   // a first request hands out the CSRF token
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.client.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login of " + user + " into " + app + " answered " + login.statusCode() + ": " + login.body());
        }
        session.get("/camunda/api/admin/auth/user/default");   // the login made a new session: a new token
        return session;
    }

    /** A request with a JSON body (or none), accepting {@code accept}. */
    public HttpResponse<String> send(String method, String path, String jsonBody, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).header("X-XSRF-TOKEN", token())
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void get(String path) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
