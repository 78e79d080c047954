package org.tickerdesk.notifications.control;

import java.util.EnumMap;
import java.util.Map;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;

/**
 * How each type of notification goes through each channel: what an admin chose, and for the pairs
 * never chosen the default. By default the bell hears of everything, and the channels away from the
 * screen of what the type has on for them ({@link NotificationType#onAwayByDefault()}); a test
 * message always goes, with its sound.
 */
public record PreferenceMatrix(Map<NotificationType, Map<String, PreferenceMode>> chosen) {

    public static final PreferenceMatrix DEFAULTS = new PreferenceMatrix(Map.of());

    public PreferenceMatrix {
        Map<NotificationType, Map<String, PreferenceMode>> copy =
                new EnumMap<>(NotificationType.class);
        chosen.forEach((type, modes) -> copy.put(type, Map.copyOf(modes)));
        chosen = Map.copyOf(copy);
    }

    public PreferenceMode mode(NotificationType type, String channel) {
        PreferenceMode mode = chosen.getOrDefault(type, Map.of()).get(channel);
        return mode != null ? mode : byDefault(type, channel);
    }

    public boolean isChosen(NotificationType type, String channel) {
        return chosen.getOrDefault(type, Map.of()).containsKey(channel);
    }

    static PreferenceMode byDefault(NotificationType type, String channel) {
        if (NotificationChannel.IN_APP.equals(channel) || type.onAwayByDefault()) {
            return PreferenceMode.ON;
        }
        return PreferenceMode.OFF;
    }
}
