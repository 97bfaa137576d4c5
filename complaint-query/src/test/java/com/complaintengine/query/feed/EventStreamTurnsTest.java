package com.complaintengine.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * How the one thread of the event streams shares itself out (issue 9: in a surge the first stream kept it while the
 * others got nothing), and how streams at one position share their reads. The store here is a feed that always has a
 * full page more to give — a stream that can never catch up — so the scheduling alone is under test; the streams against PostgreSQL are tested in
 * {@code EventFeedOnPostgresTest}, and the surge itself measured in docs/performance.md ("the event stream").
 */
class EventStreamTurnsTest {

    /** A stream that starts here is, for this feed, far from the first one: they never share a page. */
    static final long FAR = Long.MAX_VALUE / 4;

    /** Every read is a full page of events of complaints "a" and "b" in turn, and there is always more. */
    static final class EndlessFeed extends EventFeed {
        final AtomicInteger nearReads = new AtomicInteger();
        final AtomicInteger farReads = new AtomicInteger();
        volatile long head = Long.MAX_VALUE / 2;

        EndlessFeed() {
            super(null, null, FeedProperties.defaults(), Clock.systemUTC());
        }

        @Override
        public long head() {
            return head;
        }

        @Override
        public FeedPage read(long after, int limit, FeedFilter filter) {
            (after < FAR ? nearReads : farReads).incrementAndGet();
            List<FeedEvent> events = new ArrayList<>();
            for (long position = after + 1; position <= after + limit; position++) {
                String complaint = position % 2 == 0 ? "a" : "b";
                events.add(new FeedEvent("1.0", "event-" + position, "/test", "NoteAdded", complaint,
                        "2026-12-05T00:00:00Z", "application/json", position, 0, null, complaint, Map.of()));
            }
            return new FeedPage(after, after + limit, false, events);
        }
    }

    private EndlessFeed feed;
    private EventStream streams;

    @BeforeEach
    void streamsOnAnEndlessFeed() {
        feed = new EndlessFeed();
        streams = new EventStream(feed, new FeedProperties(null, null, null, null, null, Duration.ofMillis(20), null,
                null, null));
    }

    @AfterEach
    void stopStreams() {
        streams.stop();
    }

    private static void awaitAtMostTenSeconds(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("issue 9: a stream that cannot catch up gets a turn of pages, then the next stream its turn, and round again")
    void aStreamThatCannotCatchUpDoesNotHoldTheOthers() throws Exception {
        streams.subscribe(0, FeedFilter.ALL);
        streams.subscribe(FAR, FeedFilter.ALL);
        awaitAtMostTenSeconds(() -> feed.farReads.get() >= 4 * EventStream.PAGES_PER_TURN);
        int far = feed.farReads.get();
        int near = feed.nearReads.get();
        assertThat(far).as("pages read for the second stream").isGreaterThanOrEqualTo(4 * EventStream.PAGES_PER_TURN);
        // Turn by turn: the first is ahead by its first turn and at most the one it may be in now (and what the
        // thread read between the two counts above).
        assertThat(near - far).as("pages of the first stream beyond the second's")
                .isBetween(-2 * EventStream.PAGES_PER_TURN, 3 * EventStream.PAGES_PER_TURN);
    }

    @Test
    @DisplayName("issue 9: streams at the same position share each page read in a tick, whatever their filters")
    void streamsAtOnePositionShareTheirReads() throws Exception {
        feed.head = 0;
        SseEmitter onlyA = streams.subscribe(0, new FeedFilter(Set.of(), "a"));
        SseEmitter onlyB = streams.subscribe(0, new FeedFilter(Set.of(), "b"));
        // The head moves on by a tick's worth of pages at a time, as in a surge the streams follow.
        for (long head = 2_000; head <= 20_000; head += 2_000) {
            feed.head = head;
            long reached = head;
            awaitAtMostTenSeconds(() -> streams.cursorOf(onlyA) >= reached && streams.cursorOf(onlyB) >= reached);
            assertThat(streams.cursorOf(onlyA)).isEqualTo(head);
            assertThat(streams.cursorOf(onlyB)).isEqualTo(head);
        }
        // Each page read once for both streams, not once for each (200 reads): a step whose head moved between the
        // two streams' turns of one tick reads its pages twice, so a little more than 100 is possible.
        assertThat(feed.nearReads.get()).as("pages read for two streams at one position").isBetween(100, 149);
    }
}
