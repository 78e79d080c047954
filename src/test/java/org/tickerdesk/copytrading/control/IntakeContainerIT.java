package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.TaskSnapshot;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.PositionBook;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * What only the container proves of the trade intake: a trade taken three times at once is one
 * entry, one order and one position, and one notification of its copy committed with the decision;
 * a trade that waits for a quote is decided again by the {@code copy-filter} task once one arrives;
 * a trade that waited too long is skipped; an unknown symbol is skipped with its reason. Each test
 * has a symbol of its own, known to the catalog (on {@code SIM}, open around the clock) but not
 * watched, so nothing but the test quotes it.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeContainerIT {

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject Intake intake;

    @Inject Traders traders;

    @Inject IntakeLog log;

    @Inject InstrumentCatalog catalog;

    @Inject QuoteStore quotes;

    @Inject OrderDesk desk;

    @Inject Positions positions;

    @Inject Tasks tasks;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aTradeTakenThreeTimesAtOnceIsOneEntryOneOrderOnePositionAndOneNotification()
            throws Exception {
        String symbol = knownButUnquoted("CINTA");
        quote(symbol, 50.00, 49.99, 50.01);
        long trader = trader("three", null);
        LeaderTrade trade = buy("t-once", symbol, "10", Instant.now());

        ExecutorService three = Executors.newFixedThreadPool(3);
        List<Future<IntakeSnapshot>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(three.submit(() -> intake.take(trader, "webhook", trade)));
        }
        List<IntakeSnapshot> entries = new ArrayList<>();
        for (Future<IntakeSnapshot> answer : answers) {
            entries.add(answer.get());
        }
        three.shutdown();

        Set<Long> ids = entries.stream().map(IntakeSnapshot::id).collect(Collectors.toSet());
        assertEquals(1, ids.size(), entries.toString());
        long id = ids.iterator().next();
        IntakeSnapshot copied = log.find(id).orElseThrow();
        assertEquals(IntakeStatus.COPIED, copied.status(), copied.toString());
        assertEquals(new BigDecimal("10"), copied.copyQuantity()); // ratio 1 of 10
        String orderId = CopyDecisions.clientOrderId(trader, "webhook", "t-once");
        assertEquals(orderId, copied.clientOrderId());
        assertNotNull(copied.orderedAt());
        assertEquals(new BigDecimal("50.02"), copied.fillPrice()); // the ask + one tick
        assertEquals(1, count("SELECT count(*) FROM copy_intake WHERE trader_id = " + trader));
        assertEquals(
                1, count("SELECT count(*) FROM orders WHERE client_order_id = '" + orderId + "'"));
        assertTrue(desk.find(orderId).isPresent());
        PositionBook book = positions.book(CopyDecisions.book(trader));
        assertEquals(1, book.live().size(), book.toString());
        PositionSnapshot position = book.live().get(0);
        assertEquals(Side.BUY, position.side());
        assertEquals(0, new BigDecimal("10").compareTo(position.quantity()));
        assertEquals(orderId, position.entryOrderId());
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM notifications WHERE type = 'COPY_TRADE_COPIED' AND"
                                + " payload LIKE '%\"intakeId\":"
                                + id
                                + ",%'"));

        IntakeSnapshot again = intake.take(trader, "webhook", trade);
        assertEquals(id, again.id());
        assertEquals(1, positions.book(CopyDecisions.book(trader)).live().size());
        positions.close(position.id());
        traders.delete(trader);
    }

    @Test
    void aTradeWaitingForAQuoteIsCopiedByTheFilterTaskOnceOneArrives() throws Exception {
        String symbol = knownButUnquoted("CINTB");
        long trader = trader("waits", null);

        IntakeSnapshot waiting =
                intake.take(trader, "webhook", buy("t-wait", symbol, "4", Instant.now()));

        assertEquals(IntakeStatus.WAITING, waiting.status(), waiting.toString());
        assertEquals(SkipReason.NO_QUOTE, waiting.reason());
        intake.refilter();
        assertEquals(IntakeStatus.WAITING, log.find(waiting.id()).orElseThrow().status());

        quote(symbol, 20.00, 19.99, 20.01);
        intake.refilter();

        IntakeSnapshot copied = log.find(waiting.id()).orElseThrow();
        assertEquals(IntakeStatus.COPIED, copied.status(), copied.toString());
        assertEquals(new BigDecimal("4"), copied.copyQuantity());
        assertNotNull(copied.orderedAt());
        List<PositionSnapshot> live = positions.book(CopyDecisions.book(trader)).live();
        assertEquals(1, live.size());
        positions.close(live.get(0).id());
        traders.delete(trader);
    }

    @Test
    void aTradeThatWaitedLongerThanTheDefaultFifteenMinutesIsSkippedAsTooOld()
            throws InterruptedException {
        String symbol = knownButUnquoted("CINTC");
        long trader = trader("old", null);

        IntakeSnapshot old =
                intake.take(
                        trader,
                        "webhook",
                        buy("t-old", symbol, "1", Instant.now().minus(Duration.ofMinutes(16))));

        assertEquals(IntakeStatus.SKIPPED, old.status(), old.toString());
        assertEquals(SkipReason.TOO_OLD, old.reason());
        assertTrue(old.detail().contains("no quote for the instrument yet"), old.detail());
        traders.delete(trader);
    }

    @Test
    void anUnknownSymbolIsSkippedOnceWithItsReasonHoweverOftenItComes() throws SQLException {
        long trader = trader("unknown", null);
        LeaderTrade trade = buy("t-unknown", "CINTNONE", "1", Instant.now());

        IntakeSnapshot first = intake.take(trader, "webhook", trade);
        IntakeSnapshot second = intake.take(trader, "webhook", trade);

        assertEquals(IntakeStatus.SKIPPED, first.status());
        assertEquals(SkipReason.UNKNOWN_INSTRUMENT, first.reason());
        assertEquals(first.id(), second.id());
        assertEquals(first.decidedAt(), second.decidedAt());
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM notifications WHERE type = 'COPY_TRADE_SKIPPED' AND"
                                + " payload LIKE '%\"intakeId\":"
                                + first.id()
                                + ",%'"));
        assertEquals(List.of(first.id()), ids(log.list(trader, IntakeStatus.SKIPPED, 10)));
        assertEquals(List.of(), ids(log.list(trader, IntakeStatus.COPIED, 10)));
        traders.delete(trader);
        assertEquals(0, count("SELECT count(*) FROM copy_intake WHERE trader_id = " + trader));
    }

    @Test
    void theFilterIsATaskOfTheConsoleEvery30Seconds() {
        TaskSnapshot filter =
                tasks.list().stream()
                        .filter(t -> t.name().equals("copy-filter"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("copy-filter: " + tasks.list()));
        assertEquals(Duration.ofSeconds(30), filter.defaultInterval());
        assertFalse(filter.critical());
    }

    private static List<Long> ids(List<IntakeSnapshot> entries) {
        return entries.stream().map(IntakeSnapshot::id).toList();
    }

    /** In the catalog, so orders may be placed on it, but not watched: no source quotes it. */
    private String knownButUnquoted(String prefix) throws InterruptedException {
        String symbol = prefix + (System.nanoTime() % 10_000);
        catalog.watch(Contract.stock(symbol, "SIM"), "intake test");
        catalog.unwatch(symbol);
        Thread.sleep(200);
        quotes.remove(symbol);
        return symbol;
    }

    private void quote(String symbol, double last, double bid, double ask) {
        quotes.put(
                new Quote(
                        symbol,
                        bid,
                        ask,
                        last,
                        100,
                        100,
                        10,
                        1000,
                        Quote.nowMicros(),
                        MarketDataType.LIVE));
    }

    private long trader(String name, String extra) {
        String json =
                "{\"name\":\"intake-"
                        + name
                        + "-"
                        + System.nanoTime()
                        + "\",\"feed\":\"webhook\",\"allocation\":100000,"
                        + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":1}"
                        + (extra == null ? "" : "," + extra)
                        + "}";
        return traders.create(Json.createReader(new StringReader(json)).readObject()).trader().id();
    }

    private static LeaderTrade buy(String id, String symbol, String quantity, Instant at) {
        return new LeaderTrade(
                id, symbol, Side.BUY, new BigDecimal(quantity), new BigDecimal("20"), at, null);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
