package org.tickerdesk.analytics.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * An analytics request that cannot be served: 400 {@code invalid_analytics_request} naming every
 * parameter at fault, or 404 {@code no_statistics} for a symbol without a trade in the last day. An
 * unknown symbol is history's 404 {@code unknown_instrument}, as for stored bars.
 */
public class AnalyticsFailureException extends ProblemException {

    private AnalyticsFailureException(List<FieldError> errors) {
        super(400, "invalid_analytics_request", "Invalid analytics request", errors);
    }

    private AnalyticsFailureException(int status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static AnalyticsFailureException invalid(List<FieldError> errors) {
        return new AnalyticsFailureException(errors);
    }

    public static AnalyticsFailureException noStatistics(String symbol) {
        return new AnalyticsFailureException(
                404,
                "no_statistics",
                "No statistics",
                "No trade or quote of " + symbol + " in the last 24 hours");
    }
}
