package org.tickerdesk.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.notifications.control.DeliveryException;
import org.tickerdesk.notifications.control.MessageJson;
import org.tickerdesk.notifications.control.NotificationChannel;
import org.tickerdesk.notifications.control.WebhookSignature;
import org.tickerdesk.notifications.entity.Message;

/**
 * POSTs each notification as JSON to the configured URL ({@code TICKERDESK_WEBHOOK_URL}), signed
 * with the shared secret ({@code TICKERDESK_WEBHOOK_SECRET}) in {@code X-Tickerdesk-Signature} over
 * the {@code X-Tickerdesk-Timestamp} and the body. Any answer but a 2xx is a failure.
 */
@ApplicationScoped
public class WebhookChannel implements NotificationChannel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "tickerdesk.webhook.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "tickerdesk.webhook.secret")
    Optional<String> secret;

    @Inject Clock clock;

    private HttpClient http;

    @PostConstruct
    void start() {
        http =
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    @Override
    public String name() {
        return WEBHOOK;
    }

    @Override
    public boolean configured() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    @Override
    public String target() {
        if (!configured()) {
            return "not configured: set TICKERDESK_WEBHOOK_URL (and TICKERDESK_WEBHOOK_SECRET)";
        }
        return "POST "
                + url.get()
                + (secret.filter(s -> !s.isBlank()).isPresent() ? ", signed" : ", unsigned");
    }

    @Override
    public void deliver(Message message) throws DeliveryException {
        String body = MessageJson.of(message).toString();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder request;
        try {
            request =
                    HttpRequest.newBuilder(URI.create(url.orElseThrow().strip()))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Tickerdesk")
                            .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("The webhook URL is not a URL: " + e.getMessage());
        }
        secret.filter(s -> !s.isBlank())
                .ifPresent(
                        s ->
                                request.header(
                                        WebhookSignature.SIGNATURE_HEADER,
                                        WebhookSignature.sign(s, timestamp, body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("The webhook could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while the webhook was called", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException(
                    "The webhook answered "
                            + response.statusCode()
                            + HttpAnswers.excerpt(response.body()));
        }
    }
}
