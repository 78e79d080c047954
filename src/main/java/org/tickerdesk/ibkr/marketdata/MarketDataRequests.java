package org.tickerdesk.ibkr.marketdata;

import org.tickerdesk.ibkr.wire.ContractFields;
import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;

/** reqMktData (version 11) and cancelMktData. Combo (BAG) contracts are not offered. */
public final class MarketDataRequests {

    private MarketDataRequests() {}

    /**
     * A streaming subscription; {@code genericTicks} is IB's comma-separated list of extra tick
     * groups (e.g. "233" for RT volume), empty for the default set.
     */
    public static OutgoingMessage reqMktData(
            int serverVersion,
            int reqId,
            IbContract contract,
            String genericTicks,
            boolean snapshot) {
        if (contract.secType() == SecurityType.BAG) {
            throw new IllegalArgumentException("Combo (BAG) contracts are not supported");
        }
        FieldWriter out = new FieldWriter(OutgoingIds.REQ_MKT_DATA).add(11).add(reqId);
        ContractFields.write(out, contract);
        return out.add(false) // no delta-neutral contract
                .add(genericTicks)
                .add(snapshot)
                .add(false) // regulatory snapshot
                .add("") // mktDataOptions
                .build();
    }

    public static OutgoingMessage cancelMktData(int serverVersion, int reqId) {
        return new FieldWriter(OutgoingIds.CANCEL_MKT_DATA).add(1).add(reqId).build();
    }
}
