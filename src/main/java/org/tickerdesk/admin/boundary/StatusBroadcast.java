package org.tickerdesk.admin.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.tickerdesk.admin.control.StatusBoard;
import org.tickerdesk.admin.entity.DashboardStatus;
import org.tickerdesk.streaming.entity.StatusChanged;

/**
 * Every two seconds has the status board read this server's status once, and fires it as a {@link
 * StatusChanged} event when it changed, which the private {@code status} stream of {@code
 * /ws/market} carries to every open dashboard; nothing is sent while nothing changes. The first
 * reading is fired whatever it is, so the stream has a status to snapshot from then on, also when a
 * page read the board before the timer did. Each server of a cluster runs its own (the timer is not
 * persistent): its stream clients are its own, and so are the dashboards connected to it. A tick
 * that comes while the last one still waits for a slow database is skipped by the board instead of
 * queueing behind it, hence no container lock here; and no transaction, since each reading is its
 * own. Its first tick may come while the application still starts: it waits for the schema, the
 * order desk and the feed, so the first reading finds them ready.
 */
@Singleton
@DependsOn({"Migrations", "OrderDesk", "FeedSupervisor"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusBroadcast {

    @Inject StatusBoard board;

    @Inject Event<StatusChanged> changes;

    @Inject Clock clock;

    private volatile boolean published;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void refresh() {
        Optional<DashboardStatus> changed = board.refresh();
        if (changed.isPresent()) {
            publish(changed.get());
        } else if (!published) {
            publish(board.current());
        }
    }

    private void publish(DashboardStatus status) {
        published = true;
        changes.fire(new StatusChanged(StatusView.of(status).json(), clock.instant()));
    }
}
