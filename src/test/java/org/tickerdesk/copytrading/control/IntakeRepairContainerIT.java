package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;

/**
 * How the trade intake finishes what a crash cut off. Each test takes a trade through the intake's
 * own steps ({@link IntakeLog#receive}, {@link CopyDesk#decide}, the order desk's positions) and
 * stops where the process died, leaving the rows exactly as that process committed them; then the
 * entry is made older than the intake's 30 s of its own (the time a restart takes) and the {@code
 * copy-filter} task's run ({@link Intake#refilter()}) repairs it, twice, as it runs every 30 s. The
 * outcome each time: the trade copied by one order and one position, never two, and never left
 * undone; a copy that can no longer be placed is skipped with the reason, and nothing is ordered.
 * Beside them, a copy in an instrument whose resolution settled it: refused by the order desk's
 * entry gate, when decided or, decided before the resolution, when the task would place it. Each
 * test has a symbol of its own on {@code SIM} (open around the clock) that only it quotes.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeRepairContainerIT {

    private static final String FEED = "webhook";

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject Intake intake;

    @Inject IntakeLog log;

    @Inject CopyDesk copyDesk;

    @Inject Traders traders;

    @Inject WatchedTraders watched;

    @Inject InstrumentCatalog catalog;

    @Inject QuoteStore quotes;

    @Inject OrderDesk orders;

    @Inject Positions positions;

    @Inject PositionStore positionStore;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aTradeWrittenButNeverDecidedIsDecidedAndCopiedOnceByTheTask() throws Exception {
        String symbol = quoted("CREPA");
        long trader = trader("received");
        LeaderTrade trade = trade("r-1", symbol, Side.BUY, "6");
        // the process died once the trade was written: RECEIVED, nothing decided or ordered
        IntakeSnapshot received = log.receive(trader, FEED, trade, Instant.now()).entry();
        assertEquals(IntakeStatus.RECEIVED, received.status());

        intake.refilter();
        assertEquals(
                IntakeStatus.RECEIVED,
                log.find(received.id()).orElseThrow().status(),
                "younger than 30 s it is still the intake's own");

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        String orderId = CopyDecisions.clientOrderId(trader, FEED, "r-1");
        IntakeSnapshot copied = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.COPIED, copied.status(), copied.toString());
        assertEquals(new BigDecimal("6"), copied.copyQuantity()); // ratio 1
        assertEquals(orderId, copied.clientOrderId());
        assertNotNull(copied.orderedAt());
        assertEquals(new BigDecimal("20.02"), copied.fillPrice()); // the ask + one tick
        assertEquals(1, orderCount(orderId));
        assertEquals(1, notifications("COPY_TRADE_COPIED", received.id()));
        PositionSnapshot position = onlyLivePosition(trader);
        assertEquals(orderId, position.entryOrderId());
        assertEquals(0, new BigDecimal("6").compareTo(position.quantity()));

        positions.close(position.id());
        traders.delete(trader);
    }

    @Test
    void aTradeDeliveredAgainAfterTheCrashIsDecidedAtOnceAndCopiedOnce() throws Exception {
        String symbol = quoted("CREPB");
        long trader = trader("again");
        LeaderTrade trade = trade("r-2", symbol, Side.BUY, "3");
        IntakeSnapshot received = log.receive(trader, FEED, trade, Instant.now()).entry();

        // the feed delivers it again (a webhook retried): the same entry, decided and ordered now
        IntakeSnapshot again = intake.take(trader, FEED, trade);
        restartedLater(received.id());
        intake.refilter();

        assertEquals(received.id(), again.id());
        assertEquals(IntakeStatus.COPIED, again.status(), again.toString());
        assertNotNull(again.orderedAt());
        String orderId = CopyDecisions.clientOrderId(trader, FEED, "r-2");
        assertEquals(1, orderCount(orderId));
        assertEquals(again.orderedAt(), log.find(received.id()).orElseThrow().orderedAt());
        PositionSnapshot position = onlyLivePosition(trader);
        positions.close(position.id());
        traders.delete(trader);
    }

    @Test
    void aCopyDecidedButNeverOrderedIsOrderedOnceByTheTask() throws Exception {
        String symbol = quoted("CREPC");
        long trader = trader("decided");
        IntakeSnapshot received =
                log.receive(trader, FEED, trade("r-3", symbol, Side.BUY, "5"), Instant.now())
                        .entry();
        // the process died once the decision committed: COPIED, no order, no position
        IntakeSnapshot decided = copyDesk.decide(received.id()).orElseThrow().entry();
        assertEquals(IntakeStatus.COPIED, decided.status(), decided.toString());
        assertNull(decided.orderedAt());
        String orderId = CopyDecisions.clientOrderId(trader, FEED, "r-3");
        assertEquals(0, orderCount(orderId));

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        IntakeSnapshot ordered = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.COPIED, ordered.status());
        assertNotNull(ordered.orderedAt());
        assertEquals(new BigDecimal("20.02"), ordered.fillPrice());
        assertEquals(1, orderCount(orderId));
        // the decision's notification committed with it; the repair tells nobody again
        assertEquals(1, notifications("COPY_TRADE_COPIED", received.id()));
        PositionSnapshot position = onlyLivePosition(trader);
        assertEquals(orderId, position.entryOrderId());
        assertEquals(0, new BigDecimal("5").compareTo(position.quantity()));
        positions.close(position.id());
        traders.delete(trader);
    }

    @Test
    void aCopyWhoseOrderWasPlacedButNotRecordedKeepsThatOneOrder() throws Exception {
        String symbol = quoted("CREPD");
        long trader = trader("placed");
        IntakeSnapshot received =
                log.receive(trader, FEED, trade("r-4", symbol, Side.BUY, "7"), Instant.now())
                        .entry();
        IntakeSnapshot decided = copyDesk.decide(received.id()).orElseThrow().entry();
        // the process died once the order desk placed the copy, before the intake recorded it
        OrderSnapshot placed = openAsTheIntakeDoes(decided).order();
        assertNull(log.find(received.id()).orElseThrow().orderedAt());

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        IntakeSnapshot ordered = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.COPIED, ordered.status());
        // recorded as the order placed before the crash: its time, not the repair's
        assertEquals(placed.createdAt().truncatedTo(ChronoUnit.MICROS), ordered.orderedAt());
        assertEquals(new BigDecimal("20.02"), ordered.fillPrice());
        assertEquals(1, orderCount(decided.clientOrderId()));
        PositionSnapshot position = onlyLivePosition(trader);
        assertEquals(0, new BigDecimal("7").compareTo(position.quantity()));
        positions.close(position.id());
        traders.delete(trader);
    }

    @Test
    void aCopyWhosePositionAStartUpEndedUnsentIsSkippedWithTheReasonAndNeverOrdered()
            throws Exception {
        String symbol = quoted("CREPE");
        long trader = trader("unsent");
        IntakeSnapshot received =
                log.receive(trader, FEED, trade("r-5", symbol, Side.BUY, "2"), Instant.now())
                        .entry();
        IntakeSnapshot decided = copyDesk.decide(received.id()).orElseThrow().entry();
        // the process died after the position was stored, before its entry order was sent ...
        TraderSettings settings = watched.trader(trader).orElseThrow().settings();
        String broker = orders.broker().name();
        PositionSnapshot pending =
                positionStore.insert(
                        new Position(
                                CopyDecisions.book(trader),
                                symbol,
                                broker,
                                broker,
                                Side.BUY,
                                decided.copyQuantity(),
                                ExitRulesJson.write(settings.rules()).toString(),
                                decided.clientOrderId(),
                                Instant.now()));
        // ... and the start-up ended that position: no order of it ever reached the desk
        positions.resume();
        assertEquals(
                PositionState.CANCELLED,
                positionStore.byEntry(decided.clientOrderId()).orElseThrow().state());

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        // placed now, its fill would find no position to open: refused, and said so
        IntakeSnapshot skipped = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.SKIPPED, skipped.status(), skipped.toString());
        assertEquals(SkipReason.ORDER_REFUSED, skipped.reason());
        assertTrue(
                skipped.detail().contains("ended before its entry order was sent")
                        && skipped.detail().contains("Tickerdesk stopped"),
                skipped.detail());
        assertNull(skipped.orderedAt());
        assertEquals(0, orderCount(decided.clientOrderId()));
        assertEquals(1, notifications("COPY_TRADE_SKIPPED", received.id()));
        assertEquals(
                List.of(pending.id()),
                positions.inBook(CopyDecisions.book(trader), symbol).stream()
                        .map(PositionSnapshot::id)
                        .toList());
        traders.delete(trader);
    }

    @Test
    void aReductionCutOffAfterItsFirstPositionClosesTheRestOnce() throws Exception {
        String symbol = quoted("CREPF");
        long trader = trader("reduces");
        // two buys of 5, each copied into a position of its own
        intake.take(trader, FEED, trade("r-6a", symbol, Side.BUY, "5"));
        intake.take(trader, FEED, trade("r-6b", symbol, Side.BUY, "5"));
        assertEquals(2, positions.book(CopyDecisions.book(trader)).live().size());
        // the leader sells all 10: the copy closes all 10 of ours, 5 from each position
        IntakeSnapshot received =
                log.receive(trader, FEED, trade("r-6c", symbol, Side.SELL, "10"), Instant.now())
                        .entry();
        IntakeSnapshot decided = copyDesk.decide(received.id()).orElseThrow().entry();
        assertEquals(Effect.REDUCES, decided.copyEffect(), decided.toString());
        assertEquals(new BigDecimal("10"), decided.copyQuantity());
        String rule = CopyDecisions.reductionRule(received.id());
        // the process died after the first position's exit fired, before the second's
        List<String> first =
                positions.reduceInBook(
                        CopyDecisions.book(trader), symbol, Side.BUY, new BigDecimal("5"), rule);
        assertEquals(1, first.size(), first.toString());

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        IntakeSnapshot ordered = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.COPIED, ordered.status(), ordered.toString());
        assertNotNull(ordered.orderedAt());
        assertEquals(first.get(0), ordered.clientOrderId());
        // both positions closed, each by one exit of the rule: 10 sold, not 5 and not 15
        awaitNoLivePosition(trader);
        List<PositionSnapshot> both = positions.inBook(CopyDecisions.book(trader), symbol);
        assertEquals(2, both.size());
        for (PositionSnapshot p : both) {
            assertEquals(PositionState.CLOSED, p.state(), p.toString());
        }
        assertEquals(
                2,
                count(
                        "SELECT count(*) FROM position_exits WHERE rule = '"
                                + rule
                                + "' AND position_id IN ("
                                + both.get(0).id()
                                + ", "
                                + both.get(1).id()
                                + ")"));
        assertEquals(
                0,
                new BigDecimal("10")
                        .compareTo(
                                decimal(
                                        "SELECT COALESCE(SUM(quantity), 0) FROM position_exits"
                                                + " WHERE rule = '"
                                                + rule
                                                + "' AND position_id IN ("
                                                + both.get(0).id()
                                                + ", "
                                                + both.get(1).id()
                                                + ")")));
        traders.delete(trader);
    }

    @Test
    void aCopyInAResolvedInstrumentIsRefusedByTheEntryGateWithAReasonAndNothingIsOrdered()
            throws Exception {
        String symbol = quoted("CREPG");
        long trader = trader("resolved");
        Instant settledAt = Instant.parse("2026-11-30T20:00:00Z");
        catalog.settled(symbol, settledAt);

        IntakeSnapshot entry = intake.take(trader, FEED, trade("r-7", symbol, Side.BUY, "4"));

        assertEquals(IntakeStatus.SKIPPED, entry.status(), entry.toString());
        assertEquals(SkipReason.ORDER_REFUSED, entry.reason());
        assertEquals(
                "no new position is opened in a resolved instrument: "
                        + symbol
                        + " is resolved (its resolution settled it at 2026-11-30T20:00:00Z): no"
                        + " position is opened in it",
                entry.detail());
        assertNull(entry.clientOrderId());
        assertNull(entry.orderedAt());
        assertEquals(0, orderCount(CopyDecisions.clientOrderId(trader, FEED, "r-7")));
        assertEquals(List.of(), positions.inBook(CopyDecisions.book(trader), symbol));
        // refused when decided: told once as skipped, never as copied first
        assertEquals(1, notifications("COPY_TRADE_SKIPPED", entry.id()));
        assertEquals(0, notifications("COPY_TRADE_COPIED", entry.id()));

        // the task leaves a refused copy alone: skipped for good
        restartedLater(entry.id());
        intake.refilter();
        assertEquals(IntakeStatus.SKIPPED, log.find(entry.id()).orElseThrow().status());
        assertEquals(0, orderCount(CopyDecisions.clientOrderId(trader, FEED, "r-7")));
        traders.delete(trader);
    }

    @Test
    void aCopyDecidedBeforeItsInstrumentResolvedIsRefusedWhenTheTaskWouldPlaceIt()
            throws Exception {
        String symbol = quoted("CREPH");
        long trader = trader("resolvedlater");
        IntakeSnapshot received =
                log.receive(trader, FEED, trade("r-8", symbol, Side.BUY, "4"), Instant.now())
                        .entry();
        IntakeSnapshot decided = copyDesk.decide(received.id()).orElseThrow().entry();
        assertEquals(IntakeStatus.COPIED, decided.status(), decided.toString());
        // the process died before placing it, and the instrument's resolution settled it since
        catalog.settled(symbol, Instant.parse("2026-11-30T21:00:00Z"));

        restartedLater(received.id());
        intake.refilter();
        intake.refilter();

        IntakeSnapshot refused = log.find(received.id()).orElseThrow();
        assertEquals(IntakeStatus.SKIPPED, refused.status(), refused.toString());
        assertEquals(SkipReason.ORDER_REFUSED, refused.reason());
        assertEquals(
                "the order desk refused the order: "
                        + symbol
                        + " is resolved (its resolution settled it at 2026-11-30T21:00:00Z): no"
                        + " position is opened in it",
                refused.detail());
        assertNull(refused.orderedAt());
        assertEquals(0, orderCount(decided.clientOrderId()));
        assertEquals(List.of(), positions.inBook(CopyDecisions.book(trader), symbol));
        assertEquals(1, notifications("COPY_TRADE_SKIPPED", received.id()));
        traders.delete(trader);
    }

    /** What {@link Intake} does to place a copy that opens: the step a crash may cut off after. */
    private Positions.BookedEntry openAsTheIntakeDoes(IntakeSnapshot decided) {
        TraderSettings settings = watched.trader(decided.traderId()).orElseThrow().settings();
        return positions.openInBook(
                CopyDecisions.book(decided.traderId()),
                decided.trade().symbol(),
                decided.copySide(),
                decided.copyQuantity(),
                settings.rules(),
                decided.clientOrderId(),
                settings.paper());
    }

    /**
     * The entry as a restart finds it: received longer ago than the intake keeps an entry in its
     * own hands, so the task takes it.
     */
    private void restartedLater(long entryId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update =
                        connection.prepareStatement(
                                "UPDATE copy_intake SET received_at = received_at - interval '60"
                                        + " seconds' WHERE id = ?")) {
            update.setLong(1, entryId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private PositionSnapshot onlyLivePosition(long trader) {
        List<PositionSnapshot> live = positions.book(CopyDecisions.book(trader)).live();
        assertEquals(1, live.size(), live.toString());
        return live.get(0);
    }

    private void awaitNoLivePosition(long trader) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!positions.book(CopyDecisions.book(trader)).live().isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), positions.book(CopyDecisions.book(trader)).live());
    }

    /** In the catalog on {@code SIM}, not watched, quoted at 20.00 (19.99 / 20.01) by this test. */
    private String quoted(String prefix) throws InterruptedException {
        String symbol = prefix + (System.nanoTime() % 10_000);
        catalog.watch(Contract.stock(symbol, "SIM"), "intake repair test");
        catalog.unwatch(symbol);
        Thread.sleep(200);
        quotes.put(
                new Quote(
                        symbol,
                        19.99,
                        20.01,
                        20.00,
                        100,
                        100,
                        10,
                        1000,
                        Quote.nowMicros(),
                        MarketDataType.LIVE));
        return symbol;
    }

    private long trader(String name) {
        String json =
                "{\"name\":\"repair-"
                        + name
                        + "-"
                        + System.nanoTime()
                        + "\",\"feed\":\"webhook\",\"allocation\":100000,"
                        + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":1},\"copyExits\":true}";
        return traders.create(Json.createReader(new StringReader(json)).readObject()).trader().id();
    }

    private static LeaderTrade trade(String id, String symbol, Side side, String quantity) {
        return new LeaderTrade(
                id,
                symbol,
                side,
                new BigDecimal(quantity),
                new BigDecimal("20"),
                Instant.now(),
                null);
    }

    private long orderCount(String clientOrderId) throws SQLException {
        return count("SELECT count(*) FROM orders WHERE client_order_id = '" + clientOrderId + "'");
    }

    private long notifications(String type, long entryId) throws SQLException {
        return count(
                "SELECT count(*) FROM notifications WHERE type = '"
                        + type
                        + "' AND payload LIKE '%\"intakeId\":"
                        + entryId
                        + ",%'");
    }

    private long count(String sql) throws SQLException {
        return decimal(sql).longValueExact();
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getBigDecimal(1);
        }
    }
}
