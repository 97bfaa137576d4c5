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
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.events.TaskForceFormed;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.ErasedMarker;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.Urgency;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current state of one complaint as the read side shows it, grouped as people read a case: what was
 * recorded at intake, how it is classified, who handles it, how it was resolved and what the customer
 * said. Each transition method returns the state after one event; {@code version} is the sequence number
 * of the last event folded in.
 */
public record ComplaintSummary(String id,
                               ComplaintStatus status,
                               long version,
                               IntakeView intake,
                               ClassificationView classification,
                               Assignment assignment,
                               EscalationView escalation,
                               Activity activity,
                               ResolutionView resolution,
                               OutcomeView outcome,
                               Timeline timeline,
                               Instant retainUntil,
                               Map<SlaClock, SlaView> sla,
                               boolean personalDataErased) {

    /** What was recorded at intake (001 §2.1, 003 §2). */
    public record IntakeView(Channel channel, String channelDetail, Customer customer, Instant problemOccurredAt,
                             String facts, String expectation, Demand demand, String emotion,
                             Set<SpecialCircumstance> specialCircumstances, int affectedCount) {
    }

    public record ClassificationView(String type, String subtype, Urgency urgency, boolean personalSafety, String tag,
                                     Routing routing) {
    }

    public record Assignment(String handler, String department) {
    }

    public record EscalationView(EscalationLevel level, List<String> rules, TaskForce taskForce) {
    }

    public record TaskForce(String leader, List<String> coreMembers, List<String> helpers) {
    }

    /** Counts of the handling steps; the details are in the history. */
    public record Activity(int updatesToCustomer, int otherCommunications, int evidence, int extensions, int reopened,
                           int escalations) {

        static final Activity NONE = new Activity(0, 0, 0, 0, 0, 0);

        Activity plus(int updates, int others, int newEvidence, int newExtensions, int newReopened, int newEscalations) {
            return new Activity(updatesToCustomer + updates, otherCommunications + others, evidence + newEvidence,
                    extensions + newExtensions, reopened + newReopened, escalations + newEscalations);
        }
    }

    /** Offered options, the customer's choice, an approval beyond authority, and the remedy given (003 §5). */
    public record ResolutionView(List<RemedyOption> options, RemedyOption chosen, Money approvedUpTo,
                                 RemedyType remedy, Money amount, String summary) {

        static final ResolutionView NONE = new ResolutionView(List.of(), null, null, null, null, null);

        ResolutionView offered(List<RemedyOption> newOptions) {
            return new ResolutionView(newOptions, null, approvedUpTo, remedy, amount, summary);
        }

        ResolutionView chosen(RemedyOption option) {
            return new ResolutionView(options, option, approvedUpTo, remedy, amount, summary);
        }

        ResolutionView approved(Money upTo) {
            return new ResolutionView(options, chosen, upTo, remedy, amount, summary);
        }

        ResolutionView given(RemedyType newRemedy, Money newAmount, String newSummary) {
            return new ResolutionView(options, chosen, approvedUpTo, newRemedy, newAmount, newSummary);
        }

        /** After a reopening, earlier offers and the given remedy stay in the history only. */
        ResolutionView reopened() {
            return new ResolutionView(List.of(), null, approvedUpTo, null, null, null);
        }
    }

    public record OutcomeView(boolean satisfied, Integer score) {
    }

    /**
     * One time limit (DOMAIN.md "Time limits"): its state, due instant and the policy version that set it.
     * {@code breachedAt} and {@code breaches} keep the last breach and how many there were, also after the
     * clock is met late or started again, so reports count every breach.
     */
    public record SlaView(SlaState state, Instant dueAt, Instant atRiskAt, SlaTimeBase timeBase, String policyVersion,
                          Instant metAt, Instant breachedAt, int breaches) {

        SlaView with(SlaState newState, Instant newDueAt, Instant newAtRiskAt, String newPolicyVersion, Instant newMetAt) {
            return new SlaView(newState, newDueAt, newAtRiskAt, timeBase, newPolicyVersion, newMetAt, breachedAt, breaches);
        }

        SlaView in(SlaState newState) {
            return with(newState, dueAt, atRiskAt, policyVersion, null);
        }
    }

    /** Where a clock stands; EXTENDED is running on a deadline the customer agreed to move. */
    public enum SlaState { RUNNING, AT_RISK, EXTENDED, PAUSED, MET, BREACHED, STOPPED }

    public ComplaintSummary slaStarted(SlaClockStarted e, long sequence, Instant at) {
        SlaView old = sla.get(e.clock());
        return withSla(e.clock(), new SlaView(SlaState.RUNNING, e.dueAt(), e.atRiskAt(), e.timeBase(), e.policyVersion(),
                null, old == null ? null : old.breachedAt(), old == null ? 0 : old.breaches()), sequence, at);
    }

    public ComplaintSummary slaRescheduled(SlaClockRescheduled e, long sequence, Instant at) {
        SlaState state = e.reason().startsWith("extension") ? SlaState.EXTENDED : SlaState.RUNNING;
        SlaView old = sla.getOrDefault(e.clock(), new SlaView(state, null, null, null, null, null, null, 0));
        return withSla(e.clock(), old.with(state, e.dueAt(), e.atRiskAt(), e.policyVersion(), null), sequence, at);
    }

    public ComplaintSummary slaAtRisk(SlaAtRisk e, long sequence, Instant at) {
        return withSla(e.clock(), clock(e.clock()).in(SlaState.AT_RISK), sequence, at);
    }

    public ComplaintSummary slaMet(SlaClockMet e, long sequence, Instant at) {
        SlaView old = clock(e.clock());
        return withSla(e.clock(), old.with(SlaState.MET, old.dueAt(), old.atRiskAt(), old.policyVersion(), e.metAt()),
                sequence, at);
    }

    public ComplaintSummary slaBreached(SlaBreached e, long sequence, Instant at) {
        SlaView old = clock(e.clock());
        return withSla(e.clock(), new SlaView(SlaState.BREACHED, old.dueAt(), old.atRiskAt(), old.timeBase(),
                old.policyVersion(), null, e.breachedAt(), old.breaches() + 1), sequence, at);
    }

    public ComplaintSummary slaStopped(SlaClockStopped e, long sequence, Instant at) {
        return withSla(e.clock(), clock(e.clock()).in(SlaState.STOPPED), sequence, at);
    }

    public ComplaintSummary slaPaused(SlaClockPaused e, long sequence, Instant at) {
        return withSla(e.clock(), clock(e.clock()).in(SlaState.PAUSED), sequence, at);
    }

    public ComplaintSummary slaResumed(SlaClockResumed e, long sequence, Instant at) {
        SlaView old = clock(e.clock());
        return withSla(e.clock(), old.with(SlaState.RUNNING, e.dueAt(), e.atRiskAt(), old.policyVersion(), null),
                sequence, at);
    }

    /** A clock the events have started; a clock event for a clock never started is a broken stream. */
    private SlaView clock(SlaClock clock) {
        SlaView view = sla.get(clock);
        if (view == null) {
            throw new IllegalStateException("complaint " + id + " has no " + clock + " clock");
        }
        return view;
    }

    /** An event the summary shows nothing of (an initial plan, say) still moves its version and update time. */
    public ComplaintSummary touched(long sequence, Instant at) {
        return new ComplaintSummary(id, status, sequence, intake, classification, assignment, escalation, activity,
                resolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    private ComplaintSummary withSla(SlaClock clock, SlaView view, long sequence, Instant at) {
        Map<SlaClock, SlaView> clocks = new EnumMap<>(SlaClock.class);
        clocks.putAll(sla);
        clocks.put(clock, view);
        return new ComplaintSummary(id, status, sequence, intake, classification, assignment, escalation, activity,
                resolution, outcome, timeline.updated(at), retainUntil, Map.copyOf(clocks), personalDataErased);
    }

    public record Timeline(Instant receivedAt, Instant classifiedAt, Instant acknowledgedAt, Instant resolvedAt,
                           Instant confirmedAt, Instant archivedAt, Instant updatedAt) {

        Timeline updated(Instant at) {
            return new Timeline(receivedAt, classifiedAt, acknowledgedAt, resolvedAt, confirmedAt, archivedAt, at);
        }
    }

    public static ComplaintSummary received(ComplaintReceived e, long sequence, Instant at) {
        return new ComplaintSummary(e.complaintId().value(), ComplaintStatus.RECEIVED, sequence,
                new IntakeView(e.channel(), e.channelDetail(), e.customer(), e.problemOccurredAt(), e.facts(),
                        e.expectation(), e.demand(), e.emotion(), e.specialCircumstances(), e.affectedCount()),
                null, null, new EscalationView(null, List.of(), null), Activity.NONE, ResolutionView.NONE, null,
                new Timeline(at, null, null, null, null, null, at), null, Map.of(), false);
    }

    public ComplaintSummary classified(ComplaintClassified e, long sequence, Instant at) {
        Timeline t = timeline.updated(at);
        return new ComplaintSummary(id, advance(ComplaintStatus.CLASSIFIED), sequence, intake,
                new ClassificationView(e.type(), e.subtype(), e.urgency(), e.personalSafety(), e.tag(), e.routing()),
                assignment, escalation, activity, resolution, outcome,
                new Timeline(t.receivedAt(), at, t.acknowledgedAt(), t.resolvedAt(), t.confirmedAt(), t.archivedAt(), at),
                retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary reclassified(ComplaintReclassified e, long sequence, Instant at) {
        return new ComplaintSummary(id, status, sequence, intake,
                new ClassificationView(e.type(), e.subtype(), e.urgency(), e.personalSafety(), e.tag(), e.routing()),
                assignment, escalation, activity, resolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary acknowledged(ComplaintAcknowledged e, long sequence, Instant at) {
        Timeline t = timeline;
        return new ComplaintSummary(id, advance(ComplaintStatus.ACKNOWLEDGED), sequence, intake, classification,
                assignment, escalation, activity, resolution, outcome,
                new Timeline(t.receivedAt(), t.classifiedAt(), at, t.resolvedAt(), t.confirmedAt(), t.archivedAt(), at),
                retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary assigned(HandlerAssigned e, long sequence, Instant at) {
        return new ComplaintSummary(id, advance(ComplaintStatus.IN_HANDLING), sequence, intake, classification,
                new Assignment(e.handler(), e.department()), escalation, activity, resolution, outcome,
                timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary communicated(CommunicationRecorded e, long sequence, Instant at) {
        boolean update = e.direction() == CommunicationDirection.TO_CUSTOMER;
        return handling(activity.plus(update ? 1 : 0, update ? 0 : 1, 0, 0, 0, 0), sequence, at);
    }

    public ComplaintSummary evidenceAdded(EvidenceAdded e, long sequence, Instant at) {
        return handling(activity.plus(0, 0, 1, 0, 0, 0), sequence, at);
    }

    public ComplaintSummary extended(DeadlineExtended e, long sequence, Instant at) {
        return handling(activity.plus(0, 0, 0, 1, 0, 0), sequence, at);
    }

    public ComplaintSummary escalated(ComplaintEscalated e, long sequence, Instant at) {
        return new ComplaintSummary(id, status, sequence, intake, classification, assignment,
                new EscalationView(e.to(), e.rules(), escalation.taskForce()), activity.plus(0, 0, 0, 0, 0, 1),
                resolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary taskForceFormed(TaskForceFormed e, long sequence, Instant at) {
        return new ComplaintSummary(id, status, sequence, intake, classification, assignment,
                new EscalationView(escalation.level(), escalation.rules(),
                        new TaskForce(e.leader(), e.coreMembers(), e.helpers())),
                activity, resolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary resolved(ComplaintResolved e, long sequence, Instant at) {
        Timeline t = timeline;
        return new ComplaintSummary(id, ComplaintStatus.RESOLVED, sequence, intake, classification, assignment,
                escalation, activity, resolution.given(e.remedy(), e.amount(), e.summary()), outcome,
                new Timeline(t.receivedAt(), t.classifiedAt(), t.acknowledgedAt(), at, t.confirmedAt(), t.archivedAt(), at),
                retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary confirmed(OutcomeConfirmed e, long sequence, Instant at) {
        Timeline t = timeline;
        return new ComplaintSummary(id, e.satisfied() ? ComplaintStatus.CONFIRMED : status, sequence, intake,
                classification, assignment, escalation, activity, resolution, new OutcomeView(e.satisfied(), e.score()),
                new Timeline(t.receivedAt(), t.classifiedAt(), t.acknowledgedAt(), t.resolvedAt(), at, t.archivedAt(), at),
                retainUntil, sla, personalDataErased);
    }

    /** Concerns remain: back in handling, the earlier resolution stays visible in the history only. */
    public ComplaintSummary reopened(ComplaintReopened e, long sequence, Instant at) {
        return new ComplaintSummary(id, ComplaintStatus.IN_HANDLING, sequence, intake, classification, assignment,
                escalation, activity.plus(0, 0, 0, 0, 1, 0), resolution.reopened(), outcome,
                timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    public ComplaintSummary archived(ComplaintArchived e, long sequence, Instant at) {
        Timeline t = timeline;
        return new ComplaintSummary(id, ComplaintStatus.ARCHIVED, sequence, intake, classification, assignment,
                escalation, activity, resolution, outcome,
                new Timeline(t.receivedAt(), t.classifiedAt(), t.acknowledgedAt(), t.resolvedAt(), t.confirmedAt(), at, at),
                e.retainUntil(), sla, personalDataErased);
    }

    /**
     * The case's personal data was erased (issue 7): the customer's name and contact and every free text shown here
     * read {@link ErasedMarker#ERASED}; statuses, classification, clocks, counts and amounts stay as they were, so
     * no figure changes. The same fold serves the projection and the auditor's replay, so both agree.
     */
    public ComplaintSummary personalDataErased(CustomerDataErased e, long sequence, Instant at) {
        IntakeView i = intake;
        Customer customer = i.customer() == null ? null : new Customer(ErasedMarker.erase(i.customer().name()),
                ErasedMarker.erase(i.customer().contact()), i.customer().tier());
        IntakeView erasedIntake = new IntakeView(i.channel(), ErasedMarker.erase(i.channelDetail()), customer,
                i.problemOccurredAt(), ErasedMarker.erase(i.facts()), ErasedMarker.erase(i.expectation()), i.demand(),
                ErasedMarker.erase(i.emotion()), i.specialCircumstances(), i.affectedCount());
        ResolutionView r = resolution;
        ResolutionView erasedResolution = new ResolutionView(r.options().stream().map(ComplaintSummary::erased).toList(),
                erased(r.chosen()), r.approvedUpTo(), r.remedy(), r.amount(), ErasedMarker.erase(r.summary()));
        return new ComplaintSummary(id, status, sequence, erasedIntake, classification, assignment, escalation, activity,
                erasedResolution, outcome, timeline.updated(at), retainUntil, sla, true);
    }

    private static RemedyOption erased(RemedyOption option) {
        return option == null ? null
                : new RemedyOption(option.label(), option.remedy(), option.amount(), ErasedMarker.erase(option.description()));
    }

    public ComplaintSummary remedyOptionsOffered(RemedyOptionsOffered e, long sequence, Instant at) {
        return withResolution(resolution.offered(e.options()), sequence, at);
    }

    public ComplaintSummary remedyChosen(RemedyChosen e, long sequence, Instant at) {
        return withResolution(resolution.chosen(e.option()), sequence, at);
    }

    public ComplaintSummary remedyApproved(RemedyApproved e, long sequence, Instant at) {
        return withResolution(resolution.approved(e.upTo()), sequence, at);
    }

    private ComplaintSummary withResolution(ResolutionView newResolution, long sequence, Instant at) {
        return new ComplaintSummary(id, advance(ComplaintStatus.IN_HANDLING), sequence, intake, classification,
                assignment, escalation, activity, newResolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    private ComplaintSummary handling(Activity newActivity, long sequence, Instant at) {
        return new ComplaintSummary(id, advance(ComplaintStatus.IN_HANDLING), sequence, intake, classification,
                assignment, escalation, newActivity, resolution, outcome, timeline.updated(at), retainUntil, sla, personalDataErased);
    }

    /**
     * A status moves forward only through the handling stages: a reclassification or a note does not take an
     * acknowledged complaint back, and handling steps do not move a received or resolved complaint.
     */
    private ComplaintStatus advance(ComplaintStatus next) {
        if (next == ComplaintStatus.IN_HANDLING && status != ComplaintStatus.ACKNOWLEDGED) {
            return status;
        }
        return next.compareTo(status) > 0 ? next : status;
    }
}
