package org.tickerdesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.tickerdesk.platform.entity.Role;

/**
 * Bearer tokens the database confirmed within the last {@link #FRESH_NANOS}: every REST request
 * presents its token, and asking PostgreSQL each time cost a transaction per request, a good part
 * of a short request's time. Only confirmed tokens are remembered (by their hash), so a stranger's
 * guesses neither fill the memory nor skip the database; a replaced token is forgotten at once.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** How long a confirmed token is taken on trust: short enough for a revocation by hand. */
    static final long FRESH_NANOS = 10_000_000_000L;

    /** More tokens than an installation uses; past it, the memory starts over. */
    static final int MOST = 1_000;

    private record Confirmed(Role role, long at) {}

    private final ConcurrentHashMap<String, Confirmed> confirmed = new ConcurrentHashMap<>();

    private final LongSupplier nanos;

    public VerifiedTokens() {
        this(System::nanoTime);
    }

    VerifiedTokens(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The role of a token (by hash) confirmed recently; empty when the database must say. */
    public Optional<Role> recent(String hash) {
        Confirmed one = confirmed.get(hash);
        if (one == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - one.at() >= FRESH_NANOS) {
            confirmed.remove(hash, one);
            return Optional.empty();
        }
        return Optional.of(one.role());
    }

    /** The database confirmed the token now. */
    public void confirmed(String hash, Role role) {
        if (confirmed.size() >= MOST) {
            confirmed.clear();
        }
        confirmed.put(hash, new Confirmed(role, nanos.getAsLong()));
    }

    /** Tokens were replaced: nothing is taken on trust any more. */
    public void forgetAll() {
        confirmed.clear();
    }
}
