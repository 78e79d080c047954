package org.tickerdesk.history.control;

import java.time.Duration;
import java.util.List;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.HistoryWindow;

/**
 * SPI for a source of historical bars (IBKR). One call, one window: the bars of the window's series
 * that the source has, each a checked {@link Bar}, or an empty list when it has none there. The
 * call blocks, keeps the source's own pacing and ends within the timeout, so the collection job can
 * call it window by window from its own thread. It fails with a {@link HistoryFailureException} of
 * kind NO_SUCH_CONTRACT, REFUSED, CORRUPT_DATA (nothing of the window may then be stored) or
 * TIMED_OUT.
 */
public interface HistorySource {

    /** Recorded with every bar it delivers: {@code ibkr}. */
    String name();

    List<Bar> bars(HistoryWindow window, Duration timeout);
}
