package org.tickerdesk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.tickerdesk.marketdata.control.SimulatedStart;

/**
 * Open positions written straight into the server's database, as if their entries had filled, for
 * the server to load and guard at its next start. Position i is in symbol {@code i % symbols} at
 * the price that symbol's walk starts at, long or short at random. Every position's levels are far
 * away (20% and more), except, if {@code firing} is above zero, that many spread evenly over the
 * instruments whose stop and target are close: a band whose half-width the random walk leaves
 * after, on average, somewhere between {@link #FIRST_SECONDS} and {@link #LAST_SECONDS}, so that
 * exits come as a steady trickle rather than at once.
 */
final class PositionSeed {

    /** The simulated market's volatility of a stock's log price per tick (PriceWalk's Style). */
    private static final double STOCK_VOLATILITY_PER_TICK = 1.0e-4;

    /**
     * The walks move from the market's start, a minute or more before a busy machine's server loads
     * the positions: bands the walk leaves sooner would all fire at once at the first tick.
     */
    private static final double FIRST_SECONDS = 60;

    private static final double LAST_SECONDS = 900;

    /** No closer than five cents: bid, ask and last bounce by one to four ticks without moving. */
    private static final double NEAREST = 0.05;

    private static final String[] FAR = {
        "{\"stopLoss\":{\"percent\":20},\"takeProfit\":{\"percent\":25}}",
        "{\"trailing\":{\"percent\":15},\"takeProfit\":[{\"percent\":20,\"fraction\":0.5},"
                + "{\"percent\":30,\"fraction\":0.5}]}",
        "{\"stopLoss\":{\"percent\":20},\"breakEvenPercent\":10,\"takeProfit\":{\"percent\":25},"
                + "\"timeLimit\":\"P30D\"}"
    };

    private final int positions;
    private final int symbols;
    private final double ticksPerSecond;
    private final long seed;

    PositionSeed(int positions, int symbols, double ticksPerSecond, long seed) {
        this.positions = positions;
        this.symbols = symbols;
        this.ticksPerSecond = ticksPerSecond;
        this.seed = seed;
    }

    /** Replaces every position (and its exits and fills) by the seed's; returns how many fire. */
    int write(Connection db, int firing) throws SQLException, IOException {
        try (Statement sql = db.createStatement()) {
            sql.execute("TRUNCATE position_fills, position_exits, positions RESTART IDENTITY");
        }
        double[] start = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            start[s] = SimulatedStart.price(seed, symbol(s));
        }
        // a symbol's own volatility per second: its share of the ticks, each a step of the walk
        double perSecond = STOCK_VOLATILITY_PER_TICK * Math.sqrt(ticksPerSecond / symbols);
        int rounds = (positions + symbols - 1) / symbols;
        int every = firing <= 0 ? 0 : Math.max(1, rounds * symbols / firing);
        SplittableRandom random = new SplittableRandom(7);
        String now = Instant.now().toString();
        StringBuilder rows = new StringBuilder(positions * 160);
        int tight = 0;
        for (int i = 0; i < positions; i++) {
            int symbol = i % symbols;
            int round = i / symbols;
            boolean buy = random.nextBoolean();
            double price = start[symbol];
            String rules;
            if (every > 0 && round % every == 0) {
                double seconds =
                        FIRST_SECONDS + random.nextDouble() * (LAST_SECONDS - FIRST_SECONDS);
                double band = Math.max(NEAREST, price * perSecond * Math.sqrt(seconds));
                String amount = String.format(Locale.ROOT, "%.2f", band);
                rules =
                        "{\"stopLoss\":{\"amount\":"
                                + amount
                                + "},\"takeProfit\":{\"amount\":"
                                + amount
                                + "}}";
                tight++;
            } else {
                rules = FAR[i % FAR.length];
            }
            rows.append(symbol(symbol))
                    .append("\tpaper\tpaper\tADMIN\tOPEN\t")
                    .append(buy ? "BUY\t100\t100\t" : "SELL\t100\t-100\t")
                    .append("100\t")
                    .append(String.format(Locale.ROOT, "%.2f", price))
                    .append('\t')
                    .append(rules.replace("\\", "\\\\"))
                    .append('\t')
                    .append(now)
                    .append('\t')
                    .append(now)
                    .append('\t')
                    .append(now)
                    .append('\n');
        }
        db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY positions (symbol, account, broker, origin, state, side,"
                                + " ordered_quantity, quantity, entered_quantity, average_price,"
                                + " rules, opened_at, created_at, updated_at) FROM STDIN",
                        new StringReader(rows.toString()));
        try (Statement sql = db.createStatement()) {
            sql.execute("ANALYZE positions");
        }
        return tight;
    }

    /** The synthetic stocks' names, as the server's {@code tickerdesk.sim.symbols} makes them. */
    static String symbol(int index) {
        return String.format("S%04d", index);
    }
}
