package com.complaintengine.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.complaintengine.api.commands.CloseGroupComplaint;
import com.complaintengine.api.commands.CloseGroupIssue;
import com.complaintengine.api.commands.ConfirmGroupReadBack;
import com.complaintengine.api.commands.EraseGroupPersonalData;
import com.complaintengine.api.commands.FormGroupTaskForce;
import com.complaintengine.api.commands.OpenGroupIssue;
import com.complaintengine.api.commands.RecordVerificationSample;
import com.complaintengine.api.commands.RegisterGroupComplaint;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.GroupComplaintClosed;
import com.complaintengine.api.events.GroupPersonalDataErased;
import com.complaintengine.api.events.GroupComplaintEscalated;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupIssueClosed;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.GroupReadBackConfirmed;
import com.complaintengine.api.events.GroupTaskForceFormed;
import com.complaintengine.api.events.VerificationSampleRecorded;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.Representative;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import com.complaintengine.command.escalation.EscalationPolicy;
import com.complaintengine.command.escalation.EscalationProperties;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A group complaint (002): many people, one core demand, handled through representatives. It is recorded
 * with its five elements, read back and confirmed, verified by sampling members, split into individual
 * issues tracked one by one, and closed only when every issue is closed.
 */
@Aggregate
class GroupComplaint {

    private static final int CORE_MEMBERS = 3;

    @AggregateIdentifier
    private GroupComplaintId id;
    private List<String> representatives = List.of();
    private boolean readBack;
    private int samples;
    private boolean taskForceFormed;
    private final Map<String, Boolean> issuesClosed = new HashMap<>();
    private boolean closed;
    private boolean personalDataErased;

    GroupComplaint() {
        // for Axon: rebuilt from the event stream
    }

    // 002 §1.2: the five elements; more than 10 people need 3–5 representatives and go straight to CRITICAL.
    @CommandHandler
    GroupComplaint(RegisterGroupComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                   EscalationProperties escalation, GroupProperties rules) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(command.headcount() < 2, Refusal.HEADCOUNT_AT_LEAST_TWO);
        boolean large = command.headcount() > escalation.groupThreshold();
        refuseIf(large && command.representatives().size() < rules.minRepresentatives(), Refusal.REPRESENTATIVES_REQUIRED);
        refuseIf(command.representatives().isEmpty(), Refusal.REPRESENTATIVES_REQUIRED);
        refuseIf(command.representatives().size() > rules.maxRepresentatives(), Refusal.TOO_MANY_REPRESENTATIVES);
        apply(new GroupComplaintRegistered(command.groupId(), command.representatives(), command.coreDemand(),
                command.headcount(), command.scope(), command.channel(), command.channelDetail(),
                command.specialCircumstances()), stamp);
        if (large) {
            apply(new GroupComplaintEscalated(command.groupId(), null, escalation.groupLevel(),
                    command.headcount() + " people affected, more than " + escalation.groupThreshold(),
                    ComplaintEscalated.AUTOMATIC, List.of(EscalationPolicy.GROUP_SIZE)), stamp);
        }
    }

    @CommandHandler
    void handle(ConfirmGroupReadBack command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(!representatives.contains(command.representative()), Refusal.NOT_A_REPRESENTATIVE);
        apply(new GroupReadBackConfirmed(id, command.representative(), command.channel()), stamp);
    }

    // 002: claims are cross-checked by sampling 3–5 members.
    @CommandHandler
    void handle(RecordVerificationSample command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                GroupProperties rules) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(samples >= rules.maxSamples(), Refusal.SAMPLES_COMPLETE);
        apply(new VerificationSampleRecorded(id, command.member(), command.finding(), command.claimHeld()), stamp);
    }

    @CommandHandler
    void handle(FormGroupTaskForce command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(taskForceFormed, Refusal.TASK_FORCE_EXISTS);
        refuseIf(command.leader() == null || command.leader().isBlank() || command.coreMembers().size() < CORE_MEMBERS,
                Refusal.TASK_FORCE_INCOMPLETE);
        apply(new GroupTaskForceFormed(id, command.leader(), command.coreMembers(), command.helpers()), stamp);
    }

    // 002: the group demand is split into individual issues, tracked to closure one by one.
    @CommandHandler
    void handle(OpenGroupIssue command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(!readBack, Refusal.READ_BACK_REQUIRED);
        refuseIf(issuesClosed.containsKey(command.issueId()), Refusal.ISSUE_EXISTS);
        apply(new GroupIssueOpened(id, command.issueId(), command.description(), command.complaintId()), stamp);
    }

    @CommandHandler
    void handle(CloseGroupIssue command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(!issuesClosed.containsKey(command.issueId()), Refusal.UNKNOWN_ISSUE);
        refuseIf(issuesClosed.get(command.issueId()), Refusal.ISSUE_CLOSED);
        apply(new GroupIssueClosed(id, command.issueId(), command.resolution()), stamp);
    }

    @CommandHandler
    void handle(CloseGroupComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                GroupProperties rules) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(closed, Refusal.GROUP_CLOSED);
        refuseIf(issuesClosed.isEmpty(), Refusal.NO_ISSUES);
        refuseIf(issuesClosed.containsValue(false), Refusal.OPEN_ISSUES_REMAIN);
        refuseIf(samples < rules.minSamples(), Refusal.VERIFICATION_INCOMPLETE);
        apply(new GroupComplaintClosed(id, command.summary()), stamp);
    }

    /** Erasure of the group's personal data (issue 7): in every state, once; the event holds no personal data. */
    @CommandHandler
    void handle(EraseGroupPersonalData command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(personalDataErased, Refusal.ALREADY_ERASED);
        apply(new GroupPersonalDataErased(id, command.basis()), stamp);
    }

    @EventSourcingHandler
    void on(GroupPersonalDataErased event) {
        personalDataErased = true;
    }

    @EventSourcingHandler
    void on(GroupComplaintRegistered event) {
        id = event.groupId();
        representatives = event.representatives().stream().map(Representative::name).toList();
    }

    @EventSourcingHandler
    void on(GroupReadBackConfirmed event) {
        readBack = true;
    }

    @EventSourcingHandler
    void on(VerificationSampleRecorded event) {
        samples++;
    }

    @EventSourcingHandler
    void on(GroupTaskForceFormed event) {
        taskForceFormed = true;
    }

    @EventSourcingHandler
    void on(GroupIssueOpened event) {
        issuesClosed.put(event.issueId(), false);
    }

    @EventSourcingHandler
    void on(GroupIssueClosed event) {
        issuesClosed.put(event.issueId(), true);
    }

    @EventSourcingHandler
    void on(GroupComplaintClosed event) {
        closed = true;
    }

    private static MetaData stamp(String operator, Clock clock) {
        refuseIf(operator == null || operator.isBlank(), Refusal.OPERATOR_REQUIRED);
        return MetaData.with(MetaDataKeys.OPERATOR, operator).and(MetaDataKeys.OCCURRED_AT, clock.instant().toString());
    }

    private static void refuseIf(boolean condition, Refusal refusal) {
        if (condition) {
            throw new ComplaintRefused(refusal);
        }
    }
}
