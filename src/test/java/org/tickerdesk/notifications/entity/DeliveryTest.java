package org.tickerdesk.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A delivery is retried as often as it takes, and never again once sent. */
class DeliveryTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:00:00Z");

    @Test
    void failuresCountAttemptsAndASentDeliveryCannotBeSentOrFailedAgain() {
        Delivery delivery = new Delivery(41, "webhook", true, T0);
        assertEquals(DeliveryState.PENDING, delivery.state());

        delivery.failed("The webhook answered 503", T0.plusSeconds(5), T0);
        delivery.sent(T0.plusSeconds(5));

        DeliverySnapshot sent = delivery.snapshot();
        assertEquals(DeliveryState.SENT, sent.state());
        assertEquals(2, sent.attempts());
        assertNull(sent.nextAttemptAt());
        assertNull(sent.lastError());
        assertEquals(T0.plusSeconds(5), sent.sentAt());
        assertThrows(IllegalStateException.class, () -> delivery.sent(T0.plusSeconds(6)));
        assertThrows(
                IllegalStateException.class,
                () -> delivery.failed("late", T0.plusSeconds(10), T0.plusSeconds(6)));
        assertThrows(
                IllegalStateException.class,
                () -> delivery.claim(T0.plusSeconds(120), T0.plusSeconds(6)));
    }

    @Test
    void aLongErrorIsCutToItsColumn() {
        Delivery delivery = new Delivery(41, "email", false, T0);

        delivery.failed("x".repeat(5_000), T0.plusSeconds(5), T0);

        assertEquals(Delivery.MAX_ERROR, delivery.snapshot().lastError().length());
        assertEquals('…', delivery.snapshot().lastError().charAt(Delivery.MAX_ERROR - 1));
    }
}
