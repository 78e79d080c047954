package org.tickerdesk.marketdata.control;

import org.tickerdesk.instruments.entity.Contract;

/**
 * Where the simulated market starts a synthetic stock: the walk depends only on the seed and the
 * symbol, and a server started afresh starts every walk over, so a benchmark can set a position's
 * levels around the price its instrument will open at.
 */
public final class SimulatedStart {

    private SimulatedStart() {}

    /** The first last-trade price of {@code symbol}'s walk under {@code seed}. */
    public static double price(long seed, String symbol) {
        return new PriceWalk(seed, Contract.stock(symbol, "SIM")).current(0).last();
    }
}
