package org.tickerdesk.notifications.entity;

/**
 * What a notification reports. Each has a default per channel: the in-app bell hears of everything;
 * the channels that reach the trader away from the screen (webhook, e-mail, Telegram) only of what
 * needs an answer or costs money: exits, settlement, rejections, failures and outages.
 */
public enum NotificationType {
    EXIT_TRIGGERED("Exit triggered", true),
    EXIT_FILLED("Exit filled", true),
    POSITION_SETTLED("Position settled", true),
    ORDER_REJECTED("Order rejected", true),
    JOB_COMPLETED("Collection completed", false),
    JOB_FAILED("Collection failed", true),
    TWS_DISCONNECTED("TWS disconnected", true),
    TWS_RECONNECTED("TWS reconnected", true),
    COPY_TRADE_COPIED("Copy trade copied", false),
    COPY_TRADE_SKIPPED("Copy trade skipped", false),
    TASK_FAILING("Task failing", true),
    TEST("Test message", true);

    private final String label;
    private final boolean away;

    NotificationType(String label, boolean away) {
        this.label = label;
        this.away = away;
    }

    /** How a person reads it: "Exit triggered". */
    public String label() {
        return label;
    }

    /** Whether the channels away from the screen have it on unless an admin says otherwise. */
    public boolean onAwayByDefault() {
        return away;
    }
}
