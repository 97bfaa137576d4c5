package com.complaintengine.query.summary;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.Urgency;
import java.time.Instant;
import java.util.Set;

/**
 * The current state of one complaint as the read side shows it. Each transition method returns the
 * state after one event; {@code version} is the sequence number of the last event folded in.
 */
public record ComplaintSummary(String id,
                               ComplaintStatus status,
                               long version,
                               Channel channel,
                               String channelDetail,
                               Customer customer,
                               Instant problemOccurredAt,
                               String facts,
                               String expectation,
                               Demand demand,
                               String emotion,
                               Set<SpecialCircumstance> specialCircumstances,
                               int affectedCount,
                               String type,
                               String subtype,
                               Urgency urgency,
                               String tag,
                               Routing routing,
                               EscalationLevel escalationLevel,
                               RemedyType remedy,
                               Money remedyAmount,
                               Instant receivedAt,
                               Instant classifiedAt,
                               Instant acknowledgedAt,
                               Instant resolvedAt,
                               Instant archivedAt,
                               Instant updatedAt) {

    public static ComplaintSummary received(ComplaintReceived e, long sequence, Instant at) {
        return new ComplaintSummary(e.complaintId().value(), ComplaintStatus.RECEIVED, sequence, e.channel(),
                e.channelDetail(), e.customer(), e.problemOccurredAt(), e.facts(), e.expectation(), e.demand(),
                e.emotion(), e.specialCircumstances(), e.affectedCount(), null, null, null, null, null, null, null,
                null, at, null, null, null, null, at);
    }

    public ComplaintSummary classified(ComplaintClassified e, long sequence, Instant at) {
        return withClassification(e.type(), e.subtype(), e.urgency(), e.tag(), e.routing(), sequence, at,
                classifiedAt == null ? at : classifiedAt);
    }

    public ComplaintSummary reclassified(ComplaintReclassified e, long sequence, Instant at) {
        return withClassification(e.type(), e.subtype(), e.urgency(), e.tag(), e.routing(), sequence, at, classifiedAt);
    }

    public ComplaintSummary acknowledged(ComplaintAcknowledged e, long sequence, Instant at) {
        return new ComplaintSummary(id, advance(ComplaintStatus.ACKNOWLEDGED), sequence, channel, channelDetail,
                customer, problemOccurredAt, facts, expectation, demand, emotion, specialCircumstances, affectedCount,
                type, subtype, urgency, tag, routing, escalationLevel, remedy, remedyAmount, receivedAt, classifiedAt,
                at, resolvedAt, archivedAt, at);
    }

    public ComplaintSummary escalated(ComplaintEscalated e, long sequence, Instant at) {
        return new ComplaintSummary(id, status, sequence, channel, channelDetail, customer, problemOccurredAt, facts,
                expectation, demand, emotion, specialCircumstances, affectedCount, type, subtype, urgency, tag, routing,
                e.to(), remedy, remedyAmount, receivedAt, classifiedAt, acknowledgedAt, resolvedAt, archivedAt, at);
    }

    public ComplaintSummary resolved(ComplaintResolved e, long sequence, Instant at) {
        return new ComplaintSummary(id, advance(ComplaintStatus.RESOLVED), sequence, channel, channelDetail, customer,
                problemOccurredAt, facts, expectation, demand, emotion, specialCircumstances, affectedCount, type,
                subtype, urgency, tag, routing, escalationLevel, e.remedy(), e.amount(), receivedAt, classifiedAt,
                acknowledgedAt, at, archivedAt, at);
    }

    public ComplaintSummary archived(ComplaintArchived e, long sequence, Instant at) {
        return new ComplaintSummary(id, ComplaintStatus.ARCHIVED, sequence, channel, channelDetail, customer,
                problemOccurredAt, facts, expectation, demand, emotion, specialCircumstances, affectedCount, type,
                subtype, urgency, tag, routing, escalationLevel, remedy, remedyAmount, receivedAt, classifiedAt,
                acknowledgedAt, resolvedAt, at, at);
    }

    private ComplaintSummary withClassification(String newType, String newSubtype, Urgency newUrgency, String newTag,
                                                Routing newRouting, long sequence, Instant at, Instant firstClassifiedAt) {
        return new ComplaintSummary(id, advance(ComplaintStatus.CLASSIFIED), sequence, channel, channelDetail,
                customer, problemOccurredAt, facts, expectation, demand, emotion, specialCircumstances, affectedCount,
                newType, newSubtype, newUrgency, newTag, newRouting, escalationLevel, remedy, remedyAmount, receivedAt,
                firstClassifiedAt, acknowledgedAt, resolvedAt, archivedAt, at);
    }

    /** A status only moves forward: a reclassification does not take an acknowledged complaint back. */
    private ComplaintStatus advance(ComplaintStatus next) {
        return next.compareTo(status) > 0 ? next : status;
    }
}
