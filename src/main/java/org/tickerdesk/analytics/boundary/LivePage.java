package org.tickerdesk.analytics.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.tickerdesk.analytics.control.CandleAggregator;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.platform.entity.ChartLibrary;

/**
 * The Live page: which watched symbols the user follows, several at once, each as a price tile, one
 * of them charted. The page's script streams everything over {@code /ws/market}: following a symbol
 * subscribes its quotes, and that subscription is the demand that has a demand-driven source (IBKR)
 * stream the symbol; stopping unsubscribes and so releases it. The followed symbols are kept in the
 * session, so leaving the page and coming back finds them followed again, and may be named in the
 * address ({@code ?symbols=AAPL,MSFT}) to bookmark a view.
 */
@Named
@ViewScoped
public class LivePage implements Serializable {

    /** Where the followed symbols are kept for the session. */
    static final String FOLLOWED = LivePage.class.getName() + ".followed";

    @Inject InstrumentCatalog catalog;

    @Inject FacesContext faces;

    /** Says when a symbol's last quote is stale, which its tile then shows. */
    @Inject QuoteStore quotes;

    private List<String> symbols;
    private List<String> chosen = new ArrayList<>();
    private List<String> followed = new ArrayList<>();

    @PostConstruct
    void load() {
        symbols =
                List.copyOf(
                        new TreeSet<>(catalog.watchlist().stream().map(Contract::symbol).toList()));
        String named = faces.getExternalContext().getRequestParameterMap().get("symbols");
        List<String> wanted = named != null ? parse(named) : kept();
        for (String symbol : wanted) {
            if (!symbols.contains(symbol)) {
                warn(
                        symbol
                                + " is not on the watchlist: add it on the Instruments page to"
                                + " follow it");
            } else if (!followed.contains(symbol)) {
                followed.add(symbol);
            }
        }
        keep();
    }

    /** Follows the symbols chosen in the menu besides those followed already. */
    public void follow() {
        if (chosen.isEmpty()) {
            warn("Choose one or more instruments to follow");
            return;
        }
        for (String symbol : chosen) {
            if (symbols.contains(symbol) && !followed.contains(symbol)) {
                followed.add(symbol);
            }
        }
        chosen = new ArrayList<>();
        keep();
    }

    public void stop(String symbol) {
        followed.remove(symbol);
        keep();
    }

    private List<String> kept() {
        Object kept = faces.getExternalContext().getSessionMap().get(FOLLOWED);
        return kept instanceof String text ? parse(text) : List.of();
    }

    private void keep() {
        faces.getExternalContext().getSessionMap().put(FOLLOWED, getFollowedText());
    }

    private static List<String> parse(String text) {
        return Arrays.stream(text.split("[,\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private void warn(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
    }

    public List<String> getSymbols() {
        return symbols;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
    }

    public List<String> getFollowed() {
        return followed;
    }

    /** The followed symbols for the script, separated by commas. */
    public String getFollowedText() {
        return String.join(",", followed);
    }

    /** The intervals analytics makes live candles of, for the chart. */
    public List<String> getIntervals() {
        return CandleAggregator.INTERVALS.stream().map(BarSize::label).toList();
    }

    public int getStaleSeconds() {
        return quotes.staleSeconds();
    }

    public String getEcharts() {
        return ChartLibrary.ECHARTS;
    }
}
