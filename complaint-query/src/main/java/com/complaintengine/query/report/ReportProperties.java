package com.complaintengine.query.report;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the read side's reports: the time zone that periods (days, months, quarters) are counted in,
 * how many oldest open cases the dashboard lists, and the early-warning rule of the trends (see
 * {@link EarlyWarningRule}).
 */
@ConfigurationProperties("complaint.reports")
public record ReportProperties(ZoneId zone, Integer oldestOpenCases, Integer topProblems, Warning warning) {

    /**
     * A type or subtype is flagged when its count in a period is at least {@code minimumCount} and at least
     * {@code factor} times its baseline, the mean of the {@code baselinePeriods} periods before it.
     */
    public record Warning(Integer baselinePeriods, Double factor, Integer minimumCount) {

        public Warning {
            baselinePeriods = baselinePeriods == null ? 3 : baselinePeriods;
            factor = factor == null ? 1.5 : factor;
            minimumCount = minimumCount == null ? 10 : minimumCount;
            if (baselinePeriods < 1 || factor <= 1.0 || minimumCount < 1) {
                throw new IllegalArgumentException("complaint.reports.warning needs baseline-periods >= 1, "
                        + "factor > 1 and minimum-count >= 1");
            }
        }
    }

    public ReportProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        oldestOpenCases = oldestOpenCases == null ? 10 : oldestOpenCases;
        topProblems = topProblems == null ? 5 : topProblems;
        warning = warning == null ? new Warning(null, null, null) : warning;
    }
}
