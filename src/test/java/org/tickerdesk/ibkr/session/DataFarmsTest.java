package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.boundary.IbkrOverview;
import org.tickerdesk.ibkr.session.DataFarm.Service;
import org.tickerdesk.ibkr.session.DataFarm.State;
import org.tickerdesk.ibkr.wire.messages.TwsError;

/** TWS's farm reports become the state of each farm, the latest report winning. */
class DataFarmsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:30:00Z");

    private final DataFarms farms = new DataFarms(Clock.fixed(NOW, ZoneOffset.UTC));

    private void report(int code, String text) {
        farms.onMessage(TwsError.of(-1, code, text, "", 0));
    }

    @Test
    void everyFarmCodeBecomesAFarmState() {
        report(2104, "Market data farm connection is OK:usfarm");
        report(2103, "Market data farm connection is broken:eufarm");
        report(
                2108,
                "Market data farm connection is inactive but should be available upon"
                        + " demand.:cashfarm");
        report(2106, "HMDS data farm connection is OK:ushmds");
        report(2105, "HMDS data farm connection is broken:euhmds");
        report(
                2107,
                "HMDS data farm connection is inactive but should be available upon"
                        + " demand.:cashhmds");
        report(2158, "Sec-def data farm connection is OK:secdefil");
        report(2157, "Sec-def data farm connection is broken:secdefnj");

        assertEquals(
                List.of(
                        new DataFarm("usfarm", Service.MARKET_DATA, State.OK, NOW),
                        new DataFarm("eufarm", Service.MARKET_DATA, State.BROKEN, NOW),
                        new DataFarm("cashfarm", Service.MARKET_DATA, State.INACTIVE, NOW),
                        new DataFarm("ushmds", Service.HISTORICAL_DATA, State.OK, NOW),
                        new DataFarm("euhmds", Service.HISTORICAL_DATA, State.BROKEN, NOW),
                        new DataFarm("cashhmds", Service.HISTORICAL_DATA, State.INACTIVE, NOW),
                        new DataFarm("secdefil", Service.SECURITY_DEFINITIONS, State.OK, NOW),
                        new DataFarm("secdefnj", Service.SECURITY_DEFINITIONS, State.BROKEN, NOW)),
                farms.farms());
    }

    @Test
    void aLaterReportReplacesTheEarlierAndOtherCodesAreNotFarms() {
        report(2103, "Market data farm connection is broken:usfarm");
        report(2104, "Market data farm connection is OK:usfarm");
        report(
                1102,
                "Connectivity between IB and Trader Workstation has been restored - data"
                        + " maintained.");
        farms.onMessage(
                TwsError.of(
                        7, 200, "No security definition has been found for the request", "", 0));

        assertEquals(
                List.of(new DataFarm("usfarm", Service.MARKET_DATA, State.OK, NOW)), farms.farms());
        assertEquals(
                "usfarm OK",
                new IbkrOverview(LinkState.unused(), farms.farms(), null, null).dataFarmSummary());
    }

    @Test
    void aDroppedConnectionForgetsThem() {
        report(2104, "Market data farm connection is OK:usfarm");
        farms.onDisconnected("TWS closed the connection");
        assertEquals(List.of(), farms.farms());
    }
}
