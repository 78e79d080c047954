package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DatabaseCoordinatesTest {

    @Test
    void poolPropertiesEscapeWhatAsadminWouldSplitOn() {
        DatabaseCoordinates db =
                new DatabaseCoordinates("jdbc:postgresql://db:5432/td?ssl=true", "td", "p:a=s\\s");
        assertEquals(
                "url=jdbc\\:postgresql\\://db\\:5432/td?ssl\\=true:user=td:password=p\\:a\\=s\\\\s",
                db.asPoolProperties());
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertFalse(
                new DatabaseCoordinates("jdbc:postgresql://db/td", "td", "hunter22")
                        .toString()
                        .contains("hunter22"));
    }
}
