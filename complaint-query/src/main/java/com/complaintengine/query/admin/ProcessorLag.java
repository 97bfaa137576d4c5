package com.complaintengine.query.admin;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far a streaming processor is behind the event store, as this node sees it: the projections' status and
 * metrics ({@link ProjectionAdmin}) and the broker publisher's metric read it the same way.
 */
public final class ProcessorLag {

    private ProcessorLag() {
    }

    /** The event store's highest global index, -1 when it is empty. */
    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * The lowest position among the processor's segments claimed on this node; -1 when one of them has processed
     * nothing yet; null when this node holds none of its segments.
     */
    public static Long lowestPosition(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return segments.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).min(Long::compare).orElse(segments.isEmpty() ? null : -1L);
    }

    /** Events between the head and the lowest position; null when this node holds none of the segments. */
    public static Long lag(Long lowestPosition, long head) {
        return lowestPosition == null ? null : Math.max(0, head - lowestPosition);
    }
}
