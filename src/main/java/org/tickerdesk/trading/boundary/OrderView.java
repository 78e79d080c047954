package org.tickerdesk.trading.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.trading.entity.OrderSnapshot;

/**
 * An order as JSON. Fields without a value (a market order's prices, the average price before a
 * fill) are absent. {@code commission} and {@code fills} come with a single order, not in lists.
 */
public record OrderView(
        String clientOrderId,
        String broker,
        String symbol,
        String side,
        BigDecimal quantity,
        String type,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        String tif,
        String status,
        String brokerOrderId,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        BigDecimal commission,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        List<FillView> fills) {

    static OrderView of(OrderSnapshot o) {
        return new OrderView(
                o.clientOrderId(),
                o.broker(),
                o.symbol(),
                o.side().name(),
                o.quantity(),
                o.type().name(),
                o.limitPrice(),
                o.stopPrice(),
                o.tif().name(),
                o.status().name(),
                o.brokerOrderId(),
                o.filledQuantity(),
                o.avgFillPrice(),
                o.commission(),
                o.reason(),
                o.createdAt(),
                o.updatedAt(),
                o.fills() == null ? null : o.fills().stream().map(FillView::of).toList());
    }
}
