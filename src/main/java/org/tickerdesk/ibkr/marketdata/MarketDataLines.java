package org.tickerdesk.ibkr.marketdata;

import java.util.List;

/**
 * IB's market-data lines: how many the account has, how many are in use, who waits, and every
 * subscription's state.
 */
public record MarketDataLines(
        int maxLines, int linesInUse, List<String> waitingForLine, List<LineState> lines) {

    public MarketDataLines {
        waitingForLine = List.copyOf(waitingForLine);
        lines = List.copyOf(lines);
    }
}
