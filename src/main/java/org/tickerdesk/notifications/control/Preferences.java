package org.tickerdesk.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;

/** The admin's choices per type and channel, stored; what was never chosen has its default. */
@Stateless
public class Preferences {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    public PreferenceMatrix matrix() {
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
