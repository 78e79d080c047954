package org.tickerdesk.ibkr.marketdata;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Carries quotes from the TWS reader thread to the sink on a thread of its own, so nothing
 * downstream (the quote store, the WebSocket fan-out, later the exit engine) can hold the reader
 * up. It conflates by symbol: a quote is a whole picture of its symbol, so when the sink falls
 * behind it gets each symbol's latest quote, in the order the symbols ticked, and the backlog never
 * grows beyond one quote per symbol.
 */
final class QuoteHandOff implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QuoteHandOff.class.getName());

    private final Map<String, Quote> pending = new LinkedHashMap<>();
    private final Consumer<Quote> sink;
    private final Thread thread;
    private boolean closed;

    QuoteHandOff(ThreadFactory threads, Consumer<Quote> sink) {
        this.sink = sink;
        this.thread = threads.newThread(this::run);
        thread.setName("ibkr-quotes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Never blocks beyond a map update. */
    synchronized void offer(Quote quote) {
        if (pending.put(quote.symbol(), quote) == null) {
            notifyAll();
        }
    }

    /** Quotes waiting for the sink: at most one per symbol. */
    synchronized int backlog() {
        return pending.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
        notifyAll();
    }

    private void run() {
        while (true) {
            Quote next;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Iterator<Quote> oldest = pending.values().iterator();
                next = oldest.next();
                oldest.remove();
            }
            try {
                sink.accept(next);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Passing an IBKR quote on failed", e);
            }
        }
    }
}
