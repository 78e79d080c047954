package org.tickerdesk.instruments.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final LocalDate DEC = LocalDate.of(2026, 12, 18);

    @Test
    void usualSymbolsAreValid() {
        for (String symbol : new String[] {"AAPL", "BRK.B", "ESZ6", "S0042", "CPI3-202612", "V"}) {
            assertDoesNotThrow(() -> Contract.stock(symbol, "SMART"), symbol);
        }
    }

    @Test
    void badSymbolsAreRefusedWithAnExample() {
        for (String symbol :
                new String[] {"", "aapl", "BAD SYMBOL", ".A", "A.", "A;DROP", "X".repeat(33)}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> Contract.stock(symbol, "SMART"));
            assertTrue(e.getMessage().contains("not a valid symbol"), e.getMessage());
        }
    }

    @Test
    void everyKindButAStockExpires() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Contract("ESZ6", InstrumentKind.FUTURE, "CME", "USD", CENT, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Contract("AAPL", InstrumentKind.STOCK, "SMART", "USD", CENT, DEC));
        assertDoesNotThrow(
                () ->
                        new Contract(
                                "ESZ6",
                                InstrumentKind.FUTURE,
                                "CME",
                                "USD",
                                new BigDecimal("0.25"),
                                DEC));
    }

    @Test
    void tickSizeCurrencyAndExchangeAreChecked() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Contract(
                                "A", InstrumentKind.STOCK, "SMART", "USD", BigDecimal.ZERO, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Contract("A", InstrumentKind.STOCK, "SMART", "US", CENT, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Contract("A", InstrumentKind.STOCK, "", "USD", CENT, null));
    }

    @Test
    void theTickSizeIsTheSameWhateverItsScale() {
        assertEquals(
                new Contract(
                        "A",
                        InstrumentKind.STOCK,
                        "SMART",
                        "USD",
                        new BigDecimal("0.01000000"),
                        null),
                Contract.stock("A", "SMART"));
    }
}
