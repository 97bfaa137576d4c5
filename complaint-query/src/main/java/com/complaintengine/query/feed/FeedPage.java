package com.complaintengine.query.feed;

import java.util.List;

/**
 * One page of the feed: the events after {@code after} in global order, and {@code next}, the position to ask
 * for the next page with ({@code after=next}). {@code next} can be past the last event shown when filters skipped
 * events. {@code caughtUp}: nothing more can be read now (poll again later, or use the stream).
 */
public record FeedPage(long after, long next, boolean caughtUp, List<FeedEvent> events) {
}
