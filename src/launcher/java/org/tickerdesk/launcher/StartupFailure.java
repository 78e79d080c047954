package org.tickerdesk.launcher;

/** A reason not to start that the user can act on; its message is the one line printed. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
