package org.tickerdesk.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one place the channels are chosen: every {@link NotificationChannel} bean, in-app first, then
 * webhook, e-mail and Telegram, and any other after them by name.
 */
@ApplicationScoped
public class NotificationChannels {

    static final List<String> ORDER =
            List.of(
                    NotificationChannel.IN_APP,
                    NotificationChannel.WEBHOOK,
                    NotificationChannel.EMAIL,
                    NotificationChannel.TELEGRAM);

    @Inject @Any Instance<NotificationChannel> implementations;

    private volatile List<NotificationChannel> all;

    public List<NotificationChannel> all() {
        List<NotificationChannel> known = all;
        if (known == null) {
            known = new ArrayList<>();
            implementations.forEach(known::add);
            known.sort(
                    Comparator.comparingInt(NotificationChannels::rank)
                            .thenComparing(NotificationChannel::name));
            known = List.copyOf(known);
            all = known;
        }
        return known;
    }

    public List<NotificationChannel> configured() {
        return all().stream().filter(NotificationChannel::configured).toList();
    }

    public Optional<NotificationChannel> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of every channel, in their order: the columns of the preferences. */
    public List<String> names() {
        return all().stream().map(NotificationChannel::name).toList();
    }

    private static int rank(NotificationChannel channel) {
        int known = ORDER.indexOf(channel.name());
        return known < 0 ? ORDER.size() : known;
    }
}
