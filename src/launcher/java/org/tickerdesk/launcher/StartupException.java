package org.tickerdesk.launcher;

/** A reason not to start that the user can act on; its message is the one line printed. */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
