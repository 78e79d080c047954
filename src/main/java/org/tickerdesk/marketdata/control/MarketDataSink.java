package org.tickerdesk.marketdata.control;

import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;

/** Where a {@link MarketDataSource} delivers what it produces. */
public interface MarketDataSink {

    void onQuote(Quote quote);

    void onStatus(SourceStatus status);
}
