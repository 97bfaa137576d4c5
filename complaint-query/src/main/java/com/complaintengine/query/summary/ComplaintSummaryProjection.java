package com.complaintengine.query.summary;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.queries.FindComplaint;
import com.complaintengine.api.values.MetaDataKeys;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code complaint_summary} up to date from the complaint events, by {@link SummaryFold}, and answers
 * {@link FindComplaint}. Group complaint events are not a complaint's; of them only the link of a complaint to
 * a group case ({@link GroupIssueOpened}) is kept, for the case list's group filter.
 */
@Component
@ProcessingGroup(ComplaintSummaryProjection.PROCESSING_GROUP)
public class ComplaintSummaryProjection {

    public static final String PROCESSING_GROUP = "complaint-summary";
    /** The aggregate type of complaint events in the store (the aggregate's class name). */
    private static final String COMPLAINT = "Complaint";

    private final ComplaintSummaryStore store;
    private final SummaryChanges changes;

    public ComplaintSummaryProjection(ComplaintSummaryStore store, SummaryChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!COMPLAINT.equals(message.getType())) {
            return; // a group complaint's event: not a complaint's summary (no row to read)
        }
        long sequence = message.getSequenceNumber();
        // A receipt starts the summary; any other event folds into the stored one.
        ComplaintSummary current = event instanceof ComplaintReceived ? null
                : store.find(message.getAggregateIdentifier()).orElse(null);
        ComplaintSummary next = SummaryFold.apply(current, event, sequence, occurredAt(message));
        if (next != null && next.version() == sequence) {
            store.save(next);
            changes.changed();
        }
    }

    @EventHandler
    void on(GroupIssueOpened event) {
        if (event.complaintId() != null && !event.complaintId().isBlank()) {
            store.linkToGroup(event.complaintId(), event.groupId().value());
            changes.changed();
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
        changes.changed();
    }

    @QueryHandler
    Optional<ComplaintSummary> handle(FindComplaint query) {
        return store.find(query.complaintId().value());
    }

    static Instant occurredAt(DomainEventMessage<?> message) {
        Object occurredAt = message.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        return occurredAt == null ? message.getTimestamp() : Instant.parse(occurredAt.toString());
    }
}
