package org.tickerdesk.ibkr.entity;

/**
 * Everything the dashboard and {@code /api/ibkr/status} show of IBKR at one moment: the link to
 * TWS, the market-data lines ({@code null} when quotes do not come from IBKR) and the history
 * pacing budget ({@code null} when IBKR is not used).
 */
public record IbkrOverview(LinkState link, MarketDataLines marketData, PacingBudget historyPacing) {
}
