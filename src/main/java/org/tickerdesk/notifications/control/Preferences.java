package org.tickerdesk.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;

/**
 * The admin's choices per type and channel, stored; what was never chosen has its default. Read for
 * every notification recorded, so the matrix is kept for a few seconds: a burst of exits reads it
 * once, and another instance's change is seen within {@link #KEPT}.
 */
@ApplicationScoped
@Transactional
public class Preferences {

    static final Duration KEPT = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Clock clock;

    private record Read(PreferenceMatrix matrix, Instant at) {}

    private volatile Read last;

    public PreferenceMatrix matrix() {
        Read known = last;
        Instant now = clock.instant();
        if (known != null && known.at().plus(KEPT).isAfter(now)) {
            return known.matrix();
        }
        PreferenceMatrix read = stored();
        last = new Read(read, now);
        return read;
    }

    private PreferenceMatrix stored() {
        Map<NotificationType, Map<String, PreferenceMode>> chosen =
                new EnumMap<>(NotificationType.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("SELECT type, channel, mode FROM notification_preferences")
                        .getResultList();
        for (Object[] row : rows) {
            NotificationType type = type((String) row[0]);
            if (type != null) {
                chosen.computeIfAbsent(type, t -> new HashMap<>())
                        .put((String) row[1], PreferenceMode.valueOf((String) row[2]));
            }
        }
        return new PreferenceMatrix(chosen);
    }

    /** Stores each choice given, in one transaction; the pairs not given keep theirs. */
    public PreferenceMatrix choose(
            Map<NotificationType, Map<String, PreferenceMode>> choices, Instant at) {
        choices.forEach(
                (type, modes) ->
                        modes.forEach(
                                (channel, mode) ->
                                        em.createNativeQuery(
                                                        "INSERT INTO notification_preferences"
                                                                + " (type, channel, mode,"
                                                                + " updated_at) VALUES (?1, ?2,"
                                                                + " ?3, ?4) ON CONFLICT (type,"
                                                                + " channel) DO UPDATE SET mode ="
                                                                + " EXCLUDED.mode, updated_at ="
                                                                + " EXCLUDED.updated_at")
                                                .setParameter(1, type.name())
                                                .setParameter(2, channel)
                                                .setParameter(3, mode.name())
                                                .setParameter(4, Timestamp.from(at))
                                                .executeUpdate()));
        last = null;
        return matrix();
    }

    /** A type this version no longer knows is ignored, not a failure. */
    private static NotificationType type(String name) {
        try {
            return NotificationType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
