package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LaneTest {

    private final AtomicInteger made = new AtomicInteger();
    private final List<String> madeOn = new ArrayList<>();

    private final ThreadFactory threads =
            task -> {
                made.incrementAndGet();
                madeOn.add(Thread.currentThread().getName());
                return new Thread(task, "lane-" + made.get());
            };

    @Test
    void itsThreadIsMadeWhenItOpensOnTheOpeningThreadBeforeAnyWork() throws Exception {
        Lane lane = Lane.open(threads);
        try {
            assertEquals(1, made.get());
            assertEquals(List.of(Thread.currentThread().getName()), madeOn);
        } finally {
            lane.close();
            assertTrue(lane.awaitClosed(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void runsWhatItIsGivenInOrderOnItsOneThread() throws Exception {
        Lane lane = Lane.open(threads);
        List<Integer> ran = new ArrayList<>();
        Set<String> on = new HashSet<>();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            lane.execute(
                    () -> {
                        ran.add(n);
                        on.add(Thread.currentThread().getName());
                        done.countDown();
                    });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        lane.close();
        assertTrue(lane.awaitClosed(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertEquals(expected, ran);
        assertEquals(Set.of("lane-1"), on);
        assertEquals(1, made.get());
    }

    @Test
    void aClosedLaneRefusesNewWorkAndFinishesWhatItWasGiven() throws Exception {
        Lane lane = Lane.open(threads);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        lane.execute(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.incrementAndGet();
                });
        lane.execute(finished::incrementAndGet);
        lane.close();
        assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> {}));
        release.countDown();
        assertTrue(lane.awaitClosed(5, TimeUnit.SECONDS));
        assertEquals(2, finished.get());
    }
}
