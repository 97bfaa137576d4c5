package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, projection lag: the processors' streams take Axon's "events available" callback and are woken at the
 * configured interval instead of Axon's fixed 500 ms re-poll. The store's own streams are plain stand-ins here: what is
 * under test is the wrapper's contract with Axon's coordinator, not the store (that runs on PostgreSQL in every
 * projection test).
 */
class ProcessorWakeUpTest {

    @Test
    @DisplayName("a stream opened through the wake-up takes the coordinator's callback and the wake-up calls it")
    void openStreamTakesTheCallbackAndIsWoken() {
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1), new ReadPacing(true))) {
            BlockingStream<TrackedEventMessage<?>> stream = wakeUp.around(new Store()).openStream(null);
            AtomicInteger woken = new AtomicInteger();

            assertThat(stream.setOnAvailableCallback(woken::incrementAndGet)).isTrue();
            wakeUp.wakeAll();
            wakeUp.wakeAll();

            assertThat(woken).hasValue(2);
            assertThat(wakeUp.streams()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a closed stream is no longer woken and closes the store's stream")
    void closedStreamIsForgotten() {
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1), new ReadPacing(true))) {
            Store store = new Store();
            BlockingStream<TrackedEventMessage<?>> stream = wakeUp.around(store).openStream(null);
            AtomicInteger woken = new AtomicInteger();
            stream.setOnAvailableCallback(woken::incrementAndGet);

            stream.close();
            wakeUp.wakeAll();

            assertThat(woken).hasValue(0);
            assertThat(wakeUp.streams()).isZero();
            assertThat(store.closed).hasValue(1);
        }
    }

    @Test
    @DisplayName("a second callback on one stream replaces the first; one failing callback does not stop the others")
    void callbacksAreReplacedAndIsolated() {
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1), new ReadPacing(true))) {
            BlockingStream<TrackedEventMessage<?>> first = wakeUp.around(new Store()).openStream(null);
            BlockingStream<TrackedEventMessage<?>> second = wakeUp.around(new Store()).openStream(null);
            AtomicInteger old = new AtomicInteger();
            AtomicInteger current = new AtomicInteger();
            first.setOnAvailableCallback(old::incrementAndGet);
            first.setOnAvailableCallback(current::incrementAndGet);
            second.setOnAvailableCallback(() -> {
                throw new IllegalStateException("coordinator shutting down");
            });

            wakeUp.wakeAll();

            assertThat(old).hasValue(0);
            assertThat(current).hasValue(1);
            assertThat(wakeUp.streams()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the timer wakes the streams by itself at the configured interval")
    void timerWakesStreams() throws InterruptedException {
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofMillis(5), new ReadPacing(true))) {
            BlockingStream<TrackedEventMessage<?>> stream = wakeUp.around(new Store()).openStream(null);
            CountDownLatch woken = new CountDownLatch(3);
            stream.setOnAvailableCallback(woken::countDown);

            assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @DisplayName("tokens are the store's own; a zero interval is refused")
    void tokensComeFromTheStore() {
        try (ProcessorWakeUp wakeUp = new ProcessorWakeUp(Duration.ofHours(1), new ReadPacing(true))) {
            StreamableMessageSource<TrackedEventMessage<?>> source = wakeUp.around(new Store());
            assertThat(source.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(-1));
            assertThat(source.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
        }
        assertThatThrownBy(() -> new ProcessorWakeUp(Duration.ZERO, new ReadPacing(true))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.processors.wake-up");
    }

    /**
     * A store whose streams answer "anything available?" with {@code available} (no events by default) and count
     * their closing; also {@link ReadPacingTest}'s.
     */
    static final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {

        final AtomicInteger closed = new AtomicInteger();
        private final BooleanSupplier available;

        Store() {
            this(() -> false);
        }

        Store(BooleanSupplier available) {
            this.available = available;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return available.getAsBoolean();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    throw new IllegalStateException("no events");
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return new GlobalSequenceTrackingToken(-1);
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(41);
        }
    }
}
