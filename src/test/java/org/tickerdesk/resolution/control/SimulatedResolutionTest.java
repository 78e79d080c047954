package org.tickerdesk.resolution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * The simulated market's instruments resolve the day after their expiry: an event contract by an
 * outcome drawn from the seed and the symbol, a future or an option at the last simulated price.
 */
class SimulatedResolutionTest {

    private static final LocalDate EXPIRY = LocalDate.parse("2026-12-18");
    private static final Contract FUTURE =
            new Contract(
                    "ESZ6", InstrumentKind.FUTURE, "CME", "USD", new BigDecimal("0.25"), EXPIRY);
    private static final Contract EVENT =
            new Contract(
                    "CPI3-202612",
                    InstrumentKind.EVENT,
                    "FORECASTX",
                    "USD",
                    new BigDecimal("0.01"),
                    EXPIRY);
    private static final Function<String, Optional<Quote>> ES_AT_6012_25 =
            symbol -> Optional.of(quote(symbol, 6012.25, 6012.0, 6012.5));

    @Test
    void nothingResolvesBeforeOrOnItsExpiry() {
        assertEquals(
                Optional.empty(),
                SimulatedResolution.resolve(FUTURE, EXPIRY.minusDays(1), 42, ES_AT_6012_25));
        assertEquals(
                Optional.empty(), SimulatedResolution.resolve(FUTURE, EXPIRY, 42, ES_AT_6012_25));
        assertEquals(
                Optional.empty(), SimulatedResolution.resolve(EVENT, EXPIRY, 42, ES_AT_6012_25));
    }

    @Test
    void aFutureSettlesAtTheLastSimulatedPriceTheDayAfterItsExpiry() {
        Resolution r =
                SimulatedResolution.resolve(FUTURE, EXPIRY.plusDays(1), 42, ES_AT_6012_25)
                        .orElseThrow();

        assertEquals(0, new BigDecimal("6012.25").compareTo(r.settlementPrice()));
        assertNull(r.outcome());
        assertTrue(r.basis().contains("6012.25"), r.basis());
    }

    @Test
    void withoutATradeItSettlesAtTheMiddleOfBidAndAsk() {
        Resolution r =
                SimulatedResolution.resolve(
                                FUTURE,
                                EXPIRY.plusDays(1),
                                42,
                                s -> Optional.of(quote(s, Double.NaN, 6011.5, 6012.0)))
                        .orElseThrow();

        assertEquals(0, new BigDecimal("6011.75").compareTo(r.settlementPrice()));
    }

    @Test
    void anExpiredFutureTheMarketNeverQuotedIsNotGuessed() {
        ResolutionFailedException e =
                assertThrows(
                        ResolutionFailedException.class,
                        () ->
                                SimulatedResolution.resolve(
                                        FUTURE, EXPIRY.plusDays(1), 42, s -> Optional.empty()));

        assertTrue(e.getMessage().contains("ESZ6"), e.getMessage());
    }

    @Test
    void anEventContractsOutcomeIsTheSameForTheSameSeed() {
        Resolution first =
                SimulatedResolution.resolve(EVENT, EXPIRY.plusDays(1), 42, s -> Optional.empty())
                        .orElseThrow();
        Resolution again =
                SimulatedResolution.resolve(EVENT, EXPIRY.plusDays(30), 42, s -> Optional.empty())
                        .orElseThrow();

        assertEquals(first.outcome(), again.outcome());
        assertEquals(0, first.outcome().settlementPrice().compareTo(first.settlementPrice()));
        assertEquals(SimulatedResolution.outcome(42, "CPI3-202612"), first.outcome());
    }

    @Test
    void seedsAndSymbolsDrawBothOutcomes() {
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        for (long seed = 0; seed < 20; seed++) {
            seen.add(SimulatedResolution.outcome(seed, "CPI3-202612"));
        }
        assertEquals(EnumSet.allOf(Outcome.class), seen, "over seeds");
        seen.clear();
        for (int month = 1; month <= 12; month++) {
            seen.add(SimulatedResolution.outcome(42, "CPI3-2026" + String.format("%02d", month)));
        }
        assertEquals(EnumSet.allOf(Outcome.class), seen, "over symbols");
    }

    private static Quote quote(String symbol, double last, double bid, double ask) {
        return new Quote(
                symbol, bid, ask, last, 1, 1, 1, 10, 1_766_102_400_000_000L, MarketDataType.LIVE);
    }
}
