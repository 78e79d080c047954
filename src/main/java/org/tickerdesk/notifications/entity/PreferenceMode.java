package org.tickerdesk.notifications.entity;

/**
 * How a channel delivers one type of notification: with its sound ({@code ON}), without it where
 * the channel has one ({@code SILENT}: Telegram's {@code disable_notification}, no sound or flash
 * of the bell; webhook and e-mail carry the flag), or not at all ({@code OFF}: no delivery is
 * made).
 */
public enum PreferenceMode {
    ON,
    SILENT,
    OFF
}
