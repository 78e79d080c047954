package org.tickerdesk.resolution.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * SPI for finding out what an expired or resolving instrument settled at: the simulated market's
 * schedule, IBKR (an option's intrinsic value from its underlying's close, a future's final
 * settlement price, an event contract's payout), or an admin's word.
 *
 * <p>Chosen as every SPI of Tickerdesk is: each implementation is a CDI bean or producer in the
 * component that implements it, qualified with {@link Kind} naming the configured source it stands
 * for; one producer in this component reads the configuration and selects it; consumers inject the
 * SPI unqualified.
 *
 * <p>A source never guesses: when it cannot tell yet (the outcome is not out, the underlying's
 * close is not known), it answers empty and the instrument stays awaiting resolution. It blocks
 * until it has an answer, within its own timeout, and reports a failure to reach its upstream as a
 * {@link ResolutionFailedException} whose message is for the user.
 */
public interface ResolutionSource {

    /** The configured source an implementation stands for: {@code simulated}, {@code ibkr}. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface Kind {
        String value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<Kind> implements Kind {
            private final String value;

            public Literal(String value) {
                this.value = value;
            }

            @Override
            public String value() {
                return value;
            }
        }
    }

    /** What the contract settled at, or empty while this source cannot tell. */
    Optional<Resolution> resolve(Contract contract);

    /**
     * The same question, answered with what the source saw when it cannot tell (shown as the reason
     * the instrument awaits resolution). By default, {@link #resolve}'s answer with nothing added.
     */
    default SourceAnswer answer(Contract contract) {
        return resolve(contract).map(SourceAnswer::resolved).orElseGet(SourceAnswer::cannotTell);
    }
}
