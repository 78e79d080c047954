package org.tickerdesk.marketdata.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * In a cluster only the leading member's market-data source counts; prices injected into a member
 * that follows would be dropped, so they are refused (409 {@code not_leading}).
 */
public class NotLeadingException extends ProblemException {

    public static final String CODE = "not_leading";

    public NotLeadingException() {
        super(
                409,
                CODE,
                "Not the leading member",
                "This member does not lead the cluster: it takes its prices from the leading"
                        + " member and drops its own simulated market's, so nothing injected here"
                        + " would reach a quote. Inject into the leading member (GET"
                        + " /api/v1/cluster on any member names it)");
    }
}
