package org.tickerdesk.ibkr.boundary;

import java.time.Clock;
import java.util.function.Consumer;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;

/**
 * Announces the session's changes, up or down, once each: the session reports every failed
 * reconnection attempt as a disconnect, and only the first of them is a change. One announcer on
 * the one session serves market data and orders alike, so an outage is announced once whichever of
 * them uses IBKR.
 */
final class LinkAnnouncer implements TwsSession.Listener {

    private final Consumer<UpstreamLinkChanged> announce;
    private final Clock clock;

    /** Only the session thread reads and writes it; null before the first connection or attempt. */
    private Boolean connected;

    LinkAnnouncer(Consumer<UpstreamLinkChanged> announce, Clock clock) {
        this.announce = announce;
        this.clock = clock;
    }

    @Override
    public void onMessage(IncomingMessage message) {}

    @Override
    public void onConnected(SessionInfo info, String detail) {
        changed(true, detail);
    }

    @Override
    public void onDisconnected(String detail) {
        changed(false, detail);
    }

    private void changed(boolean up, String detail) {
        if (connected != null && connected == up) {
            return;
        }
        connected = up;
        announce.accept(
                new UpstreamLinkChanged(
                        SourceName.IBKR.setting(),
                        up,
                        detail == null ? "" : detail,
                        clock.instant()));
    }
}
