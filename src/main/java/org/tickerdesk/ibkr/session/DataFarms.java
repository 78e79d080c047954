package org.tickerdesk.ibkr.session;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.ibkr.session.DataFarm.Service;
import org.tickerdesk.ibkr.session.DataFarm.State;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;

/**
 * Keeps TWS's data-farm reports (2103–2108, 2157, 2158) as the state of each farm, so the dashboard
 * can say "usfarm broken" instead of leaving it in the log. TWS reports every farm afresh on each
 * connection, so a dropped connection forgets them all.
 */
public final class DataFarms implements TwsSession.Listener {

    private final Clock clock;
    private final Map<String, DataFarm> farms = new LinkedHashMap<>();

    public DataFarms(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (!(message instanceof TwsError error)
                || error.known() == null
                || error.known().category() != IbError.Category.DATA_FARM) {
            return;
        }
        DataFarm farm =
                new DataFarm(
                        name(error.text()),
                        service(error.known()),
                        state(error.known()),
                        clock.instant());
        synchronized (this) {
            farms.put(farm.name() + "/" + farm.service(), farm);
        }
    }

    @Override
    public synchronized void onDisconnected(String detail) {
        farms.clear();
    }

    public synchronized List<DataFarm> farms() {
        return List.copyOf(farms.values());
    }

    /** IB's texts end in the farm's name: "Market data farm connection is OK:usfarm". */
    private static String name(String text) {
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? "" : text.substring(colon + 1).trim();
        return name.isEmpty() ? "unnamed" : name;
    }

    private static Service service(IbError error) {
        return switch (error) {
            case HISTORICAL_DATA_FARM_BROKEN,
                    HISTORICAL_DATA_FARM_OK,
                    HISTORICAL_DATA_FARM_INACTIVE ->
                    Service.HISTORICAL_DATA;
            case SECDEF_DATA_FARM_BROKEN, SECDEF_DATA_FARM_OK -> Service.SECURITY_DEFINITIONS;
            default -> Service.MARKET_DATA;
        };
    }

    private static State state(IbError error) {
        return switch (error) {
            case MARKET_DATA_FARM_BROKEN, HISTORICAL_DATA_FARM_BROKEN, SECDEF_DATA_FARM_BROKEN ->
                    State.BROKEN;
            case MARKET_DATA_FARM_INACTIVE, HISTORICAL_DATA_FARM_INACTIVE -> State.INACTIVE;
            default -> State.OK;
        };
    }
}
