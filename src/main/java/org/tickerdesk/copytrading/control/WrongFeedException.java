package org.tickerdesk.copytrading.control;

import org.tickerdesk.platform.control.ProblemException;

/** A trade sent by a feed the trader does not take trades from (409 {@code wrong_feed}). */
public class WrongFeedException extends ProblemException {

    public WrongFeedException(long traderId, String feed, String sent) {
        super(
                409,
                "wrong_feed",
                "Wrong feed",
                "Trader "
                        + traderId
                        + " takes trades from the "
                        + feed
                        + " feed, not from "
                        + sent
                        + ": change the trader's feed to copy these");
    }
}
