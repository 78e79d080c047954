package org.tickerdesk.ibkr.contracts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.ContractDetailsEnd;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.instruments.control.ContractLookup;
import org.tickerdesk.instruments.control.InvalidInstrumentException;
import org.tickerdesk.instruments.control.LookupFailedException;
import org.tickerdesk.instruments.control.LookupFailedException.Reason;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;

/**
 * The instrument catalog's contract lookup at IBKR: one reqContractDetails on the shared {@link
 * TwsSession}, every contractData collected until contractDataEnd. Blocking, within a timeout.
 * Error 200 means no such instrument; a session not connected within a short wait, or dropped
 * during the request, means TWS is not connected. Several contracts are all returned: the caller
 * decides what an ambiguous answer means.
 */
public final class IbkrContracts implements ContractLookup, TwsSession.Listener {

    private static final Logger LOG = Logger.getLogger(IbkrContracts.class.getName());

    /** How one request ended: its contracts, IB's error, or the connection's end. */
    private record Outcome(List<ContractDetails> found, TwsError error, String dropped) {}

    /** The contracts of one request as they arrive (on the one reader thread), and its outcome. */
    private static final class Pending {
        final List<ContractDetails> found = new ArrayList<>();
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    }

    private final TwsSession session;
    private final Duration connectWait;
    private final Duration timeout;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param connectWait how long a lookup waits for a session that is (re)connecting before it
     *     answers "not connected"
     * @param timeout how long IB may take to answer
     */
    public IbkrContracts(TwsSession session, Duration connectWait, Duration timeout) {
        this.session = session;
        this.connectWait = connectWait;
        this.timeout = timeout;
        session.addListener(this);
    }

    @Override
    public List<ContractMatch> lookup(ContractQuery query) {
        IbContract request;
        try {
            request = LookupMapping.request(query);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(e.getMessage());
        }
        List<ContractDetails> found = details(request, query.describe());
        List<ContractMatch> matches = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (ContractDetails d : found) {
            try {
                matches.add(LookupMapping.match(d, query));
            } catch (IllegalArgumentException e) {
                unusable.add(e.getMessage());
            }
        }
        if (matches.isEmpty()) {
            throw new LookupFailedException(
                    Reason.REFUSED,
                    "IBKR's answer for "
                            + query.describe()
                            + " cannot be used: "
                            + String.join("; ", unusable));
        }
        if (!unusable.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "Lookup of {0}: skipped {1}",
                    new Object[] {query.describe(), unusable});
        }
        return matches;
    }

    /** Every contract IB has for the request, at least one; {@code asked} names it in messages. */
    public List<ContractDetails> details(IbContract contract, String asked) {
        awaitSession(asked);
        int reqId = session.nextRequestId();
        Pending p = new Pending();
        pending.put(reqId, p);
        try {
            session.send(v -> ContractRequests.reqContractDetails(v, reqId, contract));
            return answer(p.outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS), asked);
        } catch (IOException e) {
            throw notConnected(asked, e.getMessage());
        } catch (TimeoutException e) {
            throw new LookupFailedException(
                    Reason.TIMED_OUT,
                    "TWS did not answer the lookup of "
                            + asked
                            + " within "
                            + timeout.toSeconds()
                            + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailedException(
                    Reason.TIMED_OUT, "The lookup of " + asked + " was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Lookup outcomes do not fail", e);
        } finally {
            pending.remove(reqId);
        }
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (message instanceof ContractDetails details) {
            Pending p = pending.get(details.reqId());
            if (p != null) {
                p.found.add(details);
            }
        } else if (message instanceof ContractDetailsEnd end) {
            Pending p = pending.get(end.reqId());
            if (p != null) {
                p.outcome.complete(new Outcome(List.copyOf(p.found), null, null));
            }
        } else if (message instanceof TwsError error && error.reqId() >= 0) {
            Pending p = pending.get(error.reqId());
            if (p == null) {
                return;
            }
            if (error.severity() == IbError.Severity.WARNING
                    || error.severity() == IbError.Severity.INFO) {
                LOG.log(
                        Level.INFO,
                        "Contract lookup {0}: {1}",
                        new Object[] {error.reqId(), error.describe()});
            } else {
                p.outcome.complete(new Outcome(List.of(), error, null));
            }
        }
    }

    @Override
    public void onDisconnected(String detail) {
        pending.values().forEach(p -> p.outcome.complete(new Outcome(List.of(), null, detail)));
    }

    private void awaitSession(String asked) {
        session.start();
        try {
            if (!session.awaitConnected(connectWait)) {
                long millis = connectWait.toMillis();
                throw notConnected(
                        asked,
                        "no API connection within "
                                + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notConnected(asked, "interrupted while waiting for the connection");
        }
    }

    private List<ContractDetails> answer(Outcome outcome, String asked) {
        if (outcome.dropped() != null) {
            throw notConnected(asked, outcome.dropped());
        }
        TwsError error = outcome.error();
        if (error != null && error.known() == IbError.NO_SECURITY_DEFINITION) {
            throw noSuchInstrument(asked);
        }
        if (error != null) {
            throw new LookupFailedException(
                    Reason.REFUSED,
                    "IBKR refused the lookup of " + asked + ": " + error.describe());
        }
        if (outcome.found().isEmpty()) {
            throw noSuchInstrument(asked);
        }
        return outcome.found();
    }

    private static LookupFailedException noSuchInstrument(String asked) {
        return new LookupFailedException(
                Reason.NO_SUCH_INSTRUMENT, "No such instrument at IBKR: " + asked);
    }

    private LookupFailedException notConnected(String asked, String why) {
        return new LookupFailedException(
                Reason.NOT_CONNECTED,
                "TWS is not connected (TWS at "
                        + session.settings().address()
                        + ": "
                        + why
                        + "); cannot look up "
                        + asked);
    }
}
