package org.tickerdesk.ibkr.history;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.control.HistorySource;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.entity.SourceName;

/**
 * History's source over IBKR: each window is one reqHistoricalData through {@link IbkrHistory}, and
 * so through the pacing gate, with its retries after 162 and after a dropped connection. The
 * window's end goes out in UTC and bar times come back as epoch seconds (formatDate 2), so no time
 * depends on the zone TWS is logged in with; daily and longer bars come back as dates either way
 * ({@link BarTimes}). A bar that cannot be fails the whole window: the job must not store half of
 * it and believe it complete.
 */
public final class IbkrHistorySource implements HistorySource {

    public static final String NAME = SourceName.IBKR.setting();

    private static final int EPOCH_SECONDS = 2;
    private static final DateTimeFormatter END =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final IbkrHistory history;

    public IbkrHistorySource(IbkrHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Bar> bars(HistoryWindow window, Duration timeout) {
        List<HistoricalBar> received;
        try {
            received = history.fetch(request(window), timeout);
        } catch (HistoricalDataException e) {
            throw refused(window, e);
        } catch (TimeoutException e) {
            throw new HistoryFailureException(
                    Kind.TIMED_OUT,
                    "No history for "
                            + window.describe()
                            + " within "
                            + timeout.toSeconds()
                            + " s: "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryFailureException(
                    Kind.TIMED_OUT,
                    "Interrupted while waiting for the history of " + window.describe());
        }
        List<Bar> bars = new ArrayList<>(received.size());
        for (HistoricalBar bar : received) {
            bars.add(bar(window, bar));
        }
        return bars;
    }

    /** The reqHistoricalData that asks IB for a window. */
    static HistoricalDataRequest request(HistoryWindow window) {
        IbContract contract;
        try {
            contract = ContractMapping.toIb(window.contract());
        } catch (IllegalArgumentException e) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    window.contract().symbol() + " cannot be named to IBKR: " + e.getMessage());
        }
        return new HistoricalDataRequest(
                contract,
                END.format(window.end()),
                window.lookback(),
                window.barSize(),
                window.whatToShow(),
                window.regularHoursOnly(),
                EPOCH_SECONDS);
    }

    private static Bar bar(HistoryWindow window, HistoricalBar bar) {
        try {
            return new Bar(
                    BarTimes.start(bar.time()),
                    bar.open(),
                    bar.high(),
                    bar.low(),
                    bar.close(),
                    bar.volume(),
                    bar.wap(),
                    bar.barCount() < 0 ? null : bar.barCount());
        } catch (IllegalArgumentException e) {
            throw new HistoryFailureException(
                    Kind.CORRUPT_DATA,
                    "IB sent an impossible bar for "
                            + window.describe()
                            + ", so none of the window is stored: "
                            + e.getMessage());
        }
    }

    private static HistoryFailureException refused(
            HistoryWindow window, HistoricalDataException e) {
        if (e.error() == null) {
            return new HistoryFailureException(Kind.CORRUPT_DATA, e.getMessage());
        }
        if (e.error().known() == IbError.NO_SECURITY_DEFINITION) {
            return new HistoryFailureException(
                    Kind.NO_SUCH_CONTRACT,
                    "IBKR knows no contract for "
                            + window.contract().symbol()
                            + " as Tickerdesk describes it ("
                            + describe(window)
                            + "): "
                            + e.error().text());
        }
        return new HistoryFailureException(Kind.REFUSED, e.getMessage());
    }

    private static String describe(HistoryWindow window) {
        Contract c = window.contract();
        return c.kind().name().toLowerCase()
                + " on "
                + c.exchange()
                + " in "
                + c.currency()
                + (c.expiry() == null ? "" : " expiring " + c.expiry());
    }
}
