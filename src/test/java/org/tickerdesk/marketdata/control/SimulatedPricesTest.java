package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.control.SimulatedMarketTest.Recorder;
import org.tickerdesk.marketdata.entity.InjectedQuote;
import org.tickerdesk.marketdata.entity.SimulatedPath;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * Where injected prices are taken: into the simulated market of a standalone server or of the
 * member that leads a cluster; a member that follows drops its own market's ticks, so it refuses
 * them (409 {@code not_leading}) rather than answer for a tick that goes nowhere.
 */
class SimulatedPricesTest {

    private static final ThreadFactory THREADS =
            task -> {
                Thread thread = new Thread(task, "simulated-prices-test");
                thread.setDaemon(true);
                return thread;
            };

    private final SimulatedMarket market = new SimulatedMarket(7, 200, THREADS);
    private final SimulatedPrices prices = new SimulatedPrices();
    private boolean ownTicksCount = true;

    @BeforeEach
    void start() {
        market.subscribe(SimulatedMarketTest.AAPL);
        market.start(new Recorder());
        prices.upstream = new Upstream(SourceName.SIMULATED, BrokerName.PAPER);
        prices.feed =
                new FeedSupervisor() {
                    @Override
                    public Optional<SimulatedMarket> simulatedMarket() {
                        return Optional.of(market);
                    }

                    @Override
                    public boolean ownTicksCount() {
                        return ownTicksCount;
                    }
                };
    }

    @AfterEach
    void close() {
        market.close();
    }

    @Test
    void aMemberWhoseOwnTicksCountTakesTheTick() {
        List<InjectedQuote> injected =
                prices.inject(List.of(new SimulatedTick("AAPL", 180.0, 179.99, 180.01, 300, true)));

        assertEquals(180.0, injected.get(0).quote().last());
        assertTrue(injected.get(0).held());
    }

    @Test
    void aMemberThatFollowsRefusesTicksAndPathsNamingWhereToSendThem() {
        ownTicksCount = false;

        NotLeadingException tick =
                assertThrows(
                        NotLeadingException.class,
                        () ->
                                prices.inject(
                                        List.of(
                                                new SimulatedTick(
                                                        "AAPL",
                                                        180.0,
                                                        Double.NaN,
                                                        Double.NaN,
                                                        100,
                                                        true))));
        assertThrows(
                NotLeadingException.class,
                () ->
                        prices.start(
                                new SimulatedPath(
                                        "AAPL", Double.NaN, -5.0, Duration.ofSeconds(10), 10)));

        assertThrows(NotLeadingException.class, prices::requireDriven);
        assertEquals(409, tick.status());
        assertEquals("not_leading", tick.code());
        assertTrue(tick.getMessage().contains("Inject into the leading member"), tick.getMessage());
    }
}
