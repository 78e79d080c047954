package org.tickerdesk.streaming.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;
import org.tickerdesk.streaming.control.StreamHub;

/** The dashboard's card of the clients connected to {@code /ws/market} on this server. */
@ApplicationScoped
public class StreamClientsStatusCard implements StatusContribution {

    @Inject StreamHub hub;

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public List<StatusCard> cards() {
        return List.of(
                StatusCard.of(
                        "clients",
                        "Stream clients",
                        Field.value("clients", hub.connectedClients()),
                        Field.note("clientsDetail", "connected to /ws/market")));
    }
}
