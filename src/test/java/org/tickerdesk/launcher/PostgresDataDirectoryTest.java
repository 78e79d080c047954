package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresDataDirectoryTest {

    @TempDir Path dir;

    @Test
    void anEmptyFolderIsANewDatabase() {
        PostgresDataDirectory data = new PostgresDataDirectory(dir);
        assertFalse(data.initialised());
        assertDoesNotThrow(() -> data.requireMajorVersion(17));
        assertTrue(data.orphanedPostmaster().isEmpty());
    }

    @Test
    void theSameMajorVersionIsAccepted() throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        assertDoesNotThrow(() -> new PostgresDataDirectory(dir).requireMajorVersion(17));
    }

    @Test
    void anotherMajorVersionIsRefusedWithTheWayOut() throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "16\n");
        StartupException failure =
                assertThrows(
                        StartupException.class,
                        () -> new PostgresDataDirectory(dir).requireMajorVersion(17));
        assertTrue(failure.getMessage().contains("written by PostgreSQL 16"), failure.getMessage());
        assertTrue(failure.getMessage().contains("pg_upgrade"), failure.getMessage());
    }

    @Test
    void aPidFileOfAProcessThatIsNotPostgresIsNoOrphan() throws IOException {
        Files.writeString(
                dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");
        assertTrue(
                new PostgresDataDirectory(dir).orphanedPostmaster().isEmpty(),
                "the test JVM is not a postmaster");
    }

    @Test
    void aPidFileOfADeadProcessOrGarbageIsNoOrphan() throws IOException {
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n");
        assertTrue(new PostgresDataDirectory(dir).orphanedPostmaster().isEmpty());
        Files.writeString(dir.resolve("postmaster.pid"), "not a pid\n");
        assertTrue(new PostgresDataDirectory(dir).orphanedPostmaster().isEmpty());
    }
}
