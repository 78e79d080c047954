package org.tickerdesk.trading.control;

import java.util.List;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * A position with what happened to it: its exits (the triggers, their orders and fills) and the
 * fills that changed it, and its live price while guarded (null otherwise).
 */
public record PositionDetail(
        PositionSnapshot position,
        List<ExitRecord> exits,
        List<FillSnapshot> fills,
        PositionPrice live) {}
