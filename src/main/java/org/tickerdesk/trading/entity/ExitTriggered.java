package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * CDI event: a rule fired on a position and its exit is committed; fired once per exit, after the
 * commit and once its order is with the order desk.
 */
public record ExitTriggered(
        long positionId,
        String symbol,
        String rule,
        String clientOrderId,
        BigDecimal quantity,
        Instant at) {}
