package org.tickerdesk.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code clients} over {@code symbols}, each on one symbol round robin or, if {@code everySymbol},
 * on {@code quotes:*}; the source's rate makes {@code delivered} messages/s.
 */
record Scenario(int clients, int symbols, double delivered, boolean everySymbol) {

    /** {@code clients:symbols:delivered}, with {@code :all} for {@code quotes:*} clients. */
    static Scenario parse(String spec) {
        String[] parts = spec.trim().split(":");
        return new Scenario(
                Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1]),
                Double.parseDouble(parts[2]),
                parts.length > 3 && parts[3].equals("all"));
    }

    double ticksPerSecond() {
        return everySymbol ? delivered / clients : delivered / clients * symbols;
    }

    List<String> streams() {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            streams.add(everySymbol ? "quotes:*" : String.format("quotes:S%04d", i % symbols));
        }
        return streams;
    }

    @Override
    public String toString() {
        return String.format(
                "C=%,d on %s, %d symbols", clients, everySymbol ? "quotes:*" : "one each", symbols);
    }
}
