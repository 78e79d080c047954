package org.tickerdesk.trading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;

/**
 * The Orders page: the recent orders, newest first, one order's fills ({@code ?order=my-1}), and
 * cancelling a working order (admins only). The page is rendered once; its script keeps the rows
 * current from the {@code orders} stream and adds the orders placed since on top. Cancelling goes
 * through the order desk as the REST API's does, and a refusal is shown as a message.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    /** As many as the {@code orders} stream's snapshot shows. */
    static final int SHOWN = 100;

    private static final Logger LOG = Logger.getLogger(OrdersPage.class.getName());

    @Inject OrderDesk desk;

    @Inject FacesContext faces;

    private List<OrderSnapshot> orders = List.of();
    private OrderSnapshot detail;
    private String brokerInUse = "";
    private List<String> brokersInUse = List.of();
    private String order;

    @PostConstruct
    void load() {
        brokerInUse = read(() -> desk.broker().name(), "");
        brokersInUse = read(desk::brokerNames, List.of());
        orders =
                read(
                        () -> desk.recent(SHOWN).stream().map(this::withCommission).toList(),
                        List.of());
        String selected = faces.getExternalContext().getRequestParameterMap().get("order");
        if (selected != null && !selected.isBlank()) {
            detail =
                    read(() -> find(selected.strip()), Optional.<OrderSnapshot>empty())
                            .orElse(null);
            if (detail == null) {
                faces.addMessage(null, error("No order " + selected.strip() + " is known"));
            }
        }
    }

    /**
     * A list reads orders without their fills; the commission the page shows is theirs, and only an
     * order that filled has any.
     */
    private OrderSnapshot withCommission(OrderSnapshot listed) {
        if (listed.filledQuantity() == null || listed.filledQuantity().signum() == 0) {
            return listed;
        }
        return desk.find(listed.clientOrderId()).orElse(listed);
    }

    /** Cancels the order the script put in {@link #getOrder()}; the row changes by the stream. */
    public void cancel() {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may cancel an order"));
            return;
        }
        String id = order == null ? "" : order.strip();
        try {
            Optional<OrderSnapshot> cancelled = find(id).flatMap(o -> desk.cancel(id));
            if (cancelled.isEmpty()) {
                faces.addMessage(null, error("No order " + id + " is known"));
                return;
            }
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Order " + id + " is " + cancelled.get().status(),
                            null));
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + id + " could not be cancelled", e);
            faces.addMessage(
                    null, error("Order " + id + " could not be cancelled: " + e.getMessage()));
        }
    }

    /** An id that cannot be a client order id names no order; the database is not asked. */
    private Optional<OrderSnapshot> find(String id) {
        return OrderTicket.CLIENT_ORDER_ID.matcher(id).matches() ? desk.find(id) : Optional.empty();
    }

    /**
     * A page that cannot read the orders still renders, saying so, rather than failing as a whole:
     * the rest of the admin stays reachable from it.
     */
    private <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
            return otherwise;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The orders could not be read", e);
            faces.addMessage(null, error("The orders could not be read: " + e.getMessage()));
            return otherwise;
        }
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public List<OrderSnapshot> getOrders() {
        return orders;
    }

    /** The order whose fills are shown, or null. */
    public OrderSnapshot getDetail() {
        return detail;
    }

    /** The configured broker orders go to now. */
    public String getBrokerInUse() {
        return brokerInUse;
    }

    /**
     * Every broker orders go to now, space-separated: the configured one and, beside a live one,
     * the paper broker. Only their working orders can be cancelled.
     */
    public String getBrokersInUse() {
        return String.join(" ", brokersInUse);
    }

    /** Whether the paper broker takes paper-mode orders beside the configured live one. */
    public boolean isPaperBeside() {
        return brokersInUse.size() > 1;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    /** Whether the order can be asked to cancel: working, at a broker in use. */
    public boolean cancellable(OrderSnapshot o) {
        return !o.status().isFinal() && brokersInUse.contains(o.broker());
    }

    /*
     * The formats below are also the page script's (orders.js), so a pushed value looks like a
     * rendered one.
     */

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * When the order last changed, as the stream's {@code ts}: epoch milliseconds, micros after.
     */
    public String millis(Instant at) {
        if (at == null) {
            return "0";
        }
        return BigDecimal.valueOf(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000, 3)
                .stripTrailingZeros()
                .toPlainString();
    }

    public String number(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    /** "189.5", "stop 180", "stop 180, limit 179.5", or "–" for a market order. */
    public String prices(OrderSnapshot o) {
        if (o.stopPrice() == null) {
            return number(o.limitPrice());
        }
        String stop = "stop " + o.stopPrice().toPlainString();
        return o.limitPrice() == null ? stop : stop + ", limit " + o.limitPrice().toPlainString();
    }
}
