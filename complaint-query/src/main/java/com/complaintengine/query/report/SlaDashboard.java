package com.complaintengine.query.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SLA dashboard of operations (DOMAIN.md "Time limits"): open cases by status, urgency and department; the
 * at-risk and breached ones now; each clock's on-time rate; first-response and resolution times; extensions,
 * escalations; the oldest open cases. Computed over the complaints of {@link Cohort}.
 */
public record SlaDashboard(Instant from, Instant to, List<String> departments, Open open, long atRiskNow,
                           long breachedNow, Map<String, OnTime> onTime, Percentiles firstResponseSeconds,
                           Percentiles resolutionSeconds, long extensions, long escalations,
                           List<OpenCase> oldestOpen) {

    public record Open(long total, Map<String, Long> byStatus, Map<String, Long> byUrgency,
                       Map<String, Long> byDepartment) {
    }

    /**
     * A clock's outcomes: met without a breach, and breached at least once (met late or not at all). The rate is
     * {@code metOnTime / (metOnTime + breached)}, null before any clock has an outcome; running clocks without a
     * breach are not counted yet.
     */
    public record OnTime(long metOnTime, long breached, Double rate) {

        static OnTime of(long metOnTime, long breached) {
            long decided = metOnTime + breached;
            return new OnTime(metOnTime, breached,
                    decided == 0 ? null : Math.round(metOnTime * 10000.0 / decided) / 10000.0);
        }
    }

    public record OpenCase(String id, String status, String urgency, String department, String slaState,
                           Instant receivedAt) {
    }
}
