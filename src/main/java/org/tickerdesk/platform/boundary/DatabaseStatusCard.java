package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tickerdesk.platform.control.DatabaseStatus;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/** The dashboard's database card: up or down, the server's version and how long it took to ask. */
@ApplicationScoped
public class DatabaseStatusCard implements StatusContribution {

    @Inject DatabaseStatus database;

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public List<StatusCard> cards() {
        DatabaseStatus.Report report = database.check();
        return List.of(
                StatusCard.of(
                        "database",
                        "Database",
                        Field.state(
                                "database",
                                report.up() ? "CONNECTED" : "DISCONNECTED",
                                report.up() ? "UP" : "DOWN"),
                        Field.note(
                                "databaseDetail",
                                report.detail() + " · " + report.latencyMillis() + " ms")));
    }
}
