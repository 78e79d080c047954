package org.tickerdesk.ibkr.wire;

import java.time.Instant;
import org.tickerdesk.ibkr.wire.messages.CurrentTime;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ManagedAccounts;
import org.tickerdesk.ibkr.wire.messages.NewsBulletin;
import org.tickerdesk.ibkr.wire.messages.NextValidId;
import org.tickerdesk.ibkr.wire.messages.TwsError;

/** The session family: errMsg, nextValidId, managedAccounts, currentTime and news bulletins. */
final class SessionDecoder {

    private SessionDecoder() {}

    /**
     * Before 194 a version field leads; from 166 the advanced order-reject JSON follows the text;
     * from 194 the error time (epoch millis) ends the message. Texts are unicode-escaped (since
     * 153).
     */
    static IncomingMessage error(int v, FieldReader in) throws MalformedMessageException {
        if (v < ServerVersions.ERROR_TIME) {
            in.integer("version");
        }
        int reqId = in.integer("id");
        int code = in.integer("errorCode");
        String text = UnicodeEscapes.decode(in.string("errorMsg"));
        String rejectJson =
                v >= ServerVersions.ADVANCED_ORDER_REJECT
                        ? UnicodeEscapes.decode(in.string("advancedOrderRejectJson"))
                        : "";
        long time = v >= ServerVersions.ERROR_TIME ? in.longValue("errorTime") : 0L;
        return TwsError.of(reqId, code, text, rejectJson, time);
    }

    static IncomingMessage nextValidId(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new NextValidId(in.integer("orderId"));
    }

    static IncomingMessage managedAccounts(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return ManagedAccounts.parse(in.string("accountsList"));
    }

    static IncomingMessage currentTime(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new CurrentTime(Instant.ofEpochSecond(in.longValue("time")));
    }

    static IncomingMessage newsBulletin(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new NewsBulletin(
                in.integer("newsMsgId"),
                in.integer("newsMsgType"),
                in.string("newsMessage"),
                in.string("originatingExch"));
    }
}
