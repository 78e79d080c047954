package org.tickerdesk.ibkr.session;

import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;

/** Requests about the API session itself: start, order ids, market-data type, bulletins, time. */
public final class SessionRequests {

    private SessionRequests() {}

    /**
     * Version 2 of startApi; optional capabilities exist on every version we negotiate (from 72).
     */
    public static OutgoingMessage startApi(
            int serverVersion, int clientId, String optionalCapabilities) {
        return new FieldWriter(OutgoingIds.START_API)
                .add(2)
                .add(clientId)
                .add(optionalCapabilities)
                .build();
    }

    public static OutgoingMessage reqIds(int serverVersion, int count) {
        return new FieldWriter(OutgoingIds.REQ_IDS).add(1).add(count).build();
    }

    public static OutgoingMessage reqMarketDataType(int serverVersion, MarketDataKind kind) {
        return new FieldWriter(OutgoingIds.REQ_MARKET_DATA_TYPE).add(1).add(kind.code()).build();
    }

    /** With {@code allMessages} TWS also sends the bulletins of the day so far. */
    public static OutgoingMessage reqNewsBulletins(int serverVersion, boolean allMessages) {
        return new FieldWriter(OutgoingIds.REQ_NEWS_BULLETINS).add(1).add(allMessages).build();
    }

    public static OutgoingMessage cancelNewsBulletins(int serverVersion) {
        return new FieldWriter(OutgoingIds.CANCEL_NEWS_BULLETINS).add(1).build();
    }

    public static OutgoingMessage reqCurrentTime(int serverVersion) {
        return new FieldWriter(OutgoingIds.REQ_CURRENT_TIME).add(1).build();
    }
}
