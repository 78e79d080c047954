package org.tickerdesk.instruments.control;

/** The names of the simulated market's synthetic stocks: S0000 to S{N-1}, four digits at least. */
final class SyntheticStocks {

    private SyntheticStocks() {}

    static String symbol(int index) {
        return String.format("S%04d", index);
    }

    static boolean isOne(String symbol, int count) {
        if (symbol == null || symbol.length() < 5 || symbol.charAt(0) != 'S') {
            return false;
        }
        for (int i = 1; i < symbol.length(); i++) {
            if (!Character.isDigit(symbol.charAt(i))) {
                return false;
            }
        }
        try {
            int index = Integer.parseInt(symbol.substring(1));
            return index < count && symbol.equals(symbol(index));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
