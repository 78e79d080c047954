/**
 * Copy trading's {@code ibkr} trade feed: the executions of a leader's account that the connected
 * TWS can see, taken as the leader's trades. Stands on {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.copy;
