package org.tickerdesk.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.marketdata.control.FeedSupervisor;
import org.tickerdesk.marketdata.control.TickMeter;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.platform.control.DatabaseStatus;
import org.tickerdesk.streaming.control.StreamHub;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * The dashboard's broker banner and status cards, refreshed by the page's poll; the quote tiles
 * stream themselves over the WebSocket. The IBKR cards come from the ibkr component's own {@code
 * ibkrPanel}: the admin never reaches into the adapter.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    @Inject FeedSupervisor feed;

    @Inject TickMeter meter;

    @Inject InstrumentCatalog catalog;

    @Inject DatabaseStatus database;

    @Inject StreamHub streams;

    @Inject OrderDesk orders;

    private BrokerStatus broker;
    private SourceStatus source;
    private long ticksPerSecond;
    private long totalTicks;
    private int watched;
    private int instruments;
    private DatabaseStatus.Report databaseReport;
    private int connectedClients;

    @PostConstruct
    public void refresh() {
        broker = orders.broker();
        source = feed.status();
        ticksPerSecond = meter.perSecond();
        totalTicks = meter.total();
        InstrumentCatalog.Counts counts = catalog.counts();
        watched = counts.watched();
        instruments = counts.known();
        databaseReport = database.check();
        connectedClients = streams.connectedClients();
    }

    public BrokerStatus getBroker() {
        return broker;
    }

    public SourceStatus getSource() {
        return source;
    }

    public long getTicksPerSecond() {
        return ticksPerSecond;
    }

    public long getTotalTicks() {
        return totalTicks;
    }

    public int getWatched() {
        return watched;
    }

    public int getInstruments() {
        return instruments;
    }

    public DatabaseStatus.Report getDatabase() {
        return databaseReport;
    }

    public int getConnectedClients() {
        return connectedClients;
    }
}
