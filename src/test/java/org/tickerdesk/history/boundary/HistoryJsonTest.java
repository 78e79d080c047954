package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.FetchedWindow;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/** The JSON the history API answers with, and the status of each failure. */
class HistoryJsonTest {

    @Test
    void aFetchSaysWhatItStoredAndAnEmptyOneHasNullEnds() {
        assertEquals(
                "{\"symbol\":\"AAPL\",\"barSize\":\"1"
                    + " min\",\"whatToShow\":\"TRADES\",\"source\":\"ibkr\","
                    + "\"stored\":3,\"first\":\"2025-11-20T14:30:00Z\",\"last\":\"2025-11-20T14:32:00Z\"}",
                HistoryJson.fetched(
                                new FetchedWindow(
                                        "AAPL",
                                        BarSize.MIN_1,
                                        WhatToShow.TRADES,
                                        "ibkr",
                                        3,
                                        Instant.parse("2025-11-20T14:30:00Z"),
                                        Instant.parse("2025-11-20T14:32:00Z")))
                        .toString());
        assertEquals(
                "{\"symbol\":\"AAPL\",\"barSize\":\"1"
                        + " day\",\"whatToShow\":\"BID\",\"source\":\"ibkr\","
                        + "\"stored\":0,\"first\":null,\"last\":null}",
                HistoryJson.fetched(
                                new FetchedWindow(
                                        "AAPL",
                                        BarSize.DAY_1,
                                        WhatToShow.BID,
                                        "ibkr",
                                        0,
                                        null,
                                        null))
                        .toString());
    }

    @Test
    void everyStoredBarHasTheSameMembersWithPlainNumbers() {
        BarQuery query = new BarQuery("AAPL", BarSize.MIN_1, WhatToShow.TRADES, null, null, 1000);
        List<StoredBar> bars =
                List.of(
                        new StoredBar(
                                new Bar(
                                        Instant.parse("2025-11-20T14:30:00Z"),
                                        new BigDecimal("189.10000000"),
                                        new BigDecimal("189.60000000"),
                                        new BigDecimal("100.00000000"),
                                        new BigDecimal("189.50000000"),
                                        new BigDecimal("12000.00000000"),
                                        new BigDecimal("189.31000000"),
                                        95),
                                "ibkr",
                                Instant.parse("2025-11-20T21:00:05Z")),
                        new StoredBar(
                                new Bar(
                                        Instant.parse("2025-11-20T14:31:00Z"),
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        BigDecimal.ONE,
                                        null,
                                        null,
                                        null),
                                "ibkr",
                                Instant.parse("2025-11-20T21:00:05Z")));
        assertEquals(
                "[{\"symbol\":\"AAPL\",\"barSize\":\"1 min\",\"whatToShow\":\"TRADES\","
                    + "\"start\":\"2025-11-20T14:30:00Z\",\"open\":189.1,\"high\":189.6,\"low\":100,\"close\":189.5,"
                    + "\"volume\":12000,\"wap\":189.31,\"count\":95,\"source\":\"ibkr\","
                    + "\"fetchedAt\":\"2025-11-20T21:00:05Z\"},{\"symbol\":\"AAPL\",\"barSize\":\"1"
                    + " min\",\"whatToShow\":\"TRADES\","
                    + "\"start\":\"2025-11-20T14:31:00Z\",\"open\":1,\"high\":1,\"low\":1,\"close\":1,"
                    + "\"volume\":null,\"wap\":null,\"count\":null,\"source\":\"ibkr\","
                    + "\"fetchedAt\":\"2025-11-20T21:00:05Z\"}]",
                HistoryJson.bars(query, bars).toString());
    }

    @Test
    void aFailureIsAProblemNamingItsCodeDetailAndEveryField() {
        assertEquals(
                "{\"type\":\"urn:tickerdesk:problem:invalid_history_request\","
                        + "\"title\":\"Invalid history request\",\"status\":400,"
                        + "\"detail\":\"a; b\",\"code\":\"invalid_history_request\","
                        + "\"errors\":[{\"field\":\"symbol\",\"message\":\"a\"},"
                        + "{\"field\":\"barSize\",\"message\":\"b\"}]}",
                HistoryFailureException.invalid(
                                List.of(
                                        new FieldError("symbol", "a"),
                                        new FieldError("barSize", "b")))
                        .toJson()
                        .toString());
    }

    @Test
    void theCallersMistakesAre4xxAndIbsAre5xx() {
        assertEquals(
                List.of(400, 404, 409, 422, 422, 502, 504),
                EnumSet.allOf(HistoryFailureException.Kind.class).stream()
                        .map(HistoryFailureException.Kind::status)
                        .toList());
        Set<String> codes =
                EnumSet.allOf(HistoryFailureException.Kind.class).stream()
                        .map(HistoryFailureException.Kind::code)
                        .collect(Collectors.toSet());
        assertEquals(
                HistoryFailureException.Kind.values().length, codes.size(), "one code per kind");
        assertEquals("no_history_source", HistoryFailureException.Kind.NO_SOURCE.code());
        assertEquals(
                List.of(
                        "invalid_history_request",
                        "unknown_instrument",
                        "no_history_source",
                        "no_such_contract",
                        "refused_by_source",
                        "corrupt_data",
                        "source_timeout"),
                EnumSet.allOf(HistoryFailureException.Kind.class).stream()
                        .map(HistoryFailureException.Kind::code)
                        .toList(),
                "the codes the API has always answered with");
    }
}
