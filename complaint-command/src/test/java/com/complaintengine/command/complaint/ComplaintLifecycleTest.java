package com.complaintengine.command.complaint;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

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
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.events.SlaClockStarted;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The basic lifecycle (DOMAIN.md "Lifecycle"): every transition, and every refusal of a transition it forbids. */
class ComplaintLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Map<String, Object> BY_AGENT = Map.of("operator", "agent-li");
    private static final Routing PRODUCT = new Routing("technology", List.of("quality"), "legal", "vice-president", "v1");
    private static final Routing SERVICE = new Routing("operations", List.of(), "legal", "department-head", "v1");

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ResponsibilityMatrix("v1", Map.of(
                "PRODUCT", new ClassificationProperties.Route("technology", List.of("quality"), "legal", "vice-president"),
                "SERVICE", new ClassificationProperties.Route("operations", List.of(), "legal", "department-head"))));
        fixture.registerInjectableResource(new EscalationPolicy(EscalationProperties.defaults()));
        fixture.registerInjectableResource(new RetentionPolicy(new ArchiveProperties(null)));
        fixture.registerInjectableResource(new RemedyAuthority(ResolutionProperties.defaults()));
        fixture.registerInjectableResource(new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults())));
    }

    private static final ReceiveComplaint RECEIVE = new ReceiveComplaint(ID, Channel.HOTLINE, "400 hotline, option 2",
            new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), Instant.parse("2026-11-20T08:00:00Z"),
            "restarts 3 times within 5 minutes of power-on", "a replacement unit",
            new Demand(DemandType.EXCHANGE, Money.of("1299.00", "CNY")), "raised voice", Set.of(), 1, null);
    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, RECEIVE.channel(), RECEIVE.channelDetail(),
            RECEIVE.customer(), RECEIVE.occurredAt(), RECEIVE.facts(), RECEIVE.expectation(), RECEIVE.demand(),
            RECEIVE.emotion(), RECEIVE.specialCircumstances(), 1, null);
    private static final ComplaintClassified CLASSIFIED = new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.URGENT,
            false, "PRODUCT-QUALITY-URGENT", PRODUCT, null);
    private static final ComplaintAcknowledged ACKNOWLEDGED = new ComplaintAcknowledged(ID, "phone", "sorry", "call back in 24 h");
    private static final ComplaintResolved RESOLVED = new ComplaintResolved(ID, RemedyType.EXCHANGE, null, "exchanged");
    private static final ComplaintArchived ARCHIVED = new ComplaintArchived(ID, null, NOW);

    private static void refused(ResultValidator<Complaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(allOf(instanceOf(ComplaintRefused.class), hasProperty("message", is(refusal.reason()))));
    }

    /** The event's metadata names the operator and the instant of the step (001 §1.3). */
    private static TypeSafeMatcher<EventMessage<?>> stampedBy(String operator) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return operator.equals(event.getMetaData().get("operator"))
                        && NOW.toString().equals(event.getMetaData().get("occurredAt"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event stamped by " + operator + " at " + NOW);
            }
        };
    }

    @Test
    @DisplayName("001 §1.3: a received complaint is recorded with the operator and the instant in its metadata")
    void receivesWithOperatorAndInstant() {
        // 001 §2.2: GENERAL until classified: 3 working days from Monday 16:00 in Shanghai is Thursday 16:00.
        SlaClockStarted clock = new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-25T17:36:00Z"), SlaTimeBase.BUSINESS, "default");
        // The resolution clock: 5 working days, Monday 16:00 → next Monday 16:00; at risk after 80 % of 168 h.
        SlaClockStarted resolution = new SlaClockStarted(ID, SlaClock.RESOLUTION, NOW, Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-28T22:24:00Z"), SlaTimeBase.BUSINESS, "default");
        fixture.givenNoPriorActivity().when(RECEIVE, BY_AGENT)
               .expectEvents(RECEIVED, clock, resolution)
               .expectEventsMatching(Matchers.exactSequenceOf(stampedBy("agent-li"), stampedBy("agent-li"),
                       stampedBy("agent-li"), Matchers.andNoMore()));
    }

    @Test
    @DisplayName("001 §1.3: a step without an operator is refused")
    void refusesAStepWithoutOperator() {
        refused(fixture.givenNoPriorActivity().when(RECEIVE), Refusal.OPERATOR_REQUIRED);
    }

    @Test
    @DisplayName("at least one person is affected")
    void refusesNoOneAffected() {
        ReceiveComplaint nobody = new ReceiveComplaint(ID, RECEIVE.channel(), null, RECEIVE.customer(), RECEIVE.occurredAt(),
                "f", "e", RECEIVE.demand(), "calm", Set.of(), 0, null);
        refused(fixture.givenNoPriorActivity().when(nobody, BY_AGENT), Refusal.AFFECTED_COUNT_POSITIVE);
    }

    @Test
    @DisplayName("001 §2.2: classification routes by the matrix and tags the complaint")
    void classifiesAndRoutes() {
        fixture.given(RECEIVED).when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false), BY_AGENT)
               .expectEvents(CLASSIFIED);
    }

    @Test
    @DisplayName("classifying twice without a reclassification is refused")
    void cannotClassifyTwice() {
        refused(fixture.given(RECEIVED, CLASSIFIED)
                       .when(new ClassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false), BY_AGENT),
                Refusal.ALREADY_CLASSIFIED);
    }

    @Test
    @DisplayName("a reclassification gives a reason and routes anew")
    void reclassifiesWithReason() {
        fixture.given(RECEIVED, CLASSIFIED)
               .when(new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, "about the agent"), BY_AGENT)
               .expectEvents(new ComplaintReclassified(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false,
                       "SERVICE-ATTITUDE-GENERAL", SERVICE, "about the agent"));
    }

    @Test
    @DisplayName("a reclassification needs a classification, a reason, and a change")
    void reclassificationRules() {
        ReclassifyComplaint change = new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, "why");
        refused(fixture.given(RECEIVED).when(change, BY_AGENT), Refusal.NOT_CLASSIFIED);
        refused(fixture.given(RECEIVED, CLASSIFIED)
                       .when(new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, " "), BY_AGENT),
                Refusal.RECLASSIFICATION_REASON_REQUIRED);
        refused(fixture.given(RECEIVED, CLASSIFIED)
                       .when(new ReclassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false, "same"), BY_AGENT),
                Refusal.RECLASSIFICATION_UNCHANGED);
    }

    @Test
    @DisplayName("the first response comes after classification, once")
    void acknowledgesOnceAfterClassification() {
        AcknowledgeComplaint acknowledge = new AcknowledgeComplaint(ID, "phone", "sorry", "call back in 24 h");
        // 003 §6: the first response starts the progress-update clock: 48 h for a complaint not escalated.
        fixture.given(RECEIVED, CLASSIFIED).when(acknowledge, BY_AGENT)
               .expectEvents(ACKNOWLEDGED, new SlaClockStarted(ID, SlaClock.PROGRESS_UPDATE, NOW,
                       NOW.plus(java.time.Duration.ofHours(48)), NOW.plus(java.time.Duration.ofMinutes(2304)),
                       SlaTimeBase.CALENDAR, "default"));
        refused(fixture.given(RECEIVED).when(acknowledge, BY_AGENT), Refusal.NOT_CLASSIFIED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED).when(acknowledge, BY_AGENT), Refusal.ALREADY_ACKNOWLEDGED);
    }

    @Test
    @DisplayName("000 §2.2: escalation goes up only, at any point before the archive")
    void escalatesUpwardsOnly() {
        fixture.given(RECEIVED).when(new EscalateComplaint(ID, EscalationLevel.MAJOR, "media"), BY_AGENT)
               .expectEvents(new ComplaintEscalated(ID, null, EscalationLevel.MAJOR, "media", "MANUAL", List.of()));
        ComplaintEscalated major = new ComplaintEscalated(ID, null, EscalationLevel.MAJOR, "media", "MANUAL", List.of());
        fixture.given(RECEIVED, major).when(new EscalateComplaint(ID, EscalationLevel.CRITICAL, "regulator"), BY_AGENT)
               .expectEvents(new ComplaintEscalated(ID, EscalationLevel.MAJOR, EscalationLevel.CRITICAL, "regulator", "MANUAL", List.of()));
        refused(fixture.given(RECEIVED, major).when(new EscalateComplaint(ID, EscalationLevel.MAJOR, "again"), BY_AGENT),
                Refusal.NOT_AN_ESCALATION);
        refused(fixture.given(RECEIVED, major).when(new EscalateComplaint(ID, EscalationLevel.GENERAL, "lower"), BY_AGENT),
                Refusal.NOT_AN_ESCALATION);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED, ARCHIVED)
                       .when(new EscalateComplaint(ID, EscalationLevel.CRITICAL, "late"), BY_AGENT),
                Refusal.ARCHIVED);
    }

    @Test
    @DisplayName("003 §5: resolution follows the first response, once; refunds and compensation name an amount")
    void resolutionRules() {
        ResolveComplaint exchange = new ResolveComplaint(ID, RemedyType.EXCHANGE, null, "exchanged");
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED).when(exchange, BY_AGENT).expectEvents(RESOLVED);
        refused(fixture.given(RECEIVED, CLASSIFIED).when(exchange, BY_AGENT), Refusal.NOT_ACKNOWLEDGED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED).when(exchange, BY_AGENT), Refusal.ALREADY_RESOLVED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED)
                       .when(new ResolveComplaint(ID, RemedyType.REFUND, null, "refunded"), BY_AGENT),
                Refusal.AMOUNT_REQUIRED);
    }

    @Test
    @DisplayName("001 §2.4: only a resolved complaint is archived, once; nothing changes it afterwards")
    void archiveRules() {
        fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED).when(new ArchiveComplaint(ID, null), BY_AGENT)
               .expectEvents(new ComplaintArchived(ID, null, Instant.parse("2029-11-23T08:00:00Z")));
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED).when(new ArchiveComplaint(ID, null), BY_AGENT),
                Refusal.NOT_RESOLVED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED, ARCHIVED).when(new ArchiveComplaint(ID, null), BY_AGENT),
                Refusal.ARCHIVED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED, ARCHIVED)
                       .when(new ResolveComplaint(ID, RemedyType.EXCHANGE, null, "again"), BY_AGENT),
                Refusal.ARCHIVED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ACKNOWLEDGED, RESOLVED, ARCHIVED)
                       .when(new ReclassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false, "late"), BY_AGENT),
                Refusal.ARCHIVED);
        refused(fixture.given(RECEIVED, ARCHIVED)
                       .when(new ClassifyComplaint(ID, "SERVICE", "ATTITUDE", Urgency.GENERAL, false), BY_AGENT),
                Refusal.ARCHIVED);
        refused(fixture.given(RECEIVED, CLASSIFIED, ARCHIVED)
                       .when(new AcknowledgeComplaint(ID, "phone", "late", null), BY_AGENT),
                Refusal.ARCHIVED);
    }
}
