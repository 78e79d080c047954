package org.tickerdesk.cluster.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tickerdesk.it.ClusterOfTwo.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.history.control.SimulatedHistory;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The cluster's work survives its leader: two members on one PostgreSQL, a collection of three
 * instruments asked for on the follower and run by the leader. A leader frozen (SIGSTOP) in the
 * middle of it, and later one killed (SIGKILL), is replaced; the new leader restarts the collection
 * from its checkpoints and it completes with exactly the simulated source's bars of its range, each
 * once, none missing, although the frozen one wakes up 20 s later still running its old execution.
 * Throughout, every scheduled run of every task is keyed by its slot, and no slot ran twice on the
 * two members.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterWorkIT {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");
    private static final long SEED = 5151;

    private static ClusterOfTwo cluster;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        cluster =
                ClusterOfTwo.withALeader(
                        "work", Map.of("TICKERDESK_SIM_SEED", Long.toString(SEED)));
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(0)
    void aScheduleChangedOnTheMemberThatDoesNotLeadIsTheLeadersAtOnce() {
        TickerdeskProcess leader = cluster.leaders().get(0);
        TickerdeskProcess follower = cluster.otherThan(leader);
        int before = task(leader, "resolution").getInt("runs");
        try {
            assertEquals(200, interval(follower, "resolution", 1).statusCode());
            await(
                    () -> task(leader, "resolution").getInt("runs") >= before + 2,
                    Duration.ofSeconds(20),
                    "two runs of resolution on the leader, every second now");
        } finally {
            int usual = task(follower, "resolution").getInt("defaultIntervalSeconds");
            assertEquals(200, interval(follower, "resolution", usual).statusCode());
        }
    }

    private static JsonObject task(TickerdeskProcess member, String name) {
        return Http.json(Http.getAsAdmin(member.baseUrl() + "/api/v1/tasks/" + name))
                .asJsonObject();
    }

    private static HttpResponse<String> interval(
            TickerdeskProcess member, String task, int seconds) {
        return Http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        member.baseUrl() + "/api/v1/tasks/" + task + "/interval"))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"intervalSeconds\":" + seconds + "}")));
    }

    @Test
    @Order(1)
    void aCollectionOfAFrozenLeaderCompletesOnTheNewOneWithEveryBarOnce() throws Exception {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-03-01T00:00:00Z");
        TickerdeskProcess frozen = cluster.leaders().get(0);
        TickerdeskProcess other = cluster.otherThan(frozen);
        String url = collect(other, from, to);
        await(() -> runBy(id(url)) != null, Duration.ofSeconds(10), "the leader launches it");
        assertEquals(uuid(frozen), runBy(id(url)), "the leader runs what the follower was asked");
        awaitMidway(url);

        long stopped = System.nanoTime();
        ClusterOfTwo.signal("STOP", frozen);
        try {
            await(
                    () -> ClusterOfTwo.leading(other),
                    Duration.ofSeconds(30),
                    "the other member leads");
            System.out.printf("frozen leader replaced after %d ms%n", millisSince(stopped));
            await(
                    () -> uuid(other).equals(runBy(id(url))),
                    Duration.ofSeconds(30),
                    "the new leader restarts the collection");
            System.out.printf(
                    "collection restarted on the new leader %d ms after the freeze%n",
                    millisSince(stopped));
            sleepUntil(stopped + Duration.ofSeconds(20).toNanos());
        } finally {
            ClusterOfTwo.signal("CONT", frozen);
        }
        await(
                () -> !ClusterOfTwo.leading(frozen),
                Duration.ofSeconds(30),
                "the woken member steps down");

        JsonObject done = awaitStatus(other, url, "COMPLETED", Duration.ofSeconds(180));
        assertEquals(2, done.getJsonArray("executions").size(), done.toString());
        assertEquals(done.getInt("windowsTotal"), done.getInt("windowsDone"), done.toString());
        assertEveryBarOnce(other, from, to);
        sleep(3_000);
        assertNoSlotRanTwice();
    }

    @Test
    @Order(2)
    void aCollectionOfAKilledLeaderCompletesOnTheSurvivorWithEveryBarOnce() throws Exception {
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant to = Instant.parse("2024-05-01T00:00:00Z");
        TickerdeskProcess killed = cluster.leaders().get(0);
        TickerdeskProcess survivor = cluster.otherThan(killed);
        String url = collect(survivor, from, to);
        await(
                () -> uuid(killed).equals(runBy(id(url))),
                Duration.ofSeconds(10),
                "the leader launches it");
        awaitMidway(url);

        Instant killedAt = Instant.now();
        long kill = System.nanoTime();
        killed.kill();
        await(() -> ClusterOfTwo.leading(survivor), Duration.ofSeconds(10), "the survivor leads");
        System.out.printf("killed leader replaced after %d ms%n", millisSince(kill));
        await(
                () -> uuid(survivor).equals(runBy(id(url))),
                Duration.ofSeconds(10),
                "the survivor restarts the collection");
        System.out.printf(
                "collection restarted on the survivor %d ms after the kill%n", millisSince(kill));

        JsonObject done = awaitStatus(survivor, url, "COMPLETED", Duration.ofSeconds(180));
        assertEquals(2, done.getJsonArray("executions").size(), done.toString());
        assertEquals(done.getInt("windowsTotal"), done.getInt("windowsDone"), done.toString());
        assertEveryBarOnce(survivor, from, to);
        await(
                () -> ranOnSince(uuid(survivor), "exit-sweep", killedAt),
                Duration.ofSeconds(30),
                "the survivor resumes the exit sweep");
        assertNoSlotRanTwice();
    }

    /** Asks the member for the collection; its URL. */
    private static String collect(TickerdeskProcess member, Instant from, Instant to) {
        HttpResponse<String> started =
                Http.postAsAdmin(
                        member.baseUrl() + "/api/v1/jobs",
                        "{\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"MSFT\",\"NVDA\"],"
                                + "\"barSize\":\"1m\",\"from\":\""
                                + from
                                + "\",\"to\":\""
                                + to
                                + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        long id = ((JsonObject) Http.json(started)).getJsonNumber("id").longValue();
        return member.baseUrl() + "/api/v1/jobs/" + id;
    }

    private static long id(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** The stored range's 1m bars of every instrument are the simulated source's, each once. */
    private static void assertEveryBarOnce(TickerdeskProcess member, Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes();
        SimulatedHistory source = new SimulatedHistory(SEED);
        for (String symbol : SYMBOLS) {
            List<JsonObject> stored = candles(member, symbol, from, to);
            assertEquals(minutes, stored.size(), symbol + ": every minute once");
            assertEquals(
                    expected(source, symbol, from, to), stored, symbol + ": the source's bars");
            assertEquals(minutes, countedInDatabase(symbol, from, to), symbol + ": rows stored");
        }
    }

    /**
     * Every scheduled run recorded, by either member, names its slot; no slot of a task has two.
     * There were runs on both members, so the check compares the two.
     */
    private static void assertNoSlotRanTwice() throws SQLException {
        try (Connection db = database();
                PreparedStatement twice =
                        db.prepareStatement(
                                "SELECT task_name, slot, count(*), string_agg(member, ',') FROM"
                                        + " task_runs WHERE slot IS NOT NULL GROUP BY 1, 2"
                                        + " HAVING count(*) > 1");
                PreparedStatement members =
                        db.prepareStatement(
                                "SELECT count(DISTINCT member) FROM task_runs WHERE NOT manual");
                PreparedStatement unkeyed =
                        db.prepareStatement(
                                "SELECT count(*) FROM task_runs WHERE NOT manual AND slot IS"
                                        + " NULL")) {
            List<String> duplicates = new ArrayList<>();
            try (ResultSet rows = twice.executeQuery()) {
                while (rows.next()) {
                    duplicates.add(
                            rows.getString(1)
                                    + " at "
                                    + rows.getTimestamp(2).toInstant()
                                    + " ran "
                                    + rows.getLong(3)
                                    + " times, on "
                                    + rows.getString(4));
                }
            }
            assertEquals(List.of(), duplicates, "slots that ran twice");
            assertTrue(single(members) >= 2, "scheduled runs on both members");
            assertEquals(0, single(unkeyed), "scheduled runs without a slot");
        }
    }

    private static long countedInDatabase(String symbol, Instant from, Instant to) {
        try (Connection db = database();
                PreparedStatement count =
                        db.prepareStatement(
                                "SELECT count(*) FROM bars b JOIN instruments i ON i.id ="
                                        + " b.instrument_id WHERE i.symbol = ? AND b.bar_size ="
                                        + " '1m' AND b.what_to_show = 'TRADES' AND"
                                        + " b.start_time >= ? AND b.start_time < ?")) {
            count.setString(1, symbol);
            count.setTimestamp(2, java.sql.Timestamp.from(from));
            count.setTimestamp(3, java.sql.Timestamp.from(to));
            return single(count);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The member that runs the collection, as its row says; null before one launched it. */
    private static String runBy(long id) {
        try (Connection db = database();
                PreparedStatement runBy =
                        db.prepareStatement("SELECT run_by FROM collection_jobs WHERE id = ?")) {
            runBy.setLong(1, id);
            try (ResultSet row = runBy.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean ranOnSince(String member, String task, Instant since) {
        try (Connection db = database();
                PreparedStatement ran =
                        db.prepareStatement(
                                "SELECT count(*) FROM task_runs WHERE task_name = ? AND member ="
                                        + " ? AND started_at > ? AND slot IS NOT NULL")) {
            ran.setString(1, task);
            ran.setString(2, member);
            ran.setTimestamp(3, java.sql.Timestamp.from(since));
            return single(ran) > 0;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    /** The PostgreSQL both members use, as the first member's banner names it. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                cluster.first().databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
    }

    private static void awaitMidway(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.getAsAdmin(url);
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200) {
                JsonObject job = (JsonObject) Http.json(answer);
                if (job.getInt("windowsDone") > 0
                        && job.getInt("windowsDone") < job.getInt("windowsTotal") / 2) {
                    return;
                }
                if (!job.getString("status").startsWith("START")) {
                    fail("The collection ended before it could be interrupted: " + job);
                }
            }
            Thread.sleep(20);
        }
        fail("The collection never got under way; last seen: " + last);
    }

    private static JsonObject awaitStatus(
            TickerdeskProcess member, String url, String status, Duration patience)
            throws InterruptedException {
        String own = member.baseUrl() + url.substring(url.indexOf("/api/"));
        long deadline = System.nanoTime() + patience.toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = Http.getAsAdmin(own);
            if (response.statusCode() == 200) {
                job = (JsonObject) Http.json(response);
                if (job.getString("status").equals(status)) {
                    return job;
                }
            }
            Thread.sleep(250);
        }
        return fail("Not " + status + " within " + patience + ": " + job);
    }

    /** Every stored 1m candle of the range, in pages of 10,000, oldest first. */
    private static List<JsonObject> candles(
            TickerdeskProcess member, String symbol, Instant fromAt, Instant to) {
        List<JsonObject> all = new ArrayList<>();
        long from = fromAt.toEpochMilli();
        while (true) {
            JsonObject page =
                    (JsonObject)
                            Http.json(
                                    Http.get(
                                            member.baseUrl()
                                                    + "/api/v1/candles/"
                                                    + symbol
                                                    + "?interval=1m&from="
                                                    + from
                                                    + "&to="
                                                    + to.toEpochMilli()
                                                    + "&limit=10000"));
            JsonArray candles = page.getJsonArray("candles");
            candles.forEach(c -> all.add(normalised((JsonObject) c)));
            if (candles.size() < 10_000) {
                return all;
            }
            from = candles.getJsonObject(candles.size() - 1).getJsonNumber("t").longValue() + 1;
        }
    }

    /** What an uninterrupted run stores: the source's bars of the whole range. */
    private static List<JsonObject> expected(
            SimulatedHistory source, String symbol, Instant fromAt, Instant until) {
        List<JsonObject> bars = new ArrayList<>();
        Contract contract = Contract.stock(symbol, "SMART");
        Instant from = fromAt;
        while (from.isBefore(until)) {
            Instant to =
                    from.plus(Duration.ofDays(5)).isBefore(until)
                            ? from.plus(Duration.ofDays(5))
                            : until;
            for (Bar bar :
                    source.bars(
                                    new HistoryWindow(
                                            contract,
                                            BarSize.MIN_1,
                                            from,
                                            to,
                                            WhatToShow.TRADES,
                                            false,
                                            null),
                                    Duration.ofSeconds(10))
                            .bars()) {
                bars.add(
                        Json.createObjectBuilder()
                                .add("t", bar.start().toEpochMilli())
                                .add("o", plain(bar.open()))
                                .add("h", plain(bar.high()))
                                .add("l", plain(bar.low()))
                                .add("c", plain(bar.close()))
                                .add("v", bar.volume() == null ? "" : plain(bar.volume()))
                                .build());
            }
            from = to;
        }
        return bars;
    }

    /** Numbers compared by value, whatever scale the store and the JSON writer give them. */
    private static JsonObject normalised(JsonObject candle) {
        return Json.createObjectBuilder()
                .add("t", candle.getJsonNumber("t").longValue())
                .add("o", plain(candle.getJsonNumber("o").bigDecimalValue()))
                .add("h", plain(candle.getJsonNumber("h").bigDecimalValue()))
                .add("l", plain(candle.getJsonNumber("l").bigDecimalValue()))
                .add("c", plain(candle.getJsonNumber("c").bigDecimalValue()))
                .add(
                        "v",
                        candle.get("v") == null || candle.get("v") == JsonValue.NULL
                                ? ""
                                : plain(candle.getJsonNumber("v").bigDecimalValue()))
                .build();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The member's own grid UUID, as its {@code GET /api/v1/cluster} says. */
    private static String uuid(TickerdeskProcess member) {
        JsonObject view = ClusterOfTwo.view(member);
        if (view == null) {
            throw new AssertionError(member.serverLog() + " does not answer");
        }
        for (JsonValue entry : view.getJsonArray("members")) {
            JsonObject m = (JsonObject) entry;
            if (m.getBoolean("local", false)) {
                return m.getString("uuid");
            }
        }
        throw new AssertionError("No member of " + view + " is the member itself");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The freeze lasts as long as the scenario says, not until some condition. */
    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            sleep(left / 1_000_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
