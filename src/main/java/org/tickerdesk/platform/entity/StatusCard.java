package org.tickerdesk.platform.entity;

import java.util.List;
import java.util.Objects;

/**
 * One card of the admin dashboard's status row, worded by the component it describes: a label and
 * fields, each under the element id the page and its script know it by. A plain value, so the
 * dashboard tells whether anything changed by comparing this period's cards with the last.
 */
public record StatusCard(String id, String label, List<Field> fields) {

    public StatusCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        fields = List.copyOf(fields);
    }

    public static StatusCard of(String id, String label, Field... fields) {
        return new StatusCard(id, label, List.of(fields));
    }

    /** How a field is shown: the card's large value, a coloured state word, or a small note. */
    public enum Role {
        VALUE,
        STATE,
        NOTE
    }

    /**
     * One shown value. {@code state} is set for a {@link Role#STATE} only and says how it is
     * coloured: {@code CONNECTED}, {@code DISCONNECTED}, {@code STARTING} or {@code STOPPED},
     * whatever words the field itself shows.
     */
    public record Field(String id, Role role, String text, String state) {

        public Field {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(role, "role");
            text = text == null ? "" : text;
        }

        public static Field value(String id, Object text) {
            return new Field(id, Role.VALUE, String.valueOf(text), null);
        }

        public static Field state(String id, String state, String text) {
            return new Field(id, Role.STATE, text, Objects.requireNonNull(state, "state"));
        }

        public static Field note(String id, String text) {
            return new Field(id, Role.NOTE, text, null);
        }
    }
}
