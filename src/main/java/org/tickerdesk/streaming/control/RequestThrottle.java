package org.tickerdesk.streaming.control;

import java.time.Clock;
import org.tickerdesk.streaming.entity.RequestRate;

/**
 * Whether one connection's next request is served: while its {@link TokenBucket} has a token, yes;
 * over the rate, no, and a client that goes on sending regardless is cut off. A client that reads
 * its {@code rate_limited} answers slows down long before the hundredth in a row; one that does not
 * read them has cost the server no more than a hundred short replies when it is closed.
 */
final class RequestThrottle {

    static final int MAX_REFUSED_IN_A_ROW = 100;

    /** What becomes of one request. */
    enum Admission {
        SERVED,
        REFUSED,
        /** Refused, and the last one refused before the connection is closed. */
        CUT_OFF
    }

    private final TokenBucket bucket;
    private int refusedInARow;

    RequestThrottle(RequestRate rate, Clock clock) {
        this.bucket = new TokenBucket(rate, clock);
    }

    synchronized Admission admit() {
        if (bucket.tryTake()) {
            refusedInARow = 0;
            return Admission.SERVED;
        }
        refusedInARow++;
        return refusedInARow >= MAX_REFUSED_IN_A_ROW ? Admission.CUT_OFF : Admission.REFUSED;
    }
}
