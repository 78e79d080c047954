package org.tickerdesk.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs in on the login page as a browser does (the page, its view state, the form post) and keeps
 * the session cookie, so that tests can see what that cookie does and does not open.
 */
public final class AdminSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private String cookie;
    private HttpResponse<String> lastAnswer;

    private AdminSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Tries to log in; {@link #loggedIn()} says whether it worked, {@link #page()} why not. */
    public static AdminSession logIn(String baseUrl, String user, String password) {
        AdminSession session = new AdminSession(baseUrl);
        HttpResponse<String> login = Http.get(baseUrl + "/login.xhtml");
        session.cookie =
                sessionCookie(login).orElseThrow(() -> new AssertionError(login.headers()));
        Matcher viewState = VIEW_STATE.matcher(login.body());
        if (!viewState.find()) {
            throw new AssertionError("no view state on the login page: " + login.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        HttpResponse<String> answer =
                session.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login.xhtml"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        sessionCookie(answer).ifPresent(c -> session.cookie = c);
        session.lastAnswer = answer;
        return session;
    }

    public boolean loggedIn() {
        return lastAnswer.statusCode() == 302
                && lastAnswer.headers().firstValue("Location").orElse("").contains("/admin/");
    }

    /** What the login answered: the page with its messages when the login failed. */
    public String page() {
        return lastAnswer.body();
    }

    /** The raw {@code Set-Cookie} header the login answered with. */
    public String setCookieHeader() {
        return lastAnswer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
    }

    /** The {@code Cookie} header value that carries the session, as the browser sends it. */
    public String cookie() {
        return cookie;
    }

    /** Sends the request with the session cookie and nothing else. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.header("Cookie", cookie));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
