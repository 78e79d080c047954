package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.tickerdesk.notifications.control.NotificationChannel;
import org.tickerdesk.notifications.entity.Message;

/**
 * The bell in the admin's header and the private {@code notifications} stream. Delivering is
 * recording it as sent: the change that records it is what the stream pushes to the open pages,
 * with the silent flag that keeps the bell from flashing. Always configured.
 */
@ApplicationScoped
public class InAppChannel implements NotificationChannel {

    @Override
    public String name() {
        return IN_APP;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String target() {
        return "the bell of the admin pages and the notifications stream";
    }

    @Override
    public void deliver(Message message) {
        // the delivery's change, committed, is what reaches the pages
    }
}
