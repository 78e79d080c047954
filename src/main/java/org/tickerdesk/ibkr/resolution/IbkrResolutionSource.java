package org.tickerdesk.ibkr.resolution;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.account.IbkrPortfolio;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.contracts.IbkrContracts;
import org.tickerdesk.ibkr.history.HistoricalDataException;
import org.tickerdesk.ibkr.history.IbkrHistory;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.instruments.control.LookupFailedException;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.resolution.control.ResolutionFailedException;
import org.tickerdesk.resolution.control.ResolutionSource;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * What an expired instrument settled at, by what TWS can tell, on the shared session. Blocking,
 * within its timeout; it answers empty whenever TWS's data cannot tell, and never takes a nearby
 * value for the one it needs.
 *
 * <ul>
 *   <li><b>Option</b>: intrinsic value from the underlying's close on the expiry day, max(0, S − K)
 *       for a call and max(0, K − S) for a put. The strike, right and underlying (conId, symbol,
 *       secType) come from reqContractDetails with includeExpired; IB drops expired options from
 *       its contract database, and when it answers "no security definition" the option's own name
 *       stands in: its root is the underlying stock's symbol, in the option's currency, and its
 *       strike and right are in the name. The close S is the close of the underlying's daily TRADES
 *       bar of the expiry day, regular hours only (the regular session's last trade, not one after
 *       hours), from reqHistoricalData through the pacing gate. Limits: only options on stocks (and
 *       ETFs) are settled; an index option settles at a special quotation that TWS does not report,
 *       so it stays undetermined, as does an option whose root is no stock IB knows (an adjusted
 *       root such as AAPL1). Intrinsic value is what a holder gets by exercise; exercise decisions
 *       and adjusted deliverables are not modelled. IB adjusts TRADES history for splits: an option
 *       resolved only after its underlying split again (resolution is asked hourly from the expiry,
 *       so only if it stayed undetermined that long) would be valued at the adjusted close.
 *   <li><b>Future</b>: TWS reports no final settlement price, for any future: its historical data
 *       has no settlement series (a TRADES bar's close is the last traded price), and market data
 *       stops with the contract. What it does have is expired futures' history (includeExpired, up
 *       to two years after expiry): the settlement is the close of the future's daily TRADES bar of
 *       its last trading day (the expiry date), over the whole session, i.e. the last price traded.
 *       For a cash-settled future (an equity index future settles at a special opening quotation)
 *       or one whose exchange settles on a closing-period average, this can differ from the
 *       exchange's final settlement by some ticks; the basis says which price was used. A negative
 *       close is not settled (a settlement price is never negative in Tickerdesk).
 *   <li><b>Event contract</b>: from the account's portfolio (reqAccountUpdates), as {@link
 *       EventPayout} reads it: once its expiry day is over, a contract the account still holds at a
 *       market price of exactly 1 resolved YES, exactly 0 NO; one that left the portfolio after
 *       trading ended resolved at the payout its realised P&L works out at, from the quantity and
 *       the average cost it was held at. No API message carries the outcome itself (IB keeps no
 *       history of expired event contracts and drops them from reqContractDetails), so a contract
 *       the account never held, or whose figures say nothing for certain, stays awaiting resolution
 *       with what was seen as the reason. The portfolio is reported anew before it is read.
 * </ul>
 *
 * A day's bar is asked for only once the day is over everywhere (00:00 UTC after it) and is taken
 * only if IB sends the bar dated that day; "no data", a missing day or an unknown underlying is an
 * empty answer. TWS not connected within a short wait, no answer in time, or a refusal (no market
 * data permission) is a {@link ResolutionFailedException} saying so.
 */
public final class IbkrResolutionSource implements ResolutionSource {

    private static final Logger LOG = Logger.getLogger(IbkrResolutionSource.class.getName());

    private final TwsSession session;
    private final IbkrContracts contracts;
    private final IbkrHistory history;
    private final IbkrPortfolio portfolio;
    private final Duration connectWait;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param connectWait how long a resolution waits for a session that is (re)connecting before it
     *     fails with "not connected"
     * @param timeout how long the history request may take, pacing included (the contract lookup
     *     keeps its own), and how long the portfolio may take to be reported
     */
    public IbkrResolutionSource(
            TwsSession session,
            IbkrContracts contracts,
            IbkrHistory history,
            IbkrPortfolio portfolio,
            Duration connectWait,
            Duration timeout,
            Clock clock) {
        this.session = session;
        this.contracts = contracts;
        this.history = history;
        this.portfolio = portfolio;
        this.connectWait = connectWait;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Optional<Resolution> resolve(Contract contract) {
        return answer(contract).found();
    }

    @Override
    public SourceAnswer answer(Contract contract) {
        return switch (contract.kind()) {
            case STOCK -> SourceAnswer.cannotTell();
            case EVENT -> event(contract);
            case OPTION -> answered(option(contract));
            case FUTURE -> answered(future(contract));
        };
    }

    private static SourceAnswer answered(Optional<Resolution> resolution) {
        return resolution.map(SourceAnswer::resolved).orElseGet(SourceAnswer::cannotTell);
    }

    private SourceAnswer event(Contract contract) {
        LocalDate expiry = contract.expiry();
        if (!DayBars.closed(expiry, clock.instant())) {
            return SourceAnswer.cannotTell(
                    contract.symbol()
                            + " trades until its expiry day, "
                            + expiry
                            + ", is over; its payout is looked for in the IBKR account after that");
        }
        awaitSession(contract);
        try {
            portfolio.refresh(timeout);
        } catch (IOException | TimeoutException e) {
            throw new ResolutionFailedException(
                    "TWS did not report the account's portfolio: "
                            + e.getMessage()
                            + "; cannot resolve "
                            + contract.symbol());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolutionFailedException(
                    "Interrupted while waiting for the account's portfolio; cannot resolve "
                            + contract.symbol());
        }
        SourceAnswer answer =
                EventPayout.judge(
                        contract.symbol(),
                        expiry,
                        portfolio.account(),
                        portfolio.lines(contract.symbol()));
        LOG.log(
                Level.FINE,
                "{0}: {1}",
                new Object[] {
                    contract.symbol(),
                    answer.found().map(Resolution::basis).orElse(answer.undetermined())
                });
        return answer;
    }

    private Optional<Resolution> option(Contract contract) {
        LocalDate expiry = contract.expiry();
        if (!DayBars.closed(expiry, clock.instant())) {
            return Optional.empty();
        }
        awaitSession(contract);
        IbContract option = expired(named(contract));
        OptionTerms terms = terms(option, contract.symbol());
        if (!terms.onStock()) {
            LOG.log(
                    Level.INFO,
                    "{0}: its underlying {1} is a {2}, not a stock; such an option settles at a"
                            + " quotation TWS does not report, so it awaits a manual resolution",
                    new Object[] {
                        contract.symbol(), terms.underlyingName(), terms.underlyingSecType()
                    });
            return Optional.empty();
        }
        return dayBar(terms.underlying(), expiry, true, terms.underlyingName())
                .map(bar -> terms.settle(bar.close(), expiry));
    }

    private Optional<Resolution> future(Contract contract) {
        LocalDate expiry = contract.expiry();
        if (!DayBars.closed(expiry, clock.instant())) {
            return Optional.empty();
        }
        awaitSession(contract);
        Optional<HistoricalBar> bar =
                dayBar(expired(named(contract)), expiry, false, contract.symbol());
        if (bar.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal close = bar.get().close();
        if (close.signum() < 0) {
            LOG.log(
                    Level.INFO,
                    "{0} last traded at {1} on {2}; a negative price is not settled here",
                    new Object[] {contract.symbol(), close.toPlainString(), expiry});
            return Optional.empty();
        }
        return Optional.of(
                new Resolution(
                        close,
                        null,
                        contract.symbol()
                                + " last traded at "
                                + close.toPlainString()
                                + " on its last trading day, "
                                + expiry
                                + " (IB's daily close; TWS does not report the exchange's final"
                                + " settlement price)"));
    }

    /**
     * IB's terms of the option; its own name's when IB no longer knows it. Several answers are one
     * option listed on several exchanges, with the same terms.
     */
    private OptionTerms terms(IbContract option, String symbol) {
        List<ContractDetails> found;
        try {
            found = contracts.details(option, symbol);
        } catch (LookupFailedException e) {
            if (e.reason() == LookupFailedException.Reason.NO_SUCH_INSTRUMENT) {
                return OptionTerms.ofSymbol(option);
            }
            throw new ResolutionFailedException(e.getMessage());
        }
        try {
            return OptionTerms.of(found.get(0));
        } catch (IllegalArgumentException e) {
            throw new ResolutionFailedException(
                    "IBKR's description of " + symbol + " cannot be used: " + e.getMessage());
        }
    }

    /**
     * The daily bar of the day, empty when IB has none for it (no data, the day missing, no such
     * contract).
     */
    private Optional<HistoricalBar> dayBar(
            IbContract contract, LocalDate day, boolean regularHoursOnly, String name) {
        List<HistoricalBar> bars;
        try {
            bars = history.fetch(DayBars.request(contract, day, regularHoursOnly), timeout);
        } catch (HistoricalDataException e) {
            if (e.error() != null && e.error().known() == IbError.NO_SECURITY_DEFINITION) {
                LOG.log(
                        Level.INFO,
                        "IBKR has no history for {0} (no security definition); what depends on"
                                + " its close on {1} stays undetermined",
                        new Object[] {name, day});
                return Optional.empty();
            }
            throw new ResolutionFailedException(
                    "IBKR did not give the daily bar of "
                            + name
                            + " on "
                            + day
                            + ": "
                            + e.getMessage());
        } catch (TimeoutException e) {
            throw new ResolutionFailedException(
                    "No daily bar of "
                            + name
                            + " on "
                            + day
                            + " from TWS within "
                            + timeout.toSeconds()
                            + " s: "
                            + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolutionFailedException(
                    "Interrupted while waiting for the daily bar of " + name + " on " + day);
        }
        Optional<HistoricalBar> bar = DayBars.of(bars, day);
        if (bar.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "IBKR has no daily bar of {0} on {1} (of {2} bars); it stays undetermined",
                    new Object[] {name, day, bars.size()});
        }
        return bar;
    }

    private void awaitSession(Contract contract) {
        session.start();
        try {
            if (session.awaitConnected(connectWait)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ResolutionFailedException(
                "TWS is not connected (TWS at "
                        + session.settings().address()
                        + ": no API connection within "
                        + shown(connectWait)
                        + "); cannot resolve "
                        + contract.symbol());
    }

    private static String shown(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static IbContract named(Contract contract) {
        try {
            return ContractMapping.toIb(contract);
        } catch (IllegalArgumentException e) {
            throw new ResolutionFailedException(
                    contract.symbol() + " cannot be named to IBKR: " + e.getMessage());
        }
    }

    /** The same contract, asked for although it has expired. */
    private static IbContract expired(IbContract c) {
        return new IbContract(
                c.conId(),
                c.symbol(),
                c.secType(),
                c.lastTradeDateOrContractMonth(),
                c.strike(),
                c.right(),
                c.multiplier(),
                c.exchange(),
                c.primaryExchange(),
                c.currency(),
                c.localSymbol(),
                c.tradingClass(),
                true);
    }
}
