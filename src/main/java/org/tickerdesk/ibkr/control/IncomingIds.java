package org.tickerdesk.ibkr.control;

/** Message ids of what TWS sends, as IB numbers them; only those this client decodes. */
final class IncomingIds {

    static final int TICK_PRICE = 1;
    static final int TICK_SIZE = 2;
    static final int ORDER_STATUS = 3;
    static final int ERR_MSG = 4;
    static final int OPEN_ORDER = 5;
    static final int NEXT_VALID_ID = 9;
    static final int CONTRACT_DATA = 10;
    static final int EXECUTION_DATA = 11;
    static final int NEWS_BULLETINS = 14;
    static final int MANAGED_ACCTS = 15;
    static final int HISTORICAL_DATA = 17;
    static final int TICK_GENERIC = 45;
    static final int TICK_STRING = 46;
    static final int CURRENT_TIME = 49;
    static final int CONTRACT_DATA_END = 52;
    static final int OPEN_ORDER_END = 53;
    static final int EXECUTION_DATA_END = 55;
    static final int MARKET_DATA_TYPE = 58;
    static final int COMMISSION_REPORT = 59;
    static final int TICK_REQ_PARAMS = 81;
    static final int HISTORICAL_DATA_END = 108;

    private IncomingIds() {}
}
