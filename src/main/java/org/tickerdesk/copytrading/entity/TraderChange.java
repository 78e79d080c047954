package org.tickerdesk.copytrading.entity;

/** What happened to a followed trader. */
public enum TraderChange {
    CREATED,
    UPDATED,
    TOGGLED,
    DELETED
}
