package org.tickerdesk.ibkr.entity;

/** The price series a historical request asks for. */
public enum WhatToShow {
    TRADES, MIDPOINT, BID, ASK, BID_ASK;

    /** IB counts BID_ASK twice against its historical pacing limits. */
    public int pacingWeight() {
        return this == BID_ASK ? 2 : 1;
    }
}
