/**
 * Resolution at IB: {@code IbkrResolutionSource}, resolution's {@code ResolutionSource} SPI over
 * the shared session: an expired option's intrinsic value from its underlying's close on the expiry
 * day, a future's price from IB's daily bar of its last trading day, and no answer for an event
 * contract (the API shows no outcome). Stands on {@code contracts}, {@code history}, {@code
 * session} and {@code wire}.
 */
package org.tickerdesk.ibkr.resolution;
