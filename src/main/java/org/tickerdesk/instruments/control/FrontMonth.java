package org.tickerdesk.instruments.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * The front contracts of the default watchlist's futures, from their exchanges' expiry rules
 * (weekends counted, exchange holidays not): good enough to name and date a contract that a
 * simulated market quotes until it expires. Resolution settles an expired contract's positions;
 * {@link FrontMonthRoll} puts the next front month on the watchlist.
 */
final class FrontMonth {

    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private FrontMonth() {}

    /** E-mini S&P 500: quarterly (H, M, U, Z), last trading day the third Friday of the month. */
    static LocalDate equityIndexExpiry(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        while (true) {
            if (month.getMonthValue() % 3 == 0) {
                LocalDate expiry =
                        month.atDay(1)
                                .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
                if (expiry.isAfter(today)) {
                    return expiry;
                }
            }
            month = month.plusMonths(1);
        }
    }

    /**
     * WTI crude: monthly; trading ends three business days before the 25th of the month before
     * delivery (four when the 25th is not a business day).
     */
    static YearMonth crudeDeliveryMonth(LocalDate today) {
        YearMonth delivery = YearMonth.from(today).plusMonths(1);
        while (!crudeExpiry(delivery).isAfter(today)) {
            delivery = delivery.plusMonths(1);
        }
        return delivery;
    }

    static LocalDate crudeExpiry(YearMonth delivery) {
        LocalDate the25th = delivery.minusMonths(1).atDay(25);
        int businessDaysBack = isBusinessDay(the25th) ? 3 : 4;
        LocalDate day = the25th;
        while (businessDaysBack > 0) {
            day = day.minusDays(1);
            if (isBusinessDay(day)) {
                businessDaysBack--;
            }
        }
        return day;
    }

    /** Whether the symbol is a contract code of the root: ESZ6, ESH7 for ES; not ESZ26 or ES. */
    static boolean isCodeOf(String root, String symbol) {
        return symbol.length() == root.length() + 2
                && symbol.startsWith(root)
                && MONTH_CODES.indexOf(symbol.charAt(root.length())) >= 0
                && Character.isDigit(symbol.charAt(root.length() + 1));
    }

    /** The exchange's contract code: root, month letter, last digit of the year (ESZ6). */
    static String code(String root, YearMonth month) {
        return root + MONTH_CODES.charAt(month.getMonthValue() - 1) + (month.getYear() % 10);
    }

    private static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
