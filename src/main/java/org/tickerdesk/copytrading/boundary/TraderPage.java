package org.tickerdesk.copytrading.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.TraderJson;
import org.tickerdesk.copytrading.control.Traders;
import org.tickerdesk.copytrading.entity.Trader;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * One followed trader's page ({@code trader.xhtml?id=7}): every setting in one form, saved whole
 * through the same {@link Traders} as the REST API's PUT, with the version it was read at, so an
 * edit made elsewhere meanwhile is refused rather than overwritten. A refusal puts each message
 * beside its field.
 */
@Named
@ViewScoped
public class TraderPage implements Serializable {

    private static final Logger LOG = Logger.getLogger(TraderPage.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject Traders traders;

    @Inject FacesContext faces;

    private String id;
    private TraderSnapshot trader;
    private final Map<String, String> form = new HashMap<>();
    private boolean enabled;
    private boolean paper;
    private boolean copyExits;
    private final Map<String, String> errors = new HashMap<>();

    /** Called once the view parameter {@code id} is set. */
    public void load() {
        try {
            trader = traders.get(Long.parseLong(id == null ? "" : id.strip()));
            fill(trader);
        } catch (NumberFormatException | ProblemException e) {
            trader = null;
            faces.addMessage(null, TradersPage.error("No trader has the id " + id));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The trader could not be read", e);
            trader = null;
            faces.addMessage(
                    null, TradersPage.error("The trader could not be read: " + e.getMessage()));
        }
    }

    private void fill(TraderSnapshot t) {
        TraderSettings s = t.settings();
        form.clear();
        errors.clear();
        form.put("name", s.name());
        form.put("feed", s.feed());
        enabled = s.enabled();
        paper = s.paper();
        copyExits = s.copyExits();
        form.put("allocation", plain(s.allocation()));
        form.put("sizing.mode", s.sizing().mode().name().toLowerCase(Locale.ROOT));
        form.put("sizing.amount", plain(s.sizing().amount()));
        form.put("sizing.ratio", plain(s.sizing().ratio()));
        form.put("caps.perTrade", plain(s.caps().perTrade()));
        form.put("caps.totalExposure", plain(s.caps().totalExposure()));
        form.put(
                "caps.openPositions",
                s.caps().openPositions() == null ? "" : s.caps().openPositions().toString());
        form.put("filters.allowed", String.join(", ", new TreeSet<>(s.filters().allowed())));
        form.put("filters.denied", String.join(", ", new TreeSet<>(s.filters().denied())));
        form.put("filters.minTradeSize", plain(s.filters().minTradeSize()));
        form.put("filters.maxTradeSize", plain(s.filters().maxTradeSize()));
        form.put(
                "filters.maxDelaySeconds",
                s.filters().maxDelay() == null
                        ? ""
                        : Long.toString(s.filters().maxDelay().toSeconds()));
        form.put("filters.maxPriceDeviationPercent", plain(s.filters().maxPriceDeviationPercent()));
        form.put("copyStopLossPercent", plain(s.copyStopLossPercent()));
        form.put("rules", TraderJson.settings(s).getJsonObject("rules").toString());
    }

    public void save() {
        if (trader == null) {
            return;
        }
        if (!isAdmin()) {
            faces.addMessage(null, TradersPage.error("Only an admin may change traders"));
            return;
        }
        errors.clear();
        JsonObject body;
        try {
            body = body();
        } catch (ProblemException e) {
            shown(e);
            return;
        }
        try {
            trader = traders.update(trader.id(), body);
            fill(trader);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            trader.settings().name() + " is saved",
                            null));
        } catch (ProblemException e) {
            shown(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Saving a trader failed", e);
            faces.addMessage(null, TradersPage.error("That did not work: " + e.getMessage()));
        }
    }

    private void shown(ProblemException e) {
        if (e.errors().isEmpty()) {
            faces.addMessage(null, TradersPage.error(e.getMessage()));
            return;
        }
        for (FieldError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            faces.addMessage(null, TradersPage.error(error.field() + ": " + error.message()));
        }
    }

    /** The form as the API's JSON: empty fields are null, numbers are sent as typed. */
    private JsonObject body() {
        JsonObjectBuilder sizing = JSON.createObjectBuilder().add("mode", value("sizing.mode"));
        if ("fixed".equals(form.get("sizing.mode"))) {
            sizing.add("amount", value("sizing.amount"));
        } else if ("ratio".equals(form.get("sizing.mode"))) {
            sizing.add("ratio", value("sizing.ratio"));
        }
        JsonObjectBuilder caps =
                JSON.createObjectBuilder()
                        .add("perTrade", value("caps.perTrade"))
                        .add("totalExposure", value("caps.totalExposure"))
                        .add("openPositions", whole("caps.openPositions"));
        JsonObjectBuilder filters =
                JSON.createObjectBuilder()
                        .add("allowed", symbols("filters.allowed"))
                        .add("denied", symbols("filters.denied"))
                        .add("minTradeSize", value("filters.minTradeSize"))
                        .add("maxTradeSize", value("filters.maxTradeSize"))
                        .add("maxDelaySeconds", whole("filters.maxDelaySeconds"))
                        .add("maxPriceDeviationPercent", value("filters.maxPriceDeviationPercent"));
        return JSON.createObjectBuilder()
                .add("version", trader.version())
                .add("name", value("name"))
                .add("feed", value("feed"))
                .add("enabled", enabled)
                .add("paper", paper)
                .add("allocation", value("allocation"))
                .add("sizing", sizing)
                .add("caps", caps)
                .add("filters", filters)
                .add("copyExits", copyExits)
                .add("copyStopLossPercent", value("copyStopLossPercent"))
                .add("rules", rules())
                .build();
    }

    private JsonValue value(String field) {
        String text = form.get(field);
        return text == null || text.isBlank() ? JsonValue.NULL : JSON.createValue(text.strip());
    }

    /**
     * A whole number as a JSON number, so the API's whole-number check applies as it does there.
     */
    private JsonValue whole(String field) {
        String text = form.get(field);
        if (text == null || text.isBlank()) {
            return JsonValue.NULL;
        }
        try {
            return JSON.createValue(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return JSON.createValue(text.strip());
        }
    }

    private JsonArrayBuilder symbols(String field) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        String text = form.get(field);
        if (text != null) {
            Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(array::add);
        }
        return array;
    }

    private JsonValue rules() {
        String text = form.get("rules");
        if (text == null || text.isBlank()) {
            return JsonValue.NULL;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new ProblemException(
                    400,
                    "invalid_trader",
                    "Invalid trader",
                    List.of(new FieldError("rules", "rules are not valid JSON")));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : TraderJson.plain(value).toPlainString();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TraderSnapshot getTrader() {
        return trader;
    }

    /** The form's text fields by their API path ({@code sizing.ratio}). */
    public Map<String, String> getForm() {
        return form;
    }

    /** The refusal's message for a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPaper() {
        return paper;
    }

    public void setPaper(boolean paper) {
        this.paper = paper;
    }

    public boolean isCopyExits() {
        return copyExits;
    }

    public void setCopyExits(boolean copyExits) {
        this.copyExits = copyExits;
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public List<String> getFeeds() {
        return List.copyOf(new TreeSet<>(Trader.FEEDS));
    }

    public List<String> getModes() {
        return List.of("fixed", "ratio", "share");
    }

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
