package org.tickerdesk.trading.control;

import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** The live AAPL quotes the order desk's tests feed its paper broker: a bid and an ask, now. */
final class LiveQuotes {

    private LiveQuotes() {}

    static Quote aapl(String bid, String ask) {
        return new Quote(
                "AAPL",
                Double.parseDouble(bid),
                Double.parseDouble(ask),
                Double.NaN,
                1,
                1,
                0,
                0,
                Quote.nowMicros(),
                MarketDataType.LIVE);
    }
}
