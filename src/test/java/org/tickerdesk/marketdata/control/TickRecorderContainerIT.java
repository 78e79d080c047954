package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * Ticks in PostgreSQL: written a batch at a time, read back exactly as they came (microseconds, a
 * price not sent), expired by age; and the recorder writes the simulated market's ticks by itself.
 */
@ExtendWith(ArquillianExtension.class)
class TickRecorderContainerIT {

    /** 2025-11-20T14:30:00.000123Z in epoch microseconds. */
    private static final long T0 = 1_763_649_000_000_123L;

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject TickStore store;

    @Inject TickRecorder recorder;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aBatchComesBackAsItWasWrittenOldestFirst() throws SQLException {
        long id = instrument("CIT-TICKS");
        Quote second = quote("CIT-TICKS", T0 + 500_000, 101.5);
        Quote first =
                new Quote(
                        "CIT-TICKS",
                        101.25,
                        101.27,
                        Double.NaN,
                        300,
                        200,
                        0,
                        0,
                        T0,
                        MarketDataType.DELAYED);

        store.write(List.of(second, first), new long[] {id, id});

        assertEquals(
                List.of(first, second),
                store.range(
                        "CIT-TICKS",
                        id,
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T14:31:00Z"),
                        10));
        assertEquals(
                List.of(first),
                store.range(
                        "CIT-TICKS",
                        id,
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T14:30:00.5Z"),
                        10),
                "to is exclusive");
    }

    @Test
    void expiringDeletesOnlyWhatIsOlder() throws SQLException {
        long id = instrument("CIT-EXPIRE");
        Quote old = quote("CIT-EXPIRE", T0, 50);
        Quote kept = quote("CIT-EXPIRE", T0 + 3_600_000_000L, 51);
        store.write(List.of(old, kept), new long[] {id, id});

        store.expire(Instant.parse("2025-11-20T15:00:00Z"));

        assertEquals(
                List.of(kept),
                store.range(
                        "CIT-EXPIRE",
                        id,
                        Instant.parse("2025-11-20T00:00:00Z"),
                        Instant.parse("2025-11-21T00:00:00Z"),
                        10));
    }

    @Test
    void theSimulatedMarketsTicksAreRecordedAsTheyCome() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (recorder.recorded() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(recorder.recorded() > 0, "the recorder wrote ticks");
        assertEquals(0, recorder.dropped() + recorder.failed(), "none was lost");
        try (Connection connection = database.getConnection();
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM ticks WHERE ts > now() - interval '1 hour'");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            assertTrue(rows.getLong(1) > 0, "recent ticks are in the table");
        }
    }

    private static Quote quote(String symbol, long micros, double last) {
        return new Quote(
                symbol,
                last - 0.01,
                last + 0.01,
                last,
                100,
                100,
                10,
                1_000,
                micros,
                MarketDataType.LIVE);
    }

    private long instrument(String symbol) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, on_watchlist) VALUES (?, 'STOCK', 'SMART',"
                                        + " 'USD', 0.01, FALSE) RETURNING id")) {
            insert.setString(1, symbol);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
