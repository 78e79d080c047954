package org.tickerdesk.trading.control;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;

/** The paper broker for tests, wired as the container wires it, over quotes kept in a map. */
final class PaperBrokers {

    private PaperBrokers() {}

    static PaperBroker over(Map<String, Quote> latest, int slippageTicks, Clock clock) {
        PaperBroker broker = new PaperBroker();
        broker.quoteStore =
                new QuoteStore() {
                    @Override
                    public Optional<Quote> latest(String symbol) {
                        return Optional.ofNullable(latest.get(symbol));
                    }
                };
        broker.demand = new MarketDemand(clock, change -> {});
        broker.slippageTicks = slippageTicks;
        broker.clock = clock;
        broker.check();
        return broker;
    }
}
