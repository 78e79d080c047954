package org.tickerdesk.ibkr.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tickerdesk.copytrading.control.TradeSink;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.faketws.FakeTwsScript;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Side;

/**
 * The ibkr trade feed against the fake TWS, whose executions are all of account DU123456 and timed
 * 2025-11-21 10:00:01 US/Eastern, i.e. 15:00:01 UTC (EST is UTC-5 in November).
 */
class LeaderExecutionsTest {

    private static final String ACCOUNT = "DU123456";
    private static final Instant EXEC_TIME = Instant.parse("2025-11-21T15:00:01Z");
    private static final Logger READER_LOG =
            Logger.getLogger("org.tickerdesk.ibkr.session.ReaderLoop");
    private static final Logger FEED_LOG = Logger.getLogger(LeaderExecutions.class.getName());
    private static final ThreadFactory THREADS =
            runnable -> {
                Thread thread = new Thread(runnable, "leader-executions-test");
                thread.setDaemon(true);
                return thread;
            };

    @RegisterExtension final FakeTws fake = new FakeTws();

    private final ServerMessages m = new ServerMessages(178);
    private final Sink sink = new Sink();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
    private FakeTwsServer server;
    private LeaderExecutions feed;

    @AfterEach
    void stop() {
        READER_LOG.removeHandler(logHandler);
        FEED_LOG.removeHandler(logHandler);
        if (feed != null) {
            feed.close();
        }
    }

    /** The feed connected to the fake TWS, which knows {@code executed} from the start. */
    private void start(FakeTwsScript.Executed... executed) throws Exception {
        TwsSession session = fake.start(178);
        server = fake.server();
        server.executions.addAll(List.of(executed));
        feed = new LeaderExecutions(session, THREADS, ZoneOffset.UTC, "unused");
        feed.start(sink);
        fake.connect();
    }

    @Test
    void theDaysExecutionsOfTheLeadersAccountAreAskedForAndTakenAsTrades() throws Exception {
        // known before the feed asks: added after, they could miss an early request
        start(
                new FakeTwsScript.Executed(
                        11, "AAPL", "0000e0d5.6571a4b2.01.01", "BOT", "10", "189.50", ""),
                new FakeTwsScript.Executed(
                        12, "BRK B", "0000e0d5.6571a4b3.01.01", "SLD", "2", "412.25", ""));
        List<String> request = server.nextRequest(7);
        assertEquals("3", request.get(1), "version");
        assertTrue(Integer.parseInt(request.get(2)) >= TwsSession.FIRST_REQUEST_ID);
        assertEquals("0", request.get(3), "any client");
        assertEquals(ACCOUNT, request.get(4), "filtered on the leader's account");

        Delivered first = sink.next();
        Delivered second = sink.next();

        assertEquals(7L, first.traderId());
        assertEquals(
                new LeaderTrade(
                        "0000e0d5.6571a4b2.01.01",
                        "AAPL",
                        Side.BUY,
                        new BigDecimal("10"),
                        new BigDecimal("189.50"),
                        EXEC_TIME,
                        null),
                first.trade());
        assertEquals(
                new LeaderTrade(
                        "0000e0d5.6571a4b3.01.01",
                        "BRK.B",
                        Side.SELL,
                        new BigDecimal("2"),
                        new BigDecimal("412.25"),
                        EXEC_TIME,
                        null),
                second.trade());
        assertEquals("leader-executions-test", first.thread(), "off the reader thread");
    }

    @Test
    void liveExecutionsAreTakenAndAPollAsksAgain() throws Exception {
        start();
        server.nextRequest(7);

        server.send(m.execDetails(-1, 0, "MSFT", "live.1", "BOT", "3", "410.10", ""));
        assertEquals("live.1", sink.next().trade().tradeId());

        feed.poll();
        assertEquals(ACCOUNT, server.nextRequest(7).get(4));
    }

    @Test
    void anExecutionGoesOnlyToTheTradersOfItsAccountAndOurOwnCopyOrdersToNobody() throws Exception {
        sink.other = true;
        start();
        server.nextRequest(7);
        server.send(m.execDetails(-1, 0, "MSFT", "ours.1", "BOT", "3", "410.10", "cp-8-abc"));
        server.send(m.execDetails(-1, 0, "MSFT", "leader.1", "BOT", "3", "410.10", ""));

        Delivered only = sink.next();
        assertEquals("leader.1", only.trade().tradeId());
        assertEquals(7L, only.traderId(), "not trader 8, who follows U7654321");
        assertNull(sink.delivered.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void bytesThatDoNotReadAreSkippedWithAClearWarningAndTheNextExecutionIsTaken()
            throws Exception {
        READER_LOG.addHandler(logHandler);
        FEED_LOG.addHandler(logHandler);
        start();
        server.nextRequest(7);

        server.send(m.execDetails(-1, 0, "MSFT", "bad.1", "BOT", "1O", "410.10", ""));
        server.send(m.execDetails(-1, 0, "MSFT", "bad.2", "BUY", "3", "410.10", ""));
        server.send(m.execDetails(-1, 0, "MSFT", "good.1", "SLD", "3", "410.10", ""));

        assertEquals("good.1", sink.next().trade().tradeId());
        assertNull(sink.delivered.poll(200, TimeUnit.MILLISECONDS));
        List<String> warnings =
                logged.stream()
                        .filter(r -> r.getLevel() == Level.WARNING)
                        .peek(r -> assertNull(r.getThrown(), "no stack trace for bad bytes"))
                        .map(r -> new SimpleFormatter().formatMessage(r))
                        .toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("field 'shares' is '1O'"), warnings.get(0));
        assertEquals(
                "IBKR execution bad.2 of account DU123456 not taken: side is BOT or SLD, not"
                        + " 'BUY'",
                warnings.get(1));
        assertTrue(fake.session().isConnected(), "the connection is untouched");
    }

    @Test
    void withoutIbkrTheFeedIsUnavailableAndStartsNothing() {
        LeaderExecutions unused =
                new LeaderExecutions(null, THREADS, ZoneOffset.UTC, "IBKR is not used here");
        unused.start(sink);
        unused.poll();

        assertEquals(Optional.of("IBKR is not used here"), unused.unavailable());
        assertEquals("ibkr", unused.name());
    }

    @Test
    void ibsTimesAreReadWithTheirZoneOrTwssOwn() {
        ZoneId tws = ZoneId.of("Europe/Zurich");
        assertEquals(EXEC_TIME, LeaderExecutions.time("20251121 10:00:01 US/Eastern", tws));
        assertEquals(
                Instant.parse("2025-11-21T09:00:01Z"),
                LeaderExecutions.time("20251121  10:00:01", tws),
                "two spaces, Zurich's CET is UTC+1");
        DateTimeException e =
                assertThrows(DateTimeException.class, () -> LeaderExecutions.time("today", tws));
        assertEquals(
                "time is yyyyMMdd HH:mm:ss with an optional zone, not 'today'", e.getMessage());
    }

    private record Delivered(long traderId, LeaderTrade trade, String thread) {}

    /** Trader 7 follows DU123456 through ibkr and, when {@link #other}, trader 8 U7654321. */
    private static final class Sink implements TradeSink {
        final BlockingQueue<Delivered> delivered = new LinkedBlockingQueue<>();
        volatile boolean other;

        @Override
        public List<WatchedTrader> followed() {
            WatchedTrader seven = trader(7, ACCOUNT);
            return other ? List.of(seven, trader(8, "U7654321")) : List.of(seven);
        }

        private static WatchedTrader trader(long id, String account) {
            return new WatchedTrader(
                    id,
                    new TraderSettings(
                            "Leader " + id,
                            "ibkr",
                            true,
                            false,
                            BigDecimal.valueOf(10_000),
                            Sizing.share(),
                            Caps.NONE,
                            Filters.NONE,
                            true,
                            null,
                            ExitRules.NONE,
                            account));
        }

        @Override
        public IntakeSnapshot deliver(long traderId, LeaderTrade trade) {
            delivered.add(new Delivered(traderId, trade, Thread.currentThread().getName()));
            return null;
        }

        @Override
        public Optional<Instant> lastTradeTime(long traderId) {
            return Optional.empty();
        }

        Delivered next() throws InterruptedException {
            Delivered d = delivered.poll(30, TimeUnit.SECONDS);
            assertNotNull(d, "nothing delivered within 30 s");
            return d;
        }
    }
}
