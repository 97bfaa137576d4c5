package com.complaintengine.query.summary;

import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintReopened;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.CustomerDataErased;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.EvidenceAdded;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.events.OutcomeConfirmed;
import com.complaintengine.api.events.RemedyApproved;
import com.complaintengine.api.events.RemedyChosen;
import com.complaintengine.api.events.RemedyOptionsOffered;
import com.complaintengine.api.events.SlaAtRisk;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.SlaClockMet;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.events.TaskForceFormed;
import java.time.Instant;

/**
 * Folds one complaint event into a summary: the single definition of how the read side sees a case, used by
 * the projection as events arrive and by the auditor's {@code asOf} replay over a case's stored events, so the
 * two can never disagree.
 */
public final class SummaryFold {

    private SummaryFold() {
    }

    /**
     * The summary after {@code event}; {@code current} is null before the case's first event. An event of the
     * case that the summary shows nothing of only moves its version; an event that is not a complaint's, or a
     * complaint event before its {@link ComplaintReceived}, leaves {@code current} as it is (null stays null).
     */
    public static ComplaintSummary apply(ComplaintSummary current, Object event, long sequence, Instant at) {
        if (event instanceof ComplaintReceived e) {
            return current == null ? ComplaintSummary.received(e, sequence, at) : current;
        }
        if (current == null || current.version() >= sequence) {
            return current;
        }
        if (event instanceof ComplaintClassified e) {
            return current.classified(e, sequence, at);
        } else if (event instanceof ComplaintReclassified e) {
            return current.reclassified(e, sequence, at);
        } else if (event instanceof ComplaintAcknowledged e) {
            return current.acknowledged(e, sequence, at);
        } else if (event instanceof ComplaintEscalated e) {
            return current.escalated(e, sequence, at);
        } else if (event instanceof TaskForceFormed e) {
            return current.taskForceFormed(e, sequence, at);
        } else if (event instanceof HandlerAssigned e) {
            return current.assigned(e, sequence, at);
        } else if (event instanceof CommunicationRecorded e) {
            return current.communicated(e, sequence, at);
        } else if (event instanceof EvidenceAdded e) {
            return current.evidenceAdded(e, sequence, at);
        } else if (event instanceof DeadlineExtended e) {
            return current.extended(e, sequence, at);
        } else if (event instanceof RemedyOptionsOffered e) {
            return current.remedyOptionsOffered(e, sequence, at);
        } else if (event instanceof RemedyChosen e) {
            return current.remedyChosen(e, sequence, at);
        } else if (event instanceof RemedyApproved e) {
            return current.remedyApproved(e, sequence, at);
        } else if (event instanceof ComplaintResolved e) {
            return current.resolved(e, sequence, at);
        } else if (event instanceof OutcomeConfirmed e) {
            return current.confirmed(e, sequence, at);
        } else if (event instanceof ComplaintReopened e) {
            return current.reopened(e, sequence, at);
        } else if (event instanceof ComplaintArchived e) {
            return current.archived(e, sequence, at);
        } else if (event instanceof CustomerDataErased e) {
            return current.personalDataErased(e, sequence, at);
        }
        return slaClock(current, event, sequence, at);
    }

    /**
     * One event as the projection handles it: a receipt starts the summary afresh (whatever {@code current} is), any
     * other event folds onto {@code current}; the new summary when the event moved it to {@code sequence}, else null
     * (an event before the receipt, or one already folded in). Used by the projection and by its rebuild's fold.
     */
    public static ComplaintSummary moved(ComplaintSummary current, Object event, long sequence, Instant at) {
        ComplaintSummary next = apply(event instanceof ComplaintReceived ? null : current, event, sequence, at);
        return next != null && next.version() == sequence ? next : null;
    }

    private static ComplaintSummary slaClock(ComplaintSummary current, Object event, long sequence, Instant at) {
        if (event instanceof SlaClockStarted e) {
            return current.slaStarted(e, sequence, at);
        } else if (event instanceof SlaClockRescheduled e) {
            return current.slaRescheduled(e, sequence, at);
        } else if (event instanceof SlaAtRisk e) {
            return current.slaAtRisk(e, sequence, at);
        } else if (event instanceof SlaClockMet e) {
            return current.slaMet(e, sequence, at);
        } else if (event instanceof SlaBreached e) {
            return current.slaBreached(e, sequence, at);
        } else if (event instanceof SlaClockStopped e) {
            return current.slaStopped(e, sequence, at);
        } else if (event instanceof SlaClockPaused e) {
            return current.slaPaused(e, sequence, at);
        } else if (event instanceof SlaClockResumed e) {
            return current.slaResumed(e, sequence, at);
        }
        return current.touched(sequence, at);
    }
}
