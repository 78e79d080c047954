package org.tickerdesk.trading.boundary;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.ChartLibrary;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.control.PositionDetail;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.HoldingComparison;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * The Positions page: the open positions, kept current by the {@code positions} stream (the page's
 * script writes the rows); opening a paper position, changing a position's rules in place and
 * closing it (admins only); one position's triggers and fills beside a chart of its instrument; and
 * the holdings, Tickerdesk's sum beside the broker's, with what no position explains adoptable.
 * Everything goes through {@link Positions} as the REST API's does, and a refusal is shown as a
 * message naming the field at fault.
 */
@Named
@ViewScoped
public class PositionsPage implements Serializable {

    private static final Logger LOG = Logger.getLogger(PositionsPage.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject Positions positions;

    @Inject FacesContext faces;

    private int open;
    private List<HoldingComparison> holdings = List.of();
    private PositionDetail detail;

    private String symbol;
    private String side = "BUY";
    private String quantity;
    private String stopPercent;
    private String takeProfitPercent;

    private String position;
    private String ruleStop;
    private String ruleTarget;
    private String ruleTrailing;
    private String ruleTime;
    private String ruleChanged;

    @PostConstruct
    void load() {
        open =
                read(
                        () ->
                                positions.list(PositionState.OPEN, Positions.MAX_LIST).size()
                                        + positions
                                                .list(PositionState.CLOSING, Positions.MAX_LIST)
                                                .size(),
                        0);
        refreshHoldings();
        String selected = faces.getExternalContext().getRequestParameterMap().get("position");
        if (selected != null && !selected.isBlank()) {
            position = selected.strip();
            select();
        }
    }

    /** Opens a paper position at market; its row arrives by the stream once its order fills. */
    public void open() {
        if (!admin()) {
            return;
        }
        try {
            JsonObjectBuilder rules = JSON.createObjectBuilder();
            boolean given = put(rules, "stopLoss", stopPercent);
            given |= put(rules, "takeProfit", takeProfitPercent);
            PositionSnapshot opened =
                    positions.open(
                            new Positions.Request(
                                    symbol, side, quantity, given ? rules.build() : null));
            info("Position " + opened.id() + " (" + describe(opened) + ") is " + opened.state());
            quantity = null;
        } catch (RuntimeException e) {
            refused(e, "The position could not be opened");
        }
    }

    /**
     * New rules for the position the script put in {@link #getPosition()}: the rules the script
     * marks as changed ({@link #getRuleChanged()}) take the form's values, an empty one removes the
     * rule, and the others stay as they are.
     */
    public void changeRules() {
        if (!admin()) {
            return;
        }
        Optional<Long> id = id();
        try {
            Optional<PositionDetail> found = id.flatMap(positions::find);
            if (found.isEmpty()) {
                error("No position " + position + " is known");
                return;
            }
            JsonObjectBuilder rules =
                    JSON.createObjectBuilder(
                            ExitRulesJson.write(
                                    ExitRulesJson.read(found.get().position().rules())));
            Set<String> changed =
                    ruleChanged == null ? Set.of() : Set.of(ruleChanged.strip().split("\\s*,\\s*"));
            if (changed.contains("stopLoss")) {
                replace(rules, "stopLoss", ruleStop);
            }
            if (changed.contains("takeProfit")) {
                replace(rules, "takeProfit", ruleTarget);
            }
            if (changed.contains("trailing")) {
                replace(rules, "trailing", ruleTrailing);
            }
            if (changed.contains("timeLimit")) {
                time(rules, ruleTime);
            }
            Optional<PositionSnapshot> stored = positions.rules(id.get(), rules.build());
            if (stored.isEmpty()) {
                error("No position " + position + " is known");
                return;
            }
            info("Position " + id.get() + " has new rules: " + stored.get().rules());
        } catch (RuntimeException e) {
            refused(e, "The rules of position " + position + " could not be changed");
        }
    }

    /** Closes the position in {@link #getPosition()} at market; the row changes by the stream. */
    public void close() {
        if (!admin()) {
            return;
        }
        Optional<Long> id = id();
        try {
            Optional<PositionSnapshot> closing = id.flatMap(positions::close);
            if (closing.isEmpty()) {
                error("No position " + position + " is known");
                return;
            }
            info("Position " + id.get() + " is " + closing.get().state());
        } catch (RuntimeException e) {
            refused(e, "Position " + position + " could not be closed");
        }
    }

    /** Reads the position in {@link #getPosition()} for its event log; the page's chart follows. */
    public void select() {
        Optional<Long> id = id();
        detail =
                id.isEmpty()
                        ? null
                        : read(() -> positions.find(id.get()), Optional.<PositionDetail>empty())
                                .orElse(null);
        if (detail == null) {
            error("No position " + position + " is known");
        }
    }

    /** Takes what the broker holds of the instrument and no position explains as a position. */
    public void adopt(String holding) {
        if (!admin()) {
            return;
        }
        try {
            PositionSnapshot adopted = positions.adopt(holding, null);
            info("Position " + adopted.id() + " adopts " + describe(adopted));
        } catch (RuntimeException e) {
            refused(e, "The holding of " + holding + " could not be adopted");
        } finally {
            refreshHoldings();
        }
    }

    /** The script asks again after positions changed: holdings are read, not pushed. */
    public void refreshHoldings() {
        holdings = read(positions::holdings, List.of());
    }

    private Optional<Long> id() {
        try {
            return Optional.of(Long.parseLong(position == null ? "" : position.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean admin() {
        if (!isAdmin()) {
            error("Only an admin may change positions");
        }
        return isAdmin();
    }

    /**
     * A percent as the form gave it: a number as a number, anything else as text for the rules' own
     * check to name the field.
     */
    private static boolean put(JsonObjectBuilder rules, String rule, String percent) {
        if (percent == null || percent.isBlank()) {
            return false;
        }
        String given = percent.strip().replace("%", "").strip();
        JsonObjectBuilder offset = JSON.createObjectBuilder();
        try {
            offset.add("percent", new BigDecimal(given));
        } catch (NumberFormatException e) {
            offset.add("percent", percent.strip());
        }
        rules.add(rule, offset);
        return true;
    }

    private static void replace(JsonObjectBuilder rules, String rule, String percent) {
        if (!put(rules, rule, percent)) {
            rules.remove(rule);
        }
    }

    /** "PT4H", or shorter: "4h", "90m", "1h30m". */
    private static void time(JsonObjectBuilder rules, String limit) {
        if (limit == null || limit.isBlank()) {
            rules.remove("timeLimit");
            return;
        }
        String given = limit.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        rules.add("timeLimit", given.startsWith("P") ? given : "PT" + given);
    }

    /** A refusal names what is wrong; anything else is logged and said in one line. */
    private void refused(RuntimeException e, String what) {
        if (e instanceof ProblemException problem) {
            if (problem.errors().isEmpty()) {
                error(problem.getMessage());
            } else {
                problem.errors().stream().map(FieldError::message).forEach(this::error);
            }
            return;
        }
        LOG.log(Level.WARNING, what, e);
        error(what + ": " + e.getMessage());
    }

    /** A page that cannot read positions still renders, saying so. */
    private <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (ProblemException e) {
            error(e.getMessage());
            return otherwise;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The positions could not be read", e);
            error("The positions could not be read: " + e.getMessage());
            return otherwise;
        }
    }

    /** "BUY 5 AAPL": what was asked while it is pending, what is held once it is open. */
    private static String describe(PositionSnapshot p) {
        BigDecimal held = p.quantity().signum() == 0 ? p.orderedQuantity() : p.quantity().abs();
        return p.side() + " " + PositionJson.plain(held) + " " + p.symbol();
    }

    private void info(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private void error(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    /** How many positions were open or closing when the page was rendered. */
    public int getOpen() {
        return open;
    }

    public List<HoldingComparison> getHoldings() {
        return holdings;
    }

    /** The selected position with its triggers and fills, or null. */
    public PositionDetail getDetail() {
        return detail;
    }

    /** The selected position's id, or empty. */
    public String getSelectedId() {
        return detail == null ? "" : Long.toString(detail.position().id());
    }

    public String getEcharts() {
        return ChartLibrary.ECHARTS;
    }

    /*
     * The formats below are also the page script's (positions.js), so a pushed value looks like a
     * rendered one.
     */

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String number(BigDecimal value) {
        return value == null ? "–" : PositionJson.plain(value).toPlainString();
    }

    /** The rules as the REST API shows them, for the detail. */
    public String rules(PositionSnapshot p) {
        JsonObject rules = ExitRulesJson.write(ExitRulesJson.read(p.rules()));
        return rules.toString();
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public String getSide() {
        return side;
    }

    public void setSide(String side) {
        this.side = side;
    }

    public String getQuantity() {
        return quantity;
    }

    public void setQuantity(String quantity) {
        this.quantity = quantity;
    }

    public String getStopPercent() {
        return stopPercent;
    }

    public void setStopPercent(String stopPercent) {
        this.stopPercent = stopPercent;
    }

    public String getTakeProfitPercent() {
        return takeProfitPercent;
    }

    public void setTakeProfitPercent(String takeProfitPercent) {
        this.takeProfitPercent = takeProfitPercent;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getRuleStop() {
        return ruleStop;
    }

    public void setRuleStop(String ruleStop) {
        this.ruleStop = ruleStop;
    }

    public String getRuleTarget() {
        return ruleTarget;
    }

    public void setRuleTarget(String ruleTarget) {
        this.ruleTarget = ruleTarget;
    }

    public String getRuleTrailing() {
        return ruleTrailing;
    }

    public void setRuleTrailing(String ruleTrailing) {
        this.ruleTrailing = ruleTrailing;
    }

    public String getRuleTime() {
        return ruleTime;
    }

    public void setRuleTime(String ruleTime) {
        this.ruleTime = ruleTime;
    }

    /** Which of the edited rules the trader changed, comma-separated: "stopLoss,timeLimit". */
    public String getRuleChanged() {
        return ruleChanged;
    }

    public void setRuleChanged(String ruleChanged) {
        this.ruleChanged = ruleChanged;
    }
}
