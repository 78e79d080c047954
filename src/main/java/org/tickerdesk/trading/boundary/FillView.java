package org.tickerdesk.trading.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import org.tickerdesk.trading.entity.FillSnapshot;

/** One execution as JSON; commission and its currency are absent until the broker reports them. */
public record FillView(
        String execId,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal commission,
        String commissionCurrency,
        Instant time) {

    static FillView of(FillSnapshot fill) {
        return new FillView(
                fill.execId(),
                fill.quantity(),
                fill.price(),
                fill.commission(),
                fill.commissionCurrency(),
                fill.time());
    }
}
