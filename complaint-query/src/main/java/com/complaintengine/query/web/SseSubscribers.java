package com.complaintengine.query.web;

import com.complaintengine.query.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams of one kind (the live dashboard, the event feed): who is subscribed, one
 * daemon thread that ticks every {@code interval} and does each stream's work, a heartbeat comment after
 * {@code heartbeat} of silence so proxies keep the connection, and the clean-up when a client goes away.
 *
 * @param <S> what the owner remembers per stream, beside its emitter
 */
public final class SseSubscribers<S extends SseSubscribers.Subscriber> {

    /** One open stream; owners extend it with what they need (a cursor, a filter, the last state sent). */
    public static class Subscriber {
        private final SseEmitter emitter;
        private volatile long lastSent = System.nanoTime();

        protected Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
        }

        public SseEmitter emitter() {
            return emitter;
        }
    }

    private final List<S> subscribers = new CopyOnWriteArrayList<>();
    private final String what;
    private final int maxSubscribers;
    private final Duration heartbeat;
    private final ScheduledExecutorService ticker;

    /**
     * @param what           what the streams are, for the thread's name and the refusal ("event streams")
     * @param maxSubscribers beyond this many open streams a new one is refused with {@link StreamsBusy} (503)
     */
    public SseSubscribers(String what, int maxSubscribers, Duration interval, Duration heartbeat, Runnable tick) {
        this.what = what;
        this.maxSubscribers = maxSubscribers;
        this.heartbeat = heartbeat;
        this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(what.replace(' ', '-')));
        ticker.scheduleWithFixedDelay(tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isEmpty() {
        return subscribers.isEmpty();
    }

    /** Refused with {@link StreamsBusy} (503) when {@code maxSubscribers} streams are open. */
    public void checkCapacity() {
        if (subscribers.size() >= maxSubscribers) {
            throw new StreamsBusy(what, maxSubscribers);
        }
    }

    public List<S> all() {
        return subscribers;
    }

    /** Registers a stream; it leaves by itself when the client goes, the emitter times out or fails. */
    public S add(S subscriber) {
        SseEmitter emitter = subscriber.emitter();
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        return subscriber;
    }

    /** Work for the ticking thread, e.g. the first delivery to a new stream. */
    public void execute(Runnable work) {
        ticker.execute(work);
    }

    public void send(S subscriber, SseEmitter.SseEventBuilder event) throws IOException {
        subscriber.emitter().send(event);
        Subscriber sent = subscriber;
        sent.lastSent = System.nanoTime();
    }

    /** A comment line when nothing was sent for {@code heartbeat}. */
    public void heartbeatIfQuiet(S subscriber) throws IOException {
        Subscriber quiet = subscriber;
        if (System.nanoTime() - quiet.lastSent > heartbeat.toNanos()) {
            send(subscriber, SseEmitter.event().comment("heartbeat"));
        }
    }

    /**
     * The client is gone or its stream failed: forget it and end the response. Completed, not completed with an
     * error: a browser leaving a page is normal, and an error would be logged as a failure of the engine.
     */
    public void drop(S subscriber) {
        subscribers.remove(subscriber);
        subscriber.emitter().complete();
    }

    /** Stops ticking and ends every open stream (the server is shutting down). */
    public void stop() {
        ticker.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }
}
