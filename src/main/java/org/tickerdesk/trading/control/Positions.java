package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Holding;
import org.tickerdesk.trading.entity.HoldingComparison;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionExit;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TakeProfitStep;

/**
 * What the trader does with positions, from REST and the pages: open one with a paper (or IBKR)
 * market order, read them with their exits and fills, change a position's rules, close it, and the
 * account's default rules. Every request is checked in full before anything is stored.
 */
@ApplicationScoped
public class Positions {

    public static final int MAX_LIST = 500;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final Logger LOG = Logger.getLogger(Positions.class.getName());

    @Inject PositionStore store;

    @Inject OrderDesk desk;

    @Inject ExitOrders orders;

    @Inject ExitEngine engine;

    @Inject PositionKeeper keeper;

    @Inject ExitDefaults defaults;

    @Inject QuoteStore quotes;

    @Inject Clock clock;

    @Inject EntryGate entries;

    /** A position as asked for: every field as given, checked by {@link #open}. */
    public record Request(String symbol, String side, String quantity, JsonValue rules) {}

    /**
     * Opens a position with a market order; the order's fill opens it. The answer shows it as the
     * broker's immediate reply left it: open for the paper broker, usually pending for IBKR.
     *
     * @throws InvalidPositionException naming every field at fault; nothing is stored then
     * @throws InstrumentResolvedException when the instrument is resolved; nothing is stored
     */
    public PositionSnapshot open(Request request) {
        List<FieldError> errors = new ArrayList<>();
        String symbol =
                request.symbol() == null ? "" : request.symbol().trim().toUpperCase(Locale.ROOT);
        entries.position(symbol);
        if (symbol.isEmpty()) {
            errors.add(new FieldError("symbol", "symbol is required"));
        } else if (desk.contract(symbol).isEmpty()) {
            errors.add(
                    new FieldError(
                            "symbol", "No instrument " + symbol + " is known: add it first"));
        }
        Side side = null;
        try {
            side = Side.valueOf(String.valueOf(request.side()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("side", "side must be BUY or SELL, not " + request.side()));
        }
        BigDecimal quantity = quantity(request.quantity(), errors);
        ExitRules rules = null;
        try {
            rules =
                    request.rules() == null
                            ? defaults.rules(desk.broker().name())
                            : ExitRulesJson.read(request.rules(), "rules");
        } catch (InvalidPositionException e) {
            errors.addAll(e.errors());
        }
        if (side != null && rules != null && !symbol.isEmpty()) {
            errors.addAll(againstPrice(rules, side == Side.BUY, reference(symbol, null)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPositionException(errors);
        }
        String broker = desk.broker().name();
        String entryId = "e-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        PositionSnapshot stored =
                store.insert(
                        new Position(
                                symbol,
                                broker,
                                broker,
                                PositionOrigin.ADMIN,
                                side,
                                quantity,
                                ExitRulesJson.write(rules).toString(),
                                entryId,
                                clock.instant()));
        OrderDesk.Placement placed =
                desk.place(
                        new OrderInput(
                                entryId,
                                symbol,
                                side.name(),
                                quantity.toPlainString(),
                                OrderType.MKT.name(),
                                "",
                                "",
                                "DAY"));
        keeper.apply(placed.order());
        return store.find(stored.id()).orElse(stored);
    }

    /** A position opened in a book, and the order that opens it as the broker left it. */
    public record BookedEntry(PositionSnapshot position, OrderSnapshot order) {}

    /**
     * Opens a position in a book with a market order, guarded by {@code rules}, once per client
     * order id: asked again with the same id (a retry, a trade delivered twice), it answers the
     * position stored for that id and places no second order. Nothing is checked against the price
     * now: a book's rules come from its owner's settings, checked when those were saved.
     *
     * @param book an opaque label of the caller's (1 to 64 characters), to find the position by
     * @param clientOrderId the entry order's id, derived by the caller from what it opens for
     * @param paper whether the position is opened at the paper broker, even when a live broker is
     *     configured; its exits then go there too
     * @throws InvalidOrderException when the order desk refuses the order's input; nothing is
     *     stored then
     * @throws OrderRefusedException when the id belongs to another order, or names a position that
     *     ended before its order was ever sent (a start-up found it so)
     */
    public BookedEntry openInBook(
            String book,
            String symbol,
            Side side,
            BigDecimal quantity,
            ExitRules rules,
            String clientOrderId,
            boolean paper) {
        entries.position(symbol);
        OrderInput input =
                new OrderInput(
                                clientOrderId,
                                symbol,
                                side.name(),
                                quantity.stripTrailingZeros().toPlainString(),
                                OrderType.MKT.name(),
                                "",
                                "",
                                "DAY")
                        .toPaper(paper);
        desk.ticket(input);
        Optional<PositionSnapshot> stored = store.byEntry(clientOrderId);
        if (stored.isEmpty()) {
            String broker = desk.brokerName(paper);
            try {
                stored =
                        Optional.of(
                                store.insert(
                                        new Position(
                                                book,
                                                symbol,
                                                broker,
                                                broker,
                                                side,
                                                quantity,
                                                ExitRulesJson.write(rules).toString(),
                                                clientOrderId,
                                                clock.instant())));
            } catch (RuntimeException e) {
                // the same entry asked for twice at once: the unique entry order id let the other
                // in
                stored = store.byEntry(clientOrderId);
                if (stored.isEmpty()) {
                    throw e;
                }
            }
        }
        if (stored.get().state().isFinal() && desk.find(clientOrderId).isEmpty()) {
            // a start-up found its entry order never sent and ended it: placed now, its fill
            // would find no position to open
            throw new OrderRefusedException(
                    "Position "
                            + stored.get().id()
                            + " for "
                            + clientOrderId
                            + " ended before its entry order was sent ("
                            + stored.get().reason()
                            + ")");
        }
        // the broker the position was stored for, should a retry ask for the other one
        OrderDesk.Placement placed =
                desk.place(input.toPaper(OrderDesk.isPaper(stored.get().broker())));
        keeper.apply(placed.order());
        return new BookedEntry(store.find(stored.get().id()).orElse(stored.get()), placed.order());
    }

    /** A book's live positions and what all of its positions realised. */
    public PositionBook book(String book) {
        return new PositionBook(book, store.liveInBook(book), store.realizedInBook(book));
    }

    /** What the positions of every book whose label starts with {@code prefix} made, by book. */
    public List<BookPnl> pnlOfBooks(String prefix) {
        return store.pnlOfBooks(prefix);
    }

    /**
     * The closed and settled positions of every book whose label starts with {@code prefix}, by
     * book, each book's in the order they closed, at most {@code most} of a book, picked evenly
     * from its first to its last; each with its P&amp;L summed with all of the book's before it.
     */
    public List<ClosedPnl> closedInBooks(String prefix, int most) {
        return store.closedInBooks(prefix, most);
    }

    /** The closed and settled positions of one book, as {@link #closedInBooks} picks them. */
    public List<ClosedPnl> closedInBook(String book, int most) {
        return store.closedInBook(book, most);
    }

    /** The label of the book a position belongs to; empty for none or no such position. */
    public Optional<String> bookOf(long id) {
        return store.bookOf(id);
    }

    /** Every position of a book in one symbol, whatever its state, oldest first. */
    public List<PositionSnapshot> inBook(String book, String symbol) {
        return store.inBook(book, symbol);
    }

    /**
     * Closes {@code quantity} of a book's open positions in a symbol on {@code side} at market,
     * oldest first, each through the exit engine as an exit of the rule {@code rule}: a rule fires
     * once per position, and what it fired already counts against {@code quantity}, so asking again
     * (a retry) closes nothing more, and a reduction cut off by a crash after its first positions
     * closes the rest, once.
     *
     * @param rule the exit's key, 1 to 24 of A-Z, 0-9, '_' and ':' (e.g. {@code COPY:42})
     * @return the client order ids of the exit orders, oldest position first; empty when nothing
     *     was open to close
     */
    public List<String> reduceInBook(
            String book, String symbol, Side side, BigDecimal quantity, String rule) {
        List<PositionSnapshot> all = store.inBook(book, symbol);
        Map<Long, List<ExitRecord>> exits =
                store.exits(all.stream().map(PositionSnapshot::id).toList());
        List<String> ids = new ArrayList<>();
        Set<Long> fired = new HashSet<>();
        BigDecimal left = quantity;
        for (PositionSnapshot p : all) {
            Optional<ExitRecord> first =
                    exits.getOrDefault(p.id(), List.of()).stream()
                            .filter(e -> e.rule().equals(rule) && e.attempt() == 1)
                            .findFirst();
            if (first.isPresent()) {
                fired.add(p.id());
                ids.add(PositionExit.clientOrderId(p.id(), rule, 1));
                left = left.subtract(first.get().quantity());
            }
        }
        Instant now = clock.instant();
        for (PositionSnapshot p : all) {
            if (left.signum() <= 0) {
                break;
            }
            if (p.state() != PositionState.OPEN || p.side() != side || fired.contains(p.id())) {
                continue;
            }
            BigDecimal held = p.quantity().abs();
            BigDecimal take = held.min(left);
            if (take.signum() <= 0) {
                continue;
            }
            double price = reference(symbol, null);
            boolean closing =
                    orders.closeNow(
                            new ExitPlan(
                                    p.id(),
                                    rule,
                                    take.compareTo(held) == 0,
                                    take,
                                    OrderType.MKT,
                                    null,
                                    null,
                                    Double.isFinite(price) ? BigDecimal.valueOf(price) : null,
                                    now,
                                    System.nanoTime()));
            if (closing) {
                ids.add(PositionExit.clientOrderId(p.id(), rule, 1));
                left = left.subtract(take);
            }
        }
        return ids;
    }

    private static BigDecimal quantity(String text, List<FieldError> errors) {
        try {
            BigDecimal quantity = new BigDecimal(String.valueOf(text).trim());
            if (quantity.signum() <= 0
                    || quantity.stripTrailingZeros().scale() > 0
                    || quantity.compareTo(MAX_QUANTITY) > 0) {
                errors.add(
                        new FieldError(
                                "quantity",
                                "quantity must be a whole number from 1 to 1000000000, not "
                                        + text));
                return null;
            }
            return quantity;
        } catch (NumberFormatException e) {
            errors.add(new FieldError("quantity", "quantity must be a number, not " + text));
            return null;
        }
    }

    /**
     * A stop or target given as a price must lie on the right side of the price now: a stop above
     * the price of a long would fire at once, which is never what was meant.
     */
    private static List<FieldError> againstPrice(ExitRules rules, boolean isLong, double price) {
        List<FieldError> errors = new ArrayList<>();
        if (!Double.isFinite(price)) {
            return errors;
        }
        int direction = isLong ? 1 : -1;
        if (rules.stopLoss() != null
                && rules.stopLoss().price() != null
                && direction * (rules.stopLoss().price() - price) >= 0) {
            errors.add(
                    new FieldError(
                            "rules.stopLoss.price",
                            "rules.stopLoss.price "
                                    + rules.stopLoss().price()
                                    + " is "
                                    + (isLong ? "at or above" : "at or below")
                                    + " the price now ("
                                    + price
                                    + "): a stop of a "
                                    + (isLong ? "long" : "short")
                                    + " lies "
                                    + (isLong ? "below" : "above")
                                    + " it"));
        }
        List<TakeProfitStep> ladder = rules.takeProfit();
        for (int i = 0; i < ladder.size(); i++) {
            Double target = ladder.get(i).gain().price();
            if (target != null && direction * (target - price) <= 0) {
                errors.add(
                        new FieldError(
                                "rules.takeProfit[" + i + "].price",
                                "rules.takeProfit["
                                        + i
                                        + "].price "
                                        + target
                                        + " is on the losing side of the price now ("
                                        + price
                                        + ")"));
            }
        }
        return errors;
    }

    /** The price now, else the position's average price, else NaN. */
    private double reference(String symbol, BigDecimal average) {
        Optional<Quote> quote = quotes.latest(symbol);
        if (quote.isPresent() && Double.isFinite(quote.get().last())) {
            return quote.get().last();
        }
        return average == null ? Double.NaN : average.doubleValue();
    }

    public Optional<PositionDetail> find(long id) {
        return store.find(id)
                .map(
                        p ->
                                new PositionDetail(
                                        p,
                                        store.exits(id),
                                        store.fills(id),
                                        p.state().isGuarded()
                                                ? engine.price(id, p.symbol()).orElse(null)
                                                : null));
    }

    /** The newest first, of one state or all (null). */
    public List<PositionSnapshot> list(PositionState state, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidPositionException(
                    "limit", "limit must be from 1 to " + MAX_LIST + ", not " + limit);
        }
        return store.list(state, limit);
    }

    /**
     * New rules for an open (or pending) position; the engine applies them to the next tick.
     *
     * @throws InvalidPositionException naming every field at fault
     * @throws PositionRefusedException when the position is closing or closed
     */
    public Optional<PositionSnapshot> rules(long id, JsonValue json) {
        Optional<PositionSnapshot> found = store.find(id);
        if (found.isEmpty()) {
            return found;
        }
        PositionSnapshot position = found.get();
        if (position.state() != PositionState.OPEN && position.state() != PositionState.PENDING) {
            throw new PositionRefusedException(
                    "Position "
                            + id
                            + " is "
                            + position.state()
                            + ": its rules can no longer change");
        }
        ExitRules rules = ExitRulesJson.read(json, "rules");
        List<FieldError> errors =
                againstPrice(
                        rules,
                        position.side() == Side.BUY,
                        reference(position.symbol(), position.averagePrice()));
        if (!errors.isEmpty()) {
            throw new InvalidPositionException(errors);
        }
        Optional<PositionSnapshot> changed =
                store.rules(id, ExitRulesJson.write(rules).toString(), clock.instant());
        changed.ifPresent(keeper::announce);
        return changed;
    }

    /**
     * Closes all of an open position at market, through the exit engine, so that it is closed once
     * however often this is asked.
     *
     * @throws PositionRefusedException when it is not open
     */
    public Optional<PositionSnapshot> close(long id) {
        Optional<PositionSnapshot> found = store.find(id);
        if (found.isEmpty()) {
            return found;
        }
        PositionSnapshot position = found.get();
        if (position.state() != PositionState.OPEN) {
            throw new PositionRefusedException(
                    "Position "
                            + id
                            + " is "
                            + position.state()
                            + ": only an open one can be closed");
        }
        double price = reference(position.symbol(), null);
        Instant now = clock.instant();
        boolean closing =
                orders.closeNow(
                        new ExitPlan(
                                id,
                                "MANUAL",
                                true,
                                position.quantity().abs(),
                                OrderType.MKT,
                                null,
                                null,
                                Double.isFinite(price) ? BigDecimal.valueOf(price) : null,
                                now,
                                System.nanoTime()));
        if (!closing) {
            throw new PositionRefusedException(
                    "Position " + id + " is being closed already or was closed");
        }
        return store.find(id);
    }

    /**
     * Per account and instrument: the sum of the open positions beside the broker's own figure,
     * with what no position explains.
     */
    public List<HoldingComparison> holdings() {
        Map<String, BigDecimal> ours = new TreeMap<>();
        String broker = desk.broker().name();
        for (PositionSnapshot p : store.live()) {
            if (p.state().isGuarded() && p.broker().equals(broker)) {
                ours.merge(p.symbol(), p.quantity(), BigDecimal::add);
            }
        }
        List<HoldingComparison> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Holding h : desk.holdings()) {
            BigDecimal positions = ours.getOrDefault(h.symbol(), BigDecimal.ZERO);
            seen.add(h.symbol());
            rows.add(
                    new HoldingComparison(
                            h.account(),
                            h.symbol(),
                            positions,
                            h.quantity(),
                            h.averageCost(),
                            h.quantity().subtract(positions)));
        }
        boolean brokerKeepsAccount = desk.broker().live();
        for (Map.Entry<String, BigDecimal> own : ours.entrySet()) {
            if (!seen.contains(own.getKey())) {
                rows.add(
                        new HoldingComparison(
                                broker,
                                own.getKey(),
                                own.getValue(),
                                brokerKeepsAccount ? BigDecimal.ZERO : null,
                                null,
                                brokerKeepsAccount ? own.getValue().negate() : null));
            }
        }
        return rows;
    }

    /**
     * Takes in what the broker holds of an instrument and no position explains as one open
     * position, at the broker's average cost, guarded by {@code rules} (the defaults when null).
     *
     * @throws PositionRefusedException when every unit held is explained already
     */
    public PositionSnapshot adopt(String symbol, JsonValue rules) {
        String wanted = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        HoldingComparison row =
                holdings().stream()
                        .filter(h -> h.symbol().equals(wanted) && h.differs())
                        .filter(h -> h.brokerAverageCost() != null)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new PositionRefusedException(
                                                "The broker holds nothing of "
                                                        + wanted
                                                        + " that no position explains"));
        ExitRules parsed =
                rules == null
                        ? defaults.rules(desk.broker().name())
                        : ExitRulesJson.read(rules, "rules");
        BigDecimal unexplained = row.unexplained();
        Side side = unexplained.signum() > 0 ? Side.BUY : Side.SELL;
        List<FieldError> errors =
                againstPrice(parsed, side == Side.BUY, reference(wanted, row.brokerAverageCost()));
        if (!errors.isEmpty()) {
            throw new InvalidPositionException(errors);
        }
        PositionSnapshot adopted =
                store.adopt(
                        new Position(
                                wanted,
                                desk.broker().name(),
                                desk.broker().name(),
                                PositionOrigin.ADOPTED,
                                side,
                                unexplained.abs(),
                                ExitRulesJson.write(parsed).toString(),
                                null,
                                clock.instant()),
                        row.brokerAverageCost(),
                        clock.instant());
        keeper.announce(adopted);
        return adopted;
    }

    public String defaultsJson() {
        return defaults.json(desk.broker().name());
    }

    public ExitRules defaults(JsonValue rules) {
        return defaults.put(desk.broker().name(), rules);
    }

    /**
     * At start-up: positions whose entry order was being placed when Tickerdesk stopped are brought
     * up to date from that order, or end when it never reached the order desk.
     */
    public void resume() {
        for (PositionSnapshot position : store.live()) {
            if (position.state() != PositionState.PENDING || position.entryOrderId() == null) {
                continue;
            }
            Optional<OrderSnapshot> entry = desk.find(position.entryOrderId());
            if (entry.isPresent()) {
                keeper.apply(entry.get());
            } else {
                LOG.info(() -> "Position " + position.id() + " never had its entry order sent");
                store.entryMissing(position.id(), clock.instant()).ifPresent(keeper::announce);
            }
        }
    }
}
