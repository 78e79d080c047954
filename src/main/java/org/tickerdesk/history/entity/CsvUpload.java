package org.tickerdesk.history.entity;

/** An uploaded CSV file of one instrument's bars, stored for a csv collection to read. */
public record CsvUpload(long id) {}
