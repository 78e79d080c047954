/**
 * IB's news bulletins: subscribed on the session and handed to marketdata's news store, each once.
 * Stands on {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.news;
