package org.tickerdesk.ibkr.wire;

/** Message ids of the requests this client sends, as IB numbers them. */
public final class OutgoingIds {

    public static final int REQ_MKT_DATA = 1;
    public static final int CANCEL_MKT_DATA = 2;
    public static final int PLACE_ORDER = 3;
    public static final int CANCEL_ORDER = 4;
    public static final int REQ_OPEN_ORDERS = 5;
    public static final int REQ_ACCOUNT_DATA = 6;
    public static final int REQ_EXECUTIONS = 7;
    public static final int REQ_IDS = 8;
    public static final int REQ_CONTRACT_DATA = 9;
    public static final int REQ_NEWS_BULLETINS = 12;
    public static final int CANCEL_NEWS_BULLETINS = 13;
    public static final int REQ_HISTORICAL_DATA = 20;
    public static final int CANCEL_HISTORICAL_DATA = 25;
    public static final int REQ_CURRENT_TIME = 49;
    public static final int REQ_MARKET_DATA_TYPE = 59;
    public static final int REQ_POSITIONS = 61;
    public static final int START_API = 71;

    private OutgoingIds() {}
}
