package com.complaintengine.query.feed;

import com.complaintengine.api.values.MetaDataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Revision;

/**
 * One event of the store as other services read it, in the shape of a CloudEvent (JSON format, spec 1.0):
 * {@code id} the event's unique id (deduplicate on it), {@code type} the event's name in the contract
 * (docs/events.md), {@code subject} and {@code complaintid} the complaint (or group complaint) it belongs to,
 * {@code time} when it happened; extensions {@code position} (global order, the feed's cursor),
 * {@code sequence} (order within the complaint) and {@code revision} (of the shape of {@code data}, after upcasting).
 */
public record FeedEvent(String specversion,
                        String id,
                        String source,
                        String type,
                        String subject,
                        String time,
                        String datacontenttype,
                        long position,
                        long sequence,
                        String revision,
                        String complaintid,
                        Object data) {

    static final String SPEC_VERSION = "1.0";

    /** The CloudEvent of a tracked event read from the store (its payload already upcast and deserialized). */
    static FeedEvent of(TrackedEventMessage<?> event, String source) {
        long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        Class<?> type = event.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        Object occurredAt = event.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        return new FeedEvent(SPEC_VERSION, event.getIdentifier(), source, type.getSimpleName(),
                domain.getAggregateIdentifier(), occurredAt == null ? event.getTimestamp().toString() : occurredAt.toString(),
                "application/json", position, domain.getSequenceNumber(), revision == null ? null : revision.value(),
                domain.getAggregateIdentifier(), event.getPayload());
    }
}
