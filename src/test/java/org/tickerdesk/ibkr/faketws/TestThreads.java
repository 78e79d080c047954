package org.tickerdesk.ibkr.faketws;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.tickerdesk.ibkr.session.IbkrSettings;
import org.tickerdesk.ibkr.session.ReconnectPolicy;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;

/** Daemon threads and a quick reconnect schedule, so session tests end fast. */
public final class TestThreads {

    public static final ThreadFactory DAEMONS =
            runnable -> {
                Thread thread = new Thread(runnable, "tws-session-test");
                thread.setDaemon(true);
                return thread;
            };

    private TestThreads() {}

    public static TwsSession session(int port, int maxLines) {
        IbkrSettings settings =
                new IbkrSettings("127.0.0.1", port, 5, MarketDataKind.LIVE, maxLines);
        return new TwsSession(
                settings,
                DAEMONS,
                new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 0.0, () -> 0.0),
                Duration.ofSeconds(5));
    }
}
