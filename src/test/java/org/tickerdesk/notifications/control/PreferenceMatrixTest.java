package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;

/**
 * Which channels get a notification, and how loudly: the admin's choice where there is one, else
 * the bell for everything and the channels away from the screen for what costs money or needs an
 * answer.
 */
class PreferenceMatrixTest {

    @Test
    void byDefaultTheBellHearsOfEverything() {
        for (NotificationType type : NotificationType.values()) {
            assertEquals(
                    PreferenceMode.ON, PreferenceMatrix.DEFAULTS.mode(type, "inapp"), type.name());
        }
    }

    @Test
    void byDefaultTheChannelsAwayHearOfExitsSettlementRejectionsFailuresAndOutagesOnly() {
        PreferenceMatrix defaults = PreferenceMatrix.DEFAULTS;

        for (String channel : new String[] {"webhook", "email", "telegram"}) {
            assertEquals(
                    PreferenceMode.ON, defaults.mode(NotificationType.EXIT_TRIGGERED, channel));
            assertEquals(PreferenceMode.ON, defaults.mode(NotificationType.EXIT_FILLED, channel));
            assertEquals(
                    PreferenceMode.ON, defaults.mode(NotificationType.POSITION_SETTLED, channel));
            assertEquals(
                    PreferenceMode.ON, defaults.mode(NotificationType.ORDER_REJECTED, channel));
            assertEquals(PreferenceMode.ON, defaults.mode(NotificationType.JOB_FAILED, channel));
            assertEquals(PreferenceMode.ON, defaults.mode(NotificationType.TASK_FAILING, channel));
            assertEquals(
                    PreferenceMode.ON, defaults.mode(NotificationType.TWS_DISCONNECTED, channel));
            assertEquals(
                    PreferenceMode.OFF, defaults.mode(NotificationType.JOB_COMPLETED, channel));
            assertEquals(
                    PreferenceMode.OFF, defaults.mode(NotificationType.COPY_TRADE_COPIED, channel));
            assertEquals(
                    PreferenceMode.OFF,
                    defaults.mode(NotificationType.COPY_TRADE_SKIPPED, channel));
        }
    }

    @Test
    void aChoiceOverridesItsPairOnly() {
        PreferenceMatrix matrix =
                new PreferenceMatrix(
                        Map.of(
                                NotificationType.EXIT_TRIGGERED,
                                Map.of(
                                        "telegram",
                                        PreferenceMode.SILENT,
                                        "inapp",
                                        PreferenceMode.OFF),
                                NotificationType.JOB_COMPLETED,
                                Map.of("email", PreferenceMode.ON)));

        assertEquals(
                PreferenceMode.SILENT, matrix.mode(NotificationType.EXIT_TRIGGERED, "telegram"));
        assertEquals(PreferenceMode.OFF, matrix.mode(NotificationType.EXIT_TRIGGERED, "inapp"));
        assertEquals(PreferenceMode.ON, matrix.mode(NotificationType.EXIT_TRIGGERED, "webhook"));
        assertEquals(PreferenceMode.ON, matrix.mode(NotificationType.JOB_COMPLETED, "email"));
        assertEquals(PreferenceMode.OFF, matrix.mode(NotificationType.JOB_COMPLETED, "webhook"));
        assertTrue(matrix.isChosen(NotificationType.EXIT_TRIGGERED, "telegram"));
        assertFalse(matrix.isChosen(NotificationType.EXIT_TRIGGERED, "webhook"));
    }
}
