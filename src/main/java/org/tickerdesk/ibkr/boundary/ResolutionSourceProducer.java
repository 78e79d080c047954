package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.resolution.control.ResolutionFailedException;
import org.tickerdesk.resolution.control.ResolutionSource;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * IBKR's resolution source, made only when resolution's configuration chooses it. The session is
 * reached on the first resolution, not when the source is made; where IBKR is not used at all
 * (neither the market-data source nor the broker is ibkr), every resolution fails saying so.
 */
@ApplicationScoped
public class ResolutionSourceProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    @ResolutionSource.Kind("ibkr")
    ResolutionSource ibkr() {
        return new ResolutionSource() {
            @Override
            public Optional<Resolution> resolve(Contract contract) {
                return answer(contract).found();
            }

            @Override
            public SourceAnswer answer(Contract contract) {
                if (!link.enabled()) {
                    throw new ResolutionFailedException(
                            TwsLink.NOT_USED + "; cannot resolve " + contract.symbol());
                }
                return link.resolution().answer(contract);
            }
        };
    }
}
