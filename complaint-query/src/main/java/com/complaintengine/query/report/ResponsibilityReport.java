package com.complaintengine.query.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who handled what and how well (004 §5 "责任归属"), over the complaints of a {@link Cohort}: one line per primary
 * department and one per handler, and per complaint kind the departments that took part.
 */
public record ResponsibilityReport(Instant from, Instant to, List<String> departmentFilter, List<Line> departments,
                                   List<Line> handlers, List<Kind> kinds) {

    /**
     * One department's or handler's figures. {@code resolved}: resolved now (confirmed and archived included);
     * {@code overdue}: the resolution clock breached at least once; handling time: receipt to resolution in
     * seconds; {@code reopenRate}: reopened at least once among those ever resolved; satisfaction: the mean
     * score given at confirmation and the share of resolved complaints that got one.
     */
    public record Line(String name, String department, long received, long resolved, long overdue,
                       Map<String, Long> breachesByClock, Long averageHandlingSeconds, Long p90HandlingSeconds,
                       Double reopenRate, long escalations, Double averageSatisfaction,
                       Double satisfactionResponseRate) {
    }

    /**
     * The departments that acted on one kind of complaint: primary (by routing), handling (the department of the
     * handler assigned), cooperating (by routing) and deciding (the decision authority, counted only where a
     * remedy beyond a handler's authority was actually approved).
     */
    public record Kind(String type, long complaints, Map<String, Long> primary, Map<String, Long> handling,
                       Map<String, Long> cooperating, Map<String, Long> deciding) {
    }
}
