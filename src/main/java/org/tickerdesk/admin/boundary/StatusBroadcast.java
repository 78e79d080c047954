package org.tickerdesk.admin.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.tickerdesk.admin.control.StatusBoard;

/**
 * Every two seconds has the status board read this server's status once, and pushes it to every
 * open dashboard when it changed; nothing is sent while nothing changes. Each server of a cluster
 * runs its own (the timer is not persistent): its stream clients are its own, and so are the
 * dashboards connected to it. A tick that comes while the last one still waits for a slow database
 * is skipped by the board instead of queueing behind it, hence no container lock here; and no
 * transaction, since each reading is its own. Its first tick may come while the application still
 * starts: it waits for the schema, the order desk and the feed, so the first reading finds them
 * ready.
 */
@Singleton
@DependsOn({"Migrations", "OrderDesk", "FeedSupervisor"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusBroadcast {

    @Inject StatusBoard board;

    @Inject Dashboards dashboards;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void refresh() {
        board.refresh().ifPresent(status -> dashboards.send(StatusView.of(status).json()));
    }
}
