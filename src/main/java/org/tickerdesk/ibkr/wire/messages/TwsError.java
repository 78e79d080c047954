package org.tickerdesk.ibkr.wire.messages;

import java.util.Objects;

/**
 * An {@code errMsg} from TWS: request id (-1 when it concerns the connection), code, IB's text, the
 * advanced order-reject JSON and the error time (epoch millis, 0 before server version 194), with
 * the classification when the code is known.
 */
public record TwsError(
        int reqId,
        int code,
        String text,
        String advancedOrderRejectJson,
        long errorTimeMillis,
        IbError known)
        implements IncomingMessage {

    public TwsError {
        Objects.requireNonNull(text, "text");
        advancedOrderRejectJson = advancedOrderRejectJson == null ? "" : advancedOrderRejectJson;
    }

    public static TwsError of(
            int reqId, int code, String text, String rejectJson, long timeMillis) {
        return new TwsError(reqId, code, text, rejectJson, timeMillis, IbError.of(code, text));
    }

    public IbError.Category category() {
        return known == null ? IbError.Category.OTHER : known.category();
    }

    /** Unknown codes 2100-2199 are warnings by IB's convention; other unknown codes are errors. */
    public IbError.Severity severity() {
        if (known != null) {
            return known.severity();
        }
        return code >= 2100 && code < 2200 ? IbError.Severity.WARNING : IbError.Severity.ERROR;
    }

    public IbError.Reaction reaction() {
        return known == null ? IbError.Reaction.NONE : known.reaction();
    }

    /** Our sentence followed by IB's text, or IB's text alone for unknown codes. */
    public String describe() {
        String base = known == null ? text : known.meaning() + " (IB: " + text + ")";
        return "[" + code + "] " + base;
    }
}
