package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataTypeChanged;
import org.tickerdesk.ibkr.wire.messages.ticks.TickGeneric;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickRequestParams;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;
import org.tickerdesk.ibkr.wire.messages.ticks.TickString;

/**
 * The market-data family: tickPrice, tickSize, tickString, tickGeneric, tickReqParams and
 * marketDataType. Their layout has not changed across the versions we negotiate.
 */
final class TickDecoder {

    private TickDecoder() {}

    /** Version field, reqId, tickType, price, size (version 2+), attribute bits (version 3+). */
    static IncomingMessage tickPrice(FieldReader in) throws MalformedMessageException {
        int version = in.integer("version");
        int reqId = in.integer("reqId");
        int tickType = in.integer("tickType");
        BigDecimal price = in.decimal("price");
        BigDecimal size = version >= 2 ? in.optionalSize("size") : null;
        int mask = version >= 3 ? in.integer("attrMask") : 0;
        return new TickPrice(
                reqId, tickType, price, size, (mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0);
    }

    static IncomingMessage tickSize(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new TickSize(in.integer("reqId"), in.integer("tickType"), in.optionalSize("size"));
    }

    static IncomingMessage tickString(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new TickString(in.integer("reqId"), in.integer("tickType"), in.string("value"));
    }

    static IncomingMessage tickGeneric(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new TickGeneric(in.integer("reqId"), in.integer("tickType"), in.decimal("value"));
    }

    /** No version field: introduced after IB stopped versioning new messages. */
    static IncomingMessage tickReqParams(FieldReader in) throws MalformedMessageException {
        return new TickRequestParams(
                in.integer("reqId"),
                in.optionalDecimal("minTick"),
                in.string("bboExchange"),
                in.integer("snapshotPermissions"));
    }

    static IncomingMessage marketDataType(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        int reqId = in.integer("reqId");
        int code = in.integer("marketDataType");
        if (code < 1 || code > 4) {
            throw new MalformedMessageException(
                    "marketDataType " + code + " is not one of IB's types 1-4");
        }
        return new MarketDataTypeChanged(reqId, MarketDataKind.fromCode(code));
    }
}
