package org.tickerdesk.it;

import java.util.Map;

/**
 * One Tickerdesk for all integration tests that only need a running server: started by the first
 * test that asks, stopped (SIGTERM) when the test JVM ends.
 */
public final class SharedServer {

    private static TickerdeskProcess server;

    private SharedServer() {}

    public static synchronized TickerdeskProcess get() {
        if (server == null) {
            TickerdeskProcess started = new TickerdeskProcess("shared", Map.of()).clean().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(started::stop, "stop-shared-tickerdesk"));
            server = started;
        }
        return server;
    }
}
