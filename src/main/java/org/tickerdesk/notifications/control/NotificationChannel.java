package org.tickerdesk.notifications.control;

import org.tickerdesk.notifications.entity.Message;

/**
 * SPI: a way a notification reaches the trader. Each implementation is a CDI bean, configured
 * through MicroProfile Config, and listed by {@link NotificationChannels}; one that is not
 * configured is shown as such and gets no deliveries. A delivery either returns (done: it is never
 * made again) or throws (it is retried later), so an implementation must not swallow a failure.
 */
public interface NotificationChannel {

    String IN_APP = "inapp";
    String WEBHOOK = "webhook";
    String EMAIL = "email";
    String TELEGRAM = "telegram";

    /** A stable key, lower case: stored with each delivery and used in the API. */
    String name();

    /** Whether its settings are there; an unconfigured channel gets no deliveries. */
    boolean configured();

    /**
     * Where it delivers, for the admin, never with a secret ("POST https://example.com/hook"), or
     * which settings it lacks when not configured.
     */
    String target();

    /** Delivers one message, silently if the message says so and the channel can. */
    void deliver(Message message) throws DeliveryException;
}
