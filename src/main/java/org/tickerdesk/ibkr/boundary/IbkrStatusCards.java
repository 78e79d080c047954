package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.tickerdesk.ibkr.history.PacingBudget;
import org.tickerdesk.ibkr.marketdata.MarketDataLines;
import org.tickerdesk.ibkr.session.LinkState;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/**
 * The IBKR cards of the admin dashboard: the link to TWS with its data farms, the market-data lines
 * (while quotes come from IBKR) and the history pacing; none when IBKR is not used. The admin may
 * not import the adapter, so the adapter offers them through the platform's {@link
 * StatusContribution}, worded here from {@link TwsLink#overview()}.
 */
@ApplicationScoped
public class IbkrStatusCards implements StatusContribution {

    @Inject TwsLink tws;

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public List<StatusCard> cards() {
        IbkrOverview overview = tws.overview();
        LinkState link = overview.link();
        if (!link.enabled()) {
            return List.of();
        }
        List<StatusCard> cards = new ArrayList<>();
        cards.add(
                StatusCard.of(
                        "tws",
                        "TWS / IB Gateway",
                        Field.value("twsAddress", link.address()),
                        Field.state(
                                "twsState",
                                link.connected() ? "CONNECTED" : "DISCONNECTED",
                                link.connected() ? "CONNECTED" : "RECONNECTING"),
                        Field.note("twsDetail", link.detail() + " (since " + link.since() + ")"),
                        Field.note("dataFarms", "Data farms: " + overview.dataFarmSummary())));
        MarketDataLines lines = overview.marketData();
        if (lines != null) {
            cards.add(
                    StatusCard.of(
                            "lines",
                            "Market-data lines",
                            Field.value(
                                    "linesInUse", lines.linesInUse() + " / " + lines.maxLines()),
                            Field.note(
                                    "waitingForLine",
                                    lines.waitingForLine().isEmpty()
                                            ? "nothing waits for a line"
                                            : "waiting for a line: " + lines.waitingForLine())));
        }
        cards.add(pacing(overview.historyPacing()));
        return cards;
    }

    private static StatusCard pacing(PacingBudget budget) {
        String paused =
                budget.pausedUntil() == null
                        ? ""
                        : " · paused after a pacing violation until " + budget.pausedUntil();
        return StatusCard.of(
                "pacing",
                "History pacing",
                Field.value("pacingRemaining", budget.remainingInWindow() + " left"),
                Field.note(
                        "pacingDetail",
                        "of 60 requests per 10 min · "
                                + budget.open()
                                + " open, "
                                + budget.remainingOpen()
                                + " more may open"
                                + paused));
    }
}
