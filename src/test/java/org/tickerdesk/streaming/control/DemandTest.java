package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.DemandChanged;

/** A client's quote subscriptions are what the market-data side sees as demand. */
class DemandTest {

    private final Fixtures fixtures = new Fixtures();

    private ClientConnection client() {
        return fixtures.connect(new FakeClient());
    }

    private void send(ClientConnection client, String op, String... streams) {
        fixtures.hub.receive(
                client,
                "{\"op\":\"" + op + "\",\"streams\":[\"" + String.join("\",\"", streams) + "\"]}");
    }

    @Test
    void subscribingHoldsTheSymbolAndTheFirstHolderAnnouncesIt() {
        ClientConnection first = client();
        ClientConnection second = client();

        send(first, "subscribe", "quotes:AAPL");
        send(second, "subscribe", "quotes:AAPL");

        assertTrue(fixtures.demand.needed("AAPL"));
        assertFalse(fixtures.demand.needed("MSFT"));
        assertEquals(Map.of("AAPL", 2), fixtures.demand.holdings());
        assertEquals(List.of(new DemandChanged("AAPL", true)), fixtures.demandChanges);
    }

    @Test
    void theLastUnsubscribeOrDisconnectReleasesIt() {
        ClientConnection first = client();
        ClientConnection second = client();
        send(first, "subscribe", "quotes:AAPL", "quotes:MSFT");
        send(second, "subscribe", "quotes:AAPL");

        send(first, "unsubscribe", "quotes:AAPL");
        assertTrue(fixtures.demand.needed("AAPL"));
        fixtures.hub.disconnect(second);
        fixtures.hub.disconnect(first);

        assertFalse(fixtures.demand.needed("AAPL"));
        assertFalse(fixtures.demand.needed("MSFT"));
        assertTrue(fixtures.demandChanges.contains(new DemandChanged("AAPL", false)));
        assertTrue(fixtures.demandChanges.contains(new DemandChanged("MSFT", false)));
    }

    @Test
    void theWildcardNeedsEverySymbolUntilItGoes() {
        ClientConnection all = client();
        send(all, "subscribe", "quotes:*");

        assertTrue(fixtures.demand.needed("NVDA"));
        assertEquals(List.of(new DemandChanged("*", true)), fixtures.demandChanges);

        send(all, "unsubscribe", "quotes:*");
        assertFalse(fixtures.demand.needed("NVDA"));
    }

    @Test
    void aRejectedStreamHoldsNothing() {
        send(client(), "subscribe", "quotes:NOTWATCHED");

        assertEquals(Map.of(), fixtures.demand.holdings());
    }
}
