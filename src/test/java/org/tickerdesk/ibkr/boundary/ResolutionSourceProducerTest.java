package org.tickerdesk.ibkr.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;
import org.tickerdesk.resolution.control.ResolutionFailedException;

class ResolutionSourceProducerTest {

    @Test
    void whereIbkrIsNotUsedEveryResolutionFailsSayingSo() {
        TwsLink link = new TwsLink();
        link.upstream = new Upstream(SourceName.SIMULATED, BrokerName.PAPER);
        ResolutionSourceProducer producer = new ResolutionSourceProducer();
        producer.link = link;
        Contract future =
                new Contract(
                        "ESZ6",
                        InstrumentKind.FUTURE,
                        "CME",
                        "USD",
                        new BigDecimal("0.25"),
                        LocalDate.of(2026, 12, 18));

        ResolutionFailedException failure =
                assertThrows(
                        ResolutionFailedException.class, () -> producer.ibkr().resolve(future));
        assertEquals(
                "IBKR is not used here: set TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr;"
                        + " cannot resolve ESZ6",
                failure.getMessage());
    }
}
