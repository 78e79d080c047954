package org.tickerdesk.history.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The New York Stock Exchange's holidays and early closes, computed by the exchange's rules rather
 * than listed, so that every year has them: New Year's Day, Martin Luther King Jr. Day,
 * Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor
 * Day, Thanksgiving and Christmas. A holiday on a Saturday is observed the Friday before, one on a
 * Sunday the Monday after, except New Year's Day on a Saturday, which is not observed at all (the
 * Friday before ends the previous year's books). The market closes at 13:00 the day after
 * Thanksgiving, and on July 3 and December 24 when they are Monday to Thursday. Closures the rules
 * cannot know (a national day of mourning) are not here; IB's contract details have them where
 * known.
 */
final class NyseHolidays {

    private NyseHolidays() {}

    static boolean isHoliday(LocalDate day) {
        int year = day.getYear();
        return day.equals(newYearsDay(year))
                || day.equals(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY))
                || day.equals(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY))
                || day.equals(easter(year).minusDays(2))
                || day.equals(
                        LocalDate.of(year, Month.MAY, 1)
                                .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || (year >= 2022 && day.equals(observed(LocalDate.of(year, Month.JUNE, 19))))
                || day.equals(observed(LocalDate.of(year, Month.JULY, 4)))
                || day.equals(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))
                || day.equals(thanksgiving(year))
                || day.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    static boolean isEarlyClose(LocalDate day) {
        if (day.equals(thanksgiving(day.getYear()).plusDays(1))) {
            return true;
        }
        boolean eve =
                (day.getMonth() == Month.JULY && day.getDayOfMonth() == 3)
                        || (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 24);
        return eve && day.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue();
    }

    /** Jan 1, or Monday Jan 2 when it falls on a Sunday; none when it falls on a Saturday. */
    private static LocalDate newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        return switch (day.getDayOfWeek()) {
            case SUNDAY -> day.plusDays(1);
            case SATURDAY -> null;
            default -> day;
        };
    }

    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
