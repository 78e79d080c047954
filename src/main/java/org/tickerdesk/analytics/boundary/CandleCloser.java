package org.tickerdesk.analytics.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.tickerdesk.analytics.control.LiveAnalytics;

/**
 * Every second, closes the live candles whose period has ended without a trade after it, so a quiet
 * symbol's candle is final a second or two after its end rather than at its next trade. A
 * non-persistent timer: a missed second is made good by the next.
 */
@Singleton
public class CandleCloser {

    @Inject LiveAnalytics analytics;

    @Schedule(
            hour = "*",
            minute = "*",
            second = "*",
            persistent = false,
            info = "closing live candles")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everySecond() {
        analytics.closeDue();
    }
}
