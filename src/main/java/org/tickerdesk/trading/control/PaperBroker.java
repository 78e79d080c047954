package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.TimeInForce;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * Tickerdesk's own broker, the default: nothing reaches a market. A market order fills in full at
 * once at the current quote (see {@link RestingOrder} for the prices), or is rejected when there is
 * no quote to fill it at that is not stale (by {@code tickerdesk.marketdata.stale-seconds}, 60 s).
 * Limit and stop orders rest in memory and fill in full on the first later quote that reaches them;
 * DAY orders expire at the end of the New York day they were placed on. Commission is {@code
 * tickerdesk.paper.commission-per-unit} per unit filled, at least {@code
 * tickerdesk.paper.minimum-commission} per fill (both 0 by default). After a restart the book is
 * rebuilt from the stored orders. A resting order holds its symbol in {@link MarketDemand} until it
 * fills, expires or is cancelled.
 */
@ApplicationScoped
@Broker.ConfiguredAs(BrokerName.PAPER)
public class PaperBroker implements Broker {

    public static final String NAME = BrokerName.PAPER.setting();
    static final ZoneId TRADING_DAY = ZoneId.of("America/New_York");

    @Inject QuoteStore quoteStore;

    @Inject MarketDemand demand;

    @Inject
    @ConfigProperty(name = "tickerdesk.paper.slippage-ticks")
    int slippageTicks;

    /** Per unit filled, with a minimum per fill, as IB's fixed pricing charges. */
    @Inject
    @ConfigProperty(name = "tickerdesk.paper.commission-per-unit")
    BigDecimal commissionPerUnit;

    @Inject
    @ConfigProperty(name = "tickerdesk.paper.minimum-commission")
    BigDecimal minimumCommission;

    @Inject Clock clock;

    private final Map<String, List<RestingOrder>> book = new ConcurrentHashMap<>();
    private volatile Consumer<OrderEvent> events = event -> {};

    /** The container, and a test after setting the fields above, check the broker the same way. */
    @PostConstruct
    void check() {
        if (commissionPerUnit == null) {
            commissionPerUnit = BigDecimal.ZERO;
        }
        if (minimumCommission == null) {
            minimumCommission = BigDecimal.ZERO;
        }
        if (commissionPerUnit.signum() < 0 || minimumCommission.signum() < 0) {
            throw new IllegalArgumentException("The paper broker's commission cannot be negative");
        }
        if (slippageTicks < 0) {
            throw new IllegalArgumentException(
                    "tickerdesk.paper.slippage-ticks cannot be negative: " + slippageTicks);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public BrokerStatus status() {
        return new BrokerStatus(
                NAME,
                false,
                true,
                "Simulated fills at the current quote with "
                        + slippageTicks
                        + " tick(s) of slippage; no order reaches a market");
    }

    /**
     * Rests the stored orders again; a market order that Tickerdesk stopped before filling is
     * cancelled.
     */
    @Override
    public synchronized void start(Consumer<OrderEvent> events, List<WorkingOrder> working) {
        this.events = events;
        for (WorkingOrder order : working) {
            OrderSnapshot stored = order.stored();
            if (order.ticket().type() == OrderType.MKT
                    || stored.status() == OrderState.PENDING_CANCEL) {
                events.accept(
                        new OrderEvent.Cancelled(
                                order.clientOrderId(),
                                stored.status() == OrderState.PENDING_CANCEL
                                        ? "Cancelled on request"
                                        : "Tickerdesk stopped before the paper broker filled this"
                                                + " market order"));
                continue;
            }
            String id =
                    stored.brokerOrderId() != null ? stored.brokerOrderId() : newBrokerOrderId();
            rest(
                    new RestingOrder(
                            order.ticket(),
                            id,
                            stored.quantity().subtract(stored.filledQuantity()),
                            expiry(order.ticket(), stored.createdAt())));
            events.accept(new OrderEvent.Accepted(order.clientOrderId(), id));
        }
        for (String symbol : List.copyOf(book.keySet())) {
            sweep(symbol, quoteStore.latest(symbol).orElse(null));
        }
    }

    @Override
    public synchronized void place(OrderTicket ticket) {
        String ref = ticket.clientOrderId();
        RestingOrder order =
                new RestingOrder(
                        ticket,
                        newBrokerOrderId(),
                        ticket.quantity(),
                        expiry(ticket, clock.instant()));
        Optional<Quote> quote = quoteStore.latest(ticket.symbol());
        Optional<BigDecimal> price = quote.flatMap(q -> order.fillPrice(q, slippageTicks));
        if (ticket.type() == OrderType.MKT && price.isEmpty()) {
            events.accept(
                    new OrderEvent.Rejected(
                            ref,
                            quote.isEmpty()
                                    ? "No quote for "
                                            + ticket.symbol()
                                            + " in the last "
                                            + quoteStore.staleSeconds()
                                            + " s to fill this market order at; the"
                                            + " paper broker needs one (is "
                                            + ticket.symbol()
                                            + " on the watchlist?)"
                                    : "The latest "
                                            + ticket.symbol()
                                            + " quote has no "
                                            + (ticket.buys() ? "ask" : "bid")
                                            + " to fill this market order at"));
            return;
        }
        events.accept(new OrderEvent.Accepted(ref, order.brokerOrderId));
        if (price.isPresent()) {
            execute(order, price.get());
            cancelGroup(ticket.ocaGroup(), ref);
        } else {
            rest(order);
        }
    }

    @Override
    public synchronized void cancel(OrderSnapshot order) {
        List<RestingOrder> resting = book.get(order.symbol());
        RestingOrder found =
                resting == null
                        ? null
                        : resting.stream()
                                .filter(r -> r.ticket.clientOrderId().equals(order.clientOrderId()))
                                .findFirst()
                                .orElse(null);
        if (found == null) {
            throw new OrderRefusedException(
                    order.clientOrderId() + " is no longer resting at the paper broker");
        }
        resting.remove(found);
        demand.release(found, order.symbol());
        if (resting.isEmpty()) {
            book.remove(order.symbol());
        }
        events.accept(new OrderEvent.Cancelled(order.clientOrderId(), "Cancelled on request"));
    }

    /** On the tick thread: returns at once unless an order rests on the quote's symbol. */
    void onQuote(@Observes(notifyObserver = Reception.IF_EXISTS) Quote quote) {
        if (!book.containsKey(quote.symbol())) {
            return;
        }
        synchronized (this) {
            sweep(quote.symbol(), quote);
        }
    }

    @Override
    public synchronized void close() {
        book.clear();
        events = event -> {};
    }

    /** Expires what is due, then fills what the quote reaches, oldest order first. */
    private void sweep(String symbol, Quote quote) {
        List<RestingOrder> resting = book.get(symbol);
        if (resting == null) {
            return;
        }
        Instant now = clock.instant();
        List<RestingOrder> filled = new ArrayList<>();
        for (Iterator<RestingOrder> it = resting.iterator(); it.hasNext(); ) {
            RestingOrder order = it.next();
            if (order.expired(now)) {
                it.remove();
                demand.release(order, symbol);
                events.accept(
                        new OrderEvent.Cancelled(
                                order.ticket.clientOrderId(),
                                "DAY order expired at the end of the New York trading day"));
                continue;
            }
            Optional<BigDecimal> price =
                    quote == null ? Optional.empty() : order.fillPrice(quote, slippageTicks);
            if (price.isPresent()) {
                it.remove();
                demand.release(order, symbol);
                execute(order, price.get());
                filled.add(order);
            }
        }
        if (resting.isEmpty()) {
            book.remove(symbol);
        }
        for (RestingOrder order : filled) {
            cancelGroup(order.ticket.ocaGroup(), order.ticket.clientOrderId());
        }
    }

    /**
     * One order of an OCA group filled: the others are cancelled, as IB does with OCA type 1, so a
     * position's resting stop never sells what its exit sold already.
     */
    private void cancelGroup(String group, String filled) {
        if (group == null) {
            return;
        }
        for (String symbol : List.copyOf(book.keySet())) {
            List<RestingOrder> resting = book.get(symbol);
            for (Iterator<RestingOrder> it = resting.iterator(); it.hasNext(); ) {
                RestingOrder order = it.next();
                if (group.equals(order.ticket.ocaGroup())
                        && !order.ticket.clientOrderId().equals(filled)) {
                    it.remove();
                    demand.release(order, symbol);
                    events.accept(
                            new OrderEvent.Cancelled(
                                    order.ticket.clientOrderId(),
                                    "Cancelled: "
                                            + filled
                                            + " of its OCA group "
                                            + group
                                            + " filled"));
                }
            }
            if (resting.isEmpty()) {
                book.remove(symbol);
            }
        }
    }

    /** A resting order needs its symbol's quotes, so a demand-driven source (IBKR) streams it. */
    private void rest(RestingOrder order) {
        book.computeIfAbsent(order.ticket.symbol(), s -> new ArrayList<>()).add(order);
        demand.hold(order, order.ticket.symbol());
    }

    private void execute(RestingOrder order, BigDecimal price) {
        String ref = order.ticket.clientOrderId();
        String execId = "paper-" + UUID.randomUUID();
        events.accept(new OrderEvent.Filled(ref, execId, order.remaining, price, clock.instant()));
        events.accept(
                new OrderEvent.Charged(
                        ref,
                        execId,
                        commission(order.remaining),
                        order.ticket.contract().currency()));
    }

    /** Nothing when both are zero, else per unit, at least the minimum. */
    BigDecimal commission(BigDecimal quantity) {
        BigDecimal perUnit = commissionPerUnit.multiply(quantity);
        if (perUnit.signum() == 0 && minimumCommission.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return perUnit.max(minimumCommission).stripTrailingZeros();
    }

    private static Instant expiry(OrderTicket ticket, Instant placed) {
        if (ticket.tif() != TimeInForce.DAY) {
            return null;
        }
        return placed.atZone(TRADING_DAY)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(TRADING_DAY)
                .toInstant();
    }

    private static String newBrokerOrderId() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
