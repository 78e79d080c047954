package org.tickerdesk.ibkr.control;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.tickerdesk.ibkr.entity.IbkrSettings;
import org.tickerdesk.ibkr.entity.MarketDataKind;

/** Daemon threads and a quick reconnect schedule, so session tests end fast. */
final class TestThreads {

    static final ThreadFactory DAEMONS =
            runnable -> {
                Thread thread = new Thread(runnable, "tws-session-test");
                thread.setDaemon(true);
                return thread;
            };

    private TestThreads() {}

    static TwsSession session(int port, int maxLines) {
        IbkrSettings settings =
                new IbkrSettings("127.0.0.1", port, 5, MarketDataKind.LIVE, maxLines);
        return new TwsSession(
                settings,
                DAEMONS,
                new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 0.0, () -> 0.0),
                Duration.ofSeconds(5));
    }
}
