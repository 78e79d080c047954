package org.tickerdesk.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.tickerdesk.admin.control.StatusBoard;

/**
 * The dashboard: the broker banner and the status cards as the status board last read them, so the
 * page is right before its script subscribes to the private {@code status} stream of {@code
 * /ws/market}; from then on every change is pushed and the script writes it into the same elements.
 * The quote tiles stream themselves over the same connection.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    @Inject StatusBoard board;

    private StatusView status;

    @PostConstruct
    void read() {
        status = StatusView.of(board.current());
    }

    public StatusView getStatus() {
        return status;
    }
}
