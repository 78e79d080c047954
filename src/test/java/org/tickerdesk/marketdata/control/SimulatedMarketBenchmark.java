package org.tickerdesk.marketdata.control;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;

/**
 * How fast the simulated market runs on one core, and what each tick allocates: 500 symbols at
 * 50,000 ticks/s, then as fast as it can, into a sink that only counts and keeps the last quote. A
 * program, not a test: {@code java -cp target/classes:target/test-classes
 * org.tickerdesk.marketdata.control.SimulatedMarketBenchmark [symbols] [seconds]}.
 */
public final class SimulatedMarketBenchmark {

    /** Counts quotes; keeping the last one makes each quote escape, as in a real sink. */
    private static final class CountingSink implements MarketDataSink {
        volatile long quotes;
        volatile Quote last;

        @Override
        public void onQuote(Quote quote) {
            last = quote;
            quotes = quotes + 1;
        }

        @Override
        public void onStatus(SourceStatus status) {
            System.out.println("  status: " + status.state() + " (" + status.detail() + ")");
        }
    }

    private record Sample(long nanos, long quotes, long allocatedBytes, long cpuNanos) {}

    public static void main(String[] args) throws InterruptedException {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Contract> contracts = contracts(symbols);
        run("paced at 50,000 ticks/s", contracts, 50_000, seconds);
        run("unthrottled", contracts, 1e9, Math.max(1, seconds / 2));
    }

    private static void run(String title, List<Contract> contracts, double rate, int seconds)
            throws InterruptedException {
        System.out.println(
                title
                        + ", "
                        + contracts.size()
                        + " symbols, "
                        + seconds
                        + " s after 2 s of warm-up");
        AtomicReference<Thread> generator = new AtomicReference<>();
        CountingSink sink = new CountingSink();
        try (SimulatedMarket market =
                new SimulatedMarket(
                        42,
                        rate,
                        task -> {
                            Thread thread = new Thread(task, "simulated-market-benchmark");
                            generator.set(thread);
                            return thread;
                        })) {
            contracts.forEach(market::subscribe);
            market.start(sink);
            Thread.sleep(2000);
            Sample start = sample(generator.get(), sink);
            Thread.sleep(seconds * 1000L);
            Sample end = sample(generator.get(), sink);
            double elapsed = (end.nanos - start.nanos) / 1e9;
            long ticks = end.quotes - start.quotes;
            System.out.printf(
                    "  %,.0f ticks/s, %.1f bytes allocated per tick, generator thread busy %.0f%%"
                            + " of a core%n",
                    ticks / elapsed,
                    (double) (end.allocatedBytes - start.allocatedBytes) / ticks,
                    100.0 * (end.cpuNanos - start.cpuNanos) / (end.nanos - start.nanos));
        }
    }

    private static Sample sample(Thread thread, CountingSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long quotes = sink.quotes;
        return new Sample(
                System.nanoTime(),
                quotes,
                threads.getThreadAllocatedBytes(thread.getId()),
                threads.getThreadCpuTime(thread.getId()));
    }

    /** Mostly stocks, with some futures and event contracts, as a busy watchlist would be. */
    private static List<Contract> contracts(int count) {
        LocalDate expiry = LocalDate.now().plusMonths(3);
        List<Contract> contracts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String symbol = String.format("S%04d", i);
            contracts.add(
                    switch (i % 25) {
                        case 0 ->
                                new Contract(
                                        symbol,
                                        InstrumentKind.FUTURE,
                                        "CME",
                                        "USD",
                                        new BigDecimal("0.25"),
                                        expiry);
                        case 1 ->
                                new Contract(
                                        symbol,
                                        InstrumentKind.EVENT,
                                        "KALSHI",
                                        "USD",
                                        new BigDecimal("0.01"),
                                        expiry);
                        default -> Contract.stock(symbol, "SMART");
                    });
        }
        return contracts;
    }
}
