package com.complaintengine.query.history;

import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.query.summary.ComplaintSummary;
import com.complaintengine.query.summary.SummaryFold;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * The auditor's replay: a complaint as it stood at an instant, computed by folding its stored events up to that
 * instant with the same {@link SummaryFold} the projection uses, never read from the projection.
 */
@Service
public class ComplaintReplay {

    private final EventStore eventStore;

    public ComplaintReplay(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty when the complaint does not exist or had not been received yet at {@code asOf}. */
    public Optional<ComplaintSummary> asOf(String complaintId, Instant asOf) {
        ComplaintSummary summary = null;
        // From sequence 0: the stored events only, never a snapshot of the aggregate in their place (issue 9).
        DomainEventStream stream = eventStore.readEvents(complaintId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Instant at = occurredAt(event);
            if (at.isAfter(asOf)) {
                break;
            }
            summary = SummaryFold.apply(summary, event.getPayload(), event.getSequenceNumber(), at);
        }
        return Optional.ofNullable(summary);
    }

    static Instant occurredAt(DomainEventMessage<?> event) {
        Object occurredAt = event.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        return occurredAt == null ? event.getTimestamp() : Instant.parse(occurredAt.toString());
    }
}
