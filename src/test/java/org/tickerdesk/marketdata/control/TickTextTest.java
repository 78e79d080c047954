package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.control.ProblemException;

/** The recorder's COPY text and the ticks API's query. */
class TickTextTest {

    /** 2025-11-20T14:30:00.000123Z in epoch microseconds. */
    private static final long T0 = 1_763_649_000_000_123L;

    @Test
    void eachTickIsOneLineWithItsInstrumentItsMicrosecondsAndNullForAPriceNotSent() {
        Quote full =
                new Quote(
                        "AAPL",
                        189.49,
                        189.51,
                        189.5,
                        300,
                        200,
                        100,
                        1_520_300,
                        T0,
                        MarketDataType.LIVE);
        Quote fx =
                new Quote(
                        "EUR.USD",
                        1.0841,
                        1.0842,
                        Double.NaN,
                        1_000_000,
                        2_000_000,
                        0,
                        0,
                        T0 + 1_000_000,
                        MarketDataType.DELAYED);

        assertEquals(
                "7\t2025-11-20T14:30:00.000123Z\t189.49\t189.51\t189.5\t300\t200\t100\t1520300"
                    + "\tLIVE\n"
                    + "9\t2025-11-20T14:30:01.000123Z\t1.0841\t1.0842\t\\N\t1000000\t2000000\t0\t0"
                    + "\tDELAYED\n",
                new String(
                        TickText.of(List.of(full, fx), new long[] {7, 9}),
                        StandardCharsets.US_ASCII));
    }

    @Test
    void aTimeBeforeTheEpochKeepsItsMicroseconds() {
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), TickText.time(-1));
    }

    @Test
    void aQueryWithoutRangeIsTheHourBeforeNowAndAThousandTicks() {
        Instant now = Instant.parse("2025-11-20T15:00:00Z");
        assertEquals(
                new TickQuery(Instant.parse("2025-11-20T14:00:00Z"), now, 1000),
                TickQuery.parse(Map.of(), now));
        assertEquals(
                new TickQuery(
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T14:31:00Z"),
                        5),
                TickQuery.parse(
                        Map.of(
                                "from", List.of("1763649000000"),
                                "to", List.of("2025-11-20T14:31:00Z"),
                                "limit", List.of("5")),
                        now));
    }

    @Test
    void everyFaultOfAQueryIsNamed() {
        ProblemException refused =
                assertThrows(
                        ProblemException.class,
                        () ->
                                TickQuery.parse(
                                        Map.of(
                                                "from", List.of("yesterday"),
                                                "limit", List.of("10001"),
                                                "size", List.of("3")),
                                        Instant.parse("2025-11-20T15:00:00Z")));
        assertEquals(400, refused.status());
        assertEquals("invalid_tick_request", refused.code());
        assertEquals(3, refused.errors().size(), refused.errors().toString());
        ProblemException inverted =
                assertThrows(
                        ProblemException.class,
                        () ->
                                TickQuery.parse(
                                        Map.of(
                                                "from", List.of("2025-11-20T15:00:00Z"),
                                                "to", List.of("2025-11-20T14:00:00Z")),
                                        Instant.parse("2025-11-20T15:00:00Z")));
        assertEquals("must be after 'from'", inverted.errorFor("to"));
    }
}
