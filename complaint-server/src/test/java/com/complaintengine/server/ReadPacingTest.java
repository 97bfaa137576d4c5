package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, intake at maximum: a processor's stream that has reached the head of the store reads again at the next
 * wake-up tick, not at once; full batches and reads outside a processor's stream are never held. The store here counts
 * its reads; the pacing on PostgreSQL runs under every projection test of the suite.
 */
class ReadPacingTest {

    private static final int BATCH = 100;

    @Test
    @DisplayName("a stream at the head (a read of less than a batch) reads again only after the next tick")
    void headReadWaitsForTheNextTick() throws InterruptedException {
        Stream stream = Stream.paced(true, 7);

        assertThat(stream.read()).hasSize(7);
        assertThat(stream.read()).isEmpty();
        assertThat(stream.read()).isEmpty();
        assertThat(stream.store.reads).hasValue(1);

        stream.pacing.tick();
        assertThat(stream.read()).hasSize(7);
        assertThat(stream.store.reads).hasValue(2);
    }

    @Test
    @DisplayName("a stream reading full batches (a replay, a backlog) reads on without waiting")
    void fullBatchesAreNotHeld() throws InterruptedException {
        Stream stream = Stream.paced(true, BATCH);

        for (int i = 0; i < 5; i++) {
            assertThat(stream.read()).hasSize(BATCH);
        }
        assertThat(stream.store.reads).hasValue(5);
    }

    @Test
    @DisplayName("one stream held at the head does not hold another, nor reads outside any processor's stream")
    void holdIsPerStream() throws InterruptedException {
        Stream held = Stream.paced(true, 0);
        Stream other = held.another();

        held.read();
        held.read();
        other.read();
        held.pacing.fetch(BATCH, held.store::read);
        held.pacing.fetch(BATCH, held.store::read);

        assertThat(held.store.reads).hasValue(4);
    }

    @Test
    @DisplayName("with complaint.processors.paced-reads off a stream at the head reads again at once")
    void offReadsAtOnce() throws InterruptedException {
        Stream stream = Stream.paced(false, 3);

        stream.read();
        stream.read();

        assertThat(stream.store.reads).hasValue(2);
    }

    @Test
    @DisplayName("the wake-up's streams read as paced readers and its tick releases them")
    void wakeUpStreamsArePaced() throws InterruptedException {
        ReadPacing pacing = new ReadPacing(true);
        Store store = new Store(2);
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1), pacing)) {
            // As the storage engine reads under Axon's consumer: through the pacing, inside the wrapped stream's call.
            BlockingStream<TrackedEventMessage<?>> stream = wakeUp.around(new ProcessorWakeUpTest.Store(
                    () -> !pacing.fetch(BATCH, store::read).isEmpty())).openStream(null);

            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(store.reads).hasValue(1);

            wakeUp.wakeAll();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(store.reads).hasValue(2);
        }
    }

    /** A processor's stream ({@code reader}) reading {@code store} through {@code pacing}. */
    private record Stream(ReadPacing pacing, ReadPacing.Reader reader, Store store) {

        static Stream paced(boolean enabled, int found) {
            ReadPacing pacing = new ReadPacing(enabled);
            return new Stream(pacing, pacing.reader(), new Store(found));
        }

        /** Another processor's stream on the same pacing and store. */
        Stream another() {
            return new Stream(pacing, pacing.reader(), store);
        }

        /** One read of the store as this stream's, through the pacing. */
        List<?> read() throws InterruptedException {
            return reader.call(() -> pacing.fetch(BATCH, store::read));
        }
    }

    /** A store that answers every read with the same number of events (placeholders: only the count matters). */
    private static final class Store {

        final AtomicInteger reads = new AtomicInteger();
        private final int found;

        Store(int found) {
            this.found = found;
        }

        List<Object> read() {
            reads.incrementAndGet();
            return Collections.nCopies(found, new Object());
        }
    }
}
