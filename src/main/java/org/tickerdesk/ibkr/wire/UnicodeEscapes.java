package org.tickerdesk.ibkr.wire;

/**
 * Since server version 153 TWS sends non-ASCII text as {@code \}{@code uXXXX} escapes; this turns
 * them back into characters and leaves anything that is not a complete escape as it is.
 */
final class UnicodeEscapes {

    private UnicodeEscapes() {}

    static String decode(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\u", i) && i + 6 <= text.length() && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 6;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
