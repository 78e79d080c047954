package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Side;

/** An exit committed with its client order id, to be handed to the order desk as it stands. */
public record CommittedExit(
        long positionId,
        String symbol,
        String rule,
        String clientOrderId,
        Side side,
        BigDecimal quantity,
        OrderType orderType,
        BigDecimal limitPrice,
        long tickNanos) {}
