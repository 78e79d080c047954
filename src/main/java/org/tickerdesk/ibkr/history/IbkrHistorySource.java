package org.tickerdesk.ibkr.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.control.HistorySource;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.instruments.entity.Contract;

/**
 * History's source over IBKR: each window is one reqHistoricalData through {@link IbkrHistory}, and
 * so through the pacing gate, with its retries after 162 and after a dropped connection. The
 * window's end goes out in UTC, its duration is the shortest IB spelling that reaches back to its
 * start ({@link IbBarSizes}), and bar times come back as epoch seconds (formatDate 2), so no time
 * depends on the zone TWS is logged in with; daily and longer bars come back as dates either way
 * ({@link BarTimes}). IB may answer with bars before the window's start (a duration in days reaches
 * back further); those are left out. A bar that cannot be is skipped with its reason; a message
 * that cannot be read at all fails the window as CORRUPT_DATA.
 *
 * <p>Limits: every bar size and series IB has, each window at most {@link IbBarSizes#longestWindow}
 * long, and IB's pacing (60 requests in ten minutes and the rest, kept by the {@link PacingGate}).
 * Transient, so the job retries: no answer in time, TWS not connected within the timeout (a lost
 * connection that is not back), a pacing pause longer than the time left (TIMED_OUT), and a request
 * IB answers with a connectivity error (UNAVAILABLE). For good: a contract IB does not know
 * (NO_SUCH_CONTRACT), any other refusal, such as no permission for the data (REFUSED, with IB's
 * reason). "No data" is an empty window.
 */
public final class IbkrHistorySource implements HistorySource {

    /**
     * IB's pacing gate decides how many requests are in flight; more parallel instruments only
     * queue at it.
     */
    static final int PARALLELISM = 4;

    private static final int EPOCH_SECONDS = 2;
    private static final DateTimeFormatter END =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final IbkrHistory history;

    public IbkrHistorySource(IbkrHistory history) {
        this.history = history;
    }

    @Override
    public HistorySourceName name() {
        return HistorySourceName.IBKR;
    }

    /** IB serves bars of 30 seconds and shorter for the last six months only. */
    @Override
    public Optional<Duration> reachBack(BarSize barSize) {
        return barSize.compareTo(BarSize.SEC_30) <= 0
                ? Optional.of(Duration.ofDays(182))
                : Optional.empty();
    }

    @Override
    public Optional<Duration> longestWindow(BarSize barSize) {
        return Optional.of(IbBarSizes.longestWindow(barSize));
    }

    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public SourceBars bars(HistoryWindow window, Duration timeout) {
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
        List<SkippedBar> skipped = new ArrayList<>();
        for (HistoricalBar bar : received) {
            try {
                Bar checked = bar(bar);
                if (window.contains(checked.start())) {
                    bars.add(checked);
                }
            } catch (IllegalArgumentException e) {
                skipped.add(skipped(bar, e));
            }
        }
        return new SourceBars(bars, skipped);
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
                END.format(window.to()),
                IbBarSizes.lookback(Duration.between(window.from(), window.to())),
                window.barSize(),
                window.whatToShow(),
                window.regularHoursOnly(),
                EPOCH_SECONDS);
    }

    private static Bar bar(HistoricalBar bar) {
        Instant start = BarTimes.start(bar.time());
        return new Bar(
                start,
                bar.open(),
                bar.high(),
                bar.low(),
                bar.close(),
                bar.volume(),
                bar.wap(),
                bar.barCount() < 0 ? null : bar.barCount());
    }

    /**
     * Where the skipped bar is and what is wrong with it, each said once: a checked bar's reason
     * starts with its time, which is already where it is.
     */
    private static SkippedBar skipped(HistoricalBar bar, IllegalArgumentException e) {
        Instant start;
        try {
            start = BarTimes.start(bar.time());
        } catch (IllegalArgumentException unreadable) {
            return new SkippedBar("bar at " + bar.time(), e.getMessage());
        }
        String where = "bar at " + start;
        String reason = e.getMessage();
        String prefix = "Bar at " + start + ": ";
        return new SkippedBar(
                where, reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason);
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
        if (e.error().category() == IbError.Category.CONNECTIVITY) {
            return new HistoryFailureException(
                    Kind.UNAVAILABLE,
                    "IBKR cannot serve the history of "
                            + window.describe()
                            + " now: "
                            + e.error().describe());
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
