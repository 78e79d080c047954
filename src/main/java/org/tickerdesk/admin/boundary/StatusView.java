package org.tickerdesk.admin.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tickerdesk.admin.entity.DashboardStatus;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * The dashboard's status as the page shows it: every element with its id, its text and its CSS
 * classes. The page renders it first and the {@code status} stream of {@code /ws/market} carries
 * the same, as {@link #json()}, so what a viewer sees before and after the first push cannot differ
 * in wording or colour.
 */
public record StatusView(String bannerClass, List<Element> banner, List<Card> cards) {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public record Element(String id, String text, String styleClass) {

        JsonObject json() {
            return JSON.createObjectBuilder()
                    .add("id", id)
                    .add("text", text)
                    .add("styleClass", styleClass)
                    .build();
        }
    }

    public record Card(String id, String label, List<Element> elements) {

        JsonObject json() {
            return JSON.createObjectBuilder()
                    .add("id", id)
                    .add("label", label)
                    .add("elements", array(elements, Element::json))
                    .build();
        }
    }

    public static StatusView of(DashboardStatus status) {
        BrokerStatus broker = status.broker();
        List<Element> banner = new ArrayList<>();
        banner.add(new Element("brokerName", broker.headline(), "td-broker-name"));
        if (broker.live()) {
            banner.add(
                    broker.connected()
                            ? new Element(
                                    "brokerState", "connected", "td-broker-state td-broker-up")
                            : new Element(
                                    "brokerState",
                                    "not connected",
                                    "td-broker-state td-broker-down"));
        }
        banner.add(new Element("brokerDetail", broker.detail(), "td-broker-note"));
        return new StatusView(
                "td-broker td-broker-" + (broker.live() ? "live" : "paper"),
                banner,
                status.cards().stream().map(StatusView::card).toList());
    }

    /**
     * What the {@code status} stream carries: {@code {"bannerClass":…,"banner":[…],"cards":[…]}}.
     */
    public JsonObject json() {
        return JSON.createObjectBuilder()
                .add("bannerClass", bannerClass)
                .add("banner", array(banner, Element::json))
                .add("cards", array(cards, Card::json))
                .build();
    }

    private static Card card(StatusCard card) {
        return new Card(
                card.id(),
                card.label(),
                card.fields().stream()
                        .map(f -> new Element(f.id(), f.text(), styleClass(f)))
                        .toList());
    }

    private static String styleClass(StatusCard.Field field) {
        return switch (field.role()) {
            case VALUE -> "td-card-value";
            case STATE -> "td-state td-state-" + field.state();
            case NOTE -> "td-card-note";
        };
    }

    private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObject> json) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(item -> array.add(json.apply(item)));
        return array;
    }
}
