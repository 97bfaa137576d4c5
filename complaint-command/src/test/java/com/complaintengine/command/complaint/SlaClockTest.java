package com.complaintengine.command.complaint;

import com.complaintengine.api.commands.AcknowledgeComplaint;
import com.complaintengine.api.commands.ClassifyComplaint;
import com.complaintengine.api.commands.EscalateComplaint;
import com.complaintengine.api.commands.ExtendDeadline;
import com.complaintengine.api.commands.RecordCommunication;
import com.complaintengine.api.commands.ResolveComplaint;
import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.commands.ApplySlaPolicy;
import com.complaintengine.api.commands.PauseResolutionClock;
import com.complaintengine.api.commands.RecordInitialPlan;
import com.complaintengine.api.events.InitialPlanRecorded;
import com.complaintengine.api.commands.ResumeResolutionClock;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.values.WaitingOn;
import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.SlaAtRisk;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.SlaClockMet;
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerConsent;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
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
import com.complaintengine.command.sla.SlaDeadline;
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
import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The first-response clock (001 §2.2, §2.3; 003 §2): started, met, at risk, breached, extended, recomputed. */
class SlaClockTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration CALLBACK = Duration.ofHours(10);
    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Map<String, Object> BY_AGENT = Map.of("operator", "agent-li");
    private static final Routing ROUTE = new Routing("technology", List.of(), "legal", "vp", "v1");

    private AggregateTestFixture<Complaint> fixture;

    private static void refused(org.axonframework.test.aggregate.ResultValidator<Complaint> result, Refusal refusal) {
        result.expectNoEvents().expectException(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.instanceOf(ComplaintRefused.class),
                org.hamcrest.Matchers.hasProperty("message", org.hamcrest.Matchers.is(refusal.reason()))));
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ResponsibilityMatrix("v1", Map.of(
                "PRODUCT", new ClassificationProperties.Route("technology", List.of(), "legal", "vp"))));
        fixture.registerInjectableResource(new EscalationPolicy(EscalationProperties.defaults()));
        fixture.registerInjectableResource(new RetentionPolicy(new ArchiveProperties(null)));
        fixture.registerInjectableResource(new RemedyAuthority(ResolutionProperties.defaults()));
        // The supervisor-callback limit is set long here, so the first-response paths below are seen on their own.
        fixture.registerInjectableResource(new SlaPolicy(new SlaProperties(null, null, null, null, null, null, null, null, null,
                CALLBACK, null, null, null), new BusinessCalendars(CalendarProperties.defaults())));
    }

    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, Channel.HOTLINE, null,
            new Customer("Wang", "138-0000-1111", CustomerTier.REGULAR), NOW, "facts", "expectation",
            new Demand(DemandType.REPAIR, null), "calm", Set.of(), 1, null);
    private static final Instant URGENT_DUE = NOW.plus(Duration.ofHours(2));
    private static final SlaClockStarted URGENT_CLOCK = new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, URGENT_DUE,
            NOW.plus(Duration.ofMinutes(96)), SlaTimeBase.CALENDAR, "default");
    private static final ComplaintClassified CLASSIFIED = new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.URGENT,
            false, "PRODUCT-QUALITY-URGENT", ROUTE, null);

    @Test
    @DisplayName("001 §2.2: the first response meets the clock, and its deadlines are cancelled")
    void acknowledgementMeetsTheClock() {
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED)
               .when(new AcknowledgeComplaint(ID, "phone", "sorry", null), BY_AGENT)
               .expectEvents(new ComplaintAcknowledged(ID, "phone", "sorry", null),
                       new SlaClockMet(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW), progressClock(NOW, Duration.ofHours(48)))
               .expectNoScheduledDeadlineWithName(URGENT_CLOCK.atRiskAt(), SlaDeadline.atRiskName(SlaClock.FIRST_RESPONSE))
               .expectNoScheduledDeadlineWithName(URGENT_DUE, SlaDeadline.dueName(SlaClock.FIRST_RESPONSE));
    }

    private static SlaClockStarted progressClock(Instant start, Duration interval) {
        return new SlaClockStarted(ID, SlaClock.PROGRESS_UPDATE, start, start.plus(interval),
                start.plusMillis(Math.round(interval.toMillis() * 0.8)), SlaTimeBase.CALENDAR, "default");
    }

    private static final SlaClockStarted PROGRESS = progressClock(NOW, Duration.ofHours(48));

    @Test
    @DisplayName("003 §6: only an update sent to the customer meets the update clock and starts the next period")
    void onlyUpdatesToTheCustomerMeetTheUpdateClock() {
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, new ComplaintAcknowledged(ID, "phone", "sorry", null),
                      new SlaClockMet(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW), PROGRESS)
               .when(new RecordCommunication(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "engineer booked"), BY_AGENT)
               .expectEvents(new CommunicationRecorded(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "engineer booked"),
                       new SlaClockMet(ID, SlaClock.PROGRESS_UPDATE, PROGRESS.dueAt(), NOW), progressClock(NOW, Duration.ofHours(48)));
        for (CommunicationDirection other : List.of(CommunicationDirection.INTERNAL, CommunicationDirection.FROM_CUSTOMER)) {
            fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, new ComplaintAcknowledged(ID, "phone", "sorry", null), PROGRESS)
                   .when(new RecordCommunication(ID, other, "note", "called the supplier"), BY_AGENT)
                   .expectEvents(new CommunicationRecorded(ID, other, "note", "called the supplier"));
        }
    }

    @Test
    @DisplayName("003 §6: an escalation shortens the update interval — MAJOR every 24 h, CRITICAL every 6 h")
    void escalationShortensTheUpdateInterval() {
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, new ComplaintAcknowledged(ID, "phone", "sorry", null), PROGRESS)
               .when(new EscalateComplaint(ID, EscalationLevel.CRITICAL, "regulator involved"), BY_AGENT)
               .expectEvents(new ComplaintEscalated(ID, null, EscalationLevel.CRITICAL, "regulator involved", "MANUAL", List.of()),
                       new SlaClockRescheduled(ID, SlaClock.PROGRESS_UPDATE, PROGRESS.dueAt(), NOW.plus(Duration.ofHours(6)),
                               NOW.plus(Duration.ofMinutes(288)), "escalated to CRITICAL", "default"));
    }

    @Test
    @DisplayName("the resolution stops the update clock; an update after it starts nothing")
    void resolutionStopsTheUpdateClock() {
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, new ComplaintAcknowledged(ID, "phone", "sorry", null), PROGRESS)
               .when(new ResolveComplaint(ID, RemedyType.REPAIR, null, "repaired"), BY_AGENT)
               .expectEvents(new ComplaintResolved(ID, RemedyType.REPAIR, null, "repaired"),
                       new SlaClockStopped(ID, SlaClock.PROGRESS_UPDATE, "resolved"));
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, new ComplaintAcknowledged(ID, "phone", "sorry", null), PROGRESS,
                      new ComplaintResolved(ID, RemedyType.REPAIR, null, "repaired"),
                      new SlaClockStopped(ID, SlaClock.PROGRESS_UPDATE, "resolved"))
               .when(new RecordCommunication(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "how is it?"), BY_AGENT)
               .expectEvents(new CommunicationRecorded(ID, CommunicationDirection.TO_CUSTOMER, "SMS", "how is it?"));
    }

    /** An URGENT complaint received and classified at NOW, its deadlines scheduled by the real handlers. */
    private org.axonframework.test.aggregate.TestExecutor<Complaint> urgentComplaintAtNow() {
        com.complaintengine.api.commands.ReceiveComplaint receive = new com.complaintengine.api.commands.ReceiveComplaint(
                ID, Channel.HOTLINE, null, RECEIVED.customer(), NOW, "facts", "expectation", RECEIVED.demand(), "calm",
                Set.of(), 1, null);
        return fixture.givenCurrentTime(NOW).andGivenCommands(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(receive).andMetaData(BY_AGENT),
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                        new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false)).andMetaData(BY_AGENT));
    }

    @Test
    @DisplayName("at 80 % of the time without a first response, the clock is at risk")
    void atRiskAtTheConfiguredShare() {
        urgentComplaintAtNow().whenTimeElapses(Duration.ofMinutes(97))
                              .expectEvents(new SlaAtRisk(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE))
                              .expectTriggeredDeadlinesWithName(SlaDeadline.atRiskName(SlaClock.FIRST_RESPONSE));
    }

    @Test
    @DisplayName("001: a breach is an event and escalates one level, naming the rule sla-breach")
    void breachEscalates() {
        urgentComplaintAtNow().whenTimeElapses(Duration.ofHours(3))
                              .expectEvents(new SlaAtRisk(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE),
                                      new SlaBreached(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW),
                                      new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
                                              "FIRST_RESPONSE breached at its due time " + URGENT_DUE, "AUTOMATIC",
                                              List.of("sla-breach")));
    }

    @Test
    @DisplayName("a met clock's deadlines are cancelled: nothing happens when its time passes")
    void metClockDoesNotBreach() {
        urgentComplaintAtNow().andGivenCommands(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                                      new AcknowledgeComplaint(ID, "phone", "sorry", null)).andMetaData(BY_AGENT))
                              .whenTimeElapses(Duration.ofHours(3))
                              .expectNoEvents();
    }

    @Test
    @DisplayName("001 §2.3: an extension agreed with the customer moves the running clock; it is not a breach")
    void extensionMovesTheClock() {
        Instant newDue = NOW.plus(Duration.ofHours(10));
        CustomerConsent consent = new CustomerConsent("phone", NOW);
        fixture.givenCurrentTime(NOW).andGiven(RECEIVED, URGENT_CLOCK, CLASSIFIED)
               .when(new ExtendDeadline(ID, "first-response", newDue, "engineer on site tomorrow", consent), BY_AGENT)
               .expectEvents(new DeadlineExtended(ID, "first-response", newDue, "engineer on site tomorrow", consent),
                       new SlaClockRescheduled(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, newDue, NOW.plus(Duration.ofHours(8)),
                               "extension agreed with the customer: engineer on site tomorrow", "default"))
               .expectScheduledDeadline(Duration.ofHours(8),
                       new SlaDeadline(SlaClock.FIRST_RESPONSE, SlaDeadline.Kind.AT_RISK_THEN_DUE, newDue))
               .expectNoScheduledDeadlineWithName(newDue, SlaDeadline.dueName(SlaClock.FIRST_RESPONSE));
    }

    // ---- issue 9: one deadline row per clock at a time; the at-risk deadline schedules the due one

    @Test
    @DisplayName("an intake schedules one deadline per clock, at its at-risk instant; the due deadline waits")
    void intakeSchedulesOneDeadlinePerClock() {
        fixture.givenNoPriorActivity()
               .when(new com.complaintengine.api.commands.ReceiveComplaint(ID, Channel.HOTLINE, null, RECEIVED.customer(),
                       NOW, "facts", "expectation", RECEIVED.demand(), "calm", Set.of(), 1, null), BY_AGENT)
               // GENERAL: first response in 3 working days, resolution in 5; at risk at 80 % of each, in calendar time
               .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(3456)), new SlaDeadline(SlaClock.FIRST_RESPONSE,
                       SlaDeadline.Kind.AT_RISK_THEN_DUE, Instant.parse("2026-11-26T08:00:00Z")))
               .expectScheduledDeadline(NOW.plus(Duration.ofMinutes(8064)), new SlaDeadline(SlaClock.RESOLUTION,
                       SlaDeadline.Kind.AT_RISK_THEN_DUE, Instant.parse("2026-11-30T08:00:00Z")))
               .expectNoScheduledDeadlineWithName(Instant.parse("2026-11-26T08:00:00Z"), SlaDeadline.dueName(SlaClock.FIRST_RESPONSE))
               .expectNoScheduledDeadlineWithName(Instant.parse("2026-11-30T08:00:00Z"), SlaDeadline.dueName(SlaClock.RESOLUTION));
    }

    @Test
    @DisplayName("at risk, the clock's due deadline is scheduled at its due instant")
    void atRiskSchedulesTheDueDeadline() {
        urgentComplaintAtNow().whenTimeElapses(Duration.ofMinutes(97))
                              .expectEvents(new SlaAtRisk(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE))
                              .expectScheduledDeadline(URGENT_DUE,
                                      new SlaDeadline(SlaClock.FIRST_RESPONSE, SlaDeadline.Kind.DUE, URGENT_DUE));
    }

    @Test
    @DisplayName("an at-risk deadline that fires at or after the due instant (a node was down) breaches at once, in order")
    void lateAtRiskDeadlineBreachesAtOnce() {
        SettableClock clock = new SettableClock(NOW);
        AggregateTestFixture<Complaint> late = new AggregateTestFixture<>(Complaint.class);
        late.registerInjectableResource(clock);
        late.registerInjectableResource(new ResponsibilityMatrix("v1", Map.of(
                "PRODUCT", new ClassificationProperties.Route("technology", List.of(), "legal", "vp"))));
        late.registerInjectableResource(new EscalationPolicy(EscalationProperties.defaults()));
        late.registerInjectableResource(new SlaPolicy(new SlaProperties(null, null, null, null, null, null, null, null, null,
                CALLBACK, null, null, null), new BusinessCalendars(CalendarProperties.defaults())));
        org.axonframework.test.aggregate.TestExecutor<Complaint> given = late.givenCurrentTime(NOW).andGivenCommands(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                        new com.complaintengine.api.commands.ReceiveComplaint(ID, Channel.HOTLINE, null, RECEIVED.customer(),
                                NOW, "facts", "expectation", RECEIVED.demand(), "calm", Set.of(), 1, null)).andMetaData(BY_AGENT),
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                        new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false)).andMetaData(BY_AGENT));
        Instant firedAt = URGENT_DUE.plusSeconds(5);
        clock.set(firedAt);
        given.whenTimeElapses(Duration.ofMinutes(97))
             .expectEvents(new SlaAtRisk(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE),
                     new SlaBreached(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, firedAt),
                     new ComplaintEscalated(ID, null, EscalationLevel.MAJOR,
                             "FIRST_RESPONSE breached at its due time " + URGENT_DUE, "AUTOMATIC", List.of("sla-breach")))
             .expectNoScheduledDeadlineWithName(URGENT_DUE, SlaDeadline.dueName(SlaClock.FIRST_RESPONSE));
    }

    /** A clock a test moves by hand, to fire a deadline later than it was due. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("classification to URGENT recomputes the clock started as GENERAL at intake, from the time of receipt")
    void classificationRecomputes() {
        SlaClockStarted general = new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-25T17:36:00Z"), SlaTimeBase.BUSINESS, "default");
        fixture.given(RECEIVED, general)
               .when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.URGENT, false), BY_AGENT)
               .expectEvents(CLASSIFIED, new SlaClockRescheduled(ID, SlaClock.FIRST_RESPONSE,
                       Instant.parse("2026-11-26T08:00:00Z"), URGENT_DUE, NOW.plus(Duration.ofMinutes(96)),
                       "classified URGENT", "default"),
                       new SlaClockStarted(ID, SlaClock.SUPERVISOR_CALLBACK, NOW, NOW.plus(CALLBACK), NOW.plus(Duration.ofHours(8)),
                               SlaTimeBase.CALENDAR, "default"));
    }

    @Test
    @DisplayName("001 §2.3: URGENT — a supervisor's call to the customer meets the callback clock; an agent's does not")
    void supervisorCallbackIsMetBySupervisor() {
        SlaClockStarted callback = new SlaClockStarted(ID, SlaClock.SUPERVISOR_CALLBACK, NOW, NOW.plus(CALLBACK),
                NOW.plus(Duration.ofHours(8)), SlaTimeBase.CALENDAR, "default");
        RecordCommunication call = new RecordCommunication(ID, CommunicationDirection.TO_CUSTOMER, "phone", "we are on it");
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, callback)
               .when(call, Map.of("operator", "zhao", "operatorRole", "SUPERVISOR"))
               .expectEvents(new CommunicationRecorded(ID, CommunicationDirection.TO_CUSTOMER, "phone", "we are on it"),
                       new SlaClockMet(ID, SlaClock.SUPERVISOR_CALLBACK, NOW.plus(CALLBACK), NOW));
        fixture.given(RECEIVED, URGENT_CLOCK, CLASSIFIED, callback)
               .when(call, BY_AGENT)
               .expectEvents(new CommunicationRecorded(ID, CommunicationDirection.TO_CUSTOMER, "phone", "we are on it"));
    }

    @Test
    @DisplayName("001: MAJOR — classification starts the 2 h initial-plan clock from receipt; the plan meets it")
    void initialPlanClock() {
        SlaClockStarted general = new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2026-11-25T17:36:00Z"), SlaTimeBase.BUSINESS, "default");
        ComplaintClassified major = new ComplaintClassified(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false,
                "PRODUCT-QUALITY-MAJOR", ROUTE, null);
        SlaClockStarted plan = new SlaClockStarted(ID, SlaClock.INITIAL_PLAN, NOW, NOW.plus(Duration.ofHours(2)),
                NOW.plus(Duration.ofMinutes(96)), SlaTimeBase.CALENDAR, "default");
        fixture.given(RECEIVED, general)
               .when(new ClassifyComplaint(ID, "PRODUCT", "QUALITY", Urgency.MAJOR, false), BY_AGENT)
               .expectEvents(major, new SlaClockRescheduled(ID, SlaClock.FIRST_RESPONSE, Instant.parse("2026-11-26T08:00:00Z"),
                       NOW.plus(Duration.ofHours(24)), NOW.plus(Duration.ofMinutes(1152)), "classified MAJOR", "default"), plan);
        fixture.given(RECEIVED, general, major, plan)
               .when(new RecordInitialPlan(ID, "replace the batch; inspect all units of lot 42"), Map.of("operator", "head-liu"))
               .expectEvents(new InitialPlanRecorded(ID, "replace the batch; inspect all units of lot 42"),
                       new SlaClockMet(ID, SlaClock.INITIAL_PLAN, NOW.plus(Duration.ofHours(2)), NOW));
    }

    @Test
    @DisplayName("issue 12: a clock can count in working time: a 2 h BUSINESS plan clock from Friday 17:00 is due Monday 10:00")
    void durationClocksCanCountWorkingTime() {
        SlaPolicy working = new SlaPolicy(new SlaProperties(null, null, null, null, null, null, null, null, null, null, null,
                Map.of(SlaClock.INITIAL_PLAN, SlaTimeBase.BUSINESS), null), new BusinessCalendars(CalendarProperties.defaults()));
        // Friday 2026-11-20 17:00 Shanghai = 09:00Z: one working hour that day, one on Monday → Monday 10:00 = 02:00Z.
        SlaPolicy.Due plan = working.urgencyClock(SlaClock.INITIAL_PLAN, Instant.parse("2026-11-20T09:00:00Z"));
        Assertions.assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        Assertions.assertThat(plan.timeBase()).isEqualTo(SlaTimeBase.BUSINESS);
        Assertions.assertThat(working.urgencyClock(SlaClock.SUPERVISOR_CALLBACK, NOW).timeBase()).isEqualTo(SlaTimeBase.CALENDAR);
    }

    @Test
    @DisplayName("003 §3: a configured customer-tier limit (VIP 4 h) applies when it is sooner")
    void tierLimitApplies() {
        SlaPolicy vipFaster = new SlaPolicy(new SlaProperties(null, null, null, null, null,
                Map.of(com.complaintengine.api.values.CustomerTier.VIP, Duration.ofHours(4)), null, null, null, null, null, null, null),
                new BusinessCalendars(CalendarProperties.defaults()));
        Assertions.assertThat(vipFaster.firstResponse(NOW, Urgency.MAJOR, Channel.HOTLINE,
                com.complaintengine.api.values.CustomerTier.VIP).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        Assertions.assertThat(vipFaster.firstResponse(NOW, Urgency.MAJOR, Channel.HOTLINE,
                com.complaintengine.api.values.CustomerTier.REGULAR).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        Assertions.assertThat(vipFaster.firstResponse(NOW, Urgency.URGENT, Channel.HOTLINE,
                com.complaintengine.api.values.CustomerTier.VIP).dueAt()).isEqualTo(URGENT_DUE);
    }

    @Test
    @DisplayName("003 §2: a social-media complaint gets its first response within 24 h when that is sooner")
    void socialMediaIs24Hours() {
        SlaPolicy.Due due = new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults())).firstResponse(NOW, Urgency.GENERAL, Channel.SOCIAL_MEDIA);
        Assertions.assertThat(due.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        SlaPolicy.Due urgent = new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults())).firstResponse(NOW, Urgency.URGENT, Channel.SOCIAL_MEDIA);
        Assertions.assertThat(urgent.dueAt()).isEqualTo(URGENT_DUE);
    }


    // ---- pausing the resolution clock while waiting on the customer or a third party

    private static final Instant RESOLUTION_DUE = NOW.plus(Duration.ofHours(48));
    private static final SlaClockStarted RESOLUTION_CLOCK = new SlaClockStarted(ID, SlaClock.RESOLUTION, NOW, RESOLUTION_DUE,
            NOW.plus(Duration.ofMinutes(2304)), SlaTimeBase.CALENDAR, "default");

    @Test
    @DisplayName("the resolution clock pauses while waiting for something named; its deadlines stop")
    void pausesTheResolutionClock() {
        fixture.givenCurrentTime(NOW).andGiven(RECEIVED, URGENT_CLOCK, RESOLUTION_CLOCK, CLASSIFIED)
               .when(new PauseResolutionClock(ID, WaitingOn.CUSTOMER, "photos of the damaged unit"), BY_AGENT)
               .expectEvents(new SlaClockPaused(ID, SlaClock.RESOLUTION, WaitingOn.CUSTOMER, "photos of the damaged unit",
                       NOW, NOW.plus(Duration.ofDays(7))))
               .expectScheduledDeadlineWithName(Duration.ofDays(7), SlaDeadline.resumeName(SlaClock.RESOLUTION))
               .expectNoScheduledDeadlineWithName(RESOLUTION_DUE, SlaDeadline.dueName(SlaClock.RESOLUTION));
    }

    @Test
    @DisplayName("a pause names what the case waits for; only a running resolution clock pauses, once")
    void pauseRules() {
        refused(fixture.given(RECEIVED, URGENT_CLOCK, RESOLUTION_CLOCK)
                       .when(new PauseResolutionClock(ID, WaitingOn.THIRD_PARTY, " "), BY_AGENT),
                Refusal.WAITING_FOR_REQUIRED);
        refused(fixture.given(RECEIVED, URGENT_CLOCK)
                       .when(new PauseResolutionClock(ID, WaitingOn.THIRD_PARTY, "site visit date"), BY_AGENT),
                Refusal.NOT_PAUSABLE);
        refused(fixture.given(RECEIVED, URGENT_CLOCK, RESOLUTION_CLOCK,
                        new SlaClockPaused(ID, SlaClock.RESOLUTION, WaitingOn.CUSTOMER, "photos", NOW, NOW.plus(Duration.ofDays(7))))
                       .when(new PauseResolutionClock(ID, WaitingOn.THIRD_PARTY, "site visit date"), BY_AGENT),
                Refusal.NOT_PAUSABLE);
        refused(fixture.given(RECEIVED, URGENT_CLOCK, RESOLUTION_CLOCK).when(new ResumeResolutionClock(ID, null), BY_AGENT),
                Refusal.NOT_PAUSED);
    }

    @Test
    @DisplayName("on resume, the due instant moves by the paused time (calendar time for a calendar clock)")
    void resumeMovesTheDueInstant() {
        Instant pausedAt = NOW.minus(Duration.ofHours(10));
        SlaClockStarted earlier = new SlaClockStarted(ID, SlaClock.RESOLUTION, pausedAt.minus(Duration.ofHours(2)),
                pausedAt.plus(Duration.ofHours(46)), pausedAt.plus(Duration.ofHours(36)), SlaTimeBase.CALENDAR, "default");
        fixture.givenCurrentTime(NOW).andGiven(RECEIVED, earlier,
                        new SlaClockPaused(ID, SlaClock.RESOLUTION, WaitingOn.CUSTOMER, "photos", pausedAt, pausedAt.plus(Duration.ofDays(7))))
               .when(new ResumeResolutionClock(ID, "photos received"), BY_AGENT)
               .expectEvents(new SlaClockResumed(ID, SlaClock.RESOLUTION, NOW, Duration.ofHours(10),
                       // at risk at 80 % of the whole span, start to the moved due instant: 0.8 × 58 h after the start
                       pausedAt.plus(Duration.ofHours(56)), pausedAt.plus(Duration.ofHours(44)).plus(Duration.ofMinutes(24)),
                       false, "photos received"));
    }

    @Test
    @DisplayName("a business-time clock moves only by the working time it was paused: Friday 17:00 to Monday 10:00 is 2 h")
    void businessClockMovesByWorkingTime() {
        // Friday 2026-11-20 17:00 Shanghai = 09:00Z; Monday 2026-11-23 10:00 Shanghai = 02:00Z.
        Instant friday = Instant.parse("2026-11-20T09:00:00Z");
        Instant monday = Instant.parse("2026-11-23T02:00:00Z");
        SlaPolicy policy = new SlaPolicy(SlaProperties.defaults(), new BusinessCalendars(CalendarProperties.defaults()));
        Assertions.assertThat(policy.pausedFor(friday, monday, SlaTimeBase.BUSINESS)).isEqualTo(Duration.ofHours(2));
        // A due instant of Tuesday 11:00 moves to Tuesday 13:00.
        Assertions.assertThat(policy.afterPause(Instant.parse("2026-11-24T03:00:00Z"), friday, monday, SlaTimeBase.BUSINESS))
                  .isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    @DisplayName("a paused clock does not breach, and the maximum pause resumes it by itself")
    void maximumPauseResumesByItself() {
        fixture.givenCurrentTime(NOW).andGiven(RECEIVED, URGENT_CLOCK, CLASSIFIED, RESOLUTION_CLOCK,
                        new ComplaintAcknowledged(ID, "phone", "sorry", null), new SlaClockMet(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW))
               .andGivenCommands(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                       new PauseResolutionClock(ID, WaitingOn.THIRD_PARTY, "the supplier's test report")).andMetaData(BY_AGENT))
               .whenTimeElapses(Duration.ofDays(7).plusMinutes(1))
               // The injected clock stands still at NOW, so the resumed clock is at once overdue in fixture time:
               // what matters here is that the pause ended by itself, first, and nothing fired during it.
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.sequenceOf(org.hamcrest.Matchers.equalTo(
                               new SlaClockResumed(ID, SlaClock.RESOLUTION, NOW, Duration.ZERO, RESOLUTION_DUE,
                                       NOW.plus(Duration.ofMinutes(2304)), true, "the maximum pause ran out")))));
    }

    @Test
    @DisplayName("while paused, the resolution clock's due time passes without a breach")
    void pausedClockDoesNotBreach() {
        fixture.givenCurrentTime(NOW).andGiven(RECEIVED, URGENT_CLOCK, CLASSIFIED, RESOLUTION_CLOCK,
                        new ComplaintAcknowledged(ID, "phone", "sorry", null), new SlaClockMet(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW))
               .andGivenCommands(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                       new PauseResolutionClock(ID, WaitingOn.CUSTOMER, "a site-visit date")).andMetaData(BY_AGENT))
               .whenTimeElapses(Duration.ofDays(3))
               .expectNoEvents();
    }

    // ---- policy versions: a change does not rewrite running clocks unless published for them

    @Test
    @DisplayName("a policy not published for running cases cannot be applied to them")
    void unpublishedPolicyIsRefused() {
        refused(fixture.given(RECEIVED, URGENT_CLOCK).when(new ApplySlaPolicy(ID), BY_AGENT),
                Refusal.POLICY_NOT_FOR_RUNNING_CASES);
    }

    @Test
    @DisplayName("a policy published for running cases recomputes clocks of older versions, from their start; not its own")
    void publishedPolicyRecomputesOlderClocks() {
        AggregateTestFixture<Complaint> v2 = new AggregateTestFixture<>(Complaint.class);
        v2.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        v2.registerInjectableResource(new SlaPolicy(new SlaProperties("2027", true, null,
                Map.of(Urgency.URGENT, new SlaProperties.ClockRule(Duration.ofHours(1), null),
                        Urgency.MAJOR, new SlaProperties.ClockRule(Duration.ofHours(24), null),
                        Urgency.GENERAL, new SlaProperties.ClockRule(null, 3)),
                null, null, null, null, null, null, null, null, null), new BusinessCalendars(CalendarProperties.defaults())));
        v2.given(RECEIVED, URGENT_CLOCK, CLASSIFIED)
          .when(new ApplySlaPolicy(ID), BY_AGENT)
          .expectEvents(new SlaClockRescheduled(ID, SlaClock.FIRST_RESPONSE, URGENT_DUE, NOW.plus(Duration.ofHours(1)),
                  NOW.plus(Duration.ofMinutes(48)), "policy 2027 applies to running cases", "2027"));
        v2.given(RECEIVED, new SlaClockStarted(ID, SlaClock.FIRST_RESPONSE, NOW, NOW.plus(Duration.ofHours(1)),
                          NOW.plus(Duration.ofMinutes(48)), SlaTimeBase.CALENDAR, "2027"), CLASSIFIED)
          .when(new ApplySlaPolicy(ID), BY_AGENT)
          .expectNoEvents();
    }
}
