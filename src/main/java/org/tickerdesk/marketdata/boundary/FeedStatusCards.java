package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tickerdesk.marketdata.control.FeedSupervisor;
import org.tickerdesk.marketdata.control.TickMeter;
import org.tickerdesk.marketdata.control.TickRecorder;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/** The dashboard's market-data cards: the source and its state, and the ticks it delivers. */
@ApplicationScoped
public class FeedStatusCards implements StatusContribution {

    @Inject FeedSupervisor feed;

    @Inject TickMeter meter;

    @Inject TickRecorder recorder;

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public List<StatusCard> cards() {
        SourceStatus source = feed.status();
        return List.of(
                StatusCard.of(
                        "source",
                        "Market data",
                        Field.value("source", source.source()),
                        Field.state("sourceState", source.state().name(), source.state().name()),
                        Field.note("sourceDetail", source.detail())),
                StatusCard.of(
                        "ticks",
                        "Ticks per second",
                        Field.value("ticksPerSecond", meter.perSecond()),
                        Field.note("totalTicks", meter.total() + " since start")),
                recorderCard());
    }

    /** What the recorder wrote and, never silently, what it could not. */
    private StatusCard recorderCard() {
        if (!recorder.isEnabled()) {
            return StatusCard.of(
                    "tickRecorder", "Tick recorder", Field.note("recorderState", "switched off"));
        }
        long lost = recorder.dropped() + recorder.failed();
        return StatusCard.of(
                "tickRecorder",
                "Tick recorder",
                Field.value("ticksRecorded", recorder.recorded()),
                Field.value("ticksLost", lost + " lost"),
                Field.note(
                        "recorderDetail",
                        recorder.dropped()
                                + " dropped (queue full), "
                                + recorder.failed()
                                + " refused by the database, "
                                + recorder.waiting()
                                + " waiting"));
    }
}
