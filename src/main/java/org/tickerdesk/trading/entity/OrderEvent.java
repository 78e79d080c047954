package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a broker reports about an order, named by Tickerdesk's client order id. Brokers may report
 * the same thing twice (a replay after a reconnect); applying an event twice changes nothing.
 */
public sealed interface OrderEvent {

    String clientOrderId();

    /** The order went out under the broker's own id; it is not known to be working yet. */
    record Sent(String clientOrderId, String brokerOrderId) implements OrderEvent {
        public Sent {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        }
    }

    /**
     * The broker holds the order and it is working; brokerOrderId may be null when already known.
     */
    record Accepted(String clientOrderId, String brokerOrderId) implements OrderEvent {
        public Accepted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /** One execution; execId is unique at the broker, so a replayed one is recognised. */
    record Filled(
            String clientOrderId,
            String execId,
            BigDecimal quantity,
            BigDecimal price,
            Instant time)
            implements OrderEvent {
        public Filled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(execId, "execId");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The commission of one execution, reported after it. */
    record Charged(String clientOrderId, String execId, BigDecimal commission, String currency)
            implements OrderEvent {
        public Charged {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(execId, "execId");
            Objects.requireNonNull(commission, "commission");
        }
    }

    /** A cancel was sent; the broker has not confirmed it yet. */
    record CancelRequested(String clientOrderId) implements OrderEvent {
        public CancelRequested {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    record Cancelled(String clientOrderId, String reason) implements OrderEvent {
        public Cancelled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    record Rejected(String clientOrderId, String reason) implements OrderEvent {
        public Rejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The broker cannot tell what became of the order; the reason says what is known. */
    record Lost(String clientOrderId, String reason) implements OrderEvent {
        public Lost {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A broker message about the order that changes nothing but is worth showing (a warning). */
    record Noted(String clientOrderId, String message) implements OrderEvent {
        public Noted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(message, "message");
        }
    }
}
