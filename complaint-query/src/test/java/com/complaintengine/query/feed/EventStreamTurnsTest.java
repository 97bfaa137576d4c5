package com.complaintengine.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the one thread of the event streams shares itself out (issue 9: in a surge the first stream kept it while the
 * others got nothing). The store here is a feed that always has a full page more to give — a stream that can never
 * catch up — so the scheduling alone is under test; the streams against PostgreSQL are tested in
 * {@code EventFeedOnPostgresTest}, and the surge itself measured in docs/performance.md ("the event stream").
 */
class EventStreamTurnsTest {

    /** Every read is a full page of one event for the filter's complaint, and there is always more. */
    static final class EndlessFeed extends EventFeed {
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        EndlessFeed() {
            super(null, null, FeedProperties.defaults(), Clock.systemUTC());
        }

        @Override
        public long head() {
            return Long.MAX_VALUE / 2;
        }

        @Override
        public FeedPage read(long after, int limit, FeedFilter filter) {
            reads.computeIfAbsent(filter.complaintId(), k -> new AtomicInteger()).incrementAndGet();
            FeedEvent event = new FeedEvent("1.0", "event-" + after, "/test", "NoteAdded", filter.complaintId(),
                    "2026-12-05T00:00:00Z", "application/json", after + 1, after, null, filter.complaintId(), Map.of());
            return new FeedPage(after, after + limit, false, List.of(event));
        }

        int readsFor(String complaint) {
            AtomicInteger count = reads.get(complaint);
            return count == null ? 0 : count.get();
        }
    }

    @Test
    @DisplayName("issue 9: a stream that cannot catch up gets a turn of pages, then the next stream its turn, and round again")
    void aStreamThatCannotCatchUpDoesNotHoldTheOthers() throws Exception {
        EndlessFeed feed = new EndlessFeed();
        EventStream streams = new EventStream(feed, new FeedProperties(null, null, null, null, null,
                Duration.ofMillis(20), null, null, null));
        try {
            streams.subscribe(0, new FeedFilter(Set.of(), "first"));
            streams.subscribe(0, new FeedFilter(Set.of(), "second"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (feed.readsFor("second") < 4 * EventStream.PAGES_PER_TURN && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int second = feed.readsFor("second");
            int first = feed.readsFor("first");
            assertThat(second).as("pages read for the second stream").isGreaterThanOrEqualTo(4 * EventStream.PAGES_PER_TURN);
            // Turn by turn: the first is ahead by its first turn and at most the one it may be in now (and what the
            // thread read between the two counts above).
            assertThat(first - second).as("pages of the first stream beyond the second's")
                    .isBetween(-2 * EventStream.PAGES_PER_TURN, 3 * EventStream.PAGES_PER_TURN);
        } finally {
            streams.stop();
        }
    }
}
