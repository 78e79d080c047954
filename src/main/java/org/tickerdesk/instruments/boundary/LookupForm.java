package org.tickerdesk.instruments.boundary;

import java.io.Serializable;
import org.tickerdesk.instruments.control.LookupInput;

/** The fields of the instruments page's "Look up at IBKR" form, as typed. */
public class LookupForm implements Serializable {

    private String symbol;
    private String kind = "STOCK";
    private String exchange;
    private String currency;
    private String expiry;
    private String conId;

    LookupInput input() {
        return new LookupInput(
                conId,
                symbol,
                conId == null || conId.isBlank() ? kind : null,
                exchange,
                currency,
                expiry);
    }

    void clear() {
        symbol = null;
        exchange = null;
        currency = null;
        expiry = null;
        conId = null;
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

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public String getConId() {
        return conId;
    }

    public void setConId(String conId) {
        this.conId = conId;
    }
}
