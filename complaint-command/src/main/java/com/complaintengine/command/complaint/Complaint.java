package com.complaintengine.command.complaint;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.complaintengine.api.commands.AcknowledgeComplaint;
import com.complaintengine.api.commands.AddEvidence;
import com.complaintengine.api.commands.ApplySlaPolicy;
import com.complaintengine.api.commands.ApproveRemedy;
import com.complaintengine.api.commands.OfferRemedyOptions;
import com.complaintengine.api.commands.RecordRemedyChoice;
import com.complaintengine.api.commands.ArchiveComplaint;
import com.complaintengine.api.commands.EraseCustomerData;
import com.complaintengine.api.commands.MarkTypicalCase;
import com.complaintengine.api.commands.AssignHandler;
import com.complaintengine.api.commands.ClassifyComplaint;
import com.complaintengine.api.commands.ConfirmOutcome;
import com.complaintengine.api.commands.EscalateComplaint;
import com.complaintengine.api.commands.ExtendDeadline;
import com.complaintengine.api.commands.FormTaskForce;
import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.commands.ReclassifyComplaint;
import com.complaintengine.api.commands.RecordCommunication;
import com.complaintengine.api.commands.ResolveComplaint;
import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.CustomerDataErased;
import com.complaintengine.api.events.ComplaintMarkedTypical;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintReopened;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.EvidenceAdded;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.events.OutcomeConfirmed;
import com.complaintengine.api.events.RemedyApproved;
import com.complaintengine.api.events.RemedyChosen;
import com.complaintengine.api.events.RemedyOptionsOffered;
import com.complaintengine.api.events.TaskForceFormed;
import com.complaintengine.api.events.SlaAtRisk;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.SlaClockMet;
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.commands.PauseResolutionClock;
import com.complaintengine.api.commands.RecordInitialPlan;
import com.complaintengine.api.events.InitialPlanRecorded;
import com.complaintengine.api.commands.ResumeResolutionClock;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SuggestedClassification;
import com.complaintengine.api.values.SuggestionOutcome;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.archive.RetentionPolicy;
import com.complaintengine.command.classification.ResponsibilityMatrix;
import com.complaintengine.command.escalation.EscalationPolicy;
import com.complaintengine.command.resolution.RemedyAuthority;
import com.complaintengine.command.sla.SlaDeadline;
import com.complaintengine.command.sla.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One complaint's lifecycle (DOMAIN.md "Lifecycle"): received → classified → acknowledged → in handling →
 * resolved → confirmed (or reopened) → archived, with escalation possible at any point before the archive.
 * Each command handler checks its rules and applies events stamped with the operator and the instant;
 * the sourcing handlers only assign state.
 *
 * <p>Its fields are also a stored format: every {@code complaint.snapshots.threshold} events the state is written to
 * {@code snapshot_event_entry} (issue 9). Change a field's name, type or meaning and the revision goes up:
 * snapshots of another revision are ignored and the complaint is rebuilt from its events (docs/decisions.md,
 * "Snapshots for long-lived complaints"). Text a person wrote may only be held here if the server's snapshot
 * serializer encrypts it ({@code PersonalFields}); {@code SnapshotFieldsTest} fails for an unclassified one.
 */
@Aggregate(snapshotTriggerDefinition = Complaint.SNAPSHOT_TRIGGER)
@Revision("1")
class Complaint {

    /** The bean that decides when a snapshot is taken (the server's, from complaint.snapshots.threshold). */
    static final String SNAPSHOT_TRIGGER = "complaintSnapshotTrigger";

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int CORE_MEMBERS = 3;
    private static final String SYSTEM = "system";
    private static final String SLA_BREACH = "sla-breach";
    private static final String SUPERVISOR = "SUPERVISOR";

    @AggregateIdentifier
    private ComplaintId id;
    private String type;
    private String subtype;
    private Urgency urgency;
    private boolean personalSafety;
    private SuggestedClassification suggested;
    private Channel channel;
    private CustomerTier tier;
    private boolean progressStopped;
    // Concrete enum collections, not final: a snapshot restores them as they were.
    private EnumSet<SlaClock> metOrBreached = EnumSet.noneOf(SlaClock.class);
    private Instant resolutionPaused;
    private Instant resolutionResumeBy;
    private EnumMap<SlaClock, SlaState> clocks = new EnumMap<>(SlaClock.class);
    private boolean acknowledged;
    private EscalationLevel escalationLevel;
    private String handler;
    private Routing routing;
    private String assignedDepartment;
    private boolean taskForceFormed;
    private boolean resolved;
    private RemedyType remedy;
    private Money amount;
    private boolean confirmed;
    private List<RemedyOption> offered = List.of();
    private RemedyOption chosen;
    private Money approvedUpTo;
    private boolean archived;
    private boolean personalDataErased;

    Complaint() {
        // for Axon: rebuilt from the event stream
    }

    /**
     * Issue 7: a department-scoped operator (a handler) acts only on a complaint routed to their department, as
     * primary or cooperating department or by assignment; any other answers exactly as an unknown id would.
     */
    @CommandHandlerInterceptor
    Object departmentScope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object scope = command.getMetaData().get(MetaDataKeys.DEPARTMENT_SCOPE);
        if (scope != null && !routedTo(scope.toString())) {
            throw new AggregateNotFoundException(id.value(), "no complaint with this id");
        }
        return chain.proceed();
    }

    private boolean routedTo(String department) {
        return !department.isBlank() && (department.equals(assignedDepartment) || routing != null
                && (department.equals(routing.primaryDepartment()) || routing.cooperatingDepartments().contains(department)));
    }

    // 000 §2.2 / 003 §3: the rules that look at the intake escalate at once, naming themselves.
    @CommandHandler
    Complaint(ReceiveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
              EscalationPolicy escalation, SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(command.affectedCount() < 1, Refusal.AFFECTED_COUNT_POSITIVE);
        apply(new ComplaintReceived(command.complaintId(), command.channel(), command.channelDetail(),
                command.customer(), command.occurredAt(), command.facts(), command.expectation(),
                command.demand(), command.emotion(), command.specialCircumstances(), command.affectedCount(),
                command.suggestedClassification()), stamp);
        // Events applied in a constructor reach the sourcing handlers only after it returns: no state to read yet.
        escalation.atIntake(command.affectedCount(), command.demand(), command.channel(),
                command.specialCircumstances()).ifPresent(decision -> apply(new ComplaintEscalated(
                command.complaintId(), null, decision.level(), decision.reason(), ComplaintEscalated.AUTOMATIC,
                decision.ruleNames()), stamp));
        // 001 §2.2: the first-response clock runs from receipt; classification may recompute it.
        Urgency assumed = command.suggestedClassification() == null ? Urgency.GENERAL
                : command.suggestedClassification().urgency();
        Instant now = clock.instant();
        SlaPolicy.Due due = sla.firstResponse(now, assumed, command.channel(),
                command.customer() == null ? null : command.customer().tier());
        apply(new SlaClockStarted(command.complaintId(), SlaClock.FIRST_RESPONSE, now, due.dueAt(), due.atRiskAt(),
                due.timeBase(), due.policyVersion()), stamp);
        schedule(deadlines, SlaClock.FIRST_RESPONSE, due.dueAt(), due.atRiskAt());
        SlaPolicy.Due resolution = sla.resolution(now, assumed);
        apply(new SlaClockStarted(command.complaintId(), SlaClock.RESOLUTION, now, resolution.dueAt(),
                resolution.atRiskAt(), resolution.timeBase(), resolution.policyVersion()), stamp);
        schedule(deadlines, SlaClock.RESOLUTION, resolution.dueAt(), resolution.atRiskAt());
    }

    @CommandHandler
    void handle(ClassifyComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                ResponsibilityMatrix matrix, EscalationPolicy escalation, SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type != null, Refusal.ALREADY_CLASSIFIED);
        refuseIf(command.personalSafety() && command.urgency() != Urgency.URGENT, Refusal.PERSONAL_SAFETY_IS_URGENT);
        apply(new ComplaintClassified(id, command.type(), command.subtype(), command.urgency(),
                command.personalSafety(), tag(command.type(), command.subtype(), command.urgency()),
                matrix.route(command.type()), suggestionOutcome(command)), stamp);
        escalation.atClassification(command.personalSafety()).ifPresent(decision -> escalateAutomatically(decision, stamp));
        recomputeFirstResponse(command.urgency(), sla, deadlines, stamp);
    }

    @CommandHandler
    void handle(ReclassifyComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                ResponsibilityMatrix matrix, EscalationPolicy escalation, SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        refuseIf(command.reason() == null || command.reason().isBlank(), Refusal.RECLASSIFICATION_REASON_REQUIRED);
        refuseIf(command.personalSafety() && command.urgency() != Urgency.URGENT, Refusal.PERSONAL_SAFETY_IS_URGENT);
        refuseIf(command.type().equals(type) && command.subtype().equals(subtype) && command.urgency() == urgency
                && command.personalSafety() == personalSafety, Refusal.RECLASSIFICATION_UNCHANGED);
        apply(new ComplaintReclassified(id, command.type(), command.subtype(), command.urgency(),
                command.personalSafety(), tag(command.type(), command.subtype(), command.urgency()),
                matrix.route(command.type()), command.reason()), stamp);
        escalation.atClassification(command.personalSafety()).ifPresent(decision -> escalateAutomatically(decision, stamp));
        recomputeFirstResponse(command.urgency(), sla, deadlines, stamp);
    }

    @CommandHandler
    void handle(AcknowledgeComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator,
                @MetaDataValue(MetaDataKeys.OPERATOR_ROLE) String role, Clock clock, SlaPolicy sla,
                DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        refuseIf(acknowledged, Refusal.ALREADY_ACKNOWLEDGED);
        apply(new ComplaintAcknowledged(id, command.channel(), command.message(), command.promise()), stamp);
        SlaState first = clocks.get(SlaClock.FIRST_RESPONSE);
        if (first != null && first.running()) {
            apply(new SlaClockMet(id, SlaClock.FIRST_RESPONSE, first.dueAt(), clock.instant()), stamp);
            cancel(deadlines, SlaClock.FIRST_RESPONSE);
        }
        startProgressClock(clock.instant(), sla, deadlines, stamp);
        if (SUPERVISOR.equals(role)) {
            meet(SlaClock.SUPERVISOR_CALLBACK, clock.instant(), deadlines, stamp);
        }
    }

    // 001: the department head's initial plan for a MAJOR complaint.
    @CommandHandler
    void handle(RecordInitialPlan command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        apply(new InitialPlanRecorded(id, command.plan()), stamp);
        meet(SlaClock.INITIAL_PLAN, clock.instant(), deadlines, stamp);
    }

    // 003 §6: the communication log; only TO_CUSTOMER is a progress update the customer received.
    @CommandHandler
    void handle(RecordCommunication command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator,
                @MetaDataValue(MetaDataKeys.OPERATOR_ROLE) String role, Clock clock, SlaPolicy sla,
                DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        apply(new CommunicationRecorded(id, command.direction(), command.channel(), command.content()), stamp);
        // 001 §2.3: the supervisor's call to the customer meets the callback clock.
        if (command.direction() == CommunicationDirection.TO_CUSTOMER && SUPERVISOR.equals(role)) {
            meet(SlaClock.SUPERVISOR_CALLBACK, clock.instant(), deadlines, stamp);
        }
        // 003 §6: only an update sent to the customer meets the update clock; notes and customer messages do not.
        SlaState progress = clocks.get(SlaClock.PROGRESS_UPDATE);
        if (command.direction() == CommunicationDirection.TO_CUSTOMER && progress != null && !progressStopped) {
            if (progress.running()) {
                apply(new SlaClockMet(id, SlaClock.PROGRESS_UPDATE, progress.dueAt(), clock.instant()), stamp);
                cancel(deadlines, SlaClock.PROGRESS_UPDATE);
            }
            startProgressClock(clock.instant(), sla, deadlines, stamp);
        }
    }

    // 003 §4: evidence is kept as a reference with the hash of its content.
    @CommandHandler
    void handle(AddEvidence command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(command.contentHash() == null || !SHA_256_HEX.matcher(command.contentHash()).matches(),
                Refusal.CONTENT_HASH_INVALID);
        apply(new EvidenceAdded(id, command.source(), command.description(), command.reference(),
                command.contentHash(), EvidenceAdded.SHA_256), stamp);
    }

    @CommandHandler
    void handle(AssignHandler command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        refuseIf(command.handler().equals(handler), Refusal.ALREADY_ASSIGNED);
        apply(new HandlerAssigned(id, command.handler(), command.department(), handler), stamp);
    }

    // 001 §2.3: the customer is told the reason in advance and agrees to the new deadline.
    @CommandHandler
    void handle(ExtendDeadline command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        refuseIf(command.reason() == null || command.reason().isBlank(), Refusal.EXTENSION_REASON_REQUIRED);
        refuseIf(command.consent() == null || command.consent().channel() == null
                || command.consent().channel().isBlank() || command.consent().givenAt() == null,
                Refusal.CUSTOMER_CONSENT_REQUIRED);
        refuseIf(!command.newDueAt().isAfter(clock.instant()), Refusal.EXTENSION_NOT_IN_FUTURE);
        apply(new DeadlineExtended(id, command.clock(), command.newDueAt(), command.reason(), command.consent()), stamp);
        // 001 §2.3: an agreed extension moves a running clock; it is not a breach.
        SlaClock extended = SlaClock.named(command.clock());
        SlaState state = extended == null ? null : clocks.get(extended);
        if (state != null && state.running()) {
            Instant atRisk = sla.atRisk(clock.instant(), command.newDueAt());
            apply(new SlaClockRescheduled(id, extended, state.dueAt(), command.newDueAt(), atRisk,
                    "extension agreed with the customer: " + command.reason(), state.policyVersion()), stamp);
            cancel(deadlines, extended);
            schedule(deadlines, extended, command.newDueAt(), atRisk);
        }
    }

    // Policy changes do not rewrite the past: only a version published for running cases recomputes them.
    @CommandHandler
    void handle(ApplySlaPolicy command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(!sla.appliesToRunningCases(), Refusal.POLICY_NOT_FOR_RUNNING_CASES);
        if (archived) {
            return;
        }
        Urgency current = effectiveUrgency();
        String reason = "policy " + sla.version() + " applies to running cases";
        for (Map.Entry<SlaClock, SlaState> entry : new EnumMap<>(clocks).entrySet()) {
            SlaState state = entry.getValue();
            if (!state.running() || state.policyVersion().equals(sla.version())
                    || (entry.getKey() == SlaClock.RESOLUTION && resolutionPaused != null)) {
                continue;
            }
            SlaPolicy.Due due = switch (entry.getKey()) {
                case FIRST_RESPONSE -> sla.firstResponse(state.startedAt(), current, channel, tier);
                case RESOLUTION -> sla.resolution(state.startedAt(), current);
                case PROGRESS_UPDATE -> sla.progressUpdate(state.startedAt(), escalationLevel);
                case SUPERVISOR_CALLBACK, INITIAL_PLAN -> sla.urgencyClock(entry.getKey(), state.startedAt());
            };
            apply(new SlaClockRescheduled(id, entry.getKey(), state.dueAt(), due.dueAt(), due.atRiskAt(), reason,
                    due.policyVersion()), stamp);
            cancel(deadlines, entry.getKey());
            schedule(deadlines, entry.getKey(), due.dueAt(), due.atRiskAt());
        }
    }

    // Waiting on the customer or a third party for something named does not count against the resolution clock.
    @CommandHandler
    void handle(PauseResolutionClock command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        SlaState state = clocks.get(SlaClock.RESOLUTION);
        refuseIf(state == null || !state.running() || resolutionPaused != null, Refusal.NOT_PAUSABLE);
        refuseIf(command.waitingFor() == null || command.waitingFor().isBlank(), Refusal.WAITING_FOR_REQUIRED);
        Instant now = clock.instant();
        Instant resumeBy = now.plus(sla.maxPause());
        apply(new SlaClockPaused(id, SlaClock.RESOLUTION, command.waitingOn(), command.waitingFor(), now, resumeBy), stamp);
        cancel(deadlines, SlaClock.RESOLUTION);
        deadlines.schedule(resumeBy, SlaDeadline.resumeName(SlaClock.RESOLUTION),
                new SlaDeadline(SlaClock.RESOLUTION, SlaDeadline.Kind.RESUME, resumeBy));
    }

    @CommandHandler
    void handle(ResumeResolutionClock command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolutionPaused == null, Refusal.NOT_PAUSED);
        deadlines.cancelAllWithinScope(SlaDeadline.resumeName(SlaClock.RESOLUTION));
        resume(clock.instant(), false, command.note(), sla, deadlines, stamp);
    }

    /** The due instant moves by the paused time in the clock's own time base. */
    private void resume(Instant now, boolean automatic, String note, SlaPolicy sla, DeadlineManager deadlines,
                        MetaData stamp) {
        SlaState state = clocks.get(SlaClock.RESOLUTION);
        Instant due = sla.afterPause(state.dueAt(), resolutionPaused, now, state.timeBase());
        Instant atRisk = state.atRisk() ? now : sla.atRisk(state.startedAt(), due);
        apply(new SlaClockResumed(id, SlaClock.RESOLUTION, now, sla.pausedFor(resolutionPaused, now, state.timeBase()),
                due, atRisk, automatic, note), stamp);
        schedule(deadlines, SlaClock.RESOLUTION, due, atRisk.isBefore(now) ? now : atRisk);
    }

    // 001 §2.2-2.3: at the configured share of the time the clock is at risk; at the due instant it is
    // breached, and a breach escalates one level ("48 h without an answer → the customer went to the media").
    @DeadlineHandler
    void on(SlaDeadline deadline, Clock clock, SlaPolicy sla, DeadlineManager deadlines) {
        SlaState state = clocks.get(deadline.clock());
        if (deadline.kind() == SlaDeadline.Kind.RESUME) {
            if (!archived && resolutionPaused != null && deadline.dueAt().equals(resolutionResumeBy)) {
                resume(clock.instant(), true, "the maximum pause ran out", sla, deadlines, stamp(SYSTEM, clock));
            }
            return;
        }
        boolean paused = deadline.clock() == SlaClock.RESOLUTION && resolutionPaused != null;
        if (archived || paused || state == null || !state.running() || !state.dueAt().equals(deadline.dueAt())) {
            return;
        }
        MetaData stamp = stamp(SYSTEM, clock);
        // A due deadline picked before its at-risk one (same poll) still leaves the history in order.
        if (!state.atRisk()) {
            apply(new SlaAtRisk(id, deadline.clock(), state.dueAt()), stamp);
        }
        if (deadline.kind() == SlaDeadline.Kind.AT_RISK) {
            return;
        }
        // Issue 9: the due deadline is written only now; a due instant already reached breaches in this same firing.
        if (deadline.kind() == SlaDeadline.Kind.AT_RISK_THEN_DUE && clock.instant().isBefore(deadline.dueAt())) {
            deadlines.schedule(deadline.dueAt(), SlaDeadline.dueName(deadline.clock()),
                    new SlaDeadline(deadline.clock(), SlaDeadline.Kind.DUE, deadline.dueAt()));
            return;
        }
        apply(new SlaBreached(id, deadline.clock(), state.dueAt(), clock.instant()), stamp);
        EscalationLevel next = escalationLevel == null ? EscalationLevel.MAJOR
                : EscalationLevel.values()[Math.min(escalationLevel.ordinal() + 1, EscalationLevel.CRITICAL.ordinal())];
        if (next.isAbove(escalationLevel)) {
            apply(new ComplaintEscalated(id, escalationLevel, next, deadline.clock() + " breached at its due time "
                    + state.dueAt(), ComplaintEscalated.AUTOMATIC, List.of(SLA_BREACH)), stamp);
            recomputeProgressClock(sla, deadlines, stamp);
        }
    }

    @CommandHandler
    void handle(EscalateComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(!command.level().isAbove(escalationLevel), Refusal.NOT_AN_ESCALATION);
        apply(new ComplaintEscalated(id, escalationLevel, command.level(), command.reason(),
                ComplaintEscalated.MANUAL, null), stamp);
        recomputeProgressClock(sla, deadlines, stamp);
    }

    // 000 / 002 §2.1: "1+3+N" — one leader, three core members (service, business unit, legal), helpers.
    @CommandHandler
    void handle(FormTaskForce command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(escalationLevel != EscalationLevel.CRITICAL, Refusal.TASK_FORCE_NEEDS_CRITICAL);
        refuseIf(taskForceFormed, Refusal.TASK_FORCE_EXISTS);
        refuseIf(command.leader() == null || command.leader().isBlank()
                || command.coreMembers().size() < CORE_MEMBERS, Refusal.TASK_FORCE_INCOMPLETE);
        apply(new TaskForceFormed(id, command.leader(), command.coreMembers(), command.helpers()), stamp);
    }

    // 003 §5: disputed facts → tiered options, the customer chooses; amounts beyond authority need approval.
    @CommandHandler
    void handle(OfferRemedyOptions command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator,
                @MetaDataValue(MetaDataKeys.OPERATOR_ROLE) String role, Clock clock, RemedyAuthority authority) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        refuseIf(!acknowledged, Refusal.NOT_ACKNOWLEDGED);
        refuseIf(command.options().isEmpty() || command.options().size() > authority.maxOptions(), Refusal.OPTIONS_REQUIRED);
        refuseIf(command.options().stream().map(RemedyOption::label).distinct().count() < command.options().size(),
                Refusal.OPTION_LABELS_UNIQUE);
        for (RemedyOption option : command.options()) {
            refuseIf(needsAmount(option.remedy()) && option.amount() == null, Refusal.AMOUNT_REQUIRED);
            refuseIf(authority.needsApproval(option.amount(), approvedUpTo, role), Refusal.APPROVAL_REQUIRED);
        }
        apply(new RemedyOptionsOffered(id, command.options()), stamp);
    }

    @CommandHandler
    void handle(RecordRemedyChoice command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        refuseIf(offered.isEmpty(), Refusal.NOTHING_OFFERED);
        RemedyOption option = offered.stream().filter(o -> o.label().equals(command.label())).findFirst()
                                     .orElseThrow(() -> new ComplaintRefused(Refusal.NO_SUCH_OPTION));
        apply(new RemedyChosen(id, option), stamp);
    }

    @CommandHandler
    void handle(ApproveRemedy command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        apply(new RemedyApproved(id, command.upTo(), command.note()), stamp);
    }

    @CommandHandler
    void handle(ResolveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator,
                @MetaDataValue(MetaDataKeys.OPERATOR_ROLE) String role, Clock clock, RemedyAuthority authority,
                DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        refuseIf(!acknowledged, Refusal.NOT_ACKNOWLEDGED);
        refuseIf(needsAmount(command.remedy()) && command.amount() == null, Refusal.AMOUNT_REQUIRED);
        refuseIf(chosen != null && (chosen.remedy() != command.remedy() || !sameAmount(chosen.amount(), command.amount())),
                Refusal.REMEDY_DIFFERS_FROM_CHOICE);
        refuseIf(authority.needsApproval(command.amount(), approvedUpTo, role), Refusal.APPROVAL_REQUIRED);
        apply(new ComplaintResolved(id, command.remedy(), command.amount(), command.summary()), stamp);
        SlaState resolutionClock = clocks.get(SlaClock.RESOLUTION);
        if (resolutionClock != null && resolutionClock.running()) {
            apply(new SlaClockMet(id, SlaClock.RESOLUTION, resolutionClock.dueAt(), clock.instant()), stamp);
            cancel(deadlines, SlaClock.RESOLUTION);
            deadlines.cancelAllWithinScope(SlaDeadline.resumeName(SlaClock.RESOLUTION));
        }
        for (SlaClock other : List.of(SlaClock.PROGRESS_UPDATE, SlaClock.SUPERVISOR_CALLBACK, SlaClock.INITIAL_PLAN)) {
            SlaState state = clocks.get(other);
            if (state != null && state.running()) {
                apply(new SlaClockStopped(id, other, "resolved"), stamp);
                cancel(deadlines, other);
            }
        }
    }

    // 001 §2.3, 003 §6: satisfied closes the case; concerns remaining reopen it. The score is optional.
    @CommandHandler
    void handle(ConfirmOutcome command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                SlaPolicy sla, DeadlineManager deadlines) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(confirmed, Refusal.ALREADY_CONFIRMED);
        refuseIf(!resolved, Refusal.NOT_RESOLVED);
        refuseIf(command.score() != null && (command.score() < 1 || command.score() > 5), Refusal.SCORE_OUT_OF_RANGE);
        apply(new OutcomeConfirmed(id, command.satisfied(), command.score(), command.channel(), command.comment()), stamp);
        if (!command.satisfied()) {
            apply(new ComplaintReopened(id, command.comment()), stamp);
            startProgressClock(clock.instant(), sla, deadlines, stamp);
            SlaPolicy.Due resolution = sla.resolution(clock.instant(), effectiveUrgency());
            apply(new SlaClockStarted(id, SlaClock.RESOLUTION, clock.instant(), resolution.dueAt(), resolution.atRiskAt(),
                    resolution.timeBase(), resolution.policyVersion()), stamp);
            schedule(deadlines, SlaClock.RESOLUTION, resolution.dueAt(), resolution.atRiskAt());
        }
    }

    @CommandHandler
    void handle(ArchiveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                RetentionPolicy retention) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(!resolved, Refusal.NOT_RESOLVED);
        apply(new ComplaintArchived(id, command.note(), retention.retainUntil(clock.instant())), stamp);
    }

    /**
     * Erasure (issue 7, PIPL-style right to deletion): allowed in every state, archived included, once. The event
     * holds no personal data; the server destroys the case's key in the same transaction.
     */
    @CommandHandler
    void handle(EraseCustomerData command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(personalDataErased, Refusal.ALREADY_ERASED);
        refuseIf(command.basis() == ErasureBasis.RETENTION && !archived, Refusal.RETENTION_NOT_ARCHIVED);
        apply(new CustomerDataErased(id, command.basis()), stamp);
    }

    @CommandHandler
    void handle(MarkTypicalCase command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        refuseIf(!resolved, Refusal.TYPICAL_CASE_NOT_RESOLVED);
        apply(new ComplaintMarkedTypical(id, type, subtype, remedy, amount, command.scenario(), command.wording(),
                command.tags()), stamp(operator, clock));
    }

    @EventSourcingHandler
    void on(ComplaintReceived event) {
        id = event.complaintId();
        channel = event.channel();
        tier = event.customer() == null ? null : event.customer().tier();
        suggested = event.suggestedClassification();
    }

    @EventSourcingHandler
    void on(ComplaintClassified event) {
        routing = event.routing();
        type = event.type();
        subtype = event.subtype();
        urgency = event.urgency();
        personalSafety = event.personalSafety();
    }

    @EventSourcingHandler
    void on(ComplaintReclassified event) {
        routing = event.routing();
        type = event.type();
        subtype = event.subtype();
        urgency = event.urgency();
        personalSafety = event.personalSafety();
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(HandlerAssigned event) {
        handler = event.handler();
        assignedDepartment = event.department();
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        escalationLevel = event.to();
    }

    @EventSourcingHandler
    void on(TaskForceFormed event) {
        taskForceFormed = true;
    }

    @EventSourcingHandler
    void on(RemedyOptionsOffered event) {
        offered = event.options();
        chosen = null;
    }

    @EventSourcingHandler
    void on(RemedyChosen event) {
        chosen = event.option();
    }

    @EventSourcingHandler
    void on(RemedyApproved event) {
        approvedUpTo = event.upTo();
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        resolved = true;
        remedy = event.remedy();
        amount = event.amount();
        progressStopped = true;
    }

    @EventSourcingHandler
    void on(OutcomeConfirmed event) {
        confirmed = event.satisfied();
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        resolved = false;
        confirmed = false;
        offered = List.of();
        chosen = null;
    }

    @EventSourcingHandler
    void on(ComplaintArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(CustomerDataErased event) {
        personalDataErased = true;
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        clocks.put(event.clock(), new SlaState(event.startedAt(), event.dueAt(), event.timeBase(), event.policyVersion(),
                false, false));
        if (event.clock() == SlaClock.RESOLUTION) {
            resolutionPaused = null;
        }
        if (event.clock() == SlaClock.PROGRESS_UPDATE) {
            progressStopped = false;
        }
    }

    @EventSourcingHandler
    void on(SlaClockRescheduled event) {
        clocks.computeIfPresent(event.clock(), (c, state) -> state.due(event.dueAt(), event.policyVersion()));
    }

    @EventSourcingHandler
    void on(SlaClockPaused event) {
        resolutionPaused = event.pausedAt();
        resolutionResumeBy = event.resumeBy();
    }

    @EventSourcingHandler
    void on(SlaClockResumed event) {
        resolutionPaused = null;
        resolutionResumeBy = null;
        clocks.computeIfPresent(event.clock(), (c, state) -> new SlaState(state.startedAt(), event.dueAt(),
                state.timeBase(), state.policyVersion(), state.atRisk(), false));
    }

    @EventSourcingHandler
    void on(SlaAtRisk event) {
        clocks.computeIfPresent(event.clock(), (c, state) -> state.with(true, false));
    }

    @EventSourcingHandler
    void on(SlaClockMet event) {
        clocks.computeIfPresent(event.clock(), (c, state) -> state.with(state.atRisk(), true));
        metOrBreached.add(event.clock());
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        clocks.computeIfPresent(event.clock(), (c, state) -> state.with(state.atRisk(), true));
        metOrBreached.add(event.clock());
    }

    @EventSourcingHandler
    void on(SlaClockStopped event) {
        clocks.computeIfPresent(event.clock(), (c, state) -> state.with(state.atRisk(), true));
    }

    /** A clock as the aggregate needs it: since when and until when it runs, and whether it still runs. */
    private record SlaState(Instant startedAt, Instant dueAt, SlaTimeBase timeBase, String policyVersion,
                            boolean atRisk, boolean stopped) {

        boolean running() {
            return !stopped;
        }

        SlaState with(boolean nowAtRisk, boolean nowStopped) {
            return new SlaState(startedAt, dueAt, timeBase, policyVersion, nowAtRisk, nowStopped);
        }

        SlaState due(Instant newDueAt, String version) {
            return new SlaState(startedAt, newDueAt, timeBase, version, false, false);
        }
    }

    /** 003 §6: a new period of the update clock starts at the first response and at each update sent. */
    private void startProgressClock(Instant now, SlaPolicy sla, DeadlineManager deadlines, MetaData stamp) {
        SlaPolicy.Due due = sla.progressUpdate(now, escalationLevel);
        apply(new SlaClockStarted(id, SlaClock.PROGRESS_UPDATE, now, due.dueAt(), due.atRiskAt(), due.timeBase(),
                due.policyVersion()), stamp);
        schedule(deadlines, SlaClock.PROGRESS_UPDATE, due.dueAt(), due.atRiskAt());
    }

    /** An escalation shortens the update interval (003 §6): the running period is recomputed from its start. */
    private void recomputeProgressClock(SlaPolicy sla, DeadlineManager deadlines, MetaData stamp) {
        SlaState state = clocks.get(SlaClock.PROGRESS_UPDATE);
        if (state == null || !state.running()) {
            return;
        }
        reschedule(SlaClock.PROGRESS_UPDATE, state, sla.progressUpdate(state.startedAt(), escalationLevel),
                "escalated to " + escalationLevel, deadlines, stamp);
    }

    /** A (re)classification to another urgency recomputes the running urgency clocks from their start. */
    private void recomputeFirstResponse(Urgency newUrgency, SlaPolicy sla, DeadlineManager deadlines, MetaData stamp) {
        SlaState first = clocks.get(SlaClock.FIRST_RESPONSE);
        if (first != null && first.running()) {
            reschedule(SlaClock.FIRST_RESPONSE, first, sla.firstResponse(first.startedAt(), newUrgency, channel, tier),
                    "classified " + newUrgency, deadlines, stamp);
        }
        SlaState resolution = clocks.get(SlaClock.RESOLUTION);
        if (resolution != null && resolution.running() && resolutionPaused == null) {
            reschedule(SlaClock.RESOLUTION, resolution, sla.resolution(resolution.startedAt(), newUrgency),
                    "classified " + newUrgency, deadlines, stamp);
        }
        if (first != null) {
            urgencyClock(SlaClock.SUPERVISOR_CALLBACK, newUrgency == Urgency.URGENT, first.startedAt(), newUrgency, sla,
                    deadlines, stamp);
            urgencyClock(SlaClock.INITIAL_PLAN, newUrgency == Urgency.MAJOR, first.startedAt(), newUrgency, sla,
                    deadlines, stamp);
        }
    }

    /** 001: the callback clock runs for URGENT complaints, the plan clock for MAJOR ones, both from receipt. */
    private void urgencyClock(SlaClock clock, boolean applies, Instant receivedAt, Urgency newUrgency, SlaPolicy sla,
                              DeadlineManager deadlines, MetaData stamp) {
        SlaState state = clocks.get(clock);
        if (applies && (state == null || (!state.running() && !metOrBreached.contains(clock)))) {
            SlaPolicy.Due due = sla.urgencyClock(clock, receivedAt);
            apply(new SlaClockStarted(id, clock, receivedAt, due.dueAt(), due.atRiskAt(), due.timeBase(),
                    due.policyVersion()), stamp);
            schedule(deadlines, clock, due.dueAt(), due.atRiskAt());
        } else if (!applies && state != null && state.running()) {
            apply(new SlaClockStopped(id, clock, "classified " + newUrgency), stamp);
            cancel(deadlines, clock);
        }
    }

    /** Meets a running clock and cancels its deadlines. */
    private void meet(SlaClock clock, Instant now, DeadlineManager deadlines, MetaData stamp) {
        SlaState state = clocks.get(clock);
        if (state != null && state.running()) {
            apply(new SlaClockMet(id, clock, state.dueAt(), now), stamp);
            cancel(deadlines, clock);
        }
    }

    private void reschedule(SlaClock clock, SlaState state, SlaPolicy.Due due, String reason, DeadlineManager deadlines,
                            MetaData stamp) {
        if (!due.dueAt().equals(state.dueAt())) {
            apply(new SlaClockRescheduled(id, clock, state.dueAt(), due.dueAt(), due.atRiskAt(), reason,
                    due.policyVersion()), stamp);
            cancel(deadlines, clock);
            schedule(deadlines, clock, due.dueAt(), due.atRiskAt());
        }
    }

    /**
     * One deadline row per clock (issue 9): at the at-risk instant, or at the due instant when that comes first; the
     * at-risk deadline schedules the due one when it fires. Cancelling still covers both names.
     */
    private static void schedule(DeadlineManager deadlines, SlaClock clock, Instant dueAt, Instant atRiskAt) {
        deadlines.schedule(atRiskAt.isAfter(dueAt) ? dueAt : atRiskAt, SlaDeadline.atRiskName(clock),
                new SlaDeadline(clock, SlaDeadline.Kind.AT_RISK_THEN_DUE, dueAt));
    }

    private static void cancel(DeadlineManager deadlines, SlaClock clock) {
        deadlines.cancelAllWithinScope(SlaDeadline.atRiskName(clock));
        deadlines.cancelAllWithinScope(SlaDeadline.dueName(clock));
    }

    /** The urgency the clocks run on: as classified, else as suggested at intake, else GENERAL. */
    private Urgency effectiveUrgency() {
        if (urgency != null) {
            return urgency;
        }
        return suggested == null ? Urgency.GENERAL : suggested.urgency();
    }

    /** 004 §3: whether the agent took the engine's suggestion as it was. */
    private SuggestionOutcome suggestionOutcome(ClassifyComplaint command) {
        if (suggested == null) {
            return null;
        }
        boolean same = suggested.type().equals(command.type()) && suggested.subtype().equals(command.subtype())
                && suggested.urgency() == command.urgency();
        return same ? SuggestionOutcome.ACCEPTED : SuggestionOutcome.OVERRIDDEN;
    }

    /** Escalates only when the rules ask for a level above the current one. */
    private void escalateAutomatically(EscalationPolicy.Decision decision, MetaData stamp) {
        if (decision.level().isAbove(escalationLevel)) {
            apply(new ComplaintEscalated(id, escalationLevel, decision.level(), decision.reason(),
                    ComplaintEscalated.AUTOMATIC, decision.ruleNames()), stamp);
        }
    }

    /** The tag shown to people (001 §2.2), e.g. PRODUCT-QUALITY-URGENT. */
    static String tag(String type, String subtype, Urgency urgency) {
        return type + "-" + subtype + "-" + urgency;
    }

    private static boolean sameAmount(Money a, Money b) {
        return a == null ? b == null : b != null && a.currency().equals(b.currency()) && a.value().compareTo(b.value()) == 0;
    }

    private static boolean needsAmount(RemedyType remedy) {
        return remedy == RemedyType.REFUND || remedy == RemedyType.COMPENSATION;
    }

    /** Every step records its operator and instant (001 §1.3 "全程留痕可溯"). */
    private static MetaData stamp(String operator, Clock clock) {
        refuseIf(operator == null || operator.isBlank(), Refusal.OPERATOR_REQUIRED);
        Instant now = Objects.requireNonNull(clock, "clock").instant();
        return MetaData.with(MetaDataKeys.OPERATOR, operator).and(MetaDataKeys.OCCURRED_AT, now.toString());
    }

    private static void refuseIf(boolean condition, Refusal refusal) {
        if (condition) {
            throw new ComplaintRefused(refusal);
        }
    }
}
