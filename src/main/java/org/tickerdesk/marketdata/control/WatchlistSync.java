package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * Keeps the leading member's source on the cluster's watchlist. A watchlist change is announced
 * only on the member that made it, and only the leader's source counts: the member tells the leader
 * ({@link LeaderInbox}), which streams what the stored watchlist holds; a member taking the lead
 * does the same for every change it missed. The member that made the change tells the leader even
 * when it leads itself: right after a split grid merges two members may each believe they lead for
 * a moment, and a change made on the one stepping down would otherwise reach neither. Standalone
 * there is nothing to keep in step: the supervisor follows its own announcements.
 */
@ApplicationScoped
public class WatchlistSync {

    static final String MAILBOX = "watchlist";

    @Inject LeaderInbox inbox;

    @Inject FeedSupervisor feed;

    @Resource ManagedExecutorService executor;

    @PostConstruct
    void listen() {
        if (inbox.active()) {
            inbox.receive(MAILBOX, symbol -> feed.resync());
        }
    }

    /** Off the leadership's thread, which must keep proving its lock. */
    void leadershipChanged(@Observes LeadershipChanged change) {
        if (change.leading()) {
            executor.execute(feed::resync);
        }
    }

    void watchlistChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        if (inbox.active()) {
            inbox.post(MAILBOX, change.contract().symbol());
        }
    }
}
