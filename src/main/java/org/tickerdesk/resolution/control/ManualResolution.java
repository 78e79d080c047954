package org.tickerdesk.resolution.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * The {@code manual} source: it never answers, so every expired instrument waits for an admin to
 * enter its outcome or settlement price (on the Resolution page or over REST).
 */
@ApplicationScoped
@ResolutionSource.Kind(ResolutionSources.MANUAL)
public class ManualResolution implements ResolutionSource {

    @Override
    public Optional<Resolution> resolve(Contract contract) {
        return Optional.empty();
    }
}
