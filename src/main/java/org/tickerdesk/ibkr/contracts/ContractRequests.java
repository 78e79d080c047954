package org.tickerdesk.ibkr.contracts;

import org.tickerdesk.ibkr.wire.ContractFields;
import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.ServerVersions;
import org.tickerdesk.ibkr.wire.messages.IbContract;

/** reqContractDetails (version 8): resolves a symbol or conId to every matching contract. */
public final class ContractRequests {

    private ContractRequests() {}

    public static OutgoingMessage reqContractDetails(
            int serverVersion, int reqId, IbContract contract) {
        FieldWriter out = new FieldWriter(OutgoingIds.REQ_CONTRACT_DATA).add(8).add(reqId);
        ContractFields.write(out, contract);
        out.add(contract.includeExpired())
                .add("") // secIdType
                .add(""); // secId
        if (serverVersion >= ServerVersions.BOND_ISSUERID) {
            out.add(""); // issuerId
        }
        return out.build();
    }
}
