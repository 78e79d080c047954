package org.tickerdesk.cluster.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.platform.control.ApiTokens;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * What only the server proves: without clustering (the shared server runs with {@code --nocluster})
 * the instance leads from start-up, sees itself through Payara's data grid, and says so on {@code
 * GET /api/v1/cluster} (behind a bearer token) and in readiness.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterContainerIT {

    private static final String TOKEN = "cluster-it-" + UUID.randomUUID();

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject Leadership leadership;

    @Inject ApiTokens tokens;

    /** The request Arquillian runs the test in: where the server listens. */
    @Inject HttpServletRequest request;

    @Test
    void aStandaloneInstanceLeadsFromStartUpAndIsTheOnlyMember() {
        assertFalse(leadership.clustered());
        assertTrue(leadership.leading());

        ClusterView view = leadership.view();
        assertEquals(1, view.members().size());
        ClusterMember self = view.members().get(0);
        assertTrue(self.local() && self.leader());
        assertEquals(self, view.leader().orElseThrow());
        assertTrue(
                self.address().startsWith("127.0.0.1:"),
                "seen through the data grid Payara binds to the loopback: " + self.address());
        assertEquals(self.uuid(), UUID.fromString(self.uuid()).toString());
        assertNotNull(view.since());
        assertFalse(view.since().isAfter(Instant.now()));
    }

    @Test
    void theClusterEndpointNeedsATokenAndNamesThisInstanceAsTheLeader() throws Exception {
        HttpResponse<String> anonymous = get(app("/api/v1/cluster"), null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(
                anonymous
                        .headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"),
                anonymous.headers().toString());

        tokens.installBootstrap(TOKEN);
        HttpResponse<String> answer = get(app("/api/v1/cluster"), TOKEN);

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject cluster = json(answer.body());
        assertFalse(cluster.getBoolean("clustered"));
        assertTrue(cluster.getBoolean("leading"));
        assertEquals(1, cluster.getJsonArray("members").size());
        JsonObject member = cluster.getJsonArray("members").getJsonObject(0);
        assertEquals(member, cluster.getJsonObject("leader"));
        assertTrue(member.getBoolean("local") && member.getBoolean("leader"));
        assertEquals(leadership.view().members().get(0).uuid(), member.getString("uuid"));
        assertEquals(leadership.view().since(), Instant.parse(cluster.getString("since")));
    }

    @Test
    void readinessIsUpAndNamesTheLeaderAndThisMember() throws Exception {
        tokens.installBootstrap(TOKEN);
        HttpResponse<String> ready = get(server("/health/ready"), TOKEN);

        JsonObject check =
                json(ready.body()).getJsonArray("checks").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(c -> c.getString("name").equals("cluster"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no cluster check: " + ready.body()));
        assertEquals("UP", check.getString("status"));
        ClusterMember self = leadership.view().members().get(0);
        String shown = self.address() + " (" + self.uuid() + ")";
        JsonObject data = check.getJsonObject("data");
        assertEquals(shown, data.getString("leader"));
        assertEquals(shown, data.getString("member"));
        assertEquals(
                "true",
                data.get("leading").toString().replace("\"", ""),
                "Payara may write a boolean's data as text: " + data);
        assertNotEquals("none yet", data.getString("leader"));
    }

    private URI app(String path) {
        return server(request.getContextPath() + path);
    }

    private URI server(String path) {
        return URI.create("http://127.0.0.1:" + request.getLocalPort() + path);
    }

    private static HttpResponse<String> get(URI uri, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (token != null) {
            get.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient()
                .send(get.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
