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
import org.tickerdesk.instruments.control.ContractInput;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.control.InvalidInstrument;
import org.tickerdesk.instruments.control.LookupFailed;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * The instruments page: the list, adding or removing a symbol on the watchlist, and looking an
 * instrument up at IBKR (admins only).
 */
@Named
@ViewScoped
public class InstrumentsPage implements Serializable {

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
                            expiry == null ? null : expiry.toString());
            Instrument added = catalog.watch(input.toContract(), description);
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
        } catch (InvalidInstrument e) {
            faces.addMessage(
                    "add:symbol",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            faces.validationFailed();
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
        } catch (InvalidInstrument | LookupFailed e) {
            faces.addMessage(
                    "lookup:lookupSymbol",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            faces.validationFailed();
        }
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
        } catch (InvalidInstrument e) {
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
