package com.complaintengine.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the snapshotter's thread never pushes back on the command that scheduled a snapshot. */
class SnapshotThreadTest {

    @Test
    @DisplayName("a snapshot that finds the queue full is skipped, not thrown back at the committed command")
    void fullQueueSkipsInsteadOfThrowing() throws Exception {
        SnapshotConfiguration.SnapshotThread thread = new SnapshotConfiguration.SnapshotThread(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try {
            thread.executor.execute(() -> {
                started.countDown();
                await(release);
                ran.incrementAndGet();
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            thread.executor.execute(ran::incrementAndGet); // waits in the queue of one
            assertThatCode(() -> thread.executor.execute(ran::incrementAndGet)).doesNotThrowAnyException();
            assertThat(Thread.currentThread().getName()).isNotEqualTo("complaint-snapshotter");
            release.countDown();
            thread.executor.shutdown();
            assertThat(thread.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get()).as("the running and the queued snapshot ran; the third was skipped").isEqualTo(2);
        } finally {
            thread.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
