package com.complaintengine.query.feed;

import com.complaintengine.query.web.SseSubscribers;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
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
 * and only events stored before the tick began (the head is read once per tick): a stream catching up from the start of the store, or one the events
 * of a surge arrive faster for than it is read, goes on at the next turn instead of holding the thread while the
 * others wait (in a surge the first stream kept it for the whole surge: docs/performance.md, "the event stream").
 * Within one tick the streams near the head share what is read: a page is read (and its events deserialized) once,
 * unfiltered, for every stream at that position, and each stream sends the events of it its filter accepts — the
 * streams following the head, the usual case, cost one read together instead of one each ({@link #SHARED_PAGES}).
 */
@Component
public class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 200;
    /** Pages one stream gets per turn: up to 5,000 events, then the next stream's turn. */
    static final int PAGES_PER_TURN = 25;
    /**
     * Pages a tick keeps for its other streams, at most, and only pages within as many events of the head: the streams
     * following the head share them (a tick there needs a few pages); streams catching up far behind read their own,
     * so the memory a tick holds stays bounded (~10,000 events) however many streams are open.
     */
    static final int SHARED_PAGES = 50;

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
        subscribers.execute(() -> deliver(subscriber, head(), new HashMap<>()));
        return emitter;
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        long head = head();
        if (head < 0) {
            return;
        }
        // This tick's pages, unfiltered, by the position they follow: streams at the same position read them once.
        Map<Long, FeedPage> pages = new HashMap<>();
        for (Subscriber subscriber : subscribers.all()) {
            deliver(subscriber, head, pages);
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

    /**
     * One turn of a stream: its events up to {@code head}, at most {@link #PAGES_PER_TURN} pages of them, taken from
     * {@code pages} when another stream of this tick read them already.
     */
    private void deliver(Subscriber subscriber, long head, Map<Long, FeedPage> pages) {
        try {
            for (int turn = 0; turn < PAGES_PER_TURN && subscriber.cursor < head; turn++) {
                FeedPage page = pages.get(subscriber.cursor);
                if (page == null) {
                    page = feed.read(subscriber.cursor, PAGE, FeedFilter.ALL);
                    if (pages.size() < SHARED_PAGES && head - subscriber.cursor <= (long) SHARED_PAGES * PAGE) {
                        pages.put(subscriber.cursor, page);
                    }
                }
                for (FeedEvent event : page.events()) {
                    if (subscriber.filter.accepts(event.type(), event.complaintid())) {
                        subscribers.send(subscriber, SseEmitter.event().id(Long.toString(event.position()))
                                .name(event.type()).data(event, MediaType.APPLICATION_JSON));
                    }
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

    /** Where the stream of this emitter stands (for tests); -1 when it is not open. */
    long cursorOf(SseEmitter emitter) {
        return subscribers.all().stream().filter(s -> s.emitter() == emitter).mapToLong(s -> s.cursor).findFirst()
                .orElse(-1);
    }

    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
