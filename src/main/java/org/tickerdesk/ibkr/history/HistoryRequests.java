package org.tickerdesk.ibkr.history;

import org.tickerdesk.ibkr.wire.ContractFields;
import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.SecurityType;

/**
 * reqHistoricalData and cancelHistoricalData. From server version 124 on the request carries no
 * version field; every version we negotiate is past that.
 */
public final class HistoryRequests {

    private HistoryRequests() {}

    public static OutgoingMessage reqHistoricalData(
            int serverVersion, int reqId, HistoricalDataRequest request) {
        if (request.contract().secType() == SecurityType.BAG) {
            throw new IllegalArgumentException("Combo (BAG) contracts are not supported");
        }
        FieldWriter out = new FieldWriter(OutgoingIds.REQ_HISTORICAL_DATA).add(reqId);
        ContractFields.write(out, request.contract());
        return out.add(request.contract().includeExpired())
                .add(request.endDateTime())
                .add(IbBarSizes.spelling(request.barSize()))
                .add(request.duration().label())
                .add(request.useRth() ? 1 : 0)
                .add(request.whatToShow().name())
                .add(request.formatDate())
                .add(false) // keepUpToDate
                .add("") // chartOptions
                .build();
    }

    public static OutgoingMessage cancelHistoricalData(int serverVersion, int reqId) {
        return new FieldWriter(OutgoingIds.CANCEL_HISTORICAL_DATA).add(1).add(reqId).build();
    }
}
