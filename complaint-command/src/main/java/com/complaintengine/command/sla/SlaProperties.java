package com.complaintengine.command.sla;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.Urgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SLA policy (DOMAIN.md "Time limits"), with the documents' values as defaults: first response within 2 h
 * (URGENT), 24 h (MAJOR) or 3 working days (GENERAL); 24 h for social-media and regulator-platform
 * complaints (003 §2) when that is sooner. {@code version} is written into every clock it starts.
 */
@ConfigurationProperties("complaint.sla")
public record SlaProperties(String version,
                            Double atRiskShare,
                            Map<Urgency, ClockRule> firstResponse,
                            Map<Channel, Duration> channelFirstResponse,
                            Calendar calendar) {

    /** A limit in calendar time ({@code duration}) or in working days of the business calendar. */
    public record ClockRule(Duration duration, Integer workingDays) {
    }

    /** The business calendar: zone, working hours, working weekdays, holidays and make-up working days. */
    public record Calendar(String zone, LocalTime workdayStart, LocalTime workdayEnd, Set<DayOfWeek> workingDays,
                           List<LocalDate> holidays, List<LocalDate> makeUpDays) {

        public Calendar {
            zone = zone == null ? "Asia/Shanghai" : zone;
            workdayStart = workdayStart == null ? LocalTime.of(9, 0) : workdayStart;
            workdayEnd = workdayEnd == null ? LocalTime.of(18, 0) : workdayEnd;
            workingDays = workingDays == null || workingDays.isEmpty() ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY) : Set.copyOf(workingDays);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
        }
    }

    public SlaProperties {
        version = version == null ? "default" : version;
        atRiskShare = atRiskShare == null ? 0.8 : atRiskShare;
        firstResponse = firstResponse == null || firstResponse.isEmpty() ? Map.of(
                Urgency.URGENT, new ClockRule(Duration.ofHours(2), null),
                Urgency.MAJOR, new ClockRule(Duration.ofHours(24), null),
                Urgency.GENERAL, new ClockRule(null, 3)) : Map.copyOf(firstResponse);
        channelFirstResponse = channelFirstResponse == null ? Map.of(
                Channel.SOCIAL_MEDIA, Duration.ofHours(24), Channel.REGULATOR_PLATFORM, Duration.ofHours(24))
                : Map.copyOf(channelFirstResponse);
        calendar = calendar == null ? new Calendar(null, null, null, null, null, null) : calendar;
        if (atRiskShare <= 0 || atRiskShare >= 1) {
            throw new IllegalArgumentException("complaint.sla.at-risk-share lies between 0 and 1, e.g. 0.8");
        }
    }

    public static SlaProperties defaults() {
        return new SlaProperties(null, null, null, null, null);
    }
}
