package org.tickerdesk.copytrading.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.ChartJson;
import org.tickerdesk.copytrading.control.CopyCharts;
import org.tickerdesk.copytrading.control.CopyDecisions;
import org.tickerdesk.copytrading.control.IntakeLog;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.platform.entity.ChartLibrary;
import org.tickerdesk.trading.control.PositionBook;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * The intake, the copy fidelity and the copied positions on a trader's page ({@code
 * trader.xhtml?id=7}): the newest trades with their status and, for those not copied, the reason
 * and its figures; the delays and slippage of each copy over time ({@link CopyCharts#fidelity})
 * with their p50 and p95; the positions copied from the trader that are open. The page reads them
 * again when the {@code traders} stream pushes an intake entry of this trader (traders' {@code
 * intake} messages: a copy, its order, its fill), never on a timer.
 */
@Named
@ViewScoped
public class TraderIntakePage implements Serializable {

    static final int SHOWN = 50;

    private static final Logger LOG = Logger.getLogger(TraderIntakePage.class.getName());

    @Inject IntakeLog log;

    @Inject Positions positions;

    @Inject CopyCharts charts;

    @Inject FacesContext faces;

    private long traderId;
    private List<IntakeSnapshot> entries = List.of();
    private List<PositionSnapshot> copied = List.of();
    private BigDecimal realized = BigDecimal.ZERO;
    private FidelitySeries fidelity;

    /**
     * Reads the trader named by the request's {@code id}, then everything shown; a postback of the
     * page's other forms carries no id and keeps the trader read first.
     */
    public void load() {
        String id = faces.getExternalContext().getRequestParameterMap().get("id");
        if (id == null) {
            return;
        }
        try {
            traderId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            traderId = 0;
        }
        reload();
    }

    /** Reads the intake and the copied positions again (the stream said something changed). */
    public void reload() {
        if (traderId <= 0) {
            return;
        }
        try {
            entries = log.list(traderId, null, SHOWN);
            PositionBook book = positions.book(CopyDecisions.book(traderId));
            copied = book.live();
            realized = book.realizedPnl();
            fidelity = charts.fidelity(traderId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The intake of trader " + traderId + " could not be read", e);
        }
    }

    public long getTraderId() {
        return traderId;
    }

    public List<IntakeSnapshot> getEntries() {
        return entries;
    }

    /**
     * The fidelity series as {@code GET /api/v1/traders/{id}/fidelity} answers it, for the chart.
     */
    public String getFidelityJson() {
        return fidelity == null ? "{}" : ChartJson.write(fidelity).toString();
    }

    /**
     * The fidelity percentiles as shown beside the chart, by the names of the API's {@code
     * figures}: milliseconds and prices plain, a dash when there is nothing to measure.
     */
    public Map<String, String> getFigures() {
        Map<String, String> shown = new LinkedHashMap<>();
        CopyPerformance f = fidelity == null ? null : fidelity.figures();
        shown.put("copied", f == null ? "0" : Integer.toString(f.copied()));
        shown.put("filled", f == null ? "0" : Integer.toString(f.filled()));
        shown.put(
                "delayToOrderMsP50",
                plain(f == null ? null : ChartJson.millis(f.delayToOrderP50())));
        shown.put(
                "delayToOrderMsP95",
                plain(f == null ? null : ChartJson.millis(f.delayToOrderP95())));
        shown.put(
                "delayToFillMsP50", plain(f == null ? null : ChartJson.millis(f.delayToFillP50())));
        shown.put(
                "delayToFillMsP95", plain(f == null ? null : ChartJson.millis(f.delayToFillP95())));
        shown.put("slippageP50", plain(f == null ? null : f.slippageP50()));
        shown.put("slippageP95", plain(f == null ? null : f.slippageP95()));
        shown.put("slippageBpsP50", plain(f == null ? null : f.slippageBpsP50()));
        shown.put("slippageBpsP95", plain(f == null ? null : f.slippageBpsP95()));
        return shown;
    }

    public int getFidelityWindow() {
        return CopyCharts.FIDELITY_WINDOW;
    }

    public String getEcharts() {
        return ChartLibrary.ECHARTS;
    }

    public List<PositionSnapshot> getCopied() {
        return copied;
    }

    public String getRealized() {
        return plain(realized);
    }

    /** What a status cell says: the reason's sentence for a skip or a wait. */
    public String why(IntakeSnapshot entry) {
        return entry.reason() == null ? "" : entry.reason().text();
    }

    /** The copy's order in a few words, or nothing. */
    public String copy(IntakeSnapshot entry) {
        if (entry.copyQuantity() == null) {
            return "";
        }
        return entry.copySide()
                + " "
                + plain(entry.copyQuantity())
                + (entry.fillPrice() == null ? "" : " filled at " + plain(entry.fillPrice()));
    }

    public String plain(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
