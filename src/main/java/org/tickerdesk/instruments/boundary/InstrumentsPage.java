package org.tickerdesk.instruments.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tickerdesk.instruments.control.ContractInput;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The instruments page: the list, adding or removing a symbol on the watchlist, and looking an
 * instrument up at IBKR (admins only).
 */
@Named
@ViewScoped
public class InstrumentsPage implements Serializable {

    /** The API's field names and the ids of the inputs that hold them. */
    static final Map<String, String> ADD_FIELDS =
            Map.of(
                    "symbol", "symbol",
                    "kind", "kind",
                    "exchange", "exchange",
                    "currency", "currency",
                    "tickSize", "tickSize",
                    "expiry", "expiry",
                    "description", "description");

    static final Map<String, String> LOOKUP_FIELDS =
            Map.of(
                    "symbol", "lookupSymbol",
                    "kind", "lookupKind",
                    "exchange", "lookupExchange",
                    "currency", "lookupCurrency",
                    "expiry", "lookupExpiry",
                    "conId", "lookupConId");

    @Inject InstrumentCatalog catalog;

    @Inject FacesContext faces;

    private List<Instrument> instruments;
    private String symbol;
    private String kind = "STOCK";
    private String exchange = "SMART";
    private String currency = "USD";
    private String tickSize = "0.01";
    private LocalDate expiry;
    private String description;
    private final LookupForm lookup = new LookupForm();

    @PostConstruct
    void load() {
        instruments = catalog.all();
    }

    public void add() {
        if (!mayChange()) {
            return;
        }
        try {
            ContractInput input =
                    new ContractInput(
                            symbol,
                            kind,
                            exchange,
                            currency,
                            tickSize,
                            expiry == null ? null : expiry.toString(),
                            description);
            Instrument added = catalog.watch(input.toContract(), input.description());
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            added.symbol() + " is on the watchlist",
                            null));
            symbol = null;
            expiry = null;
            description = null;
            load();
        } catch (ProblemException e) {
            showBesideFields(e, "add:", ADD_FIELDS, "add:symbol");
        }
    }

    /** Blocks while IBKR answers (seconds at most): the admin waits for the answer anyway. */
    public void lookUp() {
        if (!mayChange()) {
            return;
        }
        try {
            InstrumentCatalog.Resolution resolved = catalog.resolve(lookup.input().toQuery());
            Instrument i = resolved.instrument();
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            i.symbol()
                                    + (resolved.created() ? " found at IBKR" : " updated from IBKR")
                                    + " (conId "
                                    + i.conId()
                                    + ", "
                                    + i.contract().exchange()
                                    + ", "
                                    + i.contract().currency()
                                    + ") and on the watchlist",
                            null));
            lookup.clear();
            load();
        } catch (ProblemException e) {
            showBesideFields(e, "lookup:", LOOKUP_FIELDS, "lookup:lookupSymbol");
        }
    }

    /**
     * Puts each field's message beside that field, as the API lists them under {@code errors}; a
     * message no field explains goes beside the first field.
     */
    private void showBesideFields(
            ProblemException problem, String form, Map<String, String> inputs, String fallback) {
        if (problem.errors().isEmpty()) {
            faces.addMessage(fallback, error(problem.getMessage()));
        }
        for (FieldError error : problem.errors()) {
            String input = inputs.get(error.field());
            faces.addMessage(input == null ? fallback : form + input, error(error.message()));
        }
        faces.validationFailed();
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    public boolean isLookupAvailable() {
        return catalog.lookupAvailable();
    }

    public LookupForm getLookup() {
        return lookup;
    }

    public void remove(String removed) {
        if (!mayChange()) {
            return;
        }
        try {
            catalog.unwatch(removed);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO, removed + " left the watchlist", null));
        } catch (ProblemException e) {
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        load();
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    private boolean mayChange() {
        if (isAdmin()) {
            return true;
        }
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        "Only an admin may change the watchlist",
                        null));
        return false;
    }

    public InstrumentKind[] getKinds() {
        return InstrumentKind.values();
    }

    public List<Instrument> getInstruments() {
        return instruments;
    }

    public int getSyntheticStocks() {
        return catalog.syntheticStocks();
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTickSize() {
        return tickSize;
    }

    public void setTickSize(String tickSize) {
        this.tickSize = tickSize;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public void setExpiry(LocalDate expiry) {
        this.expiry = expiry;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
