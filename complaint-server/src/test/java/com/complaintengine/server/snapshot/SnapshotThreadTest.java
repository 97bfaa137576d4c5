package com.complaintengine.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the snapshotter's thread never pushes back on the command that scheduled a snapshot. */
class SnapshotThreadTest {

    @Test
    @DisplayName("a snapshot that finds the queue full is refused to the snapshotter, and the committed command still succeeds")
    void fullQueueRefusesWithoutFailingTheCommand() throws Exception {
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
            // Axon's snapshotter must hear of the refusal (it then clears its "in progress" mark for the aggregate)...
            assertThatThrownBy(() -> thread.executor.execute(ran::incrementAndGet))
                    .isInstanceOf(RejectedExecutionException.class);
            // ...and where it schedules (after the commit), the refusal does not fail the command's unit of work.
            UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
            command.afterCommit(u -> thread.executor.execute(ran::incrementAndGet));
            assertThatCode(command::commit).doesNotThrowAnyException();

            release.countDown();
            thread.executor.shutdown();
            assertThat(thread.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get()).as("the running and the queued snapshot ran; the refused ones did not").isEqualTo(2);
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
