package org.tickerdesk.streaming.entity;

/** A stream named in a subscribe or unsubscribe that was refused, reported in the ack. */
public record Rejection(String stream, ErrorCode code, String message) {}
