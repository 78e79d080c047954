package org.tickerdesk.history.entity;

import java.time.Instant;

/**
 * What fetching one window stored: how many bars of the series, from which source, and the start of
 * the first and the last of them (both null when the source had none in the window).
 */
public record FetchedWindow(
        String symbol,
        BarSize barSize,
        WhatToShow whatToShow,
        String source,
        int stored,
        Instant first,
        Instant last) {}
