package org.tickerdesk.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.notifications.control.NotificationChannels;
import org.tickerdesk.notifications.control.NotificationStore;
import org.tickerdesk.notifications.control.Outbox;
import org.tickerdesk.notifications.control.PreferenceMatrix;
import org.tickerdesk.notifications.control.Preferences;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.DeliverySnapshot;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;
import org.tickerdesk.platform.control.ProblemException;

/**
 * The Notifications page: what was recorded and how each delivery went (channel, state, attempts,
 * last error, when sent), the channels' states, the preferences (on, silent or off per type and
 * channel; admins change them) and a test message per channel. Rendered once; its script keeps the
 * deliveries and the channels current from the {@code notifications} stream.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    /** As many as the {@code notifications} stream's snapshot shows. */
    static final int SHOWN = 50;

    private static final Logger LOG = Logger.getLogger(NotificationsPage.class.getName());

    @Inject NotificationStore store;

    @Inject Preferences preferences;

    @Inject NotificationChannels channelList;

    @Inject Outbox outbox;

    @Inject FacesContext faces;

    @Inject Clock clock;

    private List<NotificationSnapshot> notifications = List.of();
    private List<ChannelStatus> channels = List.of();
    private List<String> channelNames = List.of();
    private final Map<String, String> modes = new HashMap<>();

    @PostConstruct
    void load() {
        notifications = read(() -> store.recent(SHOWN, null), List.of());
        channels = read(store::channels, List.of());
        channelNames = channels.stream().map(ChannelStatus::name).toList();
        PreferenceMatrix matrix = read(preferences::matrix, PreferenceMatrix.DEFAULTS);
        for (NotificationType type : getTypes()) {
            for (String channel : channelNames) {
                modes.put(key(type, channel), matrix.mode(type, channel).name());
            }
        }
    }

    /** Stores the matrix as the form holds it. */
    public void save() {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may change the preferences"));
            return;
        }
        Map<NotificationType, Map<String, PreferenceMode>> choices =
                new EnumMap<>(NotificationType.class);
        for (NotificationType type : getTypes()) {
            Map<String, PreferenceMode> row = new HashMap<>();
            for (String channel : channelNames) {
                String mode = modes.get(key(type, channel));
                if (mode != null) {
                    row.put(channel, PreferenceMode.valueOf(mode));
                }
            }
            choices.put(type, row);
        }
        try {
            preferences.choose(choices, clock.instant());
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Preferences saved", null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The preferences could not be saved", e);
            faces.addMessage(null, error("The preferences could not be saved: " + e.getMessage()));
        }
    }

    /** A test message through one channel; its row appears by the stream. */
    public void test(String channel) {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may send a test message"));
            return;
        }
        try {
            NotificationSnapshot sent = outbox.test(channel);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Test message " + sent.id() + " is on its way through " + channel,
                            null));
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
        }
    }

    private <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The notifications could not be read", e);
            faces.addMessage(null, error("The notifications could not be read: " + e.getMessage()));
            return otherwise;
        }
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    static String key(NotificationType type, String channel) {
        return type.name() + ":" + channel;
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public List<NotificationSnapshot> getNotifications() {
        return notifications;
    }

    public List<ChannelStatus> getChannels() {
        return channels;
    }

    public List<String> getChannelNames() {
        return channelNames;
    }

    public List<NotificationType> getTypes() {
        return Arrays.asList(NotificationType.values());
    }

    public List<PreferenceMode> getModeValues() {
        return List.of(PreferenceMode.values());
    }

    /** The form's values, by {@code TYPE:channel}. */
    public Map<String, String> getModes() {
        return modes;
    }

    public String key(String type, String channel) {
        return type + ":" + channel;
    }

    /*
     * The formats below are also the page script's (notifications.js), so a pushed value looks
     * like a rendered one.
     */

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String state(DeliverySnapshot delivery) {
        return delivery.state().name() + (delivery.silent() ? " (silent)" : "");
    }
}
