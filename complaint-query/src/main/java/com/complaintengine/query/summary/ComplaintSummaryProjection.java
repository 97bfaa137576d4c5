package com.complaintengine.query.summary;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.queries.FindComplaint;
import com.complaintengine.api.values.MetaDataKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code complaint_summary} up to date from the complaint events, by {@link SummaryFold}, and answers
 * {@link FindComplaint}. Group complaint events are not a complaint's; of them only the link of a complaint to
 * a group case ({@link GroupIssueOpened}) is kept, for the case list's group filter.
 *
 * <p>Within one batch of the processor (one unit of work, one transaction) the summaries it changes are kept in
 * memory and written together before the batch commits, one row per complaint however many of its events the batch
 * holds (issue 9: an intake's three events cost three upserts, each firing the dashboard's triggers). The rows and
 * the processor's token are written in the same transaction: a batch that fails or dies writes neither.
 */
@Component
@ProcessingGroup(ComplaintSummaryProjection.PROCESSING_GROUP)
public class ComplaintSummaryProjection {

    public static final String PROCESSING_GROUP = "complaint-summary";
    /** The aggregate type of complaint events in the store (the aggregate's class name). */
    static final String COMPLAINT = "Complaint";
    /** The unit-of-work resource holding the summaries of the batch not yet written. */
    private static final String PENDING = ComplaintSummaryProjection.class.getName() + ".pending";

    private final ComplaintSummaryStore store;
    private final SummaryChanges changes;
    private final RecentSummaries recent;

    public ComplaintSummaryProjection(ComplaintSummaryStore store, SummaryChanges changes, RecentSummaries recent) {
        this.store = store;
        this.changes = changes;
        this.recent = recent;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!COMPLAINT.equals(message.getType())) {
            return; // a group complaint's event: not a complaint's summary (no row to read)
        }
        long sequence = message.getSequenceNumber();
        String id = message.getAggregateIdentifier();
        Map<String, ComplaintSummary> pending = pendingOfThisBatch();
        // A receipt starts the summary; any other event folds into the one this batch holds, else the one this node
        // wrote last if the event directly follows it, else the stored one.
        ComplaintSummary current = event instanceof ComplaintReceived ? null
                : pending != null && pending.containsKey(id) ? pending.get(id) : remembered(id, sequence);
        ComplaintSummary next = SummaryFold.moved(current, event, sequence, occurredAt(message));
        if (next == null) {
            return;
        }
        if (pending != null) {
            pending.put(id, next);
        } else {
            store.save(next);
            changes.changed();
            recent.remember(List.of(next));
        }
    }

    private ComplaintSummary remembered(String id, long sequence) {
        ComplaintSummary summary = recent.before(id, sequence);
        return summary != null ? summary : store.find(id).orElse(null);
    }

    /**
     * The summaries this batch changed, written in the batch's transaction when it prepares to commit, after the
     * processor has registered its token update there; null outside a unit of work (the summary is written at once).
     */
    private Map<String, ComplaintSummary> pendingOfThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, name -> {
            Map<String, ComplaintSummary> pending = new LinkedHashMap<>();
            batch.onPrepareCommit(unit -> {
                if (!pending.isEmpty()) {
                    store.saveAll(pending.values());
                    changes.changed();
                }
            });
            // Remembered only once the rows are committed: a batch that rolls back leaves what was remembered before.
            batch.afterCommit(unit -> recent.remember(pending.values()));
            return pending;
        });
    }

    /**
     * Which events this projection handles in order, on one segment: a complaint's own events by the complaint, and the
     * link of a complaint to a group case ({@link GroupIssueOpened}, an event of the group's) by the complaint it links,
     * not by the group. Handled on another segment, the link and the complaint's first summary ran in two concurrent
     * transactions, each unable to see the other's row, and the summary kept no group (seen in ReadSideOnPostgresTest
     * once batches became transactions, issue 9).
     */
    public static final SequencingPolicy<EventMessage<?>> SEQUENCING = event -> {
        // The type first: other events' payloads stay serialized until a handler needs them.
        String linked = GroupIssueOpened.class.equals(event.getPayloadType())
                ? linkedComplaint((GroupIssueOpened) event.getPayload()) : null;
        return linked != null ? linked : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    };

    @EventHandler
    void on(GroupIssueOpened event) {
        String linked = linkedComplaint(event);
        if (linked != null) {
            store.linkToGroup(linked, event.groupId().value());
            changes.changed();
        }
    }

    /** The complaint a group issue names, or null for an issue recorded without one. */
    static String linkedComplaint(GroupIssueOpened event) {
        return event.complaintId() == null || event.complaintId().isBlank() ? null : event.complaintId();
    }

    @ResetHandler
    void reset() {
        recent.clear();
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
