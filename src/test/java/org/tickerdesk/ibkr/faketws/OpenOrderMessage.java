package org.tickerdesk.ibkr.faketws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An openOrder message as TWS sends it for a server version, written out from IB's field list. */
public final class OpenOrderMessage {

    private OpenOrderMessage() {}

    public static List<String> of(
            int v,
            int orderId,
            String symbol,
            String action,
            String qty,
            String type,
            String lmt,
            String aux,
            String tif,
            String orderRef,
            String status,
            List<String> conditions) {
        List<String> f =
                ServerMessages.of(
                        5,
                        orderId,
                        265598,
                        symbol,
                        "STK",
                        "",
                        "0",
                        "",
                        "",
                        "SMART",
                        "USD",
                        symbol,
                        "NMS",
                        action,
                        qty,
                        type,
                        lmt,
                        aux,
                        tif,
                        "",
                        "DU123456",
                        "",
                        0,
                        orderRef,
                        7,
                        987654321L,
                        0,
                        0,
                        "0",
                        "",
                        "");
        f.addAll(ServerMessages.of("", "", ""));
        if (v < 177) {
            f.add("");
        }
        f.addAll(ServerMessages.of("", "", "", "", "", 0, "", -1));
        f.addAll(ServerMessages.of(0, "", "", "", "", "", 0));
        f.addAll(ServerMessages.of(0, 0, 0, "", 0, 0, 0, "", 0, 0));
        f.addAll(ServerMessages.of("", "", "", "", 0, ""));
        f.addAll(ServerMessages.of("", "", "", ""));
        f.addAll(ServerMessages.of("", 0, 0));
        f.add("0");
        f.addAll(ServerMessages.of("", "", ""));
        f.addAll(ServerMessages.of("", 0, "", "", 0, 0, "", 0));
        f.addAll(ServerMessages.of(0, status));
        f.addAll(Collections.nCopies(9, "1.7976931348623157E308"));
        f.addAll(ServerMessages.of("", "", "", ""));
        if (v >= 195) {
            f.add("");
            f.addAll(Collections.nCopies(9, "1.7976931348623157E308"));
            f.addAll(ServerMessages.of("", "", 0));
        }
        f.add("");
        f.addAll(ServerMessages.of(0, 0));
        f.addAll(conditions);
        f.addAll(
                ServerMessages.of(
                        "",
                        "1.7976931348623157E308",
                        "",
                        "1.7976931348623157E308",
                        "1.7976931348623157E308",
                        "1.7976931348623157E308",
                        "1.7976931348623157E308",
                        0));
        f.addAll(ServerMessages.of("", "", "", "", 0, 0, 0, ""));
        List<String> tail = new ArrayList<>();
        if (v >= 158) {
            tail.add("2147483647");
        }
        if (v >= 160) {
            tail.add("2147483647");
        }
        if (v >= 162) {
            tail.add("0");
        }
        if (v >= 170) {
            tail.addAll(ServerMessages.of("2147483647", "2147483647", "", "", ""));
        }
        if (v >= 183) {
            tail.add("");
        }
        if (v >= 184) {
            tail.add("0");
        }
        if (v >= 185) {
            tail.add("");
        }
        if (v >= 189) {
            tail.add("0");
        }
        if (v >= 193) {
            tail.addAll(ServerMessages.of("", "2147483647"));
        }
        if (v >= 198) {
            tail.add("");
        }
        if (v >= 199) {
            tail.add("0");
        }
        f.addAll(tail);
        return f;
    }
}
