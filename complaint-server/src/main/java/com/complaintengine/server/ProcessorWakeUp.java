package com.complaintengine.server;

import com.complaintengine.query.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the pooled processors' coordinators every {@code complaint.processors.wake-up} instead of Axon's fixed 500 ms.
 * Axon 4.13's coordinator looks at its stream again after 500 ms when the stream takes no "events available"
 * callback, and the embedded event store's streams take none: an event waited 0–500 ms before any projection saw it
 * (issue 9: projection lag p50 ~310 ms, p99 ~550 ms). The streams opened here take the callback, and a timer calls every
 * open stream's callback at the configured interval; the coordinator then reads what is there exactly as on its own
 * schedule (Axon's coordinator decides what to claim and read, this class only says "look now"). A closed stream's
 * callback is forgotten. Each tick is also {@link ReadPacing}'s: a stream that has reached the head of the store reads
 * again at the next tick, not at once.
 */
final class ProcessorWakeUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorWakeUp.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("processor-wake-up"));
    private final ReadPacing pacing;

    ProcessorWakeUp(Duration interval, ReadPacing pacing) {
        this.pacing = pacing;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("complaint.processors.wake-up must be positive, was " + interval);
        }
        long every = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::wakeAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The source the processors read: {@code store} whose streams take the callback this class calls. */
    StreamableMessageSource<TrackedEventMessage<?>> around(StreamableMessageSource<TrackedEventMessage<?>> store) {
        return new Source(store);
    }

    /** How many open streams are woken (for tests and diagnostics). */
    int streams() {
        return callbacks.size();
    }

    void wakeAll() {
        pacing.tick();
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // One coordinator's refusal (e.g. its executor shut down while stopping) must not silence the others.
                log.debug("Processor wake-up failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        callbacks.clear();
    }

    private final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final StreamableMessageSource<TrackedEventMessage<?>> store;

        Source(StreamableMessageSource<TrackedEventMessage<?>> store) {
            this.store = store;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new Stream(store.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return store.createTokenAt(dateTime);
        }

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return store.createTokenSince(duration);
        }
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final ReadPacing.Reader reader = pacing.reader();
        private volatile Runnable callback;

        Stream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return reader.get(stream::peek);
        }

        @Override
        public boolean hasNextAvailable() {
            return reader.get(stream::hasNextAvailable);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return reader.call(() -> stream.hasNextAvailable(timeout, unit));
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return reader.call(stream::nextAvailable);
        }


        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }
    }
}
