package org.tickerdesk.streaming.control;

/**
 * Writes the JSON text of one message of a kind of stream: a data message or a snapshot, carrying
 * one value. Each kind of stream brings its own; the {@link DataStream} does the rest.
 */
@FunctionalInterface
interface StreamFrames<V> {

    String write(String type, String stream, V value, String epoch, long offset);
}
