package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task's name is its key in the database and the API: malformed or taken twice stops the start.
 */
class TaskRegistryTest {

    private static ScheduledTask task(String name, Duration interval) {
        return new ScheduledTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public Duration defaultInterval() {
                return interval;
            }

            @Override
            public void run() {}
        };
    }

    @Test
    void tasksAreKeptByName() {
        var tasks =
                TaskRegistry.byName(
                        List.of(
                                task("tick-retention", Duration.ofMinutes(10)),
                                task("exit-sweep", Duration.ofSeconds(10))));
        assertEquals(List.of("exit-sweep", "tick-retention"), List.copyOf(tasks.keySet()));
    }

    @Test
    void twoTasksOfOneNameAreRefused() {
        IllegalStateException refused =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                TaskRegistry.byName(
                                        List.of(
                                                task("exit-sweep", Duration.ofSeconds(10)),
                                                task("exit-sweep", Duration.ofSeconds(5)))));
        assertTrue(refused.getMessage().contains("Two tasks are named exit-sweep"));
    }

    @Test
    void aMalformedNameOrAnIntervalOutOfBoundsIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> TaskRegistry.byName(List.of(task("Exit Sweep", Duration.ofSeconds(10)))));
        assertThrows(
                IllegalStateException.class,
                () -> TaskRegistry.byName(List.of(task("fast", Duration.ofMillis(500)))));
        assertThrows(
                IllegalStateException.class,
                () -> TaskRegistry.byName(List.of(task("slow", Duration.ofDays(8)))));
    }
}
