package com.complaintengine.query.summary;

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

    private final ComplaintSummaryStore store;
    private final SummaryChanges changes;

    public ComplaintSummaryProjection(ComplaintSummaryStore store, SummaryChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        Instant at = occurredAt(message);
        ComplaintSummary current = SummaryFold.apply(null, event, message.getSequenceNumber(), at);
        if (current == null) {
            current = store.find(message.getAggregateIdentifier()).orElse(null);
            if (current == null) {
                return;
            }
        }
        ComplaintSummary next = SummaryFold.apply(current, event, message.getSequenceNumber(), at);
        if (next != null && next.version() == message.getSequenceNumber()) {
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
