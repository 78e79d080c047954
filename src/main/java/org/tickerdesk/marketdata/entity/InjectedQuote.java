package org.tickerdesk.marketdata.entity;

import java.util.Objects;

/** The quote an injected tick became, and whether its symbol's walk is held after it. */
public record InjectedQuote(Quote quote, boolean held) {

    public InjectedQuote {
        Objects.requireNonNull(quote, "quote");
    }
}
