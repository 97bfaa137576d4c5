package com.complaintengine.query.feed;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed as server-sent events: each subscriber has its own cursor, and every {@code poll-interval} the events
 * after it are read with the same gap-safe {@link EventFeed} and sent, each with its position as the SSE
 * {@code id} (so a reconnecting client's {@code Last-Event-ID} resumes right after the last event it got). A comment
 * is sent as heartbeat when nothing happened for {@code heartbeat}; at most {@code max-subscribers} streams are open.
 */
@Component
public class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 200;

    private final EventFeed feed;
    private final FeedProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-stream");
        thread.setDaemon(true);
        return thread;
    });

    public EventStream(EventFeed feed, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
        long interval = properties.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private static final class Subscriber {
        final SseEmitter emitter;
        final FeedFilter filter;
        volatile long cursor;
        volatile long lastSent = System.nanoTime();

        Subscriber(SseEmitter emitter, FeedFilter filter, long cursor) {
            this.emitter = emitter;
            this.filter = filter;
            this.cursor = cursor;
        }
    }

    /** A stream of the events after {@code after}; refused with {@link StreamsBusy} beyond the subscriber bound. */
    public SseEmitter subscribe(long after, FeedFilter filter) {
        if (subscribers.size() >= properties.maxSubscribers()) {
            throw new StreamsBusy(properties.maxSubscribers());
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, filter, after);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // Sent at once, so the client has the answer's headers without waiting for the first event.
            emitter.send(SseEmitter.event().comment("events after position " + after).reconnectTime(2000));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        subscribers.add(subscriber);
        ticker.execute(() -> deliver(subscriber, Long.MAX_VALUE));
        return emitter;
    }

    int open() {
        return subscribers.size();
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        long head;
        try {
            head = feed.head();
        } catch (RuntimeException e) {
            log.warn("Could not read the event store's head for the event streams: {}", e.toString());
            return;
        }
        for (Subscriber subscriber : subscribers) {
            deliver(subscriber, head);
        }
    }

    private void deliver(Subscriber subscriber, long head) {
        try {
            boolean sent = false;
            if (subscriber.cursor < head) {
                FeedPage page;
                do {
                    page = feed.read(subscriber.cursor, PAGE, subscriber.filter);
                    for (FeedEvent event : page.events()) {
                        subscriber.emitter.send(SseEmitter.event().id(Long.toString(event.position()))
                                .name(event.type()).data(event, MediaType.APPLICATION_JSON));
                        subscriber.cursor = event.position();
                        sent = true;
                    }
                    subscriber.cursor = page.next();
                } while (!page.caughtUp());
            }
            if (sent) {
                subscriber.lastSent = System.nanoTime();
            } else if (System.nanoTime() - subscriber.lastSent > properties.heartbeat().toNanos()) {
                subscriber.emitter.send(SseEmitter.event().comment("heartbeat"));
                subscriber.lastSent = System.nanoTime();
            }
        } catch (IOException | IllegalStateException e) {
            drop(subscriber);
        } catch (RuntimeException e) {
            log.warn("Could not read the feed for an event stream: {}", e.toString());
        }
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        subscriber.emitter.completeWithError(new IOException("subscriber gone"));
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
        subscribers.clear();
    }
}
