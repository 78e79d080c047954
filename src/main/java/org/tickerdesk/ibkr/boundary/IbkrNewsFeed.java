package org.tickerdesk.ibkr.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.tickerdesk.marketdata.control.NewsStore;

/**
 * Feeds IB's news bulletins into the news store from the start, when IBKR is used; otherwise it
 * does nothing and opens no connection to TWS.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class IbkrNewsFeed {

    private static final Logger LOG = Logger.getLogger(IbkrNewsFeed.class.getName());

    @Inject TwsLink link;

    @Inject NewsStore store;

    @PostConstruct
    void start() {
        if (!link.enabled()) {
            return;
        }
        link.news().start(store::record);
        LOG.info("IB news bulletins go to the news store");
    }
}
