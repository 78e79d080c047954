package org.tickerdesk.copytrading.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * A webhook trade whose signature is missing or is not the body's with the trader's secret (401
 * {@code bad_signature}): nothing is stored or copied.
 */
public class BadSignatureException extends ProblemException {

    public BadSignatureException(long traderId) {
        super(
                401,
                "bad_signature",
                "Bad signature",
                "The trade for trader "
                        + traderId
                        + " is not signed with the trader's secret: "
                        + TradeSignature.HEADER
                        + " must be sha256=<hex HMAC-SHA256 of the exact body>");
    }
}
