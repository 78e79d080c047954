package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tickerdesk.platform.control.ApiAccess.Caller.ADMIN;
import static org.tickerdesk.platform.control.ApiAccess.Caller.ANONYMOUS;
import static org.tickerdesk.platform.control.ApiAccess.Caller.VIEWER;
import static org.tickerdesk.platform.control.ApiAccess.Verdict.ALLOW;
import static org.tickerdesk.platform.control.ApiAccess.Verdict.FORBIDDEN;
import static org.tickerdesk.platform.control.ApiAccess.Verdict.UNAUTHORIZED;

import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.control.ApiAccess.Caller;
import org.tickerdesk.platform.control.ApiAccess.Verdict;

class ApiAccessTest {

    private static Verdict read(String path, Caller caller) {
        return ApiAccess.decide("GET", path, caller, caller != ANONYMOUS, false);
    }

    @Test
    void writesNeedAnAdminToken() {
        assertEquals(ALLOW, ApiAccess.decide("POST", "/api/v1/instruments", ADMIN, true, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("POST", "/api/v1/instruments", ANONYMOUS, false, false));
        assertEquals(
                FORBIDDEN, ApiAccess.decide("DELETE", "/api/v1/orders/o-1", VIEWER, true, false));
        assertEquals(
                UNAUTHORIZED, ApiAccess.decide("PATCH", "/api/v1/orders", ANONYMOUS, false, false));
    }

    @Test
    void aTradersWebhookIsLetThroughToCheckItsSignatureAndNothingBesideIt() {
        assertEquals(
                ALLOW,
                ApiAccess.decide("POST", "/api/v1/traders/7/trades", ANONYMOUS, false, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("GET", "/api/v1/traders/7/trades", ANONYMOUS, false, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("POST", "/api/v1/traders/7/toggle", ANONYMOUS, false, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("POST", "/api/v1/traders/7/trades/x", ANONYMOUS, false, false));
        assertEquals(
                UNAUTHORIZED, ApiAccess.decide("POST", "/api/v1/traders", ANONYMOUS, false, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("GET", "/api/v1/traders/7/intake", ANONYMOUS, false, false));
    }

    @Test
    void aLoggedInAdminsCookieNeverWrites() {
        assertEquals(UNAUTHORIZED, ApiAccess.decide("POST", "/api/v1/orders", ADMIN, false, false));
        assertEquals(
                UNAUTHORIZED,
                ApiAccess.decide("PUT", "/api/v1/instruments/X", ADMIN, false, false));
    }

    @Test
    void privateDataNeedsACallerToRead() {
        for (String path :
                new String[] {
                    "/api/v1/orders",
                    "/api/v1/orders/o-1",
                    "/api/v1/orders",
                    "/api/v1/positions/7",
                    "/api/traders",
                    "/api/v1/notifications",
                    "/api/jobs/12",
                    "/api/fills",
                    "/api//orders"
                }) {
            assertEquals(UNAUTHORIZED, read(path, ANONYMOUS), path);
            assertEquals(ALLOW, read(path, VIEWER), path);
            assertEquals(
                    ALLOW,
                    ApiAccess.decide("GET", path, ADMIN, false, false),
                    "the admin's session may read " + path);
        }
    }

    @Test
    void marketDataIsPublicUnlessReadsRequireATokenAndThenEveryCallerMayRead() {
        for (String path :
                new String[] {
                    "/api/v1/instruments",
                    "/api/v1/quotes/AAPL",
                    "/api/v1/news",
                    "/api/v1/bars/AAPL",
                    "/api/v1/bars/AAPL/coverage",
                    "/api/v1/candles/AAPL"
                }) {
            assertEquals(ALLOW, read(path, ANONYMOUS), path);
            assertEquals(UNAUTHORIZED, ApiAccess.decide("GET", path, ANONYMOUS, false, true), path);
            assertEquals(ALLOW, ApiAccess.decide("GET", path, VIEWER, true, true), path);
        }
    }

    @Test
    void metricsNeedACallerWhilePagesAndTheApiDescriptionAreNotDecidedHere() {
        assertEquals(UNAUTHORIZED, read("/metrics", ANONYMOUS));
        assertEquals(UNAUTHORIZED, read("/metrics/application", ANONYMOUS));
        assertEquals(ALLOW, read("/metrics", VIEWER));
        assertEquals(ALLOW, read("/openapi", ANONYMOUS));
        assertEquals(ALLOW, ApiAccess.decide("POST", "/login.xhtml", ANONYMOUS, false, false));
        assertEquals(ALLOW, read("/apiary", ANONYMOUS));
    }

    @Test
    void theResourceIsTheSegmentAfterApiAndItsVersion() {
        assertEquals("orders", ApiAccess.resource("/api/v1/orders/o-1/fills"));
        assertEquals("orders", ApiAccess.resource("/api/v1/orders"));
        assertEquals("", ApiAccess.resource("/api/v1"));
        assertEquals("", ApiAccess.resource("/api"));
    }
}
