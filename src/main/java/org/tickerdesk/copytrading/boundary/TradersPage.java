package org.tickerdesk.copytrading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.ChartJson;
import org.tickerdesk.copytrading.control.CopyCharts;
import org.tickerdesk.copytrading.control.TraderJson;
import org.tickerdesk.copytrading.control.Traders;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.Trader;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.ChartLibrary;

/**
 * The Traders page: every followed trader with a toggle that is committed before it answers, the
 * inline edit of paper mode, allocation and sizing, create and delete, and a sparkline of the
 * trader's copied P&amp;L ({@link CopyCharts#curves()}). The page is rendered once; its script
 * keeps each row current from the {@code traders} stream (a trader's {@code curve} message redraws
 * its sparkline) and asks for the list again when a trader was created or deleted elsewhere. Each
 * action goes through the same {@link Traders} as the REST API, so the same JSON rules check it,
 * and a refusal names the field.
 */
@Named
@ViewScoped
public class TradersPage implements Serializable {

    private static final Logger LOG = Logger.getLogger(TradersPage.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A row's inline edit, as typed. */
    public static final class Row implements Serializable {
        private boolean paper;
        private String allocation;
        private String mode;
        private String value;

        Row(TraderSnapshot trader) {
            paper = trader.settings().paper();
            allocation = TraderJson.plain(trader.settings().allocation()).toPlainString();
            Sizing sizing = trader.settings().sizing();
            mode = sizing.mode().name().toLowerCase(Locale.ROOT);
            BigDecimal amount = sizing.amount() != null ? sizing.amount() : sizing.ratio();
            value = amount == null ? "" : TraderJson.plain(amount).toPlainString();
        }

        public boolean isPaper() {
            return paper;
        }

        public void setPaper(boolean paper) {
            this.paper = paper;
        }

        public String getAllocation() {
            return allocation;
        }

        public void setAllocation(String allocation) {
            this.allocation = allocation;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    @Inject Traders traders;

    @Inject CopyCharts charts;

    @Inject FacesContext faces;

    private List<TraderSnapshot> shown = List.of();
    private final Map<Long, Row> rows = new HashMap<>();
    private Map<Long, PnlCurve> curves = Map.of();

    private String name;
    private String feed = "webhook";
    private String allocation;
    private String mode = "ratio";
    private String value;
    private String createdName;
    private String secret;

    @PostConstruct
    public void load() {
        try {
            shown = traders.list();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The traders could not be read", e);
            faces.addMessage(null, error("The traders could not be read: " + e.getMessage()));
            shown = List.of();
        }
        rows.clear();
        shown.forEach(t -> rows.put(t.id(), new Row(t)));
        try {
            curves = charts.curves();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The copied P&L curves could not be read", e);
            curves = Map.of();
        }
    }

    /** A trader's copied P&amp;L curve as the {@code traders} stream's {@code curve} carries it. */
    public String curve(long id) {
        return ChartJson.write(curves.getOrDefault(id, PnlCurve.empty(id))).toString();
    }

    /** The copied P&amp;L now, the curve's last point; a dash without a copied position. */
    public String copiedPnl(long id) {
        PnlCurve curve = curves.get(id);
        return curve == null || curve.points().isEmpty()
                ? "–"
                : money(curve.points().get(curve.points().size() - 1).pnl());
    }

    public String getEcharts() {
        return ChartLibrary.ECHARTS;
    }

    public void create() {
        act(
                () -> {
                    JsonObjectBuilder body =
                            JSON.createObjectBuilder()
                                    .add("name", text(name))
                                    .add("feed", text(feed))
                                    .add("sizing", sizing(mode, value));
                    if (allocation != null && !allocation.isBlank()) {
                        body.add("allocation", allocation.strip());
                    }
                    Traders.Created created = traders.create(body.build());
                    createdName = created.trader().settings().name();
                    secret = created.secret();
                    name = null;
                    allocation = null;
                    value = null;
                    return created.trader().settings().name() + " is followed";
                });
        load();
    }

    public void toggle(long id) {
        act(
                () -> {
                    TraderSnapshot trader = traders.toggle(id);
                    return trader.settings().name()
                            + (trader.settings().enabled() ? " is copied" : " is not copied");
                });
    }

    public void save(long id) {
        Row row = rows.get(id);
        if (row == null) {
            return;
        }
        act(
                () -> {
                    JsonObject body =
                            JSON.createObjectBuilder()
                                    .add("paper", row.paper)
                                    .add("allocation", text(row.allocation))
                                    .add("sizing", sizing(row.mode, row.value))
                                    .build();
                    return traders.update(id, body).settings().name() + " is saved";
                });
    }

    public void delete(long id) {
        act(
                () -> {
                    traders.delete(id);
                    return "Trader " + id + " is deleted";
                });
        load();
    }

    /** The sizing object of a mode and the one number it takes, if any. */
    static JsonObject sizing(String mode, String value) {
        JsonObjectBuilder sizing = JSON.createObjectBuilder().add("mode", text(mode));
        String number = value == null ? "" : value.strip();
        if ("fixed".equals(mode)) {
            sizing.add("amount", number);
        } else if ("ratio".equals(mode)) {
            sizing.add("ratio", number);
        }
        return sizing.build();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void act(Supplier<String> action) {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may change traders"));
            return;
        }
        try {
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, action.get(), null));
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                faces.addMessage(null, error(e.getMessage()));
            } else {
                e.errors()
                        .forEach(
                                f -> faces.addMessage(null, error(f.field() + ": " + f.message())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A trader action failed", e);
            faces.addMessage(null, error("That did not work: " + e.getMessage()));
        }
    }

    static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public List<TraderSnapshot> getTraders() {
        return shown;
    }

    public Map<Long, Row> getRows() {
        return rows;
    }

    public List<String> getFeeds() {
        return List.copyOf(new TreeSet<>(Trader.FEEDS));
    }

    public List<String> getModes() {
        return List.of("fixed", "ratio", "share");
    }

    /** As the page's script writes it too: "fixed 1000", "ratio 0.5", "share". */
    public String sizing(TraderSnapshot trader) {
        return TraderJson.describe(trader.settings().sizing());
    }

    public String money(BigDecimal value) {
        return value == null ? "–" : TraderJson.plain(value).toPlainString();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFeed() {
        return feed;
    }

    public void setFeed(String feed) {
        this.feed = feed;
    }

    public String getAllocation() {
        return allocation;
    }

    public void setAllocation(String allocation) {
        this.allocation = allocation;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** The name of the trader just created here, whose secret is shown once. */
    public String getCreatedName() {
        return createdName;
    }

    public String getSecret() {
        return secret;
    }
}
