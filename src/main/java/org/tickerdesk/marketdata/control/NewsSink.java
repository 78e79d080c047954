package org.tickerdesk.marketdata.control;

import org.tickerdesk.marketdata.entity.News;

/**
 * Where a source hands the news it receives. Called off the source's reader thread, one item at a
 * time, and may block while the item is stored. The same item may come again (after a reconnect):
 * the sink decides what a repeat means.
 */
@FunctionalInterface
public interface NewsSink {

    void accept(News news);
}
