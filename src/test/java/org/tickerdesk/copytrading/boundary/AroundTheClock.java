package org.tickerdesk.copytrading.boundary;

/**
 * A test instrument whose market never closes. A copy waits while its instrument's market is
 * closed, so a test symbol watched on a US stock exchange was copied only from 04:00 to 20:00 New
 * York time on weekdays, and the copy tests failed in a CI run at 02:30 UTC; a crypto venue trades
 * around the clock.
 */
final class AroundTheClock {

    private AroundTheClock() {}

    /** The body of {@code POST /api/v1/instruments} that watches {@code symbol} so. */
    static String instrument(String symbol) {
        return "{\"symbol\":\"" + symbol + "\",\"exchange\":\"PAXOS\"}";
    }
}
