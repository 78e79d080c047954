package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.tickerdesk.copytrading.entity.TradeCopied;
import org.tickerdesk.copytrading.entity.TradeSkipped;
import org.tickerdesk.history.entity.CollectionEnded;
import org.tickerdesk.notifications.control.Notices;
import org.tickerdesk.notifications.control.Outbox;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.trading.entity.ExitFilled;
import org.tickerdesk.trading.entity.ExitSent;
import org.tickerdesk.trading.entity.OrderRejected;
import org.tickerdesk.trading.entity.PositionSettled;

/**
 * Records a notification of each change other components announce inside their transactions: an
 * exit sent, an exit's fills, a rejected order, a collection that ended, a leader's trade copied or
 * skipped (in the transaction that records the intake's decision). Plain synchronous observers, on
 * the thread and in the transaction of the change: the notification commits with it or not at all.
 */
@ApplicationScoped
public class ChangeNotices {

    @Inject Outbox outbox;

    void exitSent(@Observes ExitSent exit) {
        outbox.record(Notices.exitTriggered(exit));
    }

    void exitFilled(@Observes ExitFilled fill) {
        outbox.record(Notices.exitFilled(fill));
    }

    void orderRejected(@Observes OrderRejected rejected) {
        outbox.record(Notices.orderRejected(rejected.order()));
    }

    void positionSettled(@Observes PositionSettled settled) {
        outbox.record(Notices.positionSettled(settled));
    }

    void taskFailing(@Observes TaskFailing failing) {
        outbox.record(Notices.taskFailing(failing));
    }

    void tradeCopied(@Observes TradeCopied copied) {
        outbox.record(Notices.tradeCopied(copied));
    }

    void tradeSkipped(@Observes TradeSkipped skipped) {
        outbox.record(Notices.tradeSkipped(skipped));
    }

    void collectionEnded(@Observes CollectionEnded ended) {
        Notices.collectionEnded(ended.job()).ifPresent(outbox::record);
    }
}
