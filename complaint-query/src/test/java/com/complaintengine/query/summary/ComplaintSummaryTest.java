package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The read model's transition methods, without Spring: status, fields, timestamps and version per event. */
class ComplaintSummaryTest {

    private static final ComplaintId ID = ComplaintId.of("C-2026-0001");
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant CLASSIFIED_AT = Instant.parse("2026-11-23T08:10:00Z");
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant ESCALATED_AT = Instant.parse("2026-11-23T11:30:00Z");
    private static final Instant RECLASSIFIED_AT = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2026-11-25T06:00:00Z");
    private static final Instant ARCHIVED_AT = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant RETAIN_UNTIL = Instant.parse("2029-11-30T08:00:00Z");

    private static final Customer CUSTOMER = new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP);
    private static final Demand DEMAND = new Demand(DemandType.EXCHANGE, Money.of("1299.00", "CNY"));
    private static final Routing PRODUCT_ROUTING =
            new Routing("technology", List.of("quality"), "legal", "vice-president", "test-1");
    private static final Routing SERVICE_ROUTING =
            new Routing("operations", List.of(), "compliance", "department-head", "test-1");

    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, Channel.SOCIAL_MEDIA, "weibo post",
            CUSTOMER, Instant.parse("2026-11-20T08:00:00Z"), "restarts 3 times within 5 minutes", "a replacement unit",
            DEMAND, "angry", Set.of(SpecialCircumstance.MEDIA_PRESENT), 2, null);
    private static final ComplaintClassified CLASSIFIED = new ComplaintClassified(ID, "PRODUCT", "QUALITY",
            Urgency.URGENT, false, "PRODUCT-QUALITY-URGENT", PRODUCT_ROUTING, null);
    private static final ComplaintAcknowledged ACKNOWLEDGED =
            new ComplaintAcknowledged(ID, "phone", "we are sorry", "call back within 24 h");
    private static final ComplaintEscalated ESCALATED = new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
            "media present", ComplaintEscalated.AUTOMATIC, List.of("media-or-regulator-risk"));
    private static final ComplaintReclassified RECLASSIFIED = new ComplaintReclassified(ID, "SERVICE", "ATTITUDE",
            Urgency.GENERAL, false, "SERVICE-ATTITUDE-GENERAL", SERVICE_ROUTING, "about the agent, not the product");
    private static final ComplaintResolved RESOLVED =
            new ComplaintResolved(ID, RemedyType.REFUND, Money.of("1299.00", "CNY"), "refunded in full");
    private static final ComplaintArchived ARCHIVED = new ComplaintArchived(ID, "closed", RETAIN_UNTIL);

    @Test
    @DisplayName("DOMAIN.md Lifecycle: received → classified → acknowledged → escalated → resolved → archived")
    void followsTheLifecycleFromReceiptToArchive() {
        ComplaintSummary received = ComplaintSummary.received(RECEIVED, 0, RECEIVED_AT);
        assertThat(received.id()).isEqualTo("C-2026-0001");
        assertThat(received.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(received.version()).isZero();
        assertThat(received.intake()).isEqualTo(new ComplaintSummary.IntakeView(Channel.SOCIAL_MEDIA, "weibo post",
                CUSTOMER, Instant.parse("2026-11-20T08:00:00Z"), "restarts 3 times within 5 minutes",
                "a replacement unit", DEMAND, "angry", Set.of(SpecialCircumstance.MEDIA_PRESENT), 2));
        assertThat(received.classification()).isNull();
        assertThat(received.assignment()).isNull();
        assertThat(received.escalation()).isEqualTo(new ComplaintSummary.EscalationView(null, List.of(), null));
        assertThat(received.activity()).isEqualTo(new ComplaintSummary.Activity(0, 0, 0, 0, 0, 0));
        assertThat(received.resolution())
                .isEqualTo(new ComplaintSummary.ResolutionView(List.of(), null, null, null, null, null));
        assertThat(received.outcome()).isNull();
        assertThat(received.timeline())
                .isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, null, null, null, null, null, RECEIVED_AT));
        assertThat(received.retainUntil()).isNull();
        assertThat(received.sla()).isEmpty();

        ComplaintSummary classified = received.classified(CLASSIFIED, 3, CLASSIFIED_AT);
        assertThat(classified.status()).isEqualTo(ComplaintStatus.CLASSIFIED);
        assertThat(classified.version()).isEqualTo(3);
        assertThat(classified.classification()).isEqualTo(new ComplaintSummary.ClassificationView("PRODUCT", "QUALITY",
                Urgency.URGENT, false, "PRODUCT-QUALITY-URGENT", PRODUCT_ROUTING));
        assertThat(classified.intake()).isEqualTo(received.intake());
        assertThat(classified.timeline())
                .isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, CLASSIFIED_AT, null, null, null, null, CLASSIFIED_AT));

        ComplaintSummary acknowledged = classified.acknowledged(ACKNOWLEDGED, 6, ACKNOWLEDGED_AT);
        assertThat(acknowledged.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(acknowledged.version()).isEqualTo(6);
        assertThat(acknowledged.classification()).isEqualTo(classified.classification());
        assertThat(acknowledged.timeline()).isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, CLASSIFIED_AT,
                ACKNOWLEDGED_AT, null, null, null, ACKNOWLEDGED_AT));

        ComplaintSummary escalated = acknowledged.escalated(ESCALATED, 7, ESCALATED_AT);
        assertThat(escalated.status()).as("an escalation does not move the status").isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(escalated.version()).isEqualTo(7);
        assertThat(escalated.escalation()).isEqualTo(
                new ComplaintSummary.EscalationView(EscalationLevel.MAJOR, List.of("media-or-regulator-risk"), null));
        assertThat(escalated.timeline()).isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, CLASSIFIED_AT,
                ACKNOWLEDGED_AT, null, null, null, ESCALATED_AT));

        ComplaintSummary resolved = escalated.resolved(RESOLVED, 9, RESOLVED_AT);
        assertThat(resolved.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved.version()).isEqualTo(9);
        assertThat(resolved.resolution()).isEqualTo(new ComplaintSummary.ResolutionView(List.of(), null, null,
                RemedyType.REFUND, Money.of("1299.00", "CNY"), "refunded in full"));
        assertThat(resolved.escalation().level()).isEqualTo(EscalationLevel.MAJOR);
        assertThat(resolved.timeline()).isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, CLASSIFIED_AT,
                ACKNOWLEDGED_AT, RESOLVED_AT, null, null, RESOLVED_AT));
        assertThat(resolved.retainUntil()).isNull();

        ComplaintSummary archived = resolved.archived(ARCHIVED, 12, ARCHIVED_AT);
        assertThat(archived.status()).isEqualTo(ComplaintStatus.ARCHIVED);
        assertThat(archived.version()).isEqualTo(12);
        assertThat(archived.retainUntil()).isEqualTo(RETAIN_UNTIL);
        assertThat(archived.timeline()).isEqualTo(new ComplaintSummary.Timeline(RECEIVED_AT, CLASSIFIED_AT,
                ACKNOWLEDGED_AT, RESOLVED_AT, null, ARCHIVED_AT, ARCHIVED_AT));
        // What was recorded on the way stays as it was.
        assertThat(archived.id()).isEqualTo("C-2026-0001");
        assertThat(archived.intake()).isEqualTo(received.intake());
        assertThat(archived.classification()).isEqualTo(classified.classification());
        assertThat(archived.escalation()).isEqualTo(escalated.escalation());
        assertThat(archived.resolution()).isEqualTo(resolved.resolution());
    }

    @Test
    @DisplayName("001 §2.2 classification tag: a reclassification after the first response keeps status and first classifiedAt")
    void reclassificationAfterAcknowledgementKeepsTheStatusAndTheFirstClassificationTime() {
        ComplaintSummary acknowledged = ComplaintSummary.received(RECEIVED, 0, RECEIVED_AT)
                                                        .classified(CLASSIFIED, 1, CLASSIFIED_AT)
                                                        .acknowledged(ACKNOWLEDGED, 2, ACKNOWLEDGED_AT);

        ComplaintSummary reclassified = acknowledged.reclassified(RECLASSIFIED, 3, RECLASSIFIED_AT);

        assertThat(reclassified.status()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(reclassified.version()).isEqualTo(3);
        assertThat(reclassified.classification()).isEqualTo(new ComplaintSummary.ClassificationView("SERVICE",
                "ATTITUDE", Urgency.GENERAL, false, "SERVICE-ATTITUDE-GENERAL", SERVICE_ROUTING));
        assertThat(reclassified.timeline().classifiedAt()).isEqualTo(CLASSIFIED_AT);
        assertThat(reclassified.timeline().acknowledgedAt()).isEqualTo(ACKNOWLEDGED_AT);
        assertThat(reclassified.timeline().updatedAt()).isEqualTo(RECLASSIFIED_AT);
    }

    @Test
    @DisplayName("a reclassification before the first response leaves the complaint classified")
    void reclassificationBeforeAcknowledgementStaysClassified() {
        ComplaintSummary reclassified = ComplaintSummary.received(RECEIVED, 0, RECEIVED_AT)
                                                        .classified(CLASSIFIED, 1, CLASSIFIED_AT)
                                                        .reclassified(RECLASSIFIED, 2, RECLASSIFIED_AT);

        assertThat(reclassified.status()).isEqualTo(ComplaintStatus.CLASSIFIED);
        assertThat(reclassified.classification().tag()).isEqualTo("SERVICE-ATTITUDE-GENERAL");
        assertThat(reclassified.timeline().classifiedAt()).isEqualTo(CLASSIFIED_AT);
    }

    @Test
    @DisplayName("version is the sequence number of the last event folded in")
    void versionFollowsTheSequenceOfEachEvent() {
        ComplaintSummary summary = ComplaintSummary.received(RECEIVED, 0, RECEIVED_AT);
        assertThat(summary.version()).isEqualTo(0);
        summary = summary.classified(CLASSIFIED, 1, CLASSIFIED_AT);
        assertThat(summary.version()).isEqualTo(1);
        summary = summary.acknowledged(ACKNOWLEDGED, 2, ACKNOWLEDGED_AT);
        assertThat(summary.version()).isEqualTo(2);
        summary = summary.escalated(ESCALATED, 3, ESCALATED_AT);
        assertThat(summary.version()).isEqualTo(3);
        summary = summary.reclassified(RECLASSIFIED, 4, RECLASSIFIED_AT);
        assertThat(summary.version()).isEqualTo(4);
        summary = summary.resolved(RESOLVED, 5, RESOLVED_AT);
        assertThat(summary.version()).isEqualTo(5);
        summary = summary.archived(ARCHIVED, 6, ARCHIVED_AT);
        assertThat(summary.version()).isEqualTo(6);
        assertThat(summary.status()).isEqualTo(ComplaintStatus.ARCHIVED);
    }
}
