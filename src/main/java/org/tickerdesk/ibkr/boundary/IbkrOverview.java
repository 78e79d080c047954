package org.tickerdesk.ibkr.boundary;

import java.util.List;
import org.tickerdesk.ibkr.history.PacingBudget;
import org.tickerdesk.ibkr.marketdata.MarketDataLines;
import org.tickerdesk.ibkr.session.DataFarm;
import org.tickerdesk.ibkr.session.LinkState;

/**
 * Everything the dashboard and {@code /api/v1/ibkr/status} show of IBKR at one moment: the link to
 * TWS, the data farms as TWS last reported them, the market-data lines ({@code null} when quotes do
 * not come from IBKR) and the history pacing budget ({@code null} when IBKR is not used).
 */
public record IbkrOverview(
        LinkState link,
        List<DataFarm> dataFarms,
        MarketDataLines marketData,
        PacingBudget historyPacing) {

    public IbkrOverview {
        dataFarms = List.copyOf(dataFarms);
    }

    /** "usfarm OK · ushmds INACTIVE", or a dash before TWS has reported any. */
    public String dataFarmSummary() {
        return dataFarms.isEmpty()
                ? "—"
                : String.join(
                        " · ", dataFarms.stream().map(f -> f.name() + " " + f.state()).toList());
    }
}
