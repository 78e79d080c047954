package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * Which stretches of an instrument's range a collection fetches: all of it, or when filling gaps
 * only the stretches within its trading sessions where bars are missing ({@link Coverage}).
 */
@ApplicationScoped
public class RangePlanner {

    @Inject Coverage coverage;

    public List<TimeRange> stretches(
            Instrument instrument, CollectionRequest request, TimeRange range) {
        if (!request.gapsOnly()) {
            return List.of(range);
        }
        return coverage.gaps(
                instrument.id(),
                instrument.contract(),
                instrument.details(),
                request.barSize(),
                request.whatToShow(),
                range,
                request.regularHoursOnly());
    }
}
