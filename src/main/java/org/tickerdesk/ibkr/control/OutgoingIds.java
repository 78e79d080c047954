package org.tickerdesk.ibkr.control;

/** Message ids of the requests this client sends, as IB numbers them. */
final class OutgoingIds {

    static final int REQ_MKT_DATA = 1;
    static final int CANCEL_MKT_DATA = 2;
    static final int PLACE_ORDER = 3;
    static final int CANCEL_ORDER = 4;
    static final int REQ_OPEN_ORDERS = 5;
    static final int REQ_EXECUTIONS = 7;
    static final int REQ_IDS = 8;
    static final int REQ_CONTRACT_DATA = 9;
    static final int REQ_NEWS_BULLETINS = 12;
    static final int CANCEL_NEWS_BULLETINS = 13;
    static final int REQ_HISTORICAL_DATA = 20;
    static final int CANCEL_HISTORICAL_DATA = 25;
    static final int REQ_CURRENT_TIME = 49;
    static final int REQ_MARKET_DATA_TYPE = 59;
    static final int START_API = 71;

    private OutgoingIds() {}
}
