package org.tickerdesk.marketdata.control;

import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.SourceName;

/**
 * Prices can be injected only into the simulated market; with another source configured every such
 * request is refused (409 {@code not_simulated}).
 */
public class NotSimulatedException extends ProblemException {

    public static final String CODE = "not_simulated";

    public NotSimulatedException(SourceName source) {
        super(
                409,
                CODE,
                "Not the simulated market",
                "The market-data source is "
                        + (source == SourceName.IBKR ? "IBKR" : source.setting())
                        + " ("
                        + SourceName.KEY
                        + "="
                        + source.setting()
                        + "), so prices cannot be injected; that needs "
                        + SourceName.KEY
                        + "="
                        + SourceName.SIMULATED.setting());
    }
}
