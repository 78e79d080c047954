package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The IBKR cards of the admin dashboard: the link to TWS, the market-data lines and the history
 * pacing, read once per request, so every poll of the page shows them afresh.
 */
@Named
@RequestScoped
public class IbkrPanel {

    @Inject TwsLink tws;

    private IbkrOverview overview;

    public IbkrOverview getOverview() {
        if (overview == null) {
            overview = tws.overview();
        }
        return overview;
    }
}
