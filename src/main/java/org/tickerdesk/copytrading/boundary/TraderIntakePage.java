package org.tickerdesk.copytrading.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.CopyDecisions;
import org.tickerdesk.copytrading.control.IntakeLog;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.trading.control.PositionBook;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * The intake and the copied positions on a trader's page ({@code trader.xhtml?id=7}): the newest
 * trades with their status and, for those not copied, the reason and its figures; the positions
 * copied from the trader that are open. The page reads them again when the {@code traders} stream
 * pushes an intake entry of this trader (traders' {@code intake} messages), never on a timer.
 */
@Named
@ViewScoped
public class TraderIntakePage implements Serializable {

    static final int SHOWN = 50;

    private static final Logger LOG = Logger.getLogger(TraderIntakePage.class.getName());

    @Inject IntakeLog log;

    @Inject Positions positions;

    @Inject FacesContext faces;

    private long traderId;
    private List<IntakeSnapshot> entries = List.of();
    private List<PositionSnapshot> copied = List.of();
    private BigDecimal realized = BigDecimal.ZERO;

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
