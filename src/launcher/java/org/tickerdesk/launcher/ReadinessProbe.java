package org.tickerdesk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the running application whether it is ready. Payara Micro calls itself booted even when
 * the deployment failed, and its health endpoint then answers UP with no checks at all: only
 * the application's own checks (the database among them) say that it is usable.
 */
public final class ReadinessProbe {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI readiness;

    public ReadinessProbe(int port) {
        this.readiness = URI.create("http://localhost:" + port + "/health/ready");
    }

    /** Waits until ready; the last answer is in the failure when time runs out. */
    public void awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!response.body().contains("\"database\"")) {
                    throw new StartupFailure("The Tickerdesk application is not running (its readiness checks are"
                            + " missing); the deployment failed, and the server log above says why.");
                }
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("Interrupted while waiting for Tickerdesk to become ready");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("Interrupted while waiting for Tickerdesk to become ready");
            }
        }
        throw new StartupFailure("Tickerdesk did not become ready within " + patience.toSeconds() + " s; "
                + readiness + " answered: " + last);
    }
}
