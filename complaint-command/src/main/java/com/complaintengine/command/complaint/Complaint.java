package com.complaintengine.command.complaint;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.complaintengine.api.commands.AcknowledgeComplaint;
import com.complaintengine.api.commands.ArchiveComplaint;
import com.complaintengine.api.commands.ClassifyComplaint;
import com.complaintengine.api.commands.EscalateComplaint;
import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.commands.ReclassifyComplaint;
import com.complaintengine.api.commands.ResolveComplaint;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.classification.ResponsibilityMatrix;
import java.time.Clock;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One complaint's lifecycle (DOMAIN.md "Lifecycle"): received → classified → acknowledged → resolved →
 * archived, with escalation possible at any point before the archive. Each command handler checks its
 * rule and applies one event stamped with the operator and the instant; the sourcing handlers only
 * assign state.
 */
@Aggregate
class Complaint {

    @AggregateIdentifier
    private ComplaintId id;
    private String type;
    private String subtype;
    private Urgency urgency;
    private boolean acknowledged;
    private EscalationLevel escalationLevel;
    private boolean resolved;
    private boolean archived;

    Complaint() {
        // for Axon: rebuilt from the event stream
    }

    @CommandHandler
    Complaint(ReceiveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(command.affectedCount() < 1, Refusal.AFFECTED_COUNT_POSITIVE);
        apply(new ComplaintReceived(command.complaintId(), command.channel(), command.channelDetail(),
                command.customer(), command.occurredAt(), command.facts(), command.expectation(),
                command.demand(), command.emotion(), command.specialCircumstances(), command.affectedCount()),
                stamp);
    }

    @CommandHandler
    void handle(ClassifyComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                ResponsibilityMatrix matrix) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type != null, Refusal.ALREADY_CLASSIFIED);
        apply(new ComplaintClassified(id, command.type(), command.subtype(), command.urgency(),
                tag(command.type(), command.subtype(), command.urgency()), matrix.route(command.type())), stamp);
    }

    @CommandHandler
    void handle(ReclassifyComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock,
                ResponsibilityMatrix matrix) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        refuseIf(command.reason() == null || command.reason().isBlank(), Refusal.RECLASSIFICATION_REASON_REQUIRED);
        refuseIf(command.type().equals(type) && command.subtype().equals(subtype) && command.urgency() == urgency,
                Refusal.RECLASSIFICATION_UNCHANGED);
        apply(new ComplaintReclassified(id, command.type(), command.subtype(), command.urgency(),
                tag(command.type(), command.subtype(), command.urgency()), matrix.route(command.type()),
                command.reason()), stamp);
    }

    @CommandHandler
    void handle(AcknowledgeComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(type == null, Refusal.NOT_CLASSIFIED);
        refuseIf(acknowledged, Refusal.ALREADY_ACKNOWLEDGED);
        apply(new ComplaintAcknowledged(id, command.channel(), command.message(), command.promise()), stamp);
    }

    @CommandHandler
    void handle(EscalateComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(!command.level().isAbove(escalationLevel), Refusal.NOT_AN_ESCALATION);
        apply(new ComplaintEscalated(id, escalationLevel, command.level(), command.reason(), "MANUAL"), stamp);
    }

    @CommandHandler
    void handle(ResolveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(resolved, Refusal.ALREADY_RESOLVED);
        refuseIf(!acknowledged, Refusal.NOT_ACKNOWLEDGED);
        refuseIf(needsAmount(command.remedy()) && command.amount() == null, Refusal.AMOUNT_REQUIRED);
        apply(new ComplaintResolved(id, command.remedy(), command.amount(), command.summary()), stamp);
    }

    @CommandHandler
    void handle(ArchiveComplaint command, @MetaDataValue(MetaDataKeys.OPERATOR) String operator, Clock clock) {
        MetaData stamp = stamp(operator, clock);
        refuseIf(archived, Refusal.ARCHIVED);
        refuseIf(!resolved, Refusal.NOT_RESOLVED);
        apply(new ComplaintArchived(id, command.note()), stamp);
    }

    @EventSourcingHandler
    void on(ComplaintReceived event) {
        id = event.complaintId();
    }

    @EventSourcingHandler
    void on(ComplaintClassified event) {
        type = event.type();
        subtype = event.subtype();
        urgency = event.urgency();
    }

    @EventSourcingHandler
    void on(ComplaintReclassified event) {
        type = event.type();
        subtype = event.subtype();
        urgency = event.urgency();
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        escalationLevel = event.to();
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        resolved = true;
    }

    @EventSourcingHandler
    void on(ComplaintArchived event) {
        archived = true;
    }

    /** The tag shown to people (001 §2.2), e.g. PRODUCT-QUALITY-URGENT. */
    static String tag(String type, String subtype, Urgency urgency) {
        return type + "-" + subtype + "-" + urgency;
    }

    private static boolean needsAmount(RemedyType remedy) {
        return remedy == RemedyType.REFUND || remedy == RemedyType.COMPENSATION;
    }

    /** Every step records its operator and instant (001 §1.3 "全程留痕可溯"). */
    private static MetaData stamp(String operator, Clock clock) {
        refuseIf(operator == null || operator.isBlank(), Refusal.OPERATOR_REQUIRED);
        return MetaData.with(MetaDataKeys.OPERATOR, operator)
                       .and(MetaDataKeys.OCCURRED_AT, Objects.requireNonNull(clock, "clock").instant().toString());
    }

    private static void refuseIf(boolean condition, Refusal refusal) {
        if (condition) {
            throw new ComplaintRefused(refusal);
        }
    }
}
