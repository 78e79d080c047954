package org.tickerdesk.notifications.control;

/**
 * A channel could not deliver a message: its message is what the admin sees as the delivery's and
 * the channel's last error, so it says what the other side answered.
 */
public class DeliveryException extends Exception {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
