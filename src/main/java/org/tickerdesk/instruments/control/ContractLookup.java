package org.tickerdesk.instruments.control;

import java.util.List;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;

/**
 * SPI for asking a broker which contracts a query names (IBKR's contract details). The catalog
 * stores what it answers. An implementation blocks until the broker has answered, within its own
 * timeout, and reports every failure as a {@link LookupFailedException} whose message is for the
 * user.
 */
public interface ContractLookup {

    /**
     * False when no broker is configured to answer; every lookup then fails with {@code NOT_USED}.
     */
    default boolean available() {
        return true;
    }

    /** Every contract matching the query, at least one. */
    List<ContractMatch> lookup(ContractQuery query);

    /** The lookup where no broker answers: it says why, and never reaches a broker. */
    static ContractLookup unavailable(String why) {
        return new ContractLookup() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public List<ContractMatch> lookup(ContractQuery query) {
                throw new LookupFailedException(LookupFailedException.Reason.NOT_USED, why);
            }
        };
    }
}
