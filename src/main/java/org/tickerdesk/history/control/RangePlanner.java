package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * Which stretches of an instrument's range a collection fetches: all of it, or when filling gaps
 * only the stretches within its trading sessions where bars are missing.
 */
@ApplicationScoped
public class RangePlanner {

    public List<TimeRange> stretches(
            Instrument instrument, CollectionRequest request, TimeRange range) {
        if (request.gapsOnly()) {
            throw new HistoryFailureException(
                    HistoryFailureException.Kind.REFUSED, "Gap filling is not wired yet");
        }
        return List.of(range);
    }
}
