package com.complaintengine.command.group;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.complaintengine.api.commands.CloseGroupComplaint;
import com.complaintengine.api.commands.CloseGroupIssue;
import com.complaintengine.api.commands.ConfirmGroupReadBack;
import com.complaintengine.api.commands.FormGroupTaskForce;
import com.complaintengine.api.commands.RecordVerificationSample;
import com.complaintengine.api.commands.RegisterGroupComplaint;
import com.complaintengine.api.events.GroupComplaintClosed;
import com.complaintengine.api.events.GroupComplaintEscalated;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupIssueClosed;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.GroupReadBackConfirmed;
import com.complaintengine.api.events.VerificationSampleRecorded;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import com.complaintengine.command.escalation.EscalationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group complaints (002): the boundaries and refusals that GroupComplaintTest leaves out. */
class GroupComplaintRulesTest {

    private static final GroupComplaintId ID = GroupComplaintId.of("G-2");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Map<String, Object> BY_AGENT = Map.of("operator", "agent-li");
    private static final List<Representative> FIVE = List.of(new Representative("Sun", "137-0000-2222"),
            new Representative("Zhou", "137-0000-3333"), new Representative("Wu", "137-0000-4444"),
            new Representative("Zheng", "137-0000-5555"), new Representative("Wang", "137-0000-6666"));
    private static final VerificationSampleRecorded SAMPLE = new VerificationSampleRecorded(ID, "3-1-101", "log confirms", true);
    private static final GroupReadBackConfirmed READ_BACK = new GroupReadBackConfirmed(ID, "Sun", "in person");

    private AggregateTestFixture<GroupComplaint> fixture;

    @BeforeEach
    void fixture() {
        fixture = fixture(EscalationProperties.defaults(), GroupProperties.defaults());
    }

    private static AggregateTestFixture<GroupComplaint> fixture(EscalationProperties escalation, GroupProperties rules) {
        AggregateTestFixture<GroupComplaint> fixture = new AggregateTestFixture<>(GroupComplaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(escalation);
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    private static RegisterGroupComplaint register(int headcount, int representatives) {
        return new RegisterGroupComplaint(ID, FIVE.subList(0, representatives), "repair the elevators within three days",
                headcount, "buildings 3-5, " + headcount + " households", Channel.STORE_COUNTER, "on-site gathering",
                Set.of(SpecialCircumstance.ELDERLY));
    }

    private static GroupComplaintRegistered registered(RegisterGroupComplaint c) {
        return new GroupComplaintRegistered(ID, c.representatives(), c.coreDemand(), c.headcount(), c.scope(), c.channel(),
                c.channelDetail(), c.specialCircumstances());
    }

    private static GroupComplaintEscalated critical(int headcount) {
        return new GroupComplaintEscalated(ID, null, EscalationLevel.CRITICAL,
                headcount + " people affected, more than 10", "AUTOMATIC", List.of("group-size"));
    }

    private static void refused(ResultValidator<GroupComplaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(allOf(instanceOf(ComplaintRefused.class), hasProperty("message", is(refusal.reason()))));
    }

    /** Every event names the operator and the instant of the step, as Complaint.stamp does (001 §1.3). */
    private static TypeSafeMatcher<EventMessage<?>> stampedByAgentLi() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return "agent-li".equals(event.getMetaData().get("operator"))
                        && NOW.toString().equals(event.getMetaData().get("occurredAt"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event stamped by agent-li at " + NOW);
            }
        };
    }

    @Test
    @DisplayName("001 §1.3: the registration and its automatic escalation both carry operator and occurredAt")
    void registrationIsStamped() {
        fixture.givenNoPriorActivity().when(register(86, 3), BY_AGENT)
               .expectEvents(registered(register(86, 3)), critical(86))
               .expectEventsMatching(Matchers.exactSequenceOf(stampedByAgentLi(), stampedByAgentLi(), Matchers.andNoMore()));
    }

    @Test
    @DisplayName("001 §1.3: a group step without an operator is refused")
    void refusesWithoutOperator() {
        refused(fixture.givenNoPriorActivity().when(register(86, 3)), Refusal.OPERATOR_REQUIRED);
        refused(fixture.given(registered(register(86, 3))).when(new ConfirmGroupReadBack(ID, "Sun", "phone")),
                Refusal.OPERATOR_REQUIRED);
    }

    @Test
    @DisplayName("000 §2.2: exactly 10 people is not above the threshold: one representative, no escalation")
    void tenPeopleAreNotEscalated() {
        fixture.givenNoPriorActivity().when(register(10, 1), BY_AGENT).expectEvents(registered(register(10, 1)));
    }

    @Test
    @DisplayName("002: 11 people with 3 or with 5 representatives are recorded and CRITICAL at once")
    void elevenPeopleWithThreeToFiveRepresentatives() {
        fixture.givenNoPriorActivity().when(register(11, 3), BY_AGENT)
               .expectEvents(registered(register(11, 3)), critical(11));
        fixture.givenNoPriorActivity().when(register(11, 5), BY_AGENT)
               .expectEvents(registered(register(11, 5)), critical(11));
    }

    @Test
    @DisplayName("002 §1.2: a group always names at least one representative")
    void refusesNoRepresentative() {
        refused(fixture.givenNoPriorActivity().when(register(5, 0), BY_AGENT), Refusal.REPRESENTATIVES_REQUIRED);
    }

    @Test
    @DisplayName("000 §2.2: the group threshold is configuration: at 20, a group of 15 with one representative stays unescalated")
    void thresholdIsConfigurable() {
        EscalationProperties twenty = new EscalationProperties(20, null, null, null, null, null, null);
        fixture(twenty, GroupProperties.defaults()).givenNoPriorActivity().when(register(15, 1), BY_AGENT)
                                                   .expectEvents(registered(register(15, 1)));
    }

    @Test
    @DisplayName("002: the fifth verification sample is still accepted")
    void fifthSampleIsAccepted() {
        fixture.given(registered(register(86, 3)), SAMPLE, SAMPLE, SAMPLE, SAMPLE)
               .when(new RecordVerificationSample(ID, "5-1-1201", "no delivery record", false), BY_AGENT)
               .expectEvents(new VerificationSampleRecorded(ID, "5-1-1201", "no delivery record", false));
    }

    @Test
    @DisplayName("002: the minimum of verification samples is configuration")
    void minimumSamplesIsConfigurable() {
        GroupIssueOpened opened = new GroupIssueOpened(ID, "I-1", "building 3", null);
        GroupIssueClosed closed = new GroupIssueClosed(ID, "I-1", "fixed");
        refused(fixture(EscalationProperties.defaults(), new GroupProperties(null, null, 4, null))
                        .given(registered(register(86, 3)), READ_BACK, SAMPLE, SAMPLE, SAMPLE, opened, closed)
                        .when(new CloseGroupComplaint(ID, "done"), BY_AGENT),
                Refusal.VERIFICATION_INCOMPLETE);
    }

    @Test
    @DisplayName("002 §2.1: a task force without a leader is incomplete")
    void taskForceNeedsALeader() {
        refused(fixture.given(registered(register(86, 3)))
                       .when(new FormGroupTaskForce(ID, " ", List.of("service", "property", "legal"), List.of()), BY_AGENT),
                Refusal.TASK_FORCE_INCOMPLETE);
    }

    @Test
    @DisplayName("002: a closed group takes no further read-back, sample, task force, issue closure or second closing")
    void closedGroupChangesNoMore() {
        GroupIssueOpened opened = new GroupIssueOpened(ID, "I-1", "building 3", null);
        Object[] history = {registered(register(86, 3)), READ_BACK, SAMPLE, SAMPLE, SAMPLE, opened,
                new GroupIssueClosed(ID, "I-1", "fixed"), new GroupComplaintClosed(ID, "done")};
        for (Object command : List.of(new ConfirmGroupReadBack(ID, "Sun", "phone"),
                new RecordVerificationSample(ID, "4-2-502", "late check", true),
                new FormGroupTaskForce(ID, "vp-wu", List.of("service", "property", "legal"), List.of()),
                new CloseGroupIssue(ID, "I-1", "again"),
                new CloseGroupComplaint(ID, "again"))) {
            refused(fixture.given(history).when(command, BY_AGENT), Refusal.GROUP_CLOSED);
        }
    }

    @Test
    @DisplayName("a command for a group complaint that was never registered finds no aggregate")
    void unknownGroupIsNotFound() {
        fixture.givenNoPriorActivity().when(new ConfirmGroupReadBack(ID, "Sun", "phone"), BY_AGENT)
               .expectNoEvents().expectException(AggregateNotFoundException.class);
    }
}
