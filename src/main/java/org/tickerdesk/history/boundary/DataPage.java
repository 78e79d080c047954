package org.tickerdesk.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.entity.ChartLibrary;

/**
 * The Data page: the stored bars of one series (instrument, bar size, what to show), named in the
 * address ({@code ?symbol=AAPL&barSize=1m&whatToShow=TRADES}) so a view can be bookmarked. The page
 * only names the series; its script reads the stored range, the gaps and the candles from the REST
 * API, the candles of whatever range the chart is zoomed to.
 */
@Named
@ViewScoped
public class DataPage implements Serializable {

    @Inject InstrumentCatalog catalog;

    @Inject FacesContext faces;

    private List<String> symbols;
    private String symbol;
    private String barSize = BarSize.DAY_1.label();
    private String whatToShow = WhatToShow.TRADES.name();

    @PostConstruct
    void load() {
        symbols =
                List.copyOf(
                        new TreeSet<>(
                                Stream.concat(
                                                catalog.all().stream().map(Instrument::symbol),
                                                catalog.watchlist().stream().map(Contract::symbol))
                                        .toList()));
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        symbol = chosen(parameters.get("symbol"), "symbol", s -> symbols.contains(s) ? s : null);
        if (symbol == null && !symbols.isEmpty()) {
            symbol = symbols.get(0);
        }
        String size = chosen(parameters.get("barSize"), "barSize", s -> BarSize.parse(s).label());
        barSize = size == null ? barSize : size;
        String series =
                chosen(parameters.get("whatToShow"), "whatToShow", s -> WhatToShow.parse(s).name());
        whatToShow = series == null ? whatToShow : series;
    }

    /** A value named in the address, or null (and a message) if it is none of the choices. */
    private String chosen(String text, String field, Function<String, String> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String value = parse.apply(text.strip());
            if (value == null) {
                warn(text.strip() + " is not an instrument Tickerdesk knows");
            }
            return value;
        } catch (IllegalArgumentException e) {
            warn(e.getMessage() + " (" + field + ")");
            return null;
        }
    }

    private void warn(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
    }

    /** Shows the series chosen in the form at its own address. */
    public String show() {
        return "/admin/data.xhtml?faces-redirect=true&symbol="
                + symbol
                + "&barSize="
                + barSize
                + "&whatToShow="
                + whatToShow;
    }

    public String getEcharts() {
        return ChartLibrary.ECHARTS;
    }

    public List<String> getSymbols() {
        return symbols;
    }

    public BarSize[] getBarSizes() {
        return BarSize.values();
    }

    public WhatToShow[] getSeries() {
        return WhatToShow.values();
    }

    /** The length of one bar in seconds, for the script to tell how many bars a range holds. */
    public long getBarSeconds() {
        return BarSize.parse(barSize).length().toSeconds();
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public String getBarSize() {
        return barSize;
    }

    public void setBarSize(String barSize) {
        this.barSize = barSize;
    }

    public String getWhatToShow() {
        return whatToShow;
    }

    public void setWhatToShow(String whatToShow) {
        this.whatToShow = whatToShow;
    }
}
