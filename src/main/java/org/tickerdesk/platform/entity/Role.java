package org.tickerdesk.platform.entity;

import java.util.Locale;

/**
 * What a caller may do: an admin changes things, a viewer only looks. Stored in lower case, as the
 * roles are named in web.xml.
 */
public enum Role {
    ADMIN,
    VIEWER;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
