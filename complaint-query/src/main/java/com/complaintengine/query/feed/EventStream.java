package com.complaintengine.query.feed;

import com.complaintengine.query.web.SseSubscribers;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
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
 * <p>
 * One thread serves every stream, one after the other, so each gets at most {@value #PAGES_PER_TURN} pages per turn,
 * and only events stored before its turn began: a stream catching up from the start of the store, or one the events
 * of a surge arrive faster for than it is read, goes on at the next turn instead of holding the thread while the
 * others wait (in a surge the first stream kept it for the whole surge: docs/performance.md, "the event stream").
 */
@Component
public class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 200;
    /** Pages one stream gets per turn: up to 5,000 events, then the next stream's turn. */
    static final int PAGES_PER_TURN = 25;

    private final EventFeed feed;
    private final FeedProperties properties;
    private final SseSubscribers<Subscriber> subscribers;

    public EventStream(EventFeed feed, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
        this.subscribers = new SseSubscribers<>("event streams", properties.maxSubscribers(),
                properties.pollInterval(), properties.heartbeat(), this::tick);
    }

    private static final class Subscriber extends SseSubscribers.Subscriber {
        final FeedFilter filter;
        volatile long cursor;

        Subscriber(SseEmitter emitter, FeedFilter filter, long cursor) {
            super(emitter);
            this.filter = filter;
            this.cursor = cursor;
        }
    }

    /** A stream of the events after {@code after}; refused with {@link com.complaintengine.query.web.StreamsBusy} beyond the subscriber bound. */
    public SseEmitter subscribe(long after, FeedFilter filter) {
        subscribers.checkCapacity();
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        try {
            // Sent at once, so the client has the answer's headers without waiting for the first event.
            emitter.send(SseEmitter.event().comment("events after position " + after).reconnectTime(2000));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        Subscriber subscriber = subscribers.add(new Subscriber(emitter, filter, after));
        subscribers.execute(() -> deliver(subscriber, head()));
        return emitter;
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        for (Subscriber subscriber : subscribers.all()) {
            long head = head();
            if (head < 0) {
                return;
            }
            deliver(subscriber, head);
        }
    }

    /** The store's head, or -1 when it cannot be read (logged; the streams wait for the next tick). */
    private long head() {
        try {
            return feed.head();
        } catch (RuntimeException e) {
            log.warn("Could not read the event store's head for the event streams: {}", e.toString());
            return -1;
        }
    }

    /** One turn of a stream: its events up to {@code head}, at most {@link #PAGES_PER_TURN} pages of them. */
    private void deliver(Subscriber subscriber, long head) {
        try {
            for (int pages = 0; pages < PAGES_PER_TURN && subscriber.cursor < head; pages++) {
                FeedPage page = feed.read(subscriber.cursor, PAGE, subscriber.filter);
                for (FeedEvent event : page.events()) {
                    subscribers.send(subscriber, SseEmitter.event().id(Long.toString(event.position()))
                            .name(event.type()).data(event, MediaType.APPLICATION_JSON));
                }
                subscriber.cursor = page.next();
                if (page.caughtUp()) {
                    break;
                }
            }
            subscribers.heartbeatIfQuiet(subscriber);
        } catch (IOException | IllegalStateException e) {
            subscribers.drop(subscriber);
        } catch (RuntimeException e) {
            log.warn("Could not read the feed for an event stream: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
