package com.complaintengine.query.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The public feed: the event store read by position ({@code global_index}), every row turned into an event by
 * Axon's configured event serializer after its upcasters (so a revision-1 event is served in today's shape), never
 * by parsing the JSON here.
 * <p>
 * Positions can have holes: PostgreSQL hands out {@code global_index} values when a transaction inserts, so a
 * transaction that started earlier may commit a lower position after a higher one is visible. A reader that passed
 * such a hole would never see the late event. A page therefore ends before a hole until the event after it is
 * older than {@code complaint.feed.gap-timeout}; past that the hole is taken for a rolled-back insert.
 */
@Service
public class EventFeed {

    private static final int BATCH = 500;
    private static final String SELECT = """
            select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                   payload_type, payload_revision, payload, meta_data
              from domain_event_entry where global_index > ? order by global_index limit ?""";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Configuration> axon;
    private final FeedProperties properties;
    private final Clock clock;

    public EventFeed(JdbcTemplate jdbc, ObjectProvider<Configuration> axon, FeedProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(long position, Instant storedAt, TrackedDomainEventData<byte[]> data) {
    }

    /** Up to {@code limit} events after position {@code after} that pass {@code filter}, in global order. */
    public FeedPage read(long after, int limit, FeedFilter filter) {
        Configuration configuration = axon.getObject();
        Instant gapHorizon = clock.instant().minus(properties.gapTimeout());
        List<FeedEvent> events = new ArrayList<>();
        long cursor = after;
        int scanned = 0;
        boolean more = false;
        while (true) {
            List<Row> rows = jdbc.query(SELECT, (rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getBytes(9), rs.getBytes(10)), cursor, BATCH);
            List<Row> readable = new ArrayList<>();
            boolean blockedByGap = false;
            long expected = cursor + 1;
            for (Row row : rows) {
                if (row.position() != expected && row.storedAt().isAfter(gapHorizon)) {
                    blockedByGap = true;
                    break;
                }
                readable.add(row);
                expected = row.position() + 1;
            }
            Iterator<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                    readable.stream().map(Row::data), configuration.eventSerializer(), configuration.upcasterChain())
                    .iterator();
            boolean full = false;
            while (messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                FeedEvent event = FeedEvent.of(message, properties.source());
                cursor = event.position();
                scanned++;
                if (filter.accepts(event.type(), event.complaintid())) {
                    events.add(event);
                }
                if (events.size() >= limit || scanned >= properties.maxScan()) {
                    full = true;
                    break;
                }
            }
            if (full) {
                more = true;
                break;
            }
            if (!readable.isEmpty()) {
                // An upcaster may drop an event: the cursor still passes its row.
                cursor = Math.max(cursor, readable.get(readable.size() - 1).position());
            }
            if (blockedByGap || rows.size() < BATCH) {
                break;
            }
        }
        return new FeedPage(after, cursor, !more, List.copyOf(events));
    }

    /** The highest position in the store, 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static Row row(long position, String type, String aggregateId, long sequence, String eventId,
                           String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        Instant storedAt;
        try {
            storedAt = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            storedAt = Instant.EPOCH;
        }
        return new Row(position, storedAt, new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventEntry<>(type, aggregateId, sequence, eventId, timestamp, payloadType,
                        payloadRevision, payload, metaData)));
    }
}
