package org.tickerdesk.resolution.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.resolution.control.ResolutionInput;
import org.tickerdesk.resolution.control.ResolutionStore;
import org.tickerdesk.resolution.control.Resolutions;
import org.tickerdesk.resolution.entity.InstrumentResolution;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRun;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;

/**
 * The Resolution page: instruments awaiting resolution with the reason, those resolved with their
 * value, source, basis and the positions settled; an admin enters an outcome or a settlement price
 * per awaiting instrument, or runs the resolution now. The lists are read again after every action;
 * what changes elsewhere (a resolution entered over REST, a run) reaches the open page through the
 * private {@code resolutions} stream (resolution.js), which asks for the awaiting list again only
 * when an instrument it does not show starts awaiting.
 */
@Named
@ViewScoped
public class ResolutionPage implements Serializable {

    @Inject Resolutions resolutions;

    @Inject FacesContext faces;

    private List<ResolutionOverview> awaiting;
    private List<ResolutionOverview> resolved;
    private final Map<String, String> prices = new HashMap<>();

    @PostConstruct
    void load() {
        List<ResolutionOverview> all = resolutions.overview();
        awaiting = all.stream().filter(ResolutionOverview::awaiting).toList();
        resolved = all.stream().filter(o -> !o.awaiting()).toList();
    }

    /** Settles an awaiting future or option at the price typed in its row. */
    public void settle(String symbol) {
        enter(symbol, new ResolutionInput(prices.get(symbol), null));
    }

    /** Resolves an awaiting event contract YES or NO. */
    public void outcome(String symbol, String outcome) {
        enter(symbol, new ResolutionInput(null, outcome));
    }

    private void enter(String symbol, ResolutionInput input) {
        if (!admin()) {
            return;
        }
        try {
            ResolutionStore.Settled done =
                    resolutions.enter(
                            symbol,
                            input,
                            faces.getExternalContext().getRemoteUser() + " on the Resolution page");
            ResolutionSnapshot r = done.resolution();
            info(
                    symbol
                            + (done.resolvedNow() ? " resolved at " : " was resolved already at ")
                            + InstrumentResolution.describe(r.settlementPrice(), r.outcome())
                            + "; "
                            + done.positions().size()
                            + " position(s) settled");
            prices.remove(symbol);
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                error(e.getMessage());
            }
            for (FieldError field : e.errors()) {
                error(field.message());
            }
            faces.validationFailed();
        }
        load();
    }

    /** Reads the lists again, keeping the prices typed so far. */
    public void reload() {
        load();
    }

    /** Runs the resolution now, as the scheduled run would. */
    public void resolveNow() {
        if (!admin()) {
            return;
        }
        ResolutionRun run = resolutions.run();
        faces.addMessage(
                null,
                new FacesMessage(
                        run.failures().isEmpty()
                                ? FacesMessage.SEVERITY_INFO
                                : FacesMessage.SEVERITY_WARN,
                        run.summary(),
                        null));
        load();
    }

    private boolean admin() {
        if (isAdmin()) {
            return true;
        }
        error("Only an admin may resolve instruments");
        return false;
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    private void info(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private void error(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public List<ResolutionOverview> getAwaiting() {
        return awaiting;
    }

    public List<ResolutionOverview> getResolved() {
        return resolved;
    }

    public Map<String, String> getPrices() {
        return prices;
    }

    public String getSource() {
        return resolutions.sourceName();
    }

    /** A price as a trader reads it; a dash for none. */
    public String value(ResolutionSnapshot r) {
        return r.settlementPrice() == null
                ? "–"
                : InstrumentResolution.describe(r.settlementPrice(), r.outcome());
    }

    public String instant(java.time.Instant at) {
        return at == null ? "–" : at.toString();
    }
}
