package com.complaintengine.server;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReopened;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.events.OutcomeConfirmed;
import com.complaintengine.api.events.RemedyApproved;
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
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated complaint history over ten months of 2026: thousands of complaints across departments, handlers,
 * types and channels, with first-response and resolution breaches, extensions, escalations, approvals,
 * reopenings, satisfaction scores and group cases, and a surge of one subtype in September. Each complaint is a
 * {@link Case} that records, besides its events, the facts the tests compute the expected figures from, without
 * going through the projection's code.
 */
final class GeneratedHistory {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> DEPARTMENTS = List.of("customer-service", "technology", "logistics", "billing");
    static final String[][] KINDS = {{"PRODUCT", "QUALITY"}, {"PRODUCT", "FUNCTION"}, {"SERVICE", "ATTITUDE"},
            {"SERVICE", "RESPONSE_SPEED"}, {"DELIVERY", "LOGISTICS_DELAY"}};
    static final Duration FIRST_RESPONSE = Duration.ofHours(24);
    static final Duration RESOLUTION = Duration.ofHours(72);
    static final Duration EXTENDED_RESOLUTION = Duration.ofHours(120);

    /** One generated complaint: its events and the facts the expected figures are computed from. */
    static final class Case {
        final String id;
        final Instant receivedAt;
        final Channel channel;
        final String type;
        final String subtype;
        final Urgency urgency;
        final String department;
        final List<String> cooperating;
        final String decisionAuthority;
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        String handler;
        String handlingDepartment;
        boolean acknowledged;
        Instant firstResponseAt;
        int firstResponseBreaches;
        int resolutionBreaches;
        boolean resolutionBreachedNow;
        boolean resolutionAtRiskNow;
        boolean firstResponseBreachedNow;
        int extensions;
        int escalations;
        boolean approved;
        Instant resolvedAt;
        boolean resolvedNow;
        boolean reopened;
        Integer score;
        boolean satisfied;
        String groupId;

        Case(String id, Instant receivedAt, Channel channel, String[] kind, Urgency urgency, String department,
             List<String> cooperating, String decisionAuthority) {
            this.id = id;
            this.receivedAt = receivedAt;
            this.channel = channel;
            this.type = kind[0];
            this.subtype = kind[1];
            this.urgency = urgency;
            this.department = department;
            this.cooperating = cooperating;
            this.decisionAuthority = decisionAuthority;
        }

        boolean open() {
            return !resolvedNow;
        }

        /** The status by the lifecycle's rules (DOMAIN.md), from the facts. */
        String status() {
            if (resolvedNow) {
                return score != null && satisfied ? "CONFIRMED" : "RESOLVED";
            }
            if (!acknowledged) {
                return "CLASSIFIED";
            }
            return handler != null || extensions > 0 || approved || reopened ? "IN_HANDLING" : "ACKNOWLEDGED";
        }

        String slaStateNow() {
            if (firstResponseBreachedNow || resolutionBreachedNow) {
                return "BREACHED";
            }
            if (resolutionAtRiskNow) {
                return "AT_RISK";
            }
            return resolvedNow ? null : "RUNNING";
        }

        Instant lastEventAt() {
            return Instant.parse(events.get(events.size() - 1).getMetaData().get(MetaDataKeys.OCCURRED_AT).toString());
        }

        private void add(Object payload, Instant at) {
            events.add(new GenericDomainEventMessage<>("Complaint", id, events.size(), payload,
                    MetaData.with(MetaDataKeys.OCCURRED_AT, at.toString()).and(MetaDataKeys.OPERATOR, "generator")));
        }
    }

    final List<Case> cases = new ArrayList<>();
    final List<DomainEventMessage<?>> groupEvents = new ArrayList<>();
    private final Random random;

    GeneratedHistory(long seed, int complaints) {
        this.random = new Random(seed);
        for (int i = 0; i < complaints; i++) {
            cases.add(generate(i));
        }
        groups();
    }

    private Case generate(int i) {
        int month = 1 + random.nextInt(10);
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        if (month == 9 && random.nextInt(3) > 0) {
            kind = KINDS[1];
        }
        LocalDate day = LocalDate.of(2026, month, 1 + random.nextInt(LocalDate.of(2026, month, 1).lengthOfMonth()));
        Instant t0 = day.atStartOfDay(ZONE).toInstant().plusSeconds(random.nextInt(86_400));
        String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        List<String> cooperating = random.nextBoolean() ? List.of(DEPARTMENTS.get((DEPARTMENTS.indexOf(department) + 1)
                % DEPARTMENTS.size())) : List.of();
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
        Case c = new Case("GEN-%05d".formatted(i), t0, channel, kind, urgency, department, cooperating,
                random.nextBoolean() ? "vice-president" : "department-head");
        ComplaintId id = ComplaintId.of(c.id);
        int affected = random.nextInt(20) == 0 ? 2 + random.nextInt(30) : 1;
        c.add(new ComplaintReceived(id, channel, null, new Customer("Customer " + i, "contact-" + i, CustomerTier.REGULAR),
                t0.minus(Duration.ofDays(1)), "generated facts " + i + (i % 7 == 0 ? " washing machine leaks" : ""),
                "a fix", new Demand(DemandType.REPAIR, null), "calm", Set.of(), affected, null), t0);
        Instant at = t0.plus(Duration.ofMinutes(2));
        c.add(new ComplaintClassified(id, c.type, c.subtype, urgency, false, c.type + "-" + c.subtype,
                new Routing(department, cooperating, "legal", c.decisionAuthority, "gen-1"), null), at);
        Instant frDue = t0.plus(FIRST_RESPONSE);
        Instant resolutionDue = t0.plus(RESOLUTION);
        c.add(new SlaClockStarted(id, SlaClock.FIRST_RESPONSE, at, frDue, t0.plus(Duration.ofMinutes(1152)),
                SlaTimeBase.CALENDAR, "gen-1"), at);
        c.add(new SlaClockStarted(id, SlaClock.RESOLUTION, at, resolutionDue, t0.plus(Duration.ofMinutes(3456)),
                SlaTimeBase.CALENDAR, "gen-1"), at);
        boolean frBreach = random.nextInt(10) == 0;
        if (frBreach) {
            c.add(new SlaBreached(id, SlaClock.FIRST_RESPONSE, frDue, frDue), frDue);
            c.firstResponseBreaches = 1;
        }
        if (random.nextInt(100) < 6) {
            c.firstResponseBreachedNow = frBreach;
            return c;
        }
        Instant ack = frBreach ? frDue.plus(Duration.ofMinutes(1 + random.nextInt(600)))
                : t0.plus(Duration.ofMinutes(10 + random.nextInt(1390)));
        c.add(new ComplaintAcknowledged(id, "phone", "we are on it", "within 3 working days"), ack);
        c.add(new SlaClockMet(id, SlaClock.FIRST_RESPONSE, frDue, ack), ack);
        c.acknowledged = true;
        c.firstResponseAt = ack;
        at = ack;
        if (random.nextInt(100) < 95) {
            at = at.plus(Duration.ofMinutes(30));
            c.handler = c.department + "-handler-" + random.nextInt(3);
            c.handlingDepartment = random.nextInt(10) == 0 ? "customer-service" : c.department;
            c.add(new HandlerAssigned(id, c.handler, c.handlingDepartment, null), at);
        }
        if (random.nextInt(10) == 0) {
            at = at.plus(Duration.ofMinutes(30));
            Instant newDue = t0.plus(EXTENDED_RESOLUTION);
            c.add(new DeadlineExtended(id, "RESOLUTION", newDue, "parts on order",
                    new CustomerConsent("phone", at)), at);
            c.add(new SlaClockRescheduled(id, SlaClock.RESOLUTION, resolutionDue, newDue, newDue.minus(
                    Duration.ofHours(24)), "extension agreed with the customer", "gen-1"), at);
            resolutionDue = newDue;
            c.extensions = 1;
        }
        if (random.nextInt(100) < 8) {
            at = at.plus(Duration.ofMinutes(30));
            c.add(new ComplaintEscalated(id, null, EscalationLevel.MAJOR, "customer insists",
                    ComplaintEscalated.MANUAL, List.of()), at);
            c.escalations = 1;
        }
        if (random.nextInt(100) >= 85) {
            int state = random.nextInt(5);
            if (state < 2 && resolutionDue.isAfter(at)) {
                c.add(new SlaBreached(id, SlaClock.RESOLUTION, resolutionDue, resolutionDue), resolutionDue);
                c.resolutionBreaches = 1;
                c.resolutionBreachedNow = true;
            } else if (state == 2 && resolutionDue.minus(Duration.ofHours(14)).isAfter(at)) {
                c.add(new SlaAtRisk(id, SlaClock.RESOLUTION, resolutionDue), resolutionDue.minus(Duration.ofHours(14)));
                c.resolutionAtRiskNow = true;
            }
            return c;
        }
        if (random.nextInt(20) == 0) {
            at = at.plus(Duration.ofMinutes(30));
            c.add(new RemedyApproved(id, Money.of("800.00", "CNY"), "beyond authority"), at);
            c.approved = true;
        }
        Instant resolved = t0.plus(Duration.ofMinutes(120 + random.nextInt(150 * 60)));
        if (!resolved.isAfter(at)) {
            resolved = at.plus(Duration.ofMinutes(1 + random.nextInt(240)));
        }
        resolve(c, id, resolutionDue, resolved);
        if (random.nextInt(100) < 6) {
            Instant reopenedAt = c.resolvedAt.plus(Duration.ofDays(1));
            c.add(new ComplaintReopened(id, "still broken"), reopenedAt);
            c.reopened = true;
            c.resolvedNow = false;
            Instant due = reopenedAt.plus(RESOLUTION);
            c.add(new SlaClockStarted(id, SlaClock.RESOLUTION, reopenedAt, due, due.minus(Duration.ofHours(14)),
                    SlaTimeBase.CALENDAR, "gen-1"), reopenedAt);
            if (random.nextBoolean()) {
                resolve(c, id, due, reopenedAt.plus(Duration.ofHours(1 + random.nextInt(100))));
            } else {
                return c;
            }
        }
        if (random.nextInt(100) < 60) {
            int score = 1 + random.nextInt(5);
            c.score = score;
            c.satisfied = score >= 3;
            c.add(new OutcomeConfirmed(id, c.satisfied, score, "phone", null), c.resolvedAt.plus(Duration.ofHours(1)));
        }
        return c;
    }

    private void resolve(Case c, ComplaintId id, Instant due, Instant resolved) {
        if (resolved.isAfter(due)) {
            c.add(new SlaBreached(id, SlaClock.RESOLUTION, due, due), due);
            c.resolutionBreaches++;
        }
        c.add(new ComplaintResolved(id, RemedyType.REPAIR, null, "repaired"), resolved);
        c.add(new SlaClockMet(id, SlaClock.RESOLUTION, due, resolved), resolved);
        c.resolvedAt = resolved;
        c.resolvedNow = true;
    }

    /** Four group cases, each with ten complaints as its issues (002 §3). */
    private void groups() {
        for (int g = 0; g < 4; g++) {
            GroupComplaintId groupId = GroupComplaintId.of("GEN-GROUP-" + g);
            Instant at = Instant.parse("2026-06-01T02:00:00Z").plus(Duration.ofDays(g));
            List<Object> payloads = new ArrayList<>();
            payloads.add(new GroupComplaintRegistered(groupId, List.of(new Representative("Rep A", "a"),
                    new Representative("Rep B", "b"), new Representative("Rep C", "c")), "no hot water", 40,
                    "building " + g, Channel.STORE_COUNTER, null, Set.of()));
            for (int k = 0; k < 10; k++) {
                Case member = cases.get(random.nextInt(cases.size()));
                member.groupId = groupId.value();
                payloads.add(new GroupIssueOpened(groupId, "issue-" + k, "household " + k, member.id));
            }
            for (int s = 0; s < payloads.size(); s++) {
                groupEvents.add(new GenericDomainEventMessage<>("GroupComplaint", groupId.value(), s, payloads.get(s),
                        MetaData.with(MetaDataKeys.OCCURRED_AT, at.plusSeconds(s).toString())
                                .and(MetaDataKeys.OPERATOR, "generator")));
            }
        }
    }

    /** Appends every event to the event store, in batches, complaint by complaint. */
    void appendTo(EventStore store) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (Case c : cases) {
            batch.addAll(c.events);
            if (batch.size() >= 2000) {
                store.publish(batch);
                batch.clear();
            }
        }
        batch.addAll(groupEvents);
        store.publish(batch);
    }

    /** Waits until the summary projection holds every generated complaint at its last version, with its group. */
    void awaitProjected(JdbcTemplate jdbc, Duration atMost) {
        long groupMembers = cases.stream().filter(c -> c.groupId != null).count();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() ->
                jdbc.queryForObject("select count(*) || ':' || coalesce(sum(version), 0) || ':' "
                        + "|| count(group_id) from complaint_summary", String.class),
                state -> state.equals(cases.size() + ":" + versionSum() + ":" + groupMembers));
    }

    long eventCount() {
        return cases.stream().mapToLong(c -> c.events.size()).sum() + groupEvents.size();
    }

    /** Sum of the last sequence numbers: equal to the projection's sum of versions once it has caught up. */
    long versionSum() {
        return cases.stream().mapToLong(c -> c.events.size() - 1).sum();
    }

    Map<String, Case> byId() {
        Map<String, Case> map = new LinkedHashMap<>();
        cases.forEach(c -> map.put(c.id, c));
        return map;
    }
}
