package com.complaintengine.query.history;

import com.complaintengine.api.values.MetaDataKeys;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Service;

/** Reads a complaint's events straight from the event store, the single source of truth, in order. */
@Service
public class ComplaintHistory {

    private final EventStore eventStore;

    public ComplaintHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the complaint in sequence order; empty when no complaint has this id. */
    public List<HistoryEntry> of(String complaintId) {
        List<HistoryEntry> entries = new ArrayList<>();
        // From sequence 0: the stored events only, never a snapshot of the aggregate in their place (issue 9).
        DomainEventStream stream = eventStore.readEvents(complaintId, 0);
        while (stream.hasNext()) {
            entries.add(entry(stream.next()));
        }
        return entries;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        Object occurredAt = event.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        Object operator = event.getMetaData().get(MetaDataKeys.OPERATOR);
        return new HistoryEntry(event.getSequenceNumber(), type.getSimpleName(),
                revision == null ? null : revision.value(),
                occurredAt == null ? event.getTimestamp().toString() : occurredAt.toString(),
                operator == null ? null : operator.toString(), event.getIdentifier(), event.getPayload());
    }
}
