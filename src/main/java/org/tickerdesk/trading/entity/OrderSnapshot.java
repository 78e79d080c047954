package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order as it stood when it was read, detached from the database: what REST, the dashboard, the
 * brokers and CDI observers see. {@code fills} is null when the fills were not read (order lists);
 * {@code ocaGroup} null for an order in no OCA group. Decimals come without trailing zeros, so 100
 * reads as 100, not 100.00000000.
 */
public record OrderSnapshot(
        String clientOrderId,
        String broker,
        String symbol,
        Side side,
        BigDecimal quantity,
        OrderType type,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce tif,
        OrderState status,
        String brokerOrderId,
        BigDecimal filledQuantity,
        BigDecimal avgFillPrice,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        List<FillSnapshot> fills,
        String ocaGroup) {

    public OrderSnapshot {
        quantity = plain(quantity);
        limitPrice = plain(limitPrice);
        stopPrice = plain(stopPrice);
        filledQuantity = plain(filledQuantity);
        avgFillPrice = plain(avgFillPrice);
        fills = fills == null ? null : List.copyOf(fills);
    }

    /**
     * Whether the ticket asks for this very order, whatever its id: the test of a repeated request.
     */
    public boolean describes(OrderTicket ticket) {
        return symbol.equals(ticket.symbol())
                && side == ticket.side()
                && quantity.compareTo(ticket.quantity()) == 0
                && type == ticket.type()
                && samePrice(limitPrice, ticket.limitPrice())
                && samePrice(stopPrice, ticket.stopPrice())
                && tif == ticket.tif();
    }

    /** The commission of all fills so far, or null while none is known. */
    public BigDecimal commission() {
        if (fills == null) {
            return null;
        }
        return fills.stream()
                .map(FillSnapshot::commission)
                .filter(Objects::nonNull)
                .reduce(BigDecimal::add)
                .map(OrderSnapshot::plain)
                .orElse(null);
    }

    /** The executions already recorded, so a broker can tell a replay from a new fill. */
    public Set<String> execIds() {
        return fills == null
                ? Set.of()
                : fills.stream().map(FillSnapshot::execId).collect(Collectors.toSet());
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Without trailing zeros and never in exponent form (1E+2), which JSON readers would choke on.
     */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
