package com.complaintengine.command.complaint;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.complaintengine.api.commands.AddEvidence;
import com.complaintengine.api.commands.ApproveRemedy;
import com.complaintengine.api.commands.ArchiveComplaint;
import com.complaintengine.api.commands.AssignHandler;
import com.complaintengine.api.commands.ClassifyComplaint;
import com.complaintengine.api.commands.ConfirmOutcome;
import com.complaintengine.api.commands.ExtendDeadline;
import com.complaintengine.api.commands.FormTaskForce;
import com.complaintengine.api.commands.OfferRemedyOptions;
import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.commands.RecordCommunication;
import com.complaintengine.api.commands.RecordRemedyChoice;
import com.complaintengine.api.commands.ResolveComplaint;
import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
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
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerConsent;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.EvidenceSource;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.SuggestedClassification;
import com.complaintengine.api.values.SuggestionOutcome;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The procedure rules beyond the basic lifecycle: escalation, handling, remedies, closing. */
class ComplaintProcedureTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Map<String, Object> BY_AGENT = Map.of("operator", "agent-li");
    private static final Routing PRODUCT_ROUTE = new Routing("technology", List.of("quality"), "legal", "vice-president", "test-1");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ResponsibilityMatrix("test-1", Map.of(
                "PRODUCT", new ClassificationProperties.Route("technology", List.of("quality"), "legal", "vice-president"))));
        fixture.registerInjectableResource(new EscalationPolicy(EscalationProperties.defaults()));
        fixture.registerInjectableResource(new RetentionPolicy(new ArchiveProperties(null)));
        fixture.registerInjectableResource(new RemedyAuthority(ResolutionProperties.defaults()));
        fixture.registerInjectableResource(new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults())));
    }

    private static ReceiveComplaint intake(int people, Money claim, Channel channel, Set<SpecialCircumstance> circumstances) {
        return new ReceiveComplaint(ID, channel, null, new Customer("Wang Fang", "138-0000-1111", CustomerTier.REGULAR),
                Instant.parse("2026-11-20T08:00:00Z"), "facts", "expectation",
                new Demand(claim == null ? DemandType.REPAIR : DemandType.COMPENSATION, claim), "calm", circumstances, people, null);
    }

    private static ComplaintReceived received(ReceiveComplaint c) {
        return new ComplaintReceived(ID, c.channel(), c.channelDetail(), c.customer(), c.occurredAt(), c.facts(),
                c.expectation(), c.demand(), c.emotion(), c.specialCircumstances(), c.affectedCount(), null);
    }

    /** The first-response clock a received complaint starts, as the default policy computes it. */
    private static SlaClockStarted clockStarted(ReceiveComplaint c) {
        Urgency assumed = c.suggestedClassification() == null ? Urgency.GENERAL : c.suggestedClassification().urgency();
        SlaPolicy.Due due = new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults())).firstResponse(NOW, assumed, c.channel());
        return new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, due.dueAt(), due.atRiskAt(), due.timeBase(),
                due.policyVersion());
    }

    /** The resolution clock a received complaint starts, as the default policy computes it. */
    private static SlaClockStarted resolutionStarted(ReceiveComplaint c) {
        Urgency assumed = c.suggestedClassification() == null ? Urgency.GENERAL : c.suggestedClassification().urgency();
        SlaPolicy.Due due = new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults()))
                .resolution(NOW, assumed);
        return new SlaClockStarted(ID, SlaClock.RESOLUTION, NOW, due.dueAt(), due.atRiskAt(), due.timeBase(),
                due.policyVersion());
    }

    private static ComplaintReceived plainReceived() {
        return received(intake(1, null, Channel.HOTLINE, Set.of()));
    }

    private static ComplaintClassified classified() {
        return new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.GENERAL, false, "PRODUCT-QUALITY-GENERAL", PRODUCT_ROUTE, null);
    }

    private static ComplaintAcknowledged acknowledged() {
        return new ComplaintAcknowledged(ID, "phone", "sorry", "call back in 24 h");
    }

    private static Money cny(String value) {
        return Money.of(value, "CNY");
    }

    private TestExecutor<Complaint> givenAcknowledged(Object... more) {
        Object[] events = new Object[3 + more.length];
        events[0] = plainReceived();
        events[1] = classified();
        events[2] = acknowledged();
        System.arraycopy(more, 0, events, 3, more.length);
        return fixture.given(events);
    }

    private static void refused(ResultValidator<Complaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(allOf(instanceOf(ComplaintRefused.class), hasProperty("message", is(refusal.reason()))));
    }

    // ---- 000 §2.2, 003 §3: automatic escalation at intake, naming the rules

    @Test
    @DisplayName("000 §2.2: more than 10 people affected goes straight to CRITICAL, naming group-size")
    void moreThanTenPeopleIsCritical() {
        ReceiveComplaint command = intake(11, null, Channel.STORE_COUNTER, Set.of());
        fixture.givenNoPriorActivity().when(command, BY_AGENT)
               .expectEvents(received(command), new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL,
                       "11 people affected, more than 10", ComplaintEscalated.AUTOMATIC, List.of("group-size")),
                       clockStarted(command), resolutionStarted(command));
    }

    @Test
    @DisplayName("000 §2.2: exactly 10 people is not yet a group escalation")
    void tenPeopleIsNoEscalation() {
        ReceiveComplaint command = intake(10, null, Channel.STORE_COUNTER, Set.of());
        fixture.givenNoPriorActivity().when(command, BY_AGENT).expectEvents(received(command), clockStarted(command), resolutionStarted(command));
    }

    @Test
    @DisplayName("000 §2.2: a claim above 500,000 CNY is CRITICAL; exactly 500,000 or another currency is not")
    void largeClaimIsCritical() {
        ReceiveComplaint above = intake(1, cny("500000.01"), Channel.HOTLINE, Set.of());
        fixture.givenNoPriorActivity().when(above, BY_AGENT)
               .expectEvents(received(above), new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL,
                       "claim of 500000.01 CNY above 500000", ComplaintEscalated.AUTOMATIC, List.of("large-claim")),
                       clockStarted(above), resolutionStarted(above));

        ReceiveComplaint at = intake(1, cny("500000"), Channel.HOTLINE, Set.of());
        fixture.givenNoPriorActivity().when(at, BY_AGENT).expectEvents(received(at), clockStarted(at), resolutionStarted(at));

        ReceiveComplaint dollars = intake(1, Money.of("600000", "USD"), Channel.HOTLINE, Set.of());
        fixture.givenNoPriorActivity().when(dollars, BY_AGENT).expectEvents(received(dollars), clockStarted(dollars), resolutionStarted(dollars));
    }

    @Test
    @DisplayName("003 §3: media, exposure or regulator risk is MAJOR; several rules fire as one escalation to the highest level")
    void riskIsMajorAndRulesCombine() {
        ReceiveComplaint media = intake(1, null, Channel.SOCIAL_MEDIA, Set.of(SpecialCircumstance.MEDIA_PRESENT));
        fixture.givenNoPriorActivity().when(media, BY_AGENT)
               .expectEvents(received(media), new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
                       "media or regulator risk: MEDIA_PRESENT", ComplaintEscalated.AUTOMATIC,
                       List.of("media-or-regulator-risk")), clockStarted(media), resolutionStarted(media));

        ReceiveComplaint regulator = intake(1, null, Channel.REGULATOR_PLATFORM, Set.of());
        fixture.givenNoPriorActivity().when(regulator, BY_AGENT)
               .expectEvents(received(regulator), new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
                       "media or regulator risk: received through a regulator platform", ComplaintEscalated.AUTOMATIC,
                       List.of("media-or-regulator-risk")), clockStarted(regulator), resolutionStarted(regulator));

        ReceiveComplaint both = intake(86, null, Channel.STORE_COUNTER, Set.of(SpecialCircumstance.EXPOSURE_THREAT));
        fixture.givenNoPriorActivity().when(both, BY_AGENT)
               .expectEvents(received(both), new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL,
                       "86 people affected, more than 10; media or regulator risk: EXPOSURE_THREAT",
                       ComplaintEscalated.AUTOMATIC, List.of("group-size", "media-or-regulator-risk")), clockStarted(both), resolutionStarted(both));
    }

    @Test
    @DisplayName("004: personal safety is URGENT and escalates to MAJOR at classification")
    void personalSafetyEscalates() {
        fixture.given(plainReceived())
               .when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, true), BY_AGENT)
               .expectEvents(new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.URGENT, true,
                               "PRODUCT-QUALITY-URGENT", PRODUCT_ROUTE, null),
                       new ComplaintEscalated(ID, null, EscalationLevel.MAJOR, "personal safety at stake",
                               ComplaintEscalated.AUTOMATIC, List.of("personal-safety")));
    }

    @Test
    @DisplayName("004: personal safety classified below URGENT is refused")
    void personalSafetyMustBeUrgent() {
        refused(fixture.given(plainReceived())
                       .when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, true), BY_AGENT),
                Refusal.PERSONAL_SAFETY_IS_URGENT);
    }

    @Test
    @DisplayName("an automatic rule never lowers or repeats a level already reached")
    void automaticEscalationOnlyGoesUp() {
        fixture.given(plainReceived(), new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL, "manual", "MANUAL", List.of()))
               .when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, true), BY_AGENT)
               .expectEvents(new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.URGENT, true,
                       "PRODUCT-QUALITY-URGENT", PRODUCT_ROUTE, null));
    }

    // ---- 004 §3: the suggested classification, accepted or overridden

    @Test
    @DisplayName("004 §3: the classification records whether the agent accepted or overrode the suggestion")
    void recordsWhatTheAgentDidWithTheSuggestion() {
        SuggestedClassification suggestion = new SuggestedClassification("PRODUCT", "QUALITY", Urgency.GENERAL,
                List.of("type PRODUCT/QUALITY: matched 'restarts'"));
        ReceiveComplaint command = new ReceiveComplaint(ID, Channel.HOTLINE, null,
                new Customer("Wang Fang", "138-0000-1111", CustomerTier.REGULAR), Instant.parse("2026-11-20T08:00:00Z"),
                "restarts", "exchange", new Demand(DemandType.EXCHANGE, null), "calm", Set.of(), 1, suggestion);
        ComplaintReceived received = new ComplaintReceived(ID, Channel.HOTLINE, null, command.customer(), command.occurredAt(),
                "restarts", "exchange", command.demand(), "calm", Set.of(), 1, suggestion);
        fixture.givenNoPriorActivity().when(command, BY_AGENT).expectEvents(received, clockStarted(command), resolutionStarted(command));

        fixture.given(received).when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.GENERAL, false), BY_AGENT)
               .expectEvents(new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.GENERAL, false,
                       "PRODUCT-QUALITY-GENERAL", PRODUCT_ROUTE, SuggestionOutcome.ACCEPTED));
        fixture.given(received).when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false), BY_AGENT)
               .expectEvents(new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false,
                       "PRODUCT-QUALITY-MAJOR", PRODUCT_ROUTE, SuggestionOutcome.OVERRIDDEN));
    }

    // ---- 003 §4, §6: handling

    @Test
    @DisplayName("003 §6: a communication is logged with its direction and channel")
    void logsCommunication() {
        givenAcknowledged()
                .when(new RecordCommunication(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "inspection on Thursday"), BY_AGENT)
                .expectEvents(new CommunicationRecorded(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "inspection on Thursday"));
    }

    @Test
    @DisplayName("003 §4: evidence is a reference with the SHA-256 of its content; a malformed hash is refused")
    void evidenceNeedsAContentHash() {
        givenAcknowledged()
                .when(new AddEvidence(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH), BY_AGENT)
                .expectEvents(new EvidenceAdded(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH, EvidenceAdded.SHA_256));
        refused(givenAcknowledged().when(new AddEvidence(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", "abc"), BY_AGENT),
                Refusal.CONTENT_HASH_INVALID);
    }

    @Test
    @DisplayName("assignment needs a classification; reassignment names the previous handler; the same handler twice is refused")
    void assignsAndReassigns() {
        refused(fixture.given(plainReceived()).when(new AssignHandler(ID, "chen", "technology"), BY_AGENT),
                Refusal.NOT_CLASSIFIED);
        givenAcknowledged(new HandlerAssigned(ID, "chen", "technology", null))
                .when(new AssignHandler(ID, "liu", "technology"), BY_AGENT)
                .expectEvents(new HandlerAssigned(ID, "liu", "technology", "chen"));
        refused(givenAcknowledged(new HandlerAssigned(ID, "chen", "technology", null))
                        .when(new AssignHandler(ID, "chen", "technology"), BY_AGENT),
                Refusal.ALREADY_ASSIGNED);
    }

    @Test
    @DisplayName("001 §2.3: an extension needs a reason, the customer's recorded consent and a future deadline")
    void extensionNeedsReasonAndConsent() {
        Instant due = NOW.plus(Duration.ofDays(2));
        CustomerConsent consent = new CustomerConsent("phone", NOW.minusSeconds(60));
        givenAcknowledged().when(new ExtendDeadline(ID, "resolution", due, "parts arrive Friday", consent), BY_AGENT)
                           .expectEvents(new DeadlineExtended(ID, "resolution", due, "parts arrive Friday", consent));
        refused(givenAcknowledged().when(new ExtendDeadline(ID, "resolution", due, " ", consent), BY_AGENT),
                Refusal.EXTENSION_REASON_REQUIRED);
        refused(givenAcknowledged().when(new ExtendDeadline(ID, "resolution", due, "parts", null), BY_AGENT),
                Refusal.CUSTOMER_CONSENT_REQUIRED);
        refused(givenAcknowledged().when(new ExtendDeadline(ID, "resolution", NOW, "parts", consent), BY_AGENT),
                Refusal.EXTENSION_NOT_IN_FUTURE);
        refused(givenAcknowledged(new ComplaintResolved(ID, RemedyType.REPAIR, null, "fixed"))
                        .when(new ExtendDeadline(ID, "resolution", due, "parts", consent), BY_AGENT),
                Refusal.ALREADY_RESOLVED);
    }

    @Test
    @DisplayName("000, 002 §2.1: a CRITICAL complaint forms a 1+3+N task force once")
    void formsTaskForce() {
        ComplaintEscalated critical = new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL, "86 people", "AUTOMATIC", List.of("group-size"));
        FormTaskForce complete = new FormTaskForce(ID, "vp-wu", List.of("service", "business", "legal"), List.of("recorder"));
        fixture.given(plainReceived(), critical).when(complete, BY_AGENT)
               .expectEvents(new TaskForceFormed(ID, "vp-wu", List.of("service", "business", "legal"), List.of("recorder")));
        refused(fixture.given(plainReceived()).when(complete, BY_AGENT), Refusal.TASK_FORCE_NEEDS_CRITICAL);
        refused(fixture.given(plainReceived(), critical)
                       .when(new FormTaskForce(ID, "vp-wu", List.of("service", "legal"), List.of()), BY_AGENT),
                Refusal.TASK_FORCE_INCOMPLETE);
        refused(fixture.given(plainReceived(), critical, new TaskForceFormed(ID, "vp-wu", List.of("a", "b", "c"), List.of()))
                       .when(complete, BY_AGENT),
                Refusal.TASK_FORCE_EXISTS);
    }

    // ---- 003 §5: remedies

    private static final RemedyOption SMALL = new RemedyOption("option 1", RemedyType.COMPENSATION, Money.of("30", "CNY"), "30 CNY credit");
    private static final RemedyOption REPAIR = new RemedyOption("option 2", RemedyType.REPAIR, null, "free repair");
    private static final RemedyOption LARGE = new RemedyOption("option 3", RemedyType.COMPENSATION, Money.of("30000", "CNY"), "goodwill");

    @Test
    @DisplayName("003 §5: tiered options are offered after the first response, with unique labels and amounts where money is paid")
    void offersTieredOptions() {
        givenAcknowledged().when(new OfferRemedyOptions(ID, List.of(SMALL, REPAIR)), BY_AGENT)
                           .expectEvents(new RemedyOptionsOffered(ID, List.of(SMALL, REPAIR)));
        refused(fixture.given(plainReceived(), classified()).when(new OfferRemedyOptions(ID, List.of(SMALL)), BY_AGENT),
                Refusal.NOT_ACKNOWLEDGED);
        refused(givenAcknowledged().when(new OfferRemedyOptions(ID, List.of()), BY_AGENT), Refusal.OPTIONS_REQUIRED);
        refused(givenAcknowledged().when(new OfferRemedyOptions(ID, List.of(SMALL, SMALL)), BY_AGENT),
                Refusal.OPTION_LABELS_UNIQUE);
        refused(givenAcknowledged().when(new OfferRemedyOptions(ID,
                        List.of(new RemedyOption("x", RemedyType.REFUND, null, "refund"))), BY_AGENT),
                Refusal.AMOUNT_REQUIRED);
    }

    @Test
    @DisplayName("003 §5: an amount above the handler's authority needs the decision authority's approval first")
    void largeAmountsNeedApproval() {
        refused(givenAcknowledged().when(new OfferRemedyOptions(ID, List.of(LARGE)), BY_AGENT), Refusal.APPROVAL_REQUIRED);
        refused(givenAcknowledged().when(new ResolveComplaint(ID, RemedyType.COMPENSATION, Money.of("5000.01", "CNY"), "paid"), BY_AGENT),
                Refusal.APPROVAL_REQUIRED);
        givenAcknowledged().when(new ApproveRemedy(ID, Money.of("50000", "CNY"), "vp approves"), Map.of("operator", "vp-wu"))
                           .expectEvents(new RemedyApproved(ID, Money.of("50000", "CNY"), "vp approves"));
        givenAcknowledged(new RemedyApproved(ID, Money.of("50000", "CNY"), "vp approves"))
                .when(new OfferRemedyOptions(ID, List.of(LARGE)), BY_AGENT)
                .expectEvents(new RemedyOptionsOffered(ID, List.of(LARGE)));
        givenAcknowledged().when(new ResolveComplaint(ID, RemedyType.COMPENSATION, Money.of("5000", "CNY"), "paid"), BY_AGENT)
                           .expectEvents(new ComplaintResolved(ID, RemedyType.COMPENSATION, Money.of("5000", "CNY"), "paid"));
    }

    @Test
    @DisplayName("003 §5: the authority limit is per role — a supervisor goes further than a handler, an agent pays nothing alone")
    void authorityIsPerRole() {
        ResolveComplaint twentyThousand = new ResolveComplaint(ID, RemedyType.COMPENSATION, Money.of("20000", "CNY"), "paid");
        givenAcknowledged().when(twentyThousand, Map.of("operator", "zhao", "operatorRole", "SUPERVISOR"))
                           .expectEvents(new ComplaintResolved(ID, RemedyType.COMPENSATION, Money.of("20000", "CNY"), "paid"));
        refused(givenAcknowledged().when(twentyThousand, Map.of("operator", "chen", "operatorRole", "HANDLER")),
                Refusal.APPROVAL_REQUIRED);
        refused(givenAcknowledged().when(new ResolveComplaint(ID, RemedyType.REFUND, Money.of("1", "CNY"), "refunded"),
                        Map.of("operator", "li", "operatorRole", "AGENT")),
                Refusal.APPROVAL_REQUIRED);
        refused(givenAcknowledged().when(new ResolveComplaint(ID, RemedyType.REFUND, Money.of("1", "CNY"), "refunded"),
                        Map.of("operator", "x", "operatorRole", "VISITOR")),
                Refusal.APPROVAL_REQUIRED);
    }

    @Test
    @DisplayName("003 §5: the customer chooses one offered option, and the resolution follows the choice")
    void resolutionFollowsTheChoice() {
        refused(givenAcknowledged().when(new RecordRemedyChoice(ID, "option 1"), BY_AGENT), Refusal.NOTHING_OFFERED);
        refused(givenAcknowledged(new RemedyOptionsOffered(ID, List.of(SMALL, REPAIR)))
                        .when(new RecordRemedyChoice(ID, "option 9"), BY_AGENT),
                Refusal.NO_SUCH_OPTION);
        givenAcknowledged(new RemedyOptionsOffered(ID, List.of(SMALL, REPAIR)))
                .when(new RecordRemedyChoice(ID, "option 2"), BY_AGENT)
                .expectEvents(new RemedyChosen(ID, REPAIR));
        refused(givenAcknowledged(new RemedyOptionsOffered(ID, List.of(SMALL, REPAIR)), new RemedyChosen(ID, SMALL))
                        .when(new ResolveComplaint(ID, RemedyType.REPAIR, null, "repaired"), BY_AGENT),
                Refusal.REMEDY_DIFFERS_FROM_CHOICE);
        givenAcknowledged(new RemedyOptionsOffered(ID, List.of(SMALL, REPAIR)), new RemedyChosen(ID, SMALL))
                .when(new ResolveComplaint(ID, RemedyType.COMPENSATION, Money.of("30.00", "CNY"), "credited"), BY_AGENT)
                .expectEvents(new ComplaintResolved(ID, RemedyType.COMPENSATION, Money.of("30.00", "CNY"), "credited"));
    }

    // ---- 001 §2.3, 003 §6, 001 §2.4: closing and archive

    private static final ComplaintResolved RESOLVED = new ComplaintResolved(ID, RemedyType.REPAIR, null, "repaired");

    @Test
    @DisplayName("001 §2.3: a satisfied customer confirms; the score is optional")
    void satisfiedCustomerConfirms() {
        givenAcknowledged(RESOLVED).when(new ConfirmOutcome(ID, true, null, "phone", null), BY_AGENT)
                                   .expectEvents(new OutcomeConfirmed(ID, true, null, "phone", null));
        givenAcknowledged(RESOLVED).when(new ConfirmOutcome(ID, true, 5, "phone", "thanks"), BY_AGENT)
                                   .expectEvents(new OutcomeConfirmed(ID, true, 5, "phone", "thanks"));
    }

    @Test
    @DisplayName("003 §6: concerns remain → the complaint is reopened and can be resolved again")
    void concernsReopen() {
        givenAcknowledged(RESOLVED).when(new ConfirmOutcome(ID, false, 2, "phone", "still restarts"), BY_AGENT)
                                   .expectEvents(new OutcomeConfirmed(ID, false, 2, "phone", "still restarts"),
                                           new ComplaintReopened(ID, "still restarts"),
                                           new SlaClockStarted(ID, SlaClock.PROGRESS_UPDATE, NOW, NOW.plus(Duration.ofHours(48)),
                                                   NOW.plus(Duration.ofMinutes(2304)), com.complaintengine.api.values.SlaTimeBase.CALENDAR,
                                                   "default"),
                                           // GENERAL: 5 working days from Monday 16:00 in Shanghai is the next Monday 16:00.
                                           new SlaClockStarted(ID, SlaClock.RESOLUTION, NOW, Instant.parse("2026-11-30T08:00:00Z"),
                                                   Instant.parse("2026-11-28T22:24:00Z"),
                                                   com.complaintengine.api.values.SlaTimeBase.BUSINESS, "default"));
        givenAcknowledged(RESOLVED, new OutcomeConfirmed(ID, false, null, "phone", "no"), new ComplaintReopened(ID, "no"))
                .when(new ResolveComplaint(ID, RemedyType.EXCHANGE, null, "exchanged"), BY_AGENT)
                .expectEvents(new ComplaintResolved(ID, RemedyType.EXCHANGE, null, "exchanged"));
        refused(givenAcknowledged(RESOLVED, new OutcomeConfirmed(ID, false, null, "phone", "no"), new ComplaintReopened(ID, "no"))
                        .when(new ArchiveComplaint(ID, null), BY_AGENT),
                Refusal.NOT_RESOLVED);
    }

    @Test
    @DisplayName("confirmation needs a resolution, a score within 1–5, and happens once")
    void confirmationRules() {
        refused(givenAcknowledged().when(new ConfirmOutcome(ID, true, null, "phone", null), BY_AGENT), Refusal.NOT_RESOLVED);
        refused(givenAcknowledged(RESOLVED).when(new ConfirmOutcome(ID, true, 6, "phone", null), BY_AGENT),
                Refusal.SCORE_OUT_OF_RANGE);
        refused(givenAcknowledged(RESOLVED, new OutcomeConfirmed(ID, true, 4, "phone", null))
                        .when(new ConfirmOutcome(ID, true, 5, "phone", null), BY_AGENT),
                Refusal.ALREADY_CONFIRMED);
    }

    @Test
    @DisplayName("001 §2.4: the archive records until when personal data is retained (3 years by default)")
    void archiveComputesRetention() {
        givenAcknowledged(RESOLVED).when(new ArchiveComplaint(ID, "done"), BY_AGENT)
                                   .expectEvents(new ComplaintArchived(ID, "done", Instant.parse("2029-11-23T08:00:00Z")));
    }

    @Test
    @DisplayName("after the archive, handling commands are refused")
    void archivedComplaintRefusesHandling() {
        ComplaintArchived archived = new ComplaintArchived(ID, null, NOW);
        refused(givenAcknowledged(RESOLVED, archived)
                        .when(new RecordCommunication(ID, CommunicationDirection.INTERNAL, "note", "x"), BY_AGENT),
                Refusal.ARCHIVED);
        refused(givenAcknowledged(RESOLVED, archived)
                        .when(new AddEvidence(ID, EvidenceSource.CUSTOMER, "photo", "s3://x", HASH), BY_AGENT),
                Refusal.ARCHIVED);
        refused(givenAcknowledged(RESOLVED, archived).when(new ConfirmOutcome(ID, true, null, "phone", null), BY_AGENT),
                Refusal.ARCHIVED);
    }

    // ---- issue 7: a handler acts only on complaints routed to their department; others are "unknown"

    private static Map<String, Object> handlerOf(String department) {
        return Map.of("operator", "handler-1", "operatorRole", "HANDLER", "departmentScope", department);
    }

    private static AddEvidence evidence() {
        return new AddEvidence(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH);
    }

    @Test
    @DisplayName("issue 7: a handler of the primary or a cooperating department acts on the complaint")
    void handlerOfRoutedDepartmentActs() {
        givenAcknowledged().when(evidence(), handlerOf("technology")).expectEvents(
                new EvidenceAdded(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH, EvidenceAdded.SHA_256));
        givenAcknowledged().when(evidence(), handlerOf("quality")).expectEvents(
                new EvidenceAdded(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH, EvidenceAdded.SHA_256));
    }

    @Test
    @DisplayName("issue 7: a handler of another department gets 'no complaint with this id' and writes nothing")
    void handlerOfOtherDepartmentSeesNoComplaint() {
        givenAcknowledged().when(evidence(), handlerOf("logistics")).expectNoEvents()
                           .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        givenAcknowledged().when(evidence(), handlerOf("")).expectNoEvents()
                           .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        // Not yet classified: routed to no department at all.
        fixture.given(plainReceived()).when(evidence(), handlerOf("technology")).expectNoEvents()
               .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    @DisplayName("issue 7: an assignment to a handler of another department lets that department act")
    void assignedDepartmentActs() {
        givenAcknowledged(new HandlerAssigned(ID, "zhou", "logistics", null)).when(evidence(), handlerOf("logistics"))
                .expectEvents(new EvidenceAdded(ID, EvidenceSource.SYSTEM, "fault log", "crm://logs/1", HASH, EvidenceAdded.SHA_256));
    }
}
