package org.tickerdesk.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the running application whether it is ready. Payara Micro calls itself booted even when the
 * deployment failed, and its health endpoint then answers UP with no checks at all: only the
 * application's own checks (the database among them) say that it is usable. Once the application
 * runs on its database, a check that waits on the outside world (TWS not started yet) does not hold
 * the start up: the server keeps reconnecting, and the launcher says what waits.
 */
public final class ReadinessProbe {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI readiness;
    private final Path log;

    public ReadinessProbe(String host, int port, Path log) {
        this.readiness = URI.create("http://" + host + ":" + port + "/health/ready");
        this.log = log;
    }

    private static final Pattern DOWN =
            Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"");
    private static final Duration OUTSIDE_GRACE = Duration.ofSeconds(10);

    /**
     * Waits until ready, or until only checks other than the database's have stayed down for a
     * little while: their names are returned then. The last answer is in the failure when time runs
     * out.
     */
    public List<String> awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long databaseUpSince = 0;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response =
                        client.send(
                                HttpRequest.newBuilder(readiness)
                                        .timeout(Duration.ofSeconds(5))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (!response.body().contains("\"database\"")) {
                    throw new StartupException(
                            "The Tickerdesk application is not running (its readiness checks are"
                                    + " missing); the deployment failed, and "
                                    + log
                                    + " says why.");
                }
                if (response.statusCode() == 200) {
                    return List.of();
                }
                List<String> down = down(response.body());
                if (!down.isEmpty() && !down.contains("database")) {
                    databaseUpSince = databaseUpSince == 0 ? System.nanoTime() : databaseUpSince;
                    if (System.nanoTime() - databaseUpSince > OUTSIDE_GRACE.toNanos()) {
                        return down;
                    }
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(
                        "Interrupted while waiting for Tickerdesk to become ready");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(
                        "Interrupted while waiting for Tickerdesk to become ready");
            }
        }
        throw new StartupException(
                "Tickerdesk did not become ready within "
                        + patience.toSeconds()
                        + " s; "
                        + readiness
                        + " answered: "
                        + last);
    }

    static List<String> down(String health) {
        List<String> names = new ArrayList<>();
        Matcher m = DOWN.matcher(health);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
