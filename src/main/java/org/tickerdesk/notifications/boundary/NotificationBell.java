package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tickerdesk.notifications.control.NotificationStore;

/**
 * The bell in the header of every admin page: its list and count come from the {@code
 * notifications} stream; marking read comes here, from the header's hidden form, and the change
 * reaches every open page by the stream. The script hands over ids (digits, comma-separated) or
 * {@value #ALL}.
 */
@Named
@RequestScoped
public class NotificationBell {

    static final int MAX_IDS = 500;

    /** What the script hands over to mark every unread notification read. */
    static final String ALL = "all";

    @Inject NotificationStore store;

    @Inject FacesContext faces;

    @Inject Clock clock;

    private String ids = "";

    public void markRead() {
        if (faces.getExternalContext().getRemoteUser() == null) {
            return;
        }
        if (ALL.equals(ids == null ? "" : ids.strip())) {
            store.read(List.of(), clock.instant());
            return;
        }
        List<Long> parsed = parse(ids);
        if (!parsed.isEmpty()) {
            store.read(parsed, clock.instant());
        }
    }

    static List<Long> parse(String ids) {
        List<Long> parsed = new ArrayList<>();
        if (ids == null) {
            return parsed;
        }
        for (String id : ids.split(",")) {
            String digits = id.strip();
            if (digits.matches("\\d{1,18}") && parsed.size() < MAX_IDS) {
                parsed.add(Long.parseLong(digits));
            }
        }
        return parsed;
    }

    public String getIds() {
        return ids;
    }

    public void setIds(String ids) {
        this.ids = ids;
    }
}
