package com.complaintengine.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Paces the processors' reads of the event store to the ticks of {@link ProcessorWakeUp} once they are at its head
 * (issue 9, intake at maximum). Axon's coordinator reads again as soon as a read returned anything, so under a steady
 * trickle of appends each processor queried the store as fast as the queries returned, a few events each
 * (pg_stat_statements, 2026-12-05, 590 intakes/s: 8,351 reads of 7.6 events on average and 3,701 gap checks in 20 s,
 * each in a transaction of its own, and a projection batch of a few events per read). A stream whose read came back
 * with less than a full batch has reached the head: its next read waits for the next tick (an empty answer, no query,
 * until then), so a processor reads what arrived since in one query per tick. Full batches (a replay, a backlog after a
 * surge) are never held. Reads outside a processor's stream (aggregates, the fold, tools) are not paced.
 */
public final class ReadPacing {

    private final AtomicLong tick = new AtomicLong();
    private final ThreadLocal<Reader> reading = new ThreadLocal<>();
    private final boolean enabled;

    /** {@code complaint.processors.paced-reads}: off, a processor at the head reads again at once (Axon's way). */
    public ReadPacing(boolean enabled) {
        this.enabled = enabled;
    }

    /** A read of up to {@code batchSize} events from the store, or none while the reading stream is held at the head. */
    public <T> List<? extends T> fetch(int batchSize, Supplier<List<? extends T>> fetch) {
        Reader reader = reading.get();
        if (reader == null || !enabled) {
            return fetch.get();
        }
        long now = tick.get();
        if (reader.headAt == now) {
            return List.of();
        }
        List<? extends T> found = fetch.get();
        if (found.size() < batchSize) {
            reader.headAt = now;
        }
        return found;
    }

    /** The wake-up's tick: every held stream may read again. */
    void tick() {
        tick.incrementAndGet();
    }

    Reader reader() {
        return new Reader();
    }

    /** One processor's stream: what it reads from the store within {@link #call} is paced as its reads. */
    final class Reader {

        /** The tick at which this stream last read less than a full batch; -1 before its first read. */
        private volatile long headAt = -1;

        <R> R call(Call<R> call) throws InterruptedException {
            Reader outer = enter();
            try {
                return call.run();
            } finally {
                leave(outer);
            }
        }

        <R> R get(Supplier<R> read) {
            Reader outer = enter();
            try {
                return read.get();
            } finally {
                leave(outer);
            }
        }

        private Reader enter() {
            Reader outer = reading.get();
            reading.set(this);
            return outer;
        }

        private void leave(Reader outer) {
            if (outer == null) {
                reading.remove();
            } else {
                reading.set(outer);
            }
        }
    }

    @FunctionalInterface
    interface Call<R> {
        R run() throws InterruptedException;
    }
}
