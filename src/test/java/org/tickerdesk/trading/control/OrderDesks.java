package org.tickerdesk.trading.control;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.testing.RecordingEvent;
import org.tickerdesk.trading.entity.OrderUpdated;

/**
 * The order desk for tests, wired as the container wires it: orders in the store given, the
 * instruments given as its catalogue, its events applied at once on the calling thread.
 */
final class OrderDesks {

    private OrderDesks() {}

    /**
     * A started desk sending to {@code broker}, with {@code paper} beside it; it announces its
     * changes into {@code announced} and leads, or not, as {@code leadership} says.
     */
    static OrderDesk over(
            OrderStore store,
            Broker broker,
            PaperBroker paper,
            Map<String, Contract> instruments,
            Clock clock,
            List<OrderUpdated> announced,
            Leadership leadership,
            LeaderInbox inbox) {
        OrderDesk desk = new OrderDesk();
        desk.store = store;
        desk.broker = broker;
        desk.paper = paper;
        desk.contracts = new KnownContracts();
        desk.contracts.clock = clock;
        desk.contracts.catalog =
                new InstrumentCatalog() {
                    @Override
                    public Optional<Instrument> find(String symbol) {
                        return Optional.ofNullable(instruments.get(symbol))
                                .map(contract -> new Instrument(contract, symbol));
                    }

                    @Override
                    public boolean isWatched(String symbol) {
                        return false;
                    }
                };
        desk.updates = new RecordingEvent<>(announced);
        desk.lane = Runnable::run;
        desk.clock = clock;
        desk.leadership = leadership;
        desk.inbox = inbox;
        desk.start();
        return desk;
    }
}
