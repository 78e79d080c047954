package org.tickerdesk.platform.control;

import java.util.List;
import org.tickerdesk.platform.entity.StatusCard;

/**
 * What a component shows on the admin dashboard's status row. A component with something to show
 * implements it as a CDI bean; the admin gathers every one without naming any. It lives in the
 * platform, which every component stands on, so that the ibkr adapter too, which nothing outside it
 * may import, puts its own cards on the dashboard.
 *
 * <p>{@link #cards()} is read once per refresh period for the whole server, never per viewer, so it
 * may ask the database; what changes seldom it may keep and read again only when told of a change.
 */
public interface StatusContribution {

    /**
     * Where these cards stand on the row, lowest first. The components keep ten apart (market data
     * 10, instruments 20, platform 30, streaming 40, ibkr 50) so a new one fits between.
     */
    int rank();

    /** The cards as they are now; none when the component has nothing to show in this setup. */
    List<StatusCard> cards();
}
