package org.tickerdesk.trading.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.entity.ExitFilled;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.ExitSent;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionExit;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;

/**
 * Where positions, their exits and the fills that changed them are kept: PostgreSQL, one
 * transaction per call, so an exit is committed (and its position {@code CLOSING}) before its order
 * is sent, and each order's fills change a position once, by exec id.
 */
@Stateless
public class PositionStore {

    private static final Pattern EXIT_ID =
            Pattern.compile(PositionExit.PREFIX + "-(\\d{1,18})-([A-Z_.0-9]+)-\\d+");

    private static final Pattern PROTECTION_ID =
            Pattern.compile("p-(\\d{1,18})-\\d{1,9}-(STOP|TP)");

    private static final Logger LOG = Logger.getLogger(PositionStore.class.getName());

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Event<PositionSettled> settledEvents;

    @Inject Event<ExitSent> exitSent;

    @Inject Event<ExitFilled> exitFilled;

    public PositionSnapshot insert(Position position) {
        em.persist(position);
        em.flush();
        return position.snapshot();
    }

    public Optional<PositionSnapshot> find(long id) {
        return Optional.ofNullable(em.find(Position.class, id)).map(Position::snapshot);
    }

    /** The newest first; every state when {@code state} is null. */
    public List<PositionSnapshot> list(PositionState state, int limit) {
        if (state == null) {
            return em.createNamedQuery(Position.RECENT, Position.class)
                    .setMaxResults(limit)
                    .getResultStream()
                    .map(Position::snapshot)
                    .toList();
        }
        return em.createNamedQuery(Position.IN_STATES, Position.class)
                .setParameter("states", List.of(state))
                .getResultStream()
                .map(Position::snapshot)
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .limit(limit)
                .toList();
    }

    /** The positions the engine guards (and those waiting for an entry), oldest first. */
    public List<PositionSnapshot> live() {
        return em.createNamedQuery(Position.IN_STATES, Position.class)
                .setParameter(
                        "states",
                        List.of(PositionState.PENDING, PositionState.OPEN, PositionState.CLOSING))
                .getResultStream()
                .map(Position::snapshot)
                .toList();
    }

    /** A book's positions that are waiting for their entry, guarded or closing, oldest first. */
    public List<PositionSnapshot> liveInBook(String book) {
        return em.createNamedQuery(Position.LIVE_IN_BOOK, Position.class)
                .setParameter("book", book)
                .setParameter(
                        "states",
                        List.of(PositionState.PENDING, PositionState.OPEN, PositionState.CLOSING))
                .getResultStream()
                .map(Position::snapshot)
                .toList();
    }

    /** Every position of a book in one symbol, whatever its state, oldest first. */
    public List<PositionSnapshot> inBook(String book, String symbol) {
        return em.createNamedQuery(Position.IN_BOOK_AND_SYMBOL, Position.class)
                .setParameter("book", book)
                .setParameter("symbol", symbol)
                .getResultStream()
                .map(Position::snapshot)
                .toList();
    }

    /** The P&amp;L realised by every position of a book, closed ones too, less their fees. */
    public BigDecimal realizedInBook(String book) {
        Object sum =
                em.createNativeQuery(
                                "SELECT COALESCE(SUM(realized_pnl - fees), 0) FROM positions"
                                        + " WHERE book = ?1")
                        .setParameter(1, book)
                        .getSingleResult();
        return sum instanceof BigDecimal value ? value : new BigDecimal(sum.toString());
    }

    /**
     * What the positions of every book whose label starts with {@code prefix} made, one row per
     * book, in one query (see {@link BookPnl}).
     */
    public List<BookPnl> pnlOfBooks(String prefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT book, COALESCE(SUM(realized_pnl - fees), 0),"
                                    + " COALESCE(SUM(unrealized_pnl) FILTER (WHERE state IN"
                                    + " ('OPEN', 'CLOSING')), 0), COUNT(*) FILTER (WHERE state IN"
                                    + " ('CLOSED', 'SETTLED')), COUNT(*) FILTER (WHERE state IN"
                                    + " ('CLOSED', 'SETTLED') AND realized_pnl - fees > 0) FROM"
                                    + " positions WHERE book LIKE ?1 GROUP BY book")
                        .setParameter(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new BookPnl(
                                        (String) r[0],
                                        decimal(r[1]),
                                        decimal(r[2]),
                                        ((Number) r[3]).intValue(),
                                        ((Number) r[4]).intValue()))
                .toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    /**
     * The closed or settled positions of the books whose label starts with {@code prefix}, by book,
     * in the order they closed, in one query (see {@link ClosedPnl}); of a book with more than
     * {@code most}, that many, picked evenly from its first to its last (both kept): the j-th of
     * them (from 0) is the one at round(j × (n − 1) / (most − 1)) of the book's n.
     */
    public List<ClosedPnl> closedInBooks(String prefix, int most) {
        return closed("book LIKE ?1", prefix.replace("%", "\\%").replace("_", "\\_") + "%", most);
    }

    /** The closed or settled positions of one book, as {@link #closedInBooks} picks them. */
    public List<ClosedPnl> closedInBook(String book, int most) {
        return closed("book = ?1", book, most);
    }

    private List<ClosedPnl> closed(String books, String parameter, int most) {
        if (most < 1) {
            throw new IllegalArgumentException("most must be 1 or more, not " + most);
        }
        // i (from 0) is picked when rounding it to the nearest pick j and back gives i again;
        // rounding half up in integers: round(a / b) = (2a + b) / (2b); NULLIF spares a division
        // by zero where n <= most already picked the row (SQL may evaluate every OR branch)
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT book, id, at, pnl, summed, n FROM (SELECT book, id,"
                                    + " COALESCE(closed_at, updated_at) AS at, realized_pnl - fees"
                                    + " AS pnl, SUM(realized_pnl - fees) OVER w AS summed,"
                                    + " ROW_NUMBER() OVER w - 1 AS i, COUNT(*) OVER (PARTITION BY"
                                    + " book) AS n FROM positions WHERE "
                                        + books
                                        + " AND state IN ('CLOSED', 'SETTLED') WINDOW w AS"
                                        + " (PARTITION BY book ORDER BY COALESCE(closed_at,"
                                        + " updated_at), id ROWS UNBOUNDED PRECEDING)) t WHERE n <="
                                        + " ?2 OR i = n - 1 OR ((2 * i * (?2 - 1) + (n - 1)) /"
                                        + " NULLIF(2 * (n - 1), 0) * 2 * (n - 1) + (?2 - 1)) /"
                                        + " NULLIF(2 * (?2 - 1), 0) = i ORDER BY book, i")
                        .setParameter(1, parameter)
                        .setParameter(2, most)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new ClosedPnl(
                                        (String) r[0],
                                        ((Number) r[1]).longValue(),
                                        instant(r[2]),
                                        decimal(r[3]),
                                        decimal(r[4]),
                                        ((Number) r[5]).intValue()))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    /** The label of the book a position belongs to; empty for none or no such position. */
    public Optional<String> bookOf(long id) {
        return Optional.ofNullable(em.find(Position.class, id)).map(Position::book);
    }

    /** The position an entry order opens, if one was stored for it. */
    public Optional<PositionSnapshot> byEntry(String clientOrderId) {
        return byEntryOrder(clientOrderId).map(Position::snapshot);
    }

    public List<ExitRecord> exits(long positionId) {
        return em.createNamedQuery(PositionExit.OF_POSITION, PositionExit.class)
                .setParameter("id", positionId)
                .getResultStream()
                .map(PositionExit::record)
                .toList();
    }

    /** The exits of each of these positions, by position. */
    public Map<Long, List<ExitRecord>> exits(Collection<Long> positionIds) {
        Map<Long, List<ExitRecord>> exits = new LinkedHashMap<>();
        if (positionIds.isEmpty()) {
            return exits;
        }
        for (PositionExit exit :
                em.createQuery(
                                "SELECT e FROM PositionExit e WHERE e.positionId IN :ids ORDER BY"
                                        + " e.id",
                                PositionExit.class)
                        .setParameter("ids", positionIds)
                        .getResultList()) {
            exits.computeIfAbsent(exit.positionId(), k -> new ArrayList<>()).add(exit.record());
        }
        return exits;
    }

    /** The rules that fired on each of these positions, by position. */
    public Map<Long, Set<String>> firedRules(Collection<Long> positionIds) {
        Map<Long, Set<String>> fired = new LinkedHashMap<>();
        if (positionIds.isEmpty()) {
            return fired;
        }
        List<?> rows =
                em.createNativeQuery(
                                "SELECT position_id, rule FROM position_exits WHERE position_id ="
                                        + " ANY (?1)")
                        .setParameter(1, positionIds.toArray(Long[]::new))
                        .getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            fired.computeIfAbsent(((Number) cells[0]).longValue(), k -> new HashSet<>())
                    .add((String) cells[1]);
        }
        return fired;
    }

    /** The fills that changed a position, oldest first. */
    public List<FillSnapshot> fills(long positionId) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT exec_id, quantity, price, fee, executed_at FROM"
                                        + " position_fills WHERE position_id = ?1 ORDER BY"
                                        + " executed_at, exec_id")
                        .setParameter(1, positionId)
                        .getResultList();
        List<FillSnapshot> fills = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            fills.add(
                    new FillSnapshot(
                            (String) c[0],
                            (BigDecimal) c[1],
                            (BigDecimal) c[2],
                            (BigDecimal) c[3],
                            null,
                            ((Timestamp) c[4]).toInstant()));
        }
        return fills;
    }

    /**
     * Commits each exit that may still happen, each with its position: an exit row (one per
     * position and rule) and, for one that closes all, the position {@code CLOSING}. A plan whose
     * position is no longer open, or whose rule fired already, is dropped: this is the check that
     * makes an exit happen once.
     */
    public List<CommittedExit> commit(List<ExitPlan> plans, Instant at) {
        return commit(plans, at, null, null);
    }

    /**
     * As {@link #commit(List, Instant)}, and each exit's order stored with it, in the same
     * transaction: one durable commit before the orders go out, not one per order. An exit whose
     * ticket is refused is marked failed instead, to be retried at market.
     *
     * @param tickets the order ticket of a committed exit; may throw a problem
     * @param broker the broker an exit's order is for, by the broker its position is held at
     */
    public List<CommittedExit> commit(
            List<ExitPlan> plans,
            Instant at,
            Function<CommittedExit, OrderTicket> tickets,
            UnaryOperator<String> broker) {
        List<CommittedExit> committed = new ArrayList<>();
        Map<Long, Position> positions = locked(plans);
        Set<String> planned = new HashSet<>();
        for (ExitPlan plan : plans) {
            Position position = positions.get(plan.positionId());
            if (position == null
                    || position.state() != PositionState.OPEN
                    || !planned.add(plan.positionId() + "/" + plan.rule())
                    || position.held().signum() == 0) {
                continue;
            }
            BigDecimal quantity = plan.closesAll() ? position.held() : plan.quantity();
            quantity = quantity.min(position.held());
            PositionExit exit =
                    new PositionExit(
                            plan.positionId(),
                            plan.rule(),
                            plan.closesAll(),
                            quantity,
                            plan.orderType(),
                            plan.limitPrice(),
                            plan.triggerLevel(),
                            plan.triggerPrice(),
                            plan.tickAt(),
                            at);
            em.persist(exit);
            if (plan.closesAll()) {
                position.closing(plan.rule() + " fired", at);
            }
            CommittedExit done = committedExit(position, exit, plan.tickNanos());
            if (tickets != null) {
                done = withOrder(done, exit, tickets, broker.apply(done.position().broker()), at);
            }
            committed.add(done);
        }
        em.flush();
        return committed;
    }

    /**
     * The plans' positions, locked in one statement: the exit's transaction is on the way from a
     * tick to its order, and each round trip to the database is paid there. That a rule fired
     * before is not read here: the engine does not plan a rule it has seen fire, and the unique
     * (position, rule) key refuses one that another engine committed first.
     */
    private Map<Long, Position> locked(List<ExitPlan> plans) {
        List<Long> ids = plans.stream().map(ExitPlan::positionId).distinct().toList();
        Map<Long, Position> positions = new HashMap<>();
        em.createNamedQuery(Position.BY_IDS, Position.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(p -> positions.put(p.id(), p));
        return positions;
    }

    private CommittedExit withOrder(
            CommittedExit done,
            PositionExit exit,
            Function<CommittedExit, OrderTicket> tickets,
            String broker,
            Instant at) {
        OrderTicket ticket;
        try {
            ticket = tickets.apply(done);
        } catch (ProblemException | IllegalArgumentException e) {
            exit.failed("could not be placed: " + e.getMessage());
            return done;
        }
        Order order = new Order(ticket, broker, at);
        em.persist(order);
        return done.withOrder(ticket, order.snapshot(true));
    }

    private static CommittedExit committedExit(Position position, PositionExit exit, long nanos) {
        PositionSnapshot snapshot = position.snapshot();
        return new CommittedExit(
                position.id(),
                position.symbol(),
                exit.rule(),
                exit.clientOrderId(),
                position.side() == Side.BUY ? Side.SELL : Side.BUY,
                exit.remaining(),
                exit.orderType(),
                exit.limitPrice(),
                nanos,
                snapshot.protection(),
                snapshot);
    }

    /** The order desk has the exit's order. */
    public void sent(String clientOrderId, Instant at, Duration tickToOrder) {
        exitByClientId(clientOrderId).ifPresent(exit -> recordSent(exit, at, tickToOrder));
    }

    /**
     * Announces the exit once it moves to sent, inside this transaction. The exit is read again,
     * locked: the order desk's lane may have applied its fill since it was read, and writing the
     * stale state back would take a filled exit back to sent.
     */
    private void recordSent(PositionExit exit, Instant at, Duration tickToOrder) {
        if (exit.state() != ExitState.PENDING) {
            return;
        }
        em.refresh(exit, LockModeType.PESSIMISTIC_WRITE);
        boolean pending = exit.state() == ExitState.PENDING;
        exit.sent(at, tickToOrder);
        if (pending && exit.state() == ExitState.SENT) {
            Position position = em.find(Position.class, exit.positionId());
            exitSent.fire(
                    new ExitSent(
                            exit.positionId(),
                            position.symbol(),
                            position.side(),
                            exit.rule(),
                            exit.clientOrderId(),
                            exit.remaining(),
                            exit.orderType(),
                            at));
        }
    }

    /** An exit handed to the order desk, when, and how long after its tick. */
    public record Sent(String clientOrderId, Instant at, Duration tickToOrder) {}

    /** The order desk has these exits' orders: recorded in one transaction. */
    public void sent(List<Sent> sent) {
        for (Sent one : sent) {
            sent(one.clientOrderId(), one.at(), one.tickToOrder());
        }
    }

    /** Exits committed or sent but not finished: for the sweep and for start-up. */
    public List<CommittedExit> unfinished() {
        List<CommittedExit> open = new ArrayList<>();
        for (PositionExit exit :
                em.createNamedQuery(PositionExit.UNFINISHED, PositionExit.class).getResultList()) {
            Position position = em.find(Position.class, exit.positionId());
            open.add(committedExit(position, exit, 0));
        }
        return open;
    }

    public Optional<ExitState> exitState(String clientOrderId) {
        return exitByClientId(clientOrderId).map(PositionExit::state);
    }

    /**
     * A failed exit's next attempt at market for what is left, committed before it is sent; empty
     * when it is not failed (any more) or nothing is left to close.
     */
    public Optional<CommittedExit> retry(String clientOrderId) {
        Optional<PositionExit> found = exitByClientId(clientOrderId);
        if (found.isEmpty() || found.get().state() != ExitState.FAILED) {
            return Optional.empty();
        }
        PositionExit exit = found.get();
        Position position =
                em.find(Position.class, exit.positionId(), LockModeType.PESSIMISTIC_WRITE);
        if (position.held().signum() == 0 || position.state().isFinal()) {
            exit.standDown("nothing left to close");
            return Optional.empty();
        }
        exit.retry();
        return Optional.of(committedExit(position, exit, 0));
    }

    /**
     * Replaces an unfilled limit exit by the same exit at market: its order is cancelled by the
     * caller, and this records the next attempt.
     */
    public void failed(String clientOrderId, String why) {
        exitByClientId(clientOrderId).ifPresent(exit -> exit.failed(why));
    }

    /**
     * Applies what an order's fills and state mean to the positions: an exit's fills close (part
     * of) its position, an entry's open or add to it, and any other order of Tickerdesk's first
     * reduces the oldest open positions on the other side of the same instrument and opens a new
     * position with the rest. An execution counts once per position. Returns the changed positions.
     *
     * @param defaultRules the rules a position opened by a plain order gets, as JSON
     */
    public List<PositionSnapshot> apply(OrderSnapshot order, String defaultRules, Instant at) {
        List<FillSnapshot> fills = order.fills() == null ? List.of() : order.fills();
        Optional<PositionExit> exit = exitByClientId(order.clientOrderId());
        if (exit.isPresent()) {
            return exitOrder(order, fills, exit.get(), at);
        }
        Matcher protection = PROTECTION_ID.matcher(order.clientOrderId());
        if (protection.matches()) {
            return protectionOrder(order, fills, Long.parseLong(protection.group(1)), at);
        }
        Optional<Position> entry = byEntryOrder(order.clientOrderId());
        if (entry.isPresent()) {
            return entryOrder(order, fills, entry.get(), at);
        }
        return plainOrder(order, fills, defaultRules, at);
    }

    private List<PositionSnapshot> exitOrder(
            OrderSnapshot order, List<FillSnapshot> fills, PositionExit exit, Instant at) {
        Position position =
                em.find(Position.class, exit.positionId(), LockModeType.PESSIMISTIC_WRITE);
        boolean changed = charge(position, fills, at);
        BigDecimal filledNow = BigDecimal.ZERO;
        BigDecimal valueNow = BigDecimal.ZERO;
        for (FillSnapshot fill : fills) {
            if (recorded(fill.execId(), position.id())) {
                continue;
            }
            BigDecimal quantity = fill.quantity().min(position.held());
            if (quantity.signum() <= 0) {
                LOG.warning(
                        () ->
                                "Execution "
                                        + fill.execId()
                                        + " of exit "
                                        + order.clientOrderId()
                                        + " finds position "
                                        + position.id()
                                        + " closed already: it is not counted");
                continue;
            }
            record(fill, position.id(), order.clientOrderId(), quantity.negate());
            position.exited(quantity, fill.price(), fill.time());
            exit.addFill(quantity, fill.price(), position.direction());
            charge(position, fill);
            filledNow = filledNow.add(quantity);
            valueNow = valueNow.add(quantity.multiply(fill.price()));
            changed = true;
        }
        // a protection order that ends unfilled is replaced by the next one, never retried at
        // market
        if (order.status().isFinal()
                && exit.remaining().signum() > 0
                && exit.state().isOpen()
                && !exit.rule().startsWith("BROKER_")) {
            exit.failed(
                    order.clientOrderId()
                            + " ended "
                            + order.status()
                            + (order.reason() == null ? "" : ": " + order.reason()));
            changed = true;
        }
        if (position.state() == PositionState.CLOSED) {
            for (PositionExit other : exitsOf(position.id())) {
                other.standDown("position closed");
            }
        }
        if (filledNow.signum() > 0) {
            exitFilled.fire(
                    new ExitFilled(
                            position.snapshot(),
                            exit.rule(),
                            order.clientOrderId(),
                            filledNow,
                            valueNow.divide(filledNow, 8, RoundingMode.HALF_EVEN)
                                    .stripTrailingZeros()));
        }
        return changed ? List.of(position.snapshot()) : List.of();
    }

    /**
     * A protection order resting at the broker: nothing happens until it fills; its fills close the
     * position as an exit of its own ({@code BROKER_STOP}, {@code BROKER_TP}), and the server's
     * rules stand down with the position closed.
     */
    private List<PositionSnapshot> protectionOrder(
            OrderSnapshot order, List<FillSnapshot> fills, long positionId, Instant at) {
        if (fills.isEmpty() || em.find(Position.class, positionId) == null) {
            return List.of();
        }
        String rule = order.clientOrderId().endsWith("-TP") ? "BROKER_TP" : "BROKER_STOP";
        PositionExit exit =
                em.createNamedQuery(PositionExit.BY_CLIENT_ID, PositionExit.class)
                        .setParameter("id", order.clientOrderId())
                        .getResultStream()
                        .findFirst()
                        .orElseGet(
                                () -> {
                                    PositionExit created =
                                            PositionExit.atBroker(
                                                    positionId,
                                                    rule,
                                                    order.clientOrderId(),
                                                    order.quantity(),
                                                    order.type(),
                                                    order.stopPrice() != null
                                                            ? order.stopPrice()
                                                            : order.limitPrice(),
                                                    at);
                                    em.persist(created);
                                    return created;
                                });
        return exitOrder(order, fills, exit, at);
    }

    private List<PositionSnapshot> entryOrder(
            OrderSnapshot order, List<FillSnapshot> fills, Position position, Instant at) {
        em.lock(position, LockModeType.PESSIMISTIC_WRITE);
        boolean changed = charge(position, fills, at);
        for (FillSnapshot fill : fills) {
            if (!recorded(fill.execId(), position.id())) {
                record(fill, position.id(), order.clientOrderId(), fill.quantity());
                position.entered(fill.quantity(), fill.price(), fill.time());
                charge(position, fill);
                changed = true;
            }
        }
        if (order.status().isFinal() && position.state() == PositionState.PENDING) {
            position.entryEnded(
                    "Entry order " + order.clientOrderId() + " ended " + order.status(), at);
            changed = true;
        }
        return changed ? List.of(position.snapshot()) : List.of();
    }

    private List<PositionSnapshot> plainOrder(
            OrderSnapshot order, List<FillSnapshot> fills, String defaultRules, Instant at) {
        Map<Long, Position> changed = new LinkedHashMap<>();
        for (FillSnapshot fill : fills) {
            if (recordedAnywhere(fill.execId())) {
                continue;
            }
            BigDecimal left = fill.quantity();
            for (Position opposite : openAgainst(order)) {
                if (left.signum() == 0) {
                    break;
                }
                BigDecimal taken = left.min(opposite.held());
                record(fill, opposite.id(), order.clientOrderId(), taken.negate());
                opposite.exited(taken, fill.price(), fill.time());
                left = left.subtract(taken);
                changed.put(opposite.id(), opposite);
            }
            if (left.signum() > 0) {
                Position opened =
                        byEntryOrder(order.clientOrderId())
                                .orElseGet(() -> opened(order, defaultRules, at));
                record(fill, opened.id(), order.clientOrderId(), left);
                opened.entered(left, fill.price(), fill.time());
                changed.put(opened.id(), opened);
            }
        }
        return changed.values().stream().map(Position::snapshot).toList();
    }

    private Position opened(OrderSnapshot order, String rules, Instant at) {
        Position position =
                new Position(
                        order.symbol(),
                        order.broker(),
                        order.broker(),
                        PositionOrigin.ORDER,
                        order.side(),
                        order.quantity(),
                        rules,
                        order.clientOrderId(),
                        at);
        em.persist(position);
        em.flush();
        return position;
    }

    private List<Position> openAgainst(OrderSnapshot order) {
        return em.createQuery(
                        "SELECT p FROM Position p WHERE p.symbol = :symbol AND p.account ="
                                + " :account AND p.state ="
                                + " org.tickerdesk.trading.entity.PositionState.OPEN AND p.side"
                                + " <> :side ORDER BY p.id",
                        Position.class)
                .setParameter("symbol", order.symbol())
                .setParameter("account", order.broker())
                .setParameter("side", order.side())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Commission reported after the fill (IBKR's commission report) is added when it arrives. */
    private boolean charge(Position position, List<FillSnapshot> fills, Instant at) {
        boolean changed = false;
        for (FillSnapshot fill : fills) {
            if (fill.commission() == null) {
                continue;
            }
            Object recordedFee =
                    em.createNativeQuery(
                                    "SELECT fee FROM position_fills WHERE exec_id = ?1 AND"
                                            + " position_id = ?2")
                            .setParameter(1, fill.execId())
                            .setParameter(2, position.id())
                            .getResultStream()
                            .findFirst()
                            .orElse(null);
            if (recordedFee instanceof BigDecimal fee && fee.compareTo(fill.commission()) != 0) {
                position.charged(fill.commission().subtract(fee), at);
                setFee(fill, position.id());
                changed = true;
            }
        }
        return changed;
    }

    private void charge(Position position, FillSnapshot fill) {
        if (fill.commission() != null && fill.commission().signum() != 0) {
            position.charged(fill.commission(), fill.time());
            setFee(fill, position.id());
        }
    }

    private void setFee(FillSnapshot fill, long positionId) {
        em.createNativeQuery(
                        "UPDATE position_fills SET fee = ?1 WHERE exec_id = ?2 AND position_id ="
                                + " ?3")
                .setParameter(1, fill.commission())
                .setParameter(2, fill.execId())
                .setParameter(3, positionId)
                .executeUpdate();
    }

    private boolean recorded(String execId, long positionId) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM position_fills WHERE exec_id = ?1 AND position_id = ?2")
                .setParameter(1, execId)
                .setParameter(2, positionId)
                .getResultList()
                .isEmpty();
    }

    private boolean recordedAnywhere(String execId) {
        return !em.createNativeQuery("SELECT 1 FROM position_fills WHERE exec_id = ?1")
                .setParameter(1, execId)
                .getResultList()
                .isEmpty();
    }

    private void record(FillSnapshot fill, long positionId, String orderId, BigDecimal quantity) {
        em.createNativeQuery(
                        "INSERT INTO position_fills (exec_id, position_id, client_order_id,"
                                + " quantity, price, executed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, fill.execId())
                .setParameter(2, positionId)
                .setParameter(3, orderId)
                .setParameter(4, quantity)
                .setParameter(5, fill.price())
                .setParameter(6, Timestamp.from(fill.time()))
                .executeUpdate();
    }

    /** A holding at the broker taken in as an open position at the broker's average cost. */
    public PositionSnapshot adopt(Position position, BigDecimal averageCost, Instant at) {
        em.persist(position);
        position.entered(position.orderedQuantity(), averageCost, at);
        em.flush();
        return position.snapshot();
    }

    /** The next OCA group for the position's protection at the broker, committed. */
    public Optional<String> nextProtection(long id, Instant at) {
        Position position = em.find(Position.class, id, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(position).map(p -> p.nextProtection(at));
    }

    /** A pending position whose entry order never reached the order desk ends. */
    public Optional<PositionSnapshot> entryMissing(long id, Instant at) {
        Position position = em.find(Position.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (position == null || position.state() != PositionState.PENDING) {
            return Optional.empty();
        }
        position.entryEnded("Tickerdesk stopped before the entry order was sent", at);
        return Optional.of(position.snapshot());
    }

    /**
     * Settles every open or closing position in the instrument at the settlement price, in this one
     * transaction: each becomes {@code SETTLED} with the settlement's P&amp;L realised, its exits
     * still open stand down (so none is retried), and {@link PositionSettled} is fired for it
     * inside the transaction. A position settled already is not among them, so settling again
     * changes nothing. The caller tells the engine and cancels their working orders once this
     * committed ({@link Settlement}).
     */
    public List<PositionSettled> settle(String symbol, BigDecimal price, String basis, Instant at) {
        List<Position> held =
                em.createQuery(
                                "SELECT p FROM Position p WHERE p.symbol = :symbol AND p.state IN"
                                        + " :states ORDER BY p.id",
                                Position.class)
                        .setParameter("symbol", symbol)
                        .setParameter("states", List.of(PositionState.OPEN, PositionState.CLOSING))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        List<PositionSettled> settled = new ArrayList<>();
        for (Position position : held) {
            BigDecimal quantity = position.held();
            Optional<BigDecimal> pnl = position.settle(price, basis, at);
            if (pnl.isEmpty()) {
                continue;
            }
            for (PositionExit exit : exitsOf(position.id())) {
                exit.standDown("position settled");
            }
            PositionSettled event =
                    new PositionSettled(position.snapshot(), quantity, price, pnl.get(), basis, at);
            settledEvents.fire(event);
            settled.add(event);
        }
        em.flush();
        return settled;
    }

    /** The instruments in which some position is open or closing. */
    public Set<String> heldSymbols() {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT DISTINCT symbol FROM positions WHERE state IN ('OPEN',"
                                        + " 'CLOSING')")
                        .getResultList();
        Set<String> symbols = new HashSet<>();
        rows.forEach(row -> symbols.add((String) row));
        return symbols;
    }

    /** New rules, as checked JSON. */
    public Optional<PositionSnapshot> rules(long id, String json, Instant at) {
        Position position = em.find(Position.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (position == null) {
            return Optional.empty();
        }
        try {
            position.rules(json, at);
        } catch (IllegalStateException e) {
            throw new PositionRefusedException(e.getMessage());
        }
        return Optional.of(position.snapshot());
    }

    /**
     * The engine's prices and best prices, written behind in one statement: a position another
     * transaction holds (an exit being committed, a fill being applied) is skipped, not waited for,
     * and keeps its price until the next write; the version is left alone, so no transaction that
     * read the position before loses to this. The caller keeps each call small (a few hundred
     * rows), so the rows are locked only briefly. The commit does not wait for the disk: a price
     * lost in a crash is the engine's to write again from the next tick, and a commit that waits
     * for the disk would make an exit's commit wait for the same disk behind it.
     */
    public void mark(List<PositionMark> marks, Instant at) {
        if (marks.isEmpty()) {
            return;
        }
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        Long[] ids = new Long[marks.size()];
        Double[] prices = new Double[marks.size()];
        Double[] bests = new Double[marks.size()];
        for (int i = 0; i < ids.length; i++) {
            PositionMark mark = marks.get(i);
            ids[i] = mark.positionId();
            prices[i] = mark.price().doubleValue();
            bests[i] = mark.best() == null ? null : mark.best().doubleValue();
        }
        em.createNativeQuery(
                        "UPDATE positions p SET current_price = round(v.price::numeric, 8),"
                            + " best_price = COALESCE(round(v.best::numeric, 8), p.best_price),"
                            + " unrealized_pnl = round((v.price::numeric - p.average_price) *"
                            + " abs(p.quantity) * CASE WHEN p.side = 'BUY' THEN 1 ELSE -1 END, 8),"
                            + " updated_at = ?4 FROM (SELECT unnest(?1::bigint[]) AS id,"
                            + " unnest(?2::float8[]) AS price, unnest(?3::float8[]) AS best) v"
                            + " WHERE p.id = v.id AND p.average_price IS NOT NULL AND p.state IN"
                            + " ('OPEN', 'CLOSING') AND p.id IN (SELECT id FROM positions WHERE id"
                            + " = ANY (?1::bigint[]) FOR UPDATE SKIP LOCKED)")
                .setParameter(1, ids)
                .setParameter(2, prices)
                .setParameter(3, bests)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    public Optional<String> defaults(String account) {
        List<?> rows =
                em.createNativeQuery("SELECT rules FROM exit_defaults WHERE account = ?1")
                        .setParameter(1, account)
                        .getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    public void defaults(String account, String rules, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO exit_defaults (account, rules, updated_at) VALUES (?1, ?2,"
                                + " ?3) ON CONFLICT (account) DO UPDATE SET rules = EXCLUDED.rules,"
                                + " updated_at = EXCLUDED.updated_at")
                .setParameter(1, account)
                .setParameter(2, rules)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    private List<PositionExit> exitsOf(long positionId) {
        return em.createNamedQuery(PositionExit.OF_POSITION, PositionExit.class)
                .setParameter("id", positionId)
                .getResultList();
    }

    /**
     * The exit an order belongs to, by any of its attempts' client order ids: a late fill of an
     * attempt that was replaced still counts for its exit, never as an order of its own.
     */
    private Optional<PositionExit> exitByClientId(String clientOrderId) {
        Matcher id = EXIT_ID.matcher(clientOrderId);
        if (!id.matches()) {
            return Optional.empty();
        }
        long positionId;
        try {
            positionId = Long.parseLong(id.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String rule = id.group(2);
        return exitsOf(positionId).stream()
                .filter(e -> e.rule().replace(':', '.').equals(rule))
                .findFirst();
    }

    private Optional<Position> byEntryOrder(String clientOrderId) {
        return em.createNamedQuery(Position.BY_ENTRY_ORDER, Position.class)
                .setParameter("id", clientOrderId)
                .getResultStream()
                .findFirst();
    }
}
