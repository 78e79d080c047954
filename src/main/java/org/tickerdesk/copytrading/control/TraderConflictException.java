package org.tickerdesk.copytrading.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * An edit that would clash with what is stored (409): another trader has the name ({@code
 * trader_name_taken}), or the trader changed since the version the edit names ({@code
 * trader_changed}). Nothing is stored.
 */
public class TraderConflictException extends ProblemException {

    private TraderConflictException(String code, String title, String detail) {
        super(409, code, title, detail);
    }

    public static TraderConflictException nameTaken(String name) {
        return new TraderConflictException(
                "trader_name_taken",
                "Trader name taken",
                "Another trader is already called '" + name + "'");
    }

    public static TraderConflictException changed(long id, long given, long stored) {
        return new TraderConflictException(
                "trader_changed",
                "Trader changed",
                "Trader "
                        + id
                        + " is at version "
                        + stored
                        + ", not "
                        + given
                        + ": read it again and repeat the edit");
    }
}
