package org.tickerdesk.resolution.control;

/** A resolution source could not reach what it asks (TWS down, a timeout); the message says so. */
public class ResolutionFailedException extends RuntimeException {

    public ResolutionFailedException(String message) {
        super(message);
    }

    public ResolutionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
