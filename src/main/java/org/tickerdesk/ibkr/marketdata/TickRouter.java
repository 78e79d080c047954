package org.tickerdesk.ibkr.marketdata;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataTypeChanged;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;
import org.tickerdesk.ibkr.wire.messages.ticks.TickString;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Hands each tick to the {@link QuoteAssembler} of its request and the resulting quote on. Ticks of
 * requests it does not know (cancelled, or of an earlier connection) are dropped. Safe for the
 * reader thread to route while other threads open and close requests.
 */
final class TickRouter {

    /** Where the quotes go; {@code firstQuote} tells the subscription now streams. */
    interface Output {
        void quote(Quote quote);

        void firstQuote(int reqId, MarketDataType type);
    }

    private final Map<Integer, QuoteAssembler> assemblers = new ConcurrentHashMap<>();
    private final MarketDataType requested;

    /** {@code requested} is the type asked for, assumed until IB reports one per request. */
    TickRouter(MarketDataType requested) {
        this.requested = requested;
    }

    void open(int reqId, String symbol) {
        assemblers.put(reqId, new QuoteAssembler(symbol, requested));
    }

    void close(int reqId) {
        assemblers.remove(reqId);
    }

    void clear() {
        assemblers.clear();
    }

    void route(IncomingMessage message, Output out) {
        long now = Quote.nowMicros();
        if (message instanceof TickPrice tick) {
            emit(tick.reqId(), a -> a.price(tick, now), out);
        } else if (message instanceof TickSize tick) {
            emit(tick.reqId(), a -> a.size(tick, now), out);
        } else if (message instanceof TickString tick) {
            emit(tick.reqId(), a -> a.string(tick, now), out);
        } else if (message instanceof MarketDataTypeChanged changed) {
            QuoteAssembler assembler = assemblers.get(changed.reqId());
            if (assembler != null) {
                assembler.type(changed.kind());
            }
        }
    }

    private void emit(int reqId, Function<QuoteAssembler, Optional<Quote>> tick, Output out) {
        QuoteAssembler assembler = assemblers.get(reqId);
        if (assembler == null) {
            return;
        }
        Optional<Quote> quote = tick.apply(assembler);
        if (quote.isPresent()) {
            if (assembler.firstQuote()) {
                out.firstQuote(reqId, assembler.type());
            }
            out.quote(quote.get());
        }
    }
}
