package com.complaintengine.command.group;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.complaintengine.api.commands.CloseGroupComplaint;
import com.complaintengine.api.commands.CloseGroupIssue;
import com.complaintengine.api.commands.ConfirmGroupReadBack;
import com.complaintengine.api.commands.FormGroupTaskForce;
import com.complaintengine.api.commands.OpenGroupIssue;
import com.complaintengine.api.commands.RecordVerificationSample;
import com.complaintengine.api.commands.RegisterGroupComplaint;
import com.complaintengine.api.events.GroupComplaintClosed;
import com.complaintengine.api.events.GroupComplaintEscalated;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupIssueClosed;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.GroupReadBackConfirmed;
import com.complaintengine.api.events.GroupTaskForceFormed;
import com.complaintengine.api.events.VerificationSampleRecorded;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import com.complaintengine.command.escalation.EscalationProperties;
import java.time.Clock;
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

/** Group complaints (002): representatives, read-back, verification samples, issues tracked to closure. */
class GroupComplaintTest {

    private static final GroupComplaintId ID = GroupComplaintId.of("G-1");
    private static final Map<String, Object> BY_AGENT = Map.of("operator", "agent-li");
    private static final List<Representative> THREE = List.of(new Representative("Sun", "137-0000-2222"),
            new Representative("Zhou", "137-0000-3333"), new Representative("Wu", "137-0000-4444"));

    private AggregateTestFixture<GroupComplaint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(GroupComplaint.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(EscalationProperties.defaults());
        fixture.registerInjectableResource(GroupProperties.defaults());
    }

    private static RegisterGroupComplaint register(int headcount, List<Representative> representatives) {
        return new RegisterGroupComplaint(ID, representatives, "repair the elevators within three days", headcount,
                "buildings 3-5, " + headcount + " households", Channel.STORE_COUNTER, "on-site gathering", Set.of());
    }

    private static GroupComplaintRegistered registered(RegisterGroupComplaint c) {
        return new GroupComplaintRegistered(ID, c.representatives(), c.coreDemand(), c.headcount(), c.scope(), c.channel(),
                c.channelDetail(), c.specialCircumstances());
    }

    private static void refused(ResultValidator<GroupComplaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(allOf(instanceOf(ComplaintRefused.class), hasProperty("message", is(refusal.reason()))));
    }

    private TestExecutor<GroupComplaint> givenReadBack(Object... more) {
        Object[] events = new Object[2 + more.length];
        events[0] = registered(register(86, THREE));
        events[1] = new GroupReadBackConfirmed(ID, "Sun", "in person");
        System.arraycopy(more, 0, events, 2, more.length);
        return fixture.given(events);
    }

    @Test
    @DisplayName("002 §1.2: 86 households with 3 representatives are recorded and go straight to CRITICAL")
    void registersLargeGroupAsCritical() {
        RegisterGroupComplaint command = register(86, THREE);
        fixture.givenNoPriorActivity().when(command, BY_AGENT)
               .expectEvents(registered(command), new GroupComplaintEscalated(ID, null, EscalationLevel.CRITICAL,
                       "86 people affected, more than 10", "AUTOMATIC", List.of("group-size")));
    }

    @Test
    @DisplayName("002: a small group needs no escalation and may have one representative")
    void smallGroupIsNotEscalated() {
        RegisterGroupComplaint command = register(6, THREE.subList(0, 1));
        fixture.givenNoPriorActivity().when(command, BY_AGENT).expectEvents(registered(command));
    }

    @Test
    @DisplayName("002: more than 10 people choose 3 to 5 representatives; fewer than 2 people is no group")
    void representativeRules() {
        refused(fixture.givenNoPriorActivity().when(register(86, THREE.subList(0, 2)), BY_AGENT), Refusal.REPRESENTATIVES_REQUIRED);
        List<Representative> six = List.of(THREE.get(0), THREE.get(1), THREE.get(2), new Representative("a", "1"),
                new Representative("b", "2"), new Representative("c", "3"));
        refused(fixture.givenNoPriorActivity().when(register(86, six), BY_AGENT), Refusal.TOO_MANY_REPRESENTATIVES);
        refused(fixture.givenNoPriorActivity().when(register(1, THREE), BY_AGENT), Refusal.HEADCOUNT_AT_LEAST_TWO);
    }

    @Test
    @DisplayName("002: the record is read back to one of the representatives")
    void readBackToARepresentative() {
        fixture.given(registered(register(86, THREE))).when(new ConfirmGroupReadBack(ID, "Zhou", "phone"), BY_AGENT)
               .expectEvents(new GroupReadBackConfirmed(ID, "Zhou", "phone"));
        refused(fixture.given(registered(register(86, THREE))).when(new ConfirmGroupReadBack(ID, "Stranger", "phone"), BY_AGENT),
                Refusal.NOT_A_REPRESENTATIVE);
    }

    @Test
    @DisplayName("002: claims are verified by sampling members, at most 5")
    void verificationSamples() {
        givenReadBack().when(new RecordVerificationSample(ID, "building 3 unit 1 room 101", "elevator log confirms 5 stops", true), BY_AGENT)
                       .expectEvents(new VerificationSampleRecorded(ID, "building 3 unit 1 room 101", "elevator log confirms 5 stops", true));
        VerificationSampleRecorded sample = new VerificationSampleRecorded(ID, "m", "f", true);
        refused(givenReadBack(sample, sample, sample, sample, sample)
                        .when(new RecordVerificationSample(ID, "m6", "f", true), BY_AGENT),
                Refusal.SAMPLES_COMPLETE);
    }

    @Test
    @DisplayName("002 §2.1: the 1+3+N task force is formed once, complete")
    void taskForce() {
        FormGroupTaskForce complete = new FormGroupTaskForce(ID, "vp-wu", List.of("service", "property", "legal"), List.of("recorder"));
        givenReadBack().when(complete, BY_AGENT)
                       .expectEvents(new GroupTaskForceFormed(ID, "vp-wu", List.of("service", "property", "legal"), List.of("recorder")));
        refused(givenReadBack().when(new FormGroupTaskForce(ID, "vp-wu", List.of("service"), List.of()), BY_AGENT),
                Refusal.TASK_FORCE_INCOMPLETE);
        refused(givenReadBack(new GroupTaskForceFormed(ID, "vp-wu", List.of("a", "b", "c"), List.of())).when(complete, BY_AGENT),
                Refusal.TASK_FORCE_EXISTS);
    }

    @Test
    @DisplayName("002: the demand is split into issues only after the read-back; each issue closes once")
    void issues() {
        refused(fixture.given(registered(register(86, THREE))).when(new OpenGroupIssue(ID, "I-1", "elevator 3", null), BY_AGENT),
                Refusal.READ_BACK_REQUIRED);
        givenReadBack().when(new OpenGroupIssue(ID, "I-1", "elevator of building 3", "C-9"), BY_AGENT)
                       .expectEvents(new GroupIssueOpened(ID, "I-1", "elevator of building 3", "C-9"));
        GroupIssueOpened opened = new GroupIssueOpened(ID, "I-1", "elevator of building 3", null);
        refused(givenReadBack(opened).when(new OpenGroupIssue(ID, "I-1", "again", null), BY_AGENT), Refusal.ISSUE_EXISTS);
        givenReadBack(opened).when(new CloseGroupIssue(ID, "I-1", "motor replaced"), BY_AGENT)
                             .expectEvents(new GroupIssueClosed(ID, "I-1", "motor replaced"));
        refused(givenReadBack(opened).when(new CloseGroupIssue(ID, "I-9", "x"), BY_AGENT), Refusal.UNKNOWN_ISSUE);
        refused(givenReadBack(opened, new GroupIssueClosed(ID, "I-1", "done")).when(new CloseGroupIssue(ID, "I-1", "x"), BY_AGENT),
                Refusal.ISSUE_CLOSED);
    }

    @Test
    @DisplayName("002: the group closes only when every issue is closed and 3 members were verified")
    void closesWhenEverythingIsDone() {
        VerificationSampleRecorded sample = new VerificationSampleRecorded(ID, "m", "f", true);
        GroupIssueOpened one = new GroupIssueOpened(ID, "I-1", "building 3", null);
        GroupIssueOpened two = new GroupIssueOpened(ID, "I-2", "building 4", null);
        GroupIssueClosed oneClosed = new GroupIssueClosed(ID, "I-1", "fixed");
        GroupIssueClosed twoClosed = new GroupIssueClosed(ID, "I-2", "fixed");

        refused(givenReadBack(sample, sample, sample).when(new CloseGroupComplaint(ID, "done"), BY_AGENT), Refusal.NO_ISSUES);
        refused(givenReadBack(sample, sample, sample, one, two, oneClosed).when(new CloseGroupComplaint(ID, "done"), BY_AGENT),
                Refusal.OPEN_ISSUES_REMAIN);
        refused(givenReadBack(sample, sample, one, oneClosed).when(new CloseGroupComplaint(ID, "done"), BY_AGENT),
                Refusal.VERIFICATION_INCOMPLETE);
        givenReadBack(sample, sample, sample, one, two, oneClosed, twoClosed).when(new CloseGroupComplaint(ID, "done"), BY_AGENT)
                .expectEvents(new GroupComplaintClosed(ID, "done"));
        refused(givenReadBack(sample, sample, sample, one, oneClosed, new GroupComplaintClosed(ID, "done"))
                        .when(new OpenGroupIssue(ID, "I-3", "late", null), BY_AGENT),
                Refusal.GROUP_CLOSED);
    }
}
