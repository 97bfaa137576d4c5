package com.complaintengine.command.complaint;

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
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.archive.ArchiveProperties;
import com.complaintengine.command.archive.RetentionPolicy;
import com.complaintengine.command.classification.ClassificationProperties;
import com.complaintengine.command.classification.ResponsibilityMatrix;
import com.complaintengine.command.escalation.EscalationPolicy;
import com.complaintengine.command.escalation.EscalationProperties;
import com.complaintengine.command.resolution.RemedyAuthority;
import com.complaintengine.command.resolution.ResolutionProperties;
import com.complaintengine.command.sla.SlaPolicy;
import com.complaintengine.command.sla.SlaProperties;
import com.complaintengine.command.sla.calendar.BusinessCalendars;
import com.complaintengine.command.sla.calendar.CalendarProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the basic lifecycle (receive → classify → acknowledge → resolve → archive, reclassify,
 * escalate) and every refusal of those transitions, on an {@link AggregateTestFixture}. Successful steps are
 * checked on the exact payload and on the operator/instant stamp in the metadata.
 */
class ComplaintTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ComplaintId ID = ComplaintId.of("C-2026-0001");
    private static final String OPERATOR = "agent-li";
    private static final Map<String, Object> BY_AGENT = Map.of(MetaDataKeys.OPERATOR, OPERATOR);
    /** What every step by agent-li at NOW must carry (001 §1.3). */
    private static final MetaData STAMP = MetaData.with("operator", OPERATOR).and("occurredAt", "2026-11-23T08:00:00Z");

    private static final String MATRIX_VERSION = "test-1";
    private static final Routing PRODUCT_ROUTING =
            new Routing("technology", List.of("quality", "after-sales"), "legal", "vice-president", MATRIX_VERSION);
    private static final Routing SERVICE_ROUTING =
            new Routing("operations", List.of(), "compliance", "department-head", MATRIX_VERSION);

    private static final ReceiveComplaint RECEIVE = new ReceiveComplaint(ID, Channel.HOTLINE, "400 hotline, option 2",
            new Customer("Wang Fang", "138-0000-1111", CustomerTier.REGULAR), Instant.parse("2026-11-20T08:00:00Z"),
            "the washing machine restarts 3 times within 5 minutes of power-on", "a replacement unit",
            new Demand(DemandType.EXCHANGE, Money.of("1299.00", "CNY")), "upset", Set.of(), 1, null);
    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, Channel.HOTLINE, "400 hotline, option 2",
            new Customer("Wang Fang", "138-0000-1111", CustomerTier.REGULAR), Instant.parse("2026-11-20T08:00:00Z"),
            "the washing machine restarts 3 times within 5 minutes of power-on", "a replacement unit",
            new Demand(DemandType.EXCHANGE, Money.of("1299.00", "CNY")), "upset", Set.of(), 1, null);

    private static final ClassifyComplaint CLASSIFY = new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false);
    private static final ComplaintClassified CLASSIFIED = new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.URGENT,
            false, "PRODUCT-QUALITY-URGENT", PRODUCT_ROUTING, null);

    private static final ReclassifyComplaint RECLASSIFY = new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE",
            Urgency.GENERAL, false, "the defect was ruled out; the complaint is about the agent's attitude");

    private static final AcknowledgeComplaint ACKNOWLEDGE =
            new AcknowledgeComplaint(ID, "phone", "we are sorry and are looking into it", "call back within 24 h");
    private static final ComplaintAcknowledged ACKNOWLEDGED =
            new ComplaintAcknowledged(ID, "phone", "we are sorry and are looking into it", "call back within 24 h");

    private static final ResolveComplaint RESOLVE = new ResolveComplaint(ID, RemedyType.EXCHANGE, null, "unit exchanged");
    private static final ComplaintResolved RESOLVED = new ComplaintResolved(ID, RemedyType.EXCHANGE, null, "unit exchanged");

    private static final ComplaintArchived ARCHIVED =
            new ComplaintArchived(ID, "closed", Instant.parse("2029-11-23T08:00:00Z"));
    private static final ComplaintEscalated ESCALATED_MAJOR = new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
            "the customer threatens to go to the media", ComplaintEscalated.MANUAL, null);

    /** The full history of an archived complaint. */
    private static final Object[] ARCHIVED_HISTORY = {RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED, ARCHIVED};

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ResponsibilityMatrix(MATRIX_VERSION, Map.of(
                "PRODUCT", new ClassificationProperties.Route("technology", List.of("quality", "after-sales"), "legal",
                        "vice-president"),
                "SERVICE", new ClassificationProperties.Route("operations", List.of(), "compliance", "department-head"))));
        fixture.registerInjectableResource(new EscalationPolicy(EscalationProperties.defaults()));
        fixture.registerInjectableResource(new SlaPolicy(SlaProperties.defaults(),
                new BusinessCalendars(CalendarProperties.defaults())));
        fixture.registerInjectableResource(new RemedyAuthority(ResolutionProperties.defaults()));
        fixture.registerInjectableResource(new RetentionPolicy(new ArchiveProperties(null)));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The payload as an event message stamped by agent-li at NOW; expectEvents compares payload AND metadata. */
    private static EventMessage<?> stamped(Object payload) {
        return GenericEventMessage.asEventMessage(payload).withMetaData(STAMP);
    }

    private static EventMessage<?>[] stamped(Object... payloads) {
        EventMessage<?>[] messages = new EventMessage<?>[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            messages[i] = stamped(payloads[i]);
        }
        return messages;
    }

    /** An event carrying operator=agent-li and occurredAt=NOW (and possibly more) in its metadata. */
    private static Matcher<EventMessage<?>> stampedByAgentAtNow() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return OPERATOR.equals(event.getMetaData().get(MetaDataKeys.OPERATOR))
                        && NOW.toString().equals(event.getMetaData().get(MetaDataKeys.OCCURRED_AT));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event with operator=" + OPERATOR + " and occurredAt=" + NOW);
            }

            @Override
            protected void describeMismatchSafely(EventMessage<?> event, Description mismatch) {
                mismatch.appendText("metadata was ").appendValue(event.getMetaData());
            }
        };
    }

    /** A ComplaintRefused naming exactly this refusal. */
    private static Matcher<ComplaintRefused> refusedFor(Refusal refusal) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ComplaintRefused refused) {
                return refused.refusal() == refusal;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ComplaintRefused with refusal ").appendValue(refusal);
            }

            @Override
            protected void describeMismatchSafely(ComplaintRefused refused, Description mismatch) {
                mismatch.appendText("refusal was ").appendValue(refused.refusal());
            }
        };
    }

    /** No event, a ComplaintRefused, the refusal's own reason as message, and the refusal itself. */
    private static void assertRefused(ResultValidator<Complaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(ComplaintRefused.class)
              .expectExceptionMessage(refusal.reason())
              .expectException(refusedFor(refusal));
    }

    // ---- receive ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §1.3 every step is recorded with operator and time; 001 §2.2 receipt starts the clocks")
    void receivingRecordsTheComplaintAndStartsItsClocks() {
        // GENERAL until classified: first response in 3 working days (Mon 16:00 Shanghai → Thu 16:00), at risk at 80 %.
        SlaClockStarted firstResponse = new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW,
                Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-25T17:36:00Z"), SlaTimeBase.BUSINESS, "default");
        // Resolution in 5 working days (→ next Mon 16:00), at risk after 80 % of the 168 calendar hours.
        SlaClockStarted resolution = new SlaClockStarted(ID, SlaClock.RESOLUTION, NOW,
                Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-28T22:24:00Z"), SlaTimeBase.BUSINESS, "default");

        fixture.givenNoPriorActivity()
               .when(RECEIVE, BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(RECEIVED, firstResponse, resolution))
               .expectEventsMatching(Matchers.exactSequenceOf(stampedByAgentAtNow(), stampedByAgentAtNow(),
                       stampedByAgentAtNow(), Matchers.andNoMore()));
    }

    @Test
    @DisplayName("at least one person is affected by a complaint")
    void cannotReceiveAComplaintAffectingNoOne() {
        ReceiveComplaint nobody = new ReceiveComplaint(ID, RECEIVE.channel(), RECEIVE.channelDetail(), RECEIVE.customer(),
                RECEIVE.occurredAt(), RECEIVE.facts(), RECEIVE.expectation(), RECEIVE.demand(), RECEIVE.emotion(),
                Set.of(), 0, null);
        assertRefused(fixture.givenNoPriorActivity().when(nobody, BY_AGENT), Refusal.AFFECTED_COUNT_POSITIVE);
    }

    @Test
    @DisplayName("001 §1.3 every step is recorded with operator and time: no operator, no step")
    void cannotReceiveAComplaintWithoutAnOperator() {
        assertRefused(fixture.givenNoPriorActivity().when(RECEIVE), Refusal.OPERATOR_REQUIRED);
    }

    @Test
    @DisplayName("001 §1.3 every step is recorded with operator and time: a blank operator is no operator")
    void cannotReceiveAComplaintWithABlankOperator() {
        assertRefused(fixture.givenNoPriorActivity().when(RECEIVE, Map.of(MetaDataKeys.OPERATOR, "  ")),
                Refusal.OPERATOR_REQUIRED);
    }

    @Test
    @DisplayName("001 §1.3 every step is recorded with operator and time: also for steps after receipt")
    void cannotClassifyWithoutAnOperator() {
        assertRefused(fixture.given(RECEIVED).when(CLASSIFY), Refusal.OPERATOR_REQUIRED);
    }

    // ---- classify -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §2.2 classification tag; 004 §2 routing by the versioned responsibility matrix")
    void classifyingTagsTheComplaintAndRoutesItByTheMatrix() {
        fixture.given(RECEIVED)
               .when(CLASSIFY, BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(CLASSIFIED))
               .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                       new TypeSafeMatcher<ComplaintClassified>() {
                           @Override
                           protected boolean matchesSafely(ComplaintClassified event) {
                               return "PRODUCT-QUALITY-URGENT".equals(event.tag())
                                       && "technology".equals(event.routing().primaryDepartment())
                                       && MATRIX_VERSION.equals(event.routing().matrixVersion());
                           }

                           @Override
                           public void describeTo(Description description) {
                               description.appendText("tag PRODUCT-QUALITY-URGENT routed to technology by matrix test-1");
                           }
                       }), Matchers.andNoMore()));
    }

    @Test
    @DisplayName("001 §2.2 classification tag: a second classification needs a reclassification with a reason")
    void cannotClassifyTwice() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED)
                             .when(new ClassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false), BY_AGENT),
                Refusal.ALREADY_CLASSIFIED);
    }

    @Test
    @DisplayName("004 personal safety is always URGENT")
    void cannotClassifyPersonalSafetyAsLessThanUrgent() {
        assertRefused(fixture.given(RECEIVED)
                             .when(new ClassifyComplaint(ID, "PRODUCT", "SAFETY", Urgency.MAJOR, true), BY_AGENT),
                Refusal.PERSONAL_SAFETY_IS_URGENT);
    }

    // ---- reclassify ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §2.2 classification tag: a reclassification gives the new tag, a new routing and the reason")
    void reclassifyingRetagsAndReroutesWithTheReason() {
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
               .when(RECLASSIFY, BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(new ComplaintReclassified(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false,
                       "SERVICE-ATTITUDE-GENERAL", SERVICE_ROUTING, RECLASSIFY.reason())));
    }

    @Test
    @DisplayName("001 §2.2 classification tag: an unclassified complaint is classified, not reclassified")
    void cannotReclassifyAnUnclassifiedComplaint() {
        assertRefused(fixture.given(RECEIVED).when(RECLASSIFY, BY_AGENT), Refusal.NOT_CLASSIFIED);
    }

    @Test
    @DisplayName("001 §1.3 every step is traceable: a reclassification states its reason")
    void cannotReclassifyWithoutAReason() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED)
                             .when(new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, null),
                                     BY_AGENT),
                Refusal.RECLASSIFICATION_REASON_REQUIRED);
    }

    @Test
    @DisplayName("001 §1.3 every step is traceable: a blank reason is no reason")
    void cannotReclassifyWithABlankReason() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED)
                             .when(new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, " \t"),
                                     BY_AGENT),
                Refusal.RECLASSIFICATION_REASON_REQUIRED);
    }

    @Test
    @DisplayName("001 §2.2 classification tag: a reclassification changes something")
    void cannotReclassifyToTheSameClassification() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED)
                             .when(new ReclassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false, "checked again"),
                                     BY_AGENT),
                Refusal.RECLASSIFICATION_UNCHANGED);
    }

    @Test
    @DisplayName("001 §2.2 classification tag: a change of urgency alone is a change")
    void reclassifyingOnlyTheUrgencyIsAChange() {
        fixture.given(RECEIVED, CLASSIFIED)
               .when(new ReclassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false, "no one was hurt"), BY_AGENT)
               .expectEvents(stamped(new ComplaintReclassified(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false,
                       "PRODUCT-QUALITY-MAJOR", PRODUCT_ROUTING, "no one was hurt")));
    }

    @Test
    @DisplayName("004 personal safety is always URGENT, also on reclassification")
    void cannotReclassifyPersonalSafetyAsLessThanUrgent() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED)
                             .when(new ReclassifyComplaint(ID, "PRODUCT", "SAFETY", Urgency.GENERAL, true, "burn"), BY_AGENT),
                Refusal.PERSONAL_SAFETY_IS_URGENT);
    }

    // ---- acknowledge --------------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §2.2 first response; 003 §6 it starts the progress-update clock")
    void acknowledgingRecordsTheFirstResponseAndStartsTheUpdateClock() {
        // Not escalated: the next update is due in 48 calendar hours, at risk after 80 % of them.
        SlaClockStarted updates = new SlaClockStarted(ID, SlaClock.PROGRESS_UPDATE, NOW, NOW.plus(Duration.ofHours(48)),
                NOW.plus(Duration.ofMinutes(48 * 60 * 8 / 10)), SlaTimeBase.CALENDAR, "default");
        fixture.given(RECEIVED, CLASSIFIED)
               .when(ACKNOWLEDGE, BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(ACKNOWLEDGED, updates));
    }

    @Test
    @DisplayName("DOMAIN.md Lifecycle: received → classified → acknowledged")
    void cannotAcknowledgeAnUnclassifiedComplaint() {
        assertRefused(fixture.given(RECEIVED).when(ACKNOWLEDGE, BY_AGENT), Refusal.NOT_CLASSIFIED);
    }

    @Test
    @DisplayName("001 §2.2 first response: there is only one")
    void cannotAcknowledgeTwice() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED).when(ACKNOWLEDGE, BY_AGENT),
                Refusal.ALREADY_ACKNOWLEDGED);
    }

    // ---- escalate -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("000 §2.2 escalation levels: escalation is possible at any point before the archive, even before classification")
    void escalatingAReceivedComplaintRaisesItFromNoLevelToMajor() {
        fixture.given(RECEIVED)
               .when(new EscalateComplaint(ID, EscalationLevel.MAJOR, "the customer threatens to go to the media"), BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(ESCALATED_MAJOR));
    }

    @Test
    @DisplayName("000 §2.2 escalation levels: from MAJOR up to CRITICAL")
    void escalatingAMajorComplaintRaisesItToCritical() {
        fixture.given(RECEIVED, CLASSIFIED, ESCALATED_MAJOR)
               .when(new EscalateComplaint(ID, EscalationLevel.CRITICAL, "a regulator asked"), BY_AGENT)
               .expectEvents(stamped(new ComplaintEscalated(ID, EscalationLevel.MAJOR, EscalationLevel.CRITICAL,
                       "a regulator asked", ComplaintEscalated.MANUAL, List.of())));
    }

    @Test
    @DisplayName("000 §2.2 escalation levels: the same level again is not an escalation")
    void cannotEscalateToTheSameLevel() {
        assertRefused(fixture.given(RECEIVED, ESCALATED_MAJOR)
                             .when(new EscalateComplaint(ID, EscalationLevel.MAJOR, "again"), BY_AGENT),
                Refusal.NOT_AN_ESCALATION);
    }

    @Test
    @DisplayName("000 §2.2 escalation levels: escalation only goes up")
    void cannotEscalateToALowerLevel() {
        assertRefused(fixture.given(RECEIVED, ESCALATED_MAJOR)
                             .when(new EscalateComplaint(ID, EscalationLevel.GENERAL, "calmer now"), BY_AGENT),
                Refusal.NOT_AN_ESCALATION);
    }

    @Test
    @DisplayName("001 §2.4 archive: an archived complaint is not escalated")
    void cannotEscalateAnArchivedComplaint() {
        assertRefused(fixture.given(ARCHIVED_HISTORY)
                             .when(new EscalateComplaint(ID, EscalationLevel.CRITICAL, "late"), BY_AGENT),
                Refusal.ARCHIVED);
    }

    // ---- resolve ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("003 §5 remedies: an acknowledged complaint is resolved with its remedy")
    void resolvingAnAcknowledgedComplaintRecordsTheRemedy() {
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
               .when(RESOLVE, BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(RESOLVED));
    }

    @Test
    @DisplayName("003 §5 remedies: a refund names its amount")
    void resolvingWithARefundRecordsTheAmount() {
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
               .when(new ResolveComplaint(ID, RemedyType.REFUND, Money.of("1299.00", "CNY"), "refunded"), BY_AGENT)
               .expectEvents(stamped(new ComplaintResolved(ID, RemedyType.REFUND, Money.of("1299.00", "CNY"), "refunded")));
    }

    @Test
    @DisplayName("DOMAIN.md Lifecycle: the customer gets the first response before the resolution")
    void cannotResolveAnUnacknowledgedComplaint() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED).when(RESOLVE, BY_AGENT), Refusal.NOT_ACKNOWLEDGED);
    }

    @Test
    @DisplayName("003 §5 remedies: a refund names its amount")
    void cannotResolveWithARefundWithoutAnAmount() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
                             .when(new ResolveComplaint(ID, RemedyType.REFUND, null, "refunded"), BY_AGENT),
                Refusal.AMOUNT_REQUIRED);
    }

    @Test
    @DisplayName("003 §5 remedies: a compensation names its amount")
    void cannotResolveWithACompensationWithoutAnAmount() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
                             .when(new ResolveComplaint(ID, RemedyType.COMPENSATION, null, "compensated"), BY_AGENT),
                Refusal.AMOUNT_REQUIRED);
    }

    @Test
    @DisplayName("003 §5 remedies: a complaint is resolved once")
    void cannotResolveTwice() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED).when(RESOLVE, BY_AGENT),
                Refusal.ALREADY_RESOLVED);
    }

    // ---- archive ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §2.4 archive: a resolved complaint is archived and kept for the retention period (3 years)")
    void archivingAResolvedComplaintRecordsTheRetention() {
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED)
               .when(new ArchiveComplaint(ID, "closed"), BY_AGENT)
               .expectSuccessfulHandlerExecution()
               .expectEvents(stamped(ARCHIVED));
    }

    @Test
    @DisplayName("001 §2.4 archive: only a resolved complaint is archived")
    void cannotArchiveAnUnresolvedComplaint() {
        assertRefused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED).when(new ArchiveComplaint(ID, null), BY_AGENT),
                Refusal.NOT_RESOLVED);
    }

    @Test
    @DisplayName("001 §2.4 archive: a complaint is archived once")
    void cannotArchiveTwice() {
        assertRefused(fixture.given(ARCHIVED_HISTORY).when(new ArchiveComplaint(ID, "again"), BY_AGENT),
                Refusal.ARCHIVED);
    }

    // ---- after the archive ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("001 §2.4 archive: an archived complaint is not classified")
    void cannotClassifyAnArchivedComplaint() {
        assertRefused(fixture.given(ARCHIVED_HISTORY).when(CLASSIFY, BY_AGENT), Refusal.ARCHIVED);
    }

    @Test
    @DisplayName("001 §2.4 archive: an archived complaint is not reclassified")
    void cannotReclassifyAnArchivedComplaint() {
        assertRefused(fixture.given(ARCHIVED_HISTORY).when(RECLASSIFY, BY_AGENT), Refusal.ARCHIVED);
    }

    @Test
    @DisplayName("001 §2.4 archive: an archived complaint is not acknowledged")
    void cannotAcknowledgeAnArchivedComplaint() {
        assertRefused(fixture.given(ARCHIVED_HISTORY).when(ACKNOWLEDGE, BY_AGENT), Refusal.ARCHIVED);
    }

    @Test
    @DisplayName("001 §2.4 archive: an archived complaint is not resolved")
    void cannotResolveAnArchivedComplaint() {
        assertRefused(fixture.given(ARCHIVED_HISTORY)
                             .when(new ResolveComplaint(ID, RemedyType.APOLOGY, null, "again"), BY_AGENT),
                Refusal.ARCHIVED);
    }
}
