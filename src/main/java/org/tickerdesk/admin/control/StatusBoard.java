package org.tickerdesk.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.admin.entity.DashboardStatus;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * The status of this server as every dashboard shows it: one snapshot, read by {@link #refresh()}
 * once per period and kept, so that a viewer costs no database round trip however many are open.
 * The cards come from every {@link StatusContribution} in their rank order; a contribution that
 * fails keeps showing its last cards, and its failure is logged once, not every period.
 */
@ApplicationScoped
public class StatusBoard {

    private static final Logger LOG = Logger.getLogger(StatusBoard.class.getName());

    @Inject OrderDesk orders;

    @Inject @Any Instance<StatusContribution> found;

    /**
     * Unless a test sets them before {@link #start()}: the order desk's broker, every bean found.
     */
    Supplier<BrokerStatus> broker;

    List<StatusContribution> contributions;

    private final ReentrantLock reading = new ReentrantLock();
    private List<List<StatusCard>> lastCards;
    private boolean[] failing;
    private volatile DashboardStatus current;

    @PostConstruct
    void start() {
        if (broker == null) {
            broker = orders::broker;
        }
        contributions =
                (contributions != null ? contributions.stream() : found.stream())
                        .sorted(Comparator.comparingInt(StatusContribution::rank))
                        .toList();
        lastCards = new ArrayList<>();
        contributions.forEach(c -> lastCards.add(List.of()));
        failing = new boolean[contributions.size()];
    }

    /**
     * The latest snapshot. Only a viewer who comes before the first refresh waits for a reading;
     * everyone else gets the one kept.
     */
    public DashboardStatus current() {
        DashboardStatus status = current;
        if (status != null) {
            return status;
        }
        reading.lock();
        try {
            return current != null ? current : read();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads everything once and returns the new snapshot when it differs from the last; empty when
     * nothing changed, and empty without reading while the previous refresh is still reading (a
     * slow database), so refreshes never queue up behind one another.
     */
    public Optional<DashboardStatus> refresh() {
        if (!reading.tryLock()) {
            return Optional.empty();
        }
        try {
            DashboardStatus before = current;
            DashboardStatus now = read();
            return now.equals(before) ? Optional.empty() : Optional.of(now);
        } finally {
            reading.unlock();
        }
    }

    private DashboardStatus read() {
        List<StatusCard> cards = new ArrayList<>();
        for (int i = 0; i < contributions.size(); i++) {
            StatusContribution contribution = contributions.get(i);
            try {
                lastCards.set(i, contribution.cards());
                if (failing[i]) {
                    failing[i] = false;
                    LOG.info(() -> "Status cards read again: " + name(contribution));
                }
            } catch (RuntimeException e) {
                if (!failing[i]) {
                    failing[i] = true;
                    LOG.log(
                            Level.WARNING,
                            "Status cards not read, the last ones stay: " + name(contribution),
                            e);
                }
            }
            cards.addAll(lastCards.get(i));
        }
        current = new DashboardStatus(broker.get(), cards);
        return current;
    }

    private static String name(StatusContribution contribution) {
        return contribution.getClass().getName();
    }
}
