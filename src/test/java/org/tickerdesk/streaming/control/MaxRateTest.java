package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.streaming.control.Fixtures.quote;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subscription with {@code maxRate} gets each stream at most that often, each message the latest
 * value of its period with its own offset; the clock and the timers are the test's.
 */
class MaxRateTest {

    private final Fixtures fixtures = new Fixtures();
    private final FakeClient socket = new FakeClient();
    private final ClientConnection client = fixtures.connect(socket);

    private void subscribe(String streams, String maxRate) {
        fixtures.hub.receive(
                client,
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":"
                        + streams
                        + ",\"maxRate\":"
                        + maxRate
                        + "}");
    }

    private void tick(String symbol, double last) {
        fixtures.hub.onQuote(quote(symbol, last));
    }

    private List<Double> lasts() {
        return socket.messages("quote").stream()
                .map(m -> m.getJsonObject("data").getJsonNumber("last").doubleValue())
                .toList();
    }

    private List<Integer> offsets() {
        return socket.messages("quote").stream().map(m -> m.getInt("offset")).toList();
    }

    @Test
    void atFivePerSecondTheFirstGoesAtOnceAndThenTheLatestEveryTwoHundredMilliseconds() {
        subscribe("[\"quotes:AAPL\"]", "5");

        tick("AAPL", 1);
        tick("AAPL", 2);
        tick("AAPL", 3);
        assertEquals(List.of(1.0), lasts(), "2 and 3 wait for the period to end");

        fixtures.scheduler.advance(Duration.ofMillis(199));
        assertEquals(List.of(1.0), lasts());

        fixtures.scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of(1.0, 3.0), lasts(), "the latest of the period, 2 skipped");
        assertEquals(List.of(1, 3), offsets(), "each with its own offset: 2 is a gap");
    }

    @Test
    void theLastValueOfABusyPeriodArrivesEvenWhenTheStreamFallsQuiet() {
        subscribe("[\"quotes:AAPL\"]", "2");
        tick("AAPL", 1);
        tick("AAPL", 2);

        fixtures.scheduler.advance(Duration.ofSeconds(5));

        assertEquals(List.of(1.0, 2.0), lasts());
        assertEquals(0, fixtures.scheduler.waiting());
    }

    @Test
    void aSecondOfTicksEveryTenMillisecondsDeliversFiveMessages() {
        subscribe("[\"quotes:AAPL\"]", "5");

        tick("AAPL", 1);
        for (int i = 2; i <= 100; i++) {
            fixtures.scheduler.advance(Duration.ofMillis(10));
            tick("AAPL", i);
        }

        // at 0, 200, 400, 600 and 800 ms: the ticks of 0, 190, 390, 590 and 790 ms
        assertEquals(List.of(1.0, 20.0, 40.0, 60.0, 80.0), lasts());
        fixtures.scheduler.advance(Duration.ofMillis(10));
        assertEquals(100.0, lasts().get(5), "at 1,000 ms, the tick of 990 ms");
    }

    @Test
    void aQuietStreamSendsAtOnce() {
        subscribe("[\"quotes:AAPL\"]", "5");
        tick("AAPL", 1);
        fixtures.scheduler.advance(Duration.ofSeconds(1));

        tick("AAPL", 2);

        assertEquals(List.of(1.0, 2.0), lasts());
    }

    @Test
    void aWildcardPacesEachSymbolOnItsOwn() {
        tick("AAPL", 1);
        tick("MSFT", 10);
        subscribe("[\"quotes:*\"]", "1");

        tick("AAPL", 2);
        tick("MSFT", 20);
        tick("AAPL", 3);

        assertEquals(List.of(2.0, 20.0), lasts());
        fixtures.scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(2.0, 20.0, 3.0), lasts());
    }

    @Test
    void aClientWithoutMaxRateGetsEveryQuote() {
        FakeClient other = new FakeClient();
        fixtures.hub.receive(
                fixtures.connect(other), "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"]}");
        subscribe("[\"quotes:AAPL\"]", "1");

        tick("AAPL", 1);
        tick("AAPL", 2);

        assertEquals(2, other.messages("quote").size());
        assertEquals(List.of(1.0), lasts());
    }

    @Test
    void nothingWaitingIsSentAfterUnsubscribing() {
        subscribe("[\"quotes:AAPL\"]", "1");
        tick("AAPL", 1);
        tick("AAPL", 2);

        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"quotes:AAPL\"]}");
        fixtures.scheduler.advance(Duration.ofSeconds(2));

        assertEquals(List.of(1.0), lasts());
    }

    @Test
    void newsIsNeverConflated() {
        subscribe("[\"news:*\"]", "1");

        fixtures.hub.onNews(TradesAndNewsTest.published("1", "AAPL"));
        fixtures.hub.onNews(TradesAndNewsTest.published("2", null));

        assertEquals(2, socket.messages("news").size());
    }

    @Test
    void aRateOutsideItsRangeIsABadRequestNamingIt() {
        for (String bad : List.of("0", "-5", "1001", "0.01", "\"fast\"", "true")) {
            socket.clear();
            subscribe("[\"quotes:AAPL\"]", bad);

            JsonObject error = socket.last();
            assertEquals("bad_request", error.getString("code"), bad);
            assertTrue(
                    error.getString("message")
                            .startsWith("maxRate is messages a second, a number from 0.1 to 1000"),
                    error.getString("message"));
            assertEquals(1, error.getInt("id"));
        }
        assertTrue(client.subscriptions().isEmpty());
    }
}
