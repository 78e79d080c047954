package org.tickerdesk.resolution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place the resolution source is chosen: {@code tickerdesk.resolution.source} names it
 * ({@code simulated}, {@code ibkr} or {@code manual}); unset, it is IBKR's whenever IBKR is used
 * (as the market-data source or as the broker: what is held there settles by IBKR's figures) and
 * the simulated market's otherwise. The implementation is looked up when a source is asked, not
 * when this is made, so a build without IBKR's source, or a misspelt setting, fails each question
 * with a message that says so and never the deployment.
 */
@ApplicationScoped
public class ResolutionSources {

    public static final String KEY = "tickerdesk.resolution.source";
    public static final String SIMULATED = "simulated";
    public static final String IBKR = "ibkr";
    public static final String MANUAL = "manual";
    static final List<String> NAMES = List.of(SIMULATED, IBKR, MANUAL);

    @Inject Upstream upstream;

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> setting;

    @Inject @Any Instance<ResolutionSource> sources;

    /**
     * The configured source's name.
     *
     * @throws IllegalArgumentException when the setting names none of them
     */
    public String configured() {
        return choose(setting.orElse(null), upstream);
    }

    static String choose(String setting, Upstream upstream) {
        if (setting == null || setting.isBlank()) {
            return upstream.usesIbkr() ? IBKR : SIMULATED;
        }
        if (!NAMES.contains(setting)) {
            throw new IllegalArgumentException(
                    KEY
                            + " (TICKERDESK_RESOLUTION_SOURCE) must be one of "
                            + String.join(", ", NAMES)
                            + ", not '"
                            + setting
                            + "'");
        }
        return setting;
    }

    @Produces
    @Dependent
    ResolutionSource configuredSource() {
        return contract -> named(configured()).resolve(contract);
    }

    /**
     * The implementation standing for a source.
     *
     * @throws ResolutionFailedException when this build has none
     */
    ResolutionSource named(String name) {
        Instance<ResolutionSource> found = sources.select(new ResolutionSource.Kind.Literal(name));
        if (found.isUnsatisfied() || found.isAmbiguous()) {
            throw new ResolutionFailedException(
                    "The '"
                            + name
                            + "' resolution source is not part of this build; set "
                            + KEY
                            + " to "
                            + (name.equals(SIMULATED) ? MANUAL : SIMULATED + " or " + MANUAL));
        }
        return found.get();
    }
}
