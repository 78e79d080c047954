package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * A watchlist change reaches whichever member leads: the member that made it posts the symbol to
 * the leader's inbox whether or not it believes it leads itself (two members may both believe so
 * for a moment after a split grid merges); standalone nothing is posted.
 */
class WatchlistSyncTest {

    private final List<String> posted = new ArrayList<>();
    private boolean clustered = true;
    private final WatchlistSync sync = new WatchlistSync();

    {
        sync.inbox =
                new LeaderInbox() {
                    @Override
                    public boolean active() {
                        return clustered;
                    }

                    @Override
                    public void post(String mailbox, String key) {
                        posted.add(mailbox + " " + key);
                    }
                };
    }

    @Test
    void inAClusterEveryChangeIsPostedToTheLeadersWatchlistMailbox() {
        sync.watchlistChanged(new WatchlistChanged(Contract.stock("CLUSTC", "PAXOS"), true));
        sync.watchlistChanged(new WatchlistChanged(Contract.stock("AAPL", "NASDAQ"), false));

        assertEquals(List.of("watchlist CLUSTC", "watchlist AAPL"), posted);
    }

    @Test
    void standaloneNothingIsPosted() {
        clustered = false;

        sync.watchlistChanged(new WatchlistChanged(Contract.stock("CLUSTC", "PAXOS"), true));

        assertEquals(List.of(), posted);
    }
}
