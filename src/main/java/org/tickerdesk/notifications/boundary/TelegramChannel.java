package org.tickerdesk.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.notifications.control.DeliveryException;
import org.tickerdesk.notifications.control.NotificationChannel;
import org.tickerdesk.notifications.entity.Message;

/**
 * Sends each notification to a Telegram chat through the Bot API's {@code sendMessage}: {@code POST
 * {base}/bot{token}/sendMessage} with {@code chat_id}, {@code text} and {@code
 * disable_notification} for a silent one. Configured by {@code TICKERDESK_TELEGRAM_TOKEN} and
 * {@code TICKERDESK_TELEGRAM_CHAT_ID}; the base URL ({@code TICKERDESK_TELEGRAM_BASE_URL}) is
 * Telegram's unless a test or a proxy says otherwise. The token is never shown or logged.
 */
@ApplicationScoped
public class TelegramChannel implements NotificationChannel {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperty(name = "tickerdesk.telegram.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "tickerdesk.telegram.chat-id")
    Optional<String> chatId;

    @Inject
    @ConfigProperty(
            name = "tickerdesk.telegram.base-url",
            defaultValue = "https://api.telegram.org")
    String baseUrl;

    private HttpClient http;

    @PostConstruct
    void start() {
        http =
                HttpClient.newBuilder()
                        .connectTimeout(WebhookChannel.CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    @Override
    public String name() {
        return TELEGRAM;
    }

    @Override
    public boolean configured() {
        return token.filter(t -> !t.isBlank()).isPresent()
                && chatId.filter(c -> !c.isBlank()).isPresent();
    }

    @Override
    public String target() {
        if (!configured()) {
            return "not configured: set TICKERDESK_TELEGRAM_TOKEN and TICKERDESK_TELEGRAM_CHAT_ID";
        }
        return "chat " + chatId.get().strip() + " through " + base();
    }

    @Override
    public void deliver(Message message) throws DeliveryException {
        String body =
                JSON.createObjectBuilder()
                        .add("chat_id", chatId.orElseThrow().strip())
                        .add("text", text(message))
                        .add("disable_notification", message.silent())
                        .build()
                        .toString();
        HttpRequest request;
        try {
            request =
                    HttpRequest.newBuilder(
                                    URI.create(
                                            base()
                                                    + "/bot"
                                                    + token.orElseThrow().strip()
                                                    + "/sendMessage"))
                            .timeout(WebhookChannel.REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("The Telegram base URL is not a URL: " + base());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the exception's text may carry the URL, which carries the token
            throw new DeliveryException(
                    "Telegram could not be reached at " + base() + ": " + e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while Telegram was called");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException(
                    "Telegram answered "
                            + response.statusCode()
                            + HttpAnswers.excerpt(response.body()));
        }
    }

    /** The title on its own line above the text. */
    static String text(Message message) {
        return message.title() + "\n" + message.text();
    }

    private String base() {
        String base = baseUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
