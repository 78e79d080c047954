package org.tickerdesk.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.admin.entity.DashboardStatus;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * What the dashboard shows, first rendered and then pushed, from one view: the banner says paper or
 * live, a state is coloured by its state, and the pushed message carries exactly what the page
 * rendered.
 */
class StatusViewTest {

    private static final StatusCard SOURCE =
            StatusCard.of(
                    "source",
                    "Market data",
                    Field.value("source", "simulated"),
                    Field.state("sourceState", "CONNECTED", "CONNECTED"),
                    Field.note("sourceDetail", "streaming"));

    @Test
    void aPaperBrokerHasNoConnectionState() {
        StatusView view =
                StatusView.of(
                        new DashboardStatus(
                                new BrokerStatus("paper", false, true, "simulated fills"),
                                List.of()));

        assertEquals("td-broker td-broker-paper", view.bannerClass());
        assertEquals(
                List.of(
                        new StatusView.Element("brokerName", "PAPER BROKER", "td-broker-name"),
                        new StatusView.Element(
                                "brokerDetail", "simulated fills", "td-broker-note")),
                view.banner());
    }

    @Test
    void aLiveBrokerSaysWhetherItIsConnected() {
        StatusView view =
                StatusView.of(
                        new DashboardStatus(
                                new BrokerStatus("ibkr", true, false, "TWS not reachable"),
                                List.of()));

        assertEquals("td-broker td-broker-live", view.bannerClass());
        assertEquals(
                new StatusView.Element(
                        "brokerState", "not connected", "td-broker-state td-broker-down"),
                view.banner().get(1));
    }

    @Test
    void eachFieldIsStyledByItsRoleAndAStateByItsState() {
        StatusView view =
                StatusView.of(
                        new DashboardStatus(
                                new BrokerStatus("paper", false, true, ""), List.of(SOURCE)));

        assertEquals(
                new StatusView.Card(
                        "source",
                        "Market data",
                        List.of(
                                new StatusView.Element("source", "simulated", "td-card-value"),
                                new StatusView.Element(
                                        "sourceState", "CONNECTED", "td-state td-state-CONNECTED"),
                                new StatusView.Element(
                                        "sourceDetail", "streaming", "td-card-note"))),
                view.cards().get(0));
    }

    @Test
    void thePushedMessageCarriesWhatThePageRendered() {
        StatusView view =
                StatusView.of(
                        new DashboardStatus(
                                new BrokerStatus("paper", false, true, ""), List.of(SOURCE)));

        JsonObject message = view.json();

        assertEquals("td-broker td-broker-paper", message.getString("bannerClass"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("id", "brokerName")
                        .add("text", "PAPER BROKER")
                        .add("styleClass", "td-broker-name")
                        .build(),
                message.getJsonArray("banner").getJsonObject(0));
        JsonObject card = message.getJsonArray("cards").getJsonObject(0);
        assertEquals("source", card.getString("id"));
        assertEquals("Market data", card.getString("label"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("id", "sourceState")
                        .add("text", "CONNECTED")
                        .add("styleClass", "td-state td-state-CONNECTED")
                        .build(),
                card.getJsonArray("elements").getJsonObject(1));
    }
}
