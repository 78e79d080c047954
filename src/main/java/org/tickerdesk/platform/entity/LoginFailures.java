package org.tickerdesk.platform.entity;

import java.time.Instant;

/**
 * What is known about failed logins of one user name or from one address: failures since the last
 * lock-out, how many lock-outs there were (each doubles the next), and until when the current one
 * lasts ({@link Instant#MIN} when none does).
 */
public record LoginFailures(int count, int lockouts, Instant lockedUntil) {

    public static final LoginFailures NONE = new LoginFailures(0, 0, Instant.MIN);
}
