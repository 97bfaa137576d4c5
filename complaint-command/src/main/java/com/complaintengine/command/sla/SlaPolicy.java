package com.complaintengine.command.sla;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.sla.calendar.BusinessCalendar;
import com.complaintengine.command.sla.calendar.BusinessCalendars;
import java.time.Duration;
import java.time.Instant;

/** Computes when a clock is due and when it is at risk, by the configured, versioned policy. */
public final class SlaPolicy {

    private final SlaProperties properties;
    private final BusinessCalendar calendar;

    public SlaPolicy(SlaProperties properties, BusinessCalendars calendars) {
        this.properties = properties;
        this.calendar = calendars.get(properties.calendar());
        for (Urgency urgency : Urgency.values()) {
            requireRule("first-response", urgency, properties.firstResponse().get(urgency));
            requireRule("resolution", urgency, properties.resolution().get(urgency));
        }
    }

    private static void requireRule(String clock, Urgency urgency, SlaProperties.ClockRule rule) {
        if (rule == null || (rule.duration() == null) == (rule.workingDays() == null)) {
            throw new IllegalArgumentException("complaint.sla." + clock + "." + urgency
                    + " needs exactly one of duration or working-days");
        }
    }

    /** The resolution clock: by urgency, in calendar time or working days. */
    public Due resolution(Instant start, Urgency urgency) {
        return due(start, properties.resolution().get(urgency));
    }

    /**
     * How long a pause from {@code pausedAt} to {@code resumedAt} counts in the given time base, and where it moves
     * {@code dueAt} to: business time moves a business clock only by the working time that passed.
     */
    public Instant afterPause(Instant dueAt, Instant pausedAt, Instant resumedAt, SlaTimeBase base) {
        return base == SlaTimeBase.BUSINESS
                ? calendar.addBusinessDuration(dueAt, calendar.businessTimeBetween(pausedAt, resumedAt))
                : dueAt.plus(Duration.between(pausedAt, resumedAt));
    }

    public Duration pausedFor(Instant pausedAt, Instant resumedAt, SlaTimeBase base) {
        return base == SlaTimeBase.BUSINESS ? calendar.businessTimeBetween(pausedAt, resumedAt)
                : Duration.between(pausedAt, resumedAt);
    }

    public Duration maxPause() {
        return properties.maxPause();
    }

    /** When a clock falls due, and when it becomes at risk. */
    public record Due(Instant dueAt, Instant atRiskAt, SlaTimeBase timeBase, String policyVersion) {
    }

    /** The first-response clock (001 §2.2, 003 §2): by urgency, or the channel's limit when that is sooner. */
    public Due firstResponse(Instant start, Urgency urgency, Channel channel) {
        return firstResponse(start, urgency, channel, null);
    }

    /** The first-response clock, with the customer tier's limit (003 §3) when one is configured and sooner. */
    public Due firstResponse(Instant start, Urgency urgency, Channel channel, CustomerTier tier) {
        Due byUrgency = due(start, properties.firstResponse().get(urgency));
        Instant due = byUrgency.dueAt();
        SlaTimeBase base = byUrgency.timeBase();
        for (Duration limit : new Duration[] {properties.channelFirstResponse().get(channel),
                tier == null ? null : properties.tierFirstResponse().get(tier)}) {
            if (limit != null && start.plus(limit).isBefore(due)) {
                due = start.plus(limit);
                base = SlaTimeBase.CALENDAR;
            }
        }
        return new Due(due, atRisk(start, due), base, properties.version());
    }

    /** URGENT: the supervisor's callback (001 §2.3), from receipt; MAJOR: the initial plan (001), from receipt. */
    public Due urgencyClock(SlaClock clock, Instant receivedAt) {
        return due(clock, receivedAt,
                clock == SlaClock.SUPERVISOR_CALLBACK ? properties.supervisorCallback() : properties.initialPlan());
    }

    /** The next progress update (003 §6), by how far the complaint is escalated. */
    public Due progressUpdate(Instant start, EscalationLevel level) {
        SlaProperties.ProgressUpdates updates = properties.progressUpdate();
        return due(SlaClock.PROGRESS_UPDATE, start, level == EscalationLevel.CRITICAL ? updates.critical()
                : level == EscalationLevel.MAJOR ? updates.major() : updates.ordinary());
    }

    /** A limit per urgency: calendar duration or working days. */
    private Due due(Instant start, SlaProperties.ClockRule rule) {
        Instant due = rule.duration() != null ? start.plus(rule.duration()) : calendar.addWorkingDays(start, rule.workingDays());
        return new Due(due, atRisk(start, due), rule.duration() != null ? SlaTimeBase.CALENDAR : SlaTimeBase.BUSINESS,
                properties.version());
    }

    /** A duration limit in the clock's configured time base (calendar unless set to BUSINESS). */
    private Due due(SlaClock clock, Instant start, Duration limit) {
        SlaTimeBase base = properties.timeBase().getOrDefault(clock, SlaTimeBase.CALENDAR);
        Instant due = base == SlaTimeBase.BUSINESS ? calendar.addBusinessDuration(start, limit) : start.plus(limit);
        return new Due(due, atRisk(start, due), base, properties.version());
    }

    /** The at-risk instant: the configured share of the time between start and due (calendar time). */
    public Instant atRisk(Instant start, Instant due) {
        long millis = Duration.between(start, due).toMillis();
        return start.plusMillis(Math.round(millis * properties.atRiskShare()));
    }

    public String version() {
        return properties.version();
    }

    public boolean appliesToRunningCases() {
        return properties.appliesToRunningCases();
    }
}
