package org.tickerdesk.instruments.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.platform.entity.BrokerName;

/**
 * SPI for asking a broker which contracts a query names (IBKR's contract details). The catalog
 * stores what it answers. An implementation blocks until the broker has answered, within its own
 * timeout, and reports every failure as a {@link LookupFailedException} whose message is for the
 * user.
 *
 * <p>How an implementation is chosen, the pattern every SPI of Tickerdesk follows: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr.boundary}, a built-in one beside this SPI), qualified with {@link
 * ConfiguredAs} naming the configured kind it stands for. {@link ContractLookups} is the one place
 * the configured name is read and the matching implementation selected; consumers inject the SPI
 * unqualified and never know which implementation they got. Today IBKR is the only broker that
 * answers, used whenever IBKR is configured; without it every lookup fails with NOT_USED.
 */
public interface ContractLookup {

    /** The broker an implementation asks. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface ConfiguredAs {
        BrokerName value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<ConfiguredAs> implements ConfiguredAs {
            private final BrokerName value;

            public Literal(BrokerName value) {
                this.value = value;
            }

            @Override
            public BrokerName value() {
                return value;
            }
        }
    }

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
