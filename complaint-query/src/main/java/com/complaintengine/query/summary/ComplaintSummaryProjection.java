package com.complaintengine.query.summary;

import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintReopened;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.EvidenceAdded;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.events.OutcomeConfirmed;
import com.complaintengine.api.events.RemedyApproved;
import com.complaintengine.api.events.RemedyChosen;
import com.complaintengine.api.events.RemedyOptionsOffered;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.events.SlaAtRisk;
import com.complaintengine.api.events.SlaClockMet;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.TaskForceFormed;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.queries.FindComplaint;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.MetaDataKeys;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Keeps {@code complaint_summary} up to date from the complaint events and answers {@link FindComplaint}. */
@Component
@ProcessingGroup(ComplaintSummaryProjection.PROCESSING_GROUP)
public class ComplaintSummaryProjection {

    public static final String PROCESSING_GROUP = "complaint-summary";

    private final ComplaintSummaryStore store;

    public ComplaintSummaryProjection(ComplaintSummaryStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ComplaintReceived event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        store.save(ComplaintSummary.received(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintClassified event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.classified(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintReclassified event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.reclassified(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintAcknowledged event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.acknowledged(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintEscalated event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.escalated(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintResolved event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.resolved(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintArchived event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.archived(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(HandlerAssigned event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.assigned(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(CommunicationRecorded event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.communicated(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(EvidenceAdded event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.evidenceAdded(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(DeadlineExtended event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.extended(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(TaskForceFormed event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.taskForceFormed(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(OutcomeConfirmed event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.confirmed(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(ComplaintReopened event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.reopened(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(RemedyOptionsOffered event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.remedyOptionsOffered(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(RemedyChosen event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.remedyChosen(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(RemedyApproved event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.remedyApproved(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockStarted event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaStarted(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockRescheduled event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaRescheduled(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaAtRisk event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaAtRisk(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockMet event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaMet(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaBreached event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaBreached(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockStopped event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaStopped(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockPaused event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaPaused(event, sequence, Instant.parse(occurredAt)));
    }

    @EventHandler
    void on(SlaClockResumed event, @SequenceNumber long sequence, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        update(event.complaintId(), sequence, summary -> summary.slaResumed(event, sequence, Instant.parse(occurredAt)));
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    @QueryHandler
    Optional<ComplaintSummary> handle(FindComplaint query) {
        return store.find(query.complaintId().value());
    }

    private void update(ComplaintId id, long sequence, UnaryOperator<ComplaintSummary> transition) {
        ComplaintSummary current = store.find(id.value()).orElseThrow(() ->
                new IllegalStateException("complaint " + id + " has no summary before event " + sequence));
        if (current.version() < sequence) {
            store.save(transition.apply(current));
        }
    }
}
