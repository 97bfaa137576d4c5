package com.complaintengine.command.sla;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.api.values.Urgency;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SLA policy (DOMAIN.md "Time limits"), with the documents' values as defaults: first response within 2 h
 * (URGENT), 24 h (MAJOR) or 3 working days (GENERAL); 24 h for social-media and regulator-platform
 * complaints (003 §2) when that is sooner, and the customer tier's limit (003 §3, e.g. VIP) when one is set and sooner. {@code version} is written into every clock it starts;
 * {@code timeBase} puts the progress-update, callback and plan limits in working time (BUSINESS) instead of
 * calendar time, per clock; first response and resolution choose per urgency (duration or working-days);
 * a running clock keeps the version it started with unless {@code appliesToRunningCases} publishes the
 * current version for running cases too; {@code calendar} names the business calendar (complaint.calendars) that working days are counted in.
 */
@ConfigurationProperties("complaint.sla")
public record SlaProperties(String version,
                            Boolean appliesToRunningCases,
                            Double atRiskShare,
                            Map<Urgency, ClockRule> firstResponse,
                            Map<Channel, Duration> channelFirstResponse,
                            Map<CustomerTier, Duration> tierFirstResponse,
                            ProgressUpdates progressUpdate,
                            Map<Urgency, ClockRule> resolution,
                            Duration maxPause,
                            Duration supervisorCallback,
                            Duration initialPlan,
                            Map<SlaClock, SlaTimeBase> timeBase,
                            String calendar) {

    /** Progress updates (003 §6): ordinary complaints every 48 h, upgraded (MAJOR) every 24 h, CRITICAL every 6 h. */
    public record ProgressUpdates(Duration ordinary, Duration major, Duration critical) {

        public ProgressUpdates {
            ordinary = ordinary == null ? Duration.ofHours(48) : ordinary;
            major = major == null ? Duration.ofHours(24) : major;
            critical = critical == null ? Duration.ofHours(6) : critical;
        }
    }

    /** A limit in calendar time ({@code duration}) or in working days of the business calendar. */
    public record ClockRule(Duration duration, Integer workingDays) {
    }


    public SlaProperties {
        version = version == null ? "default" : version;
        appliesToRunningCases = appliesToRunningCases != null && appliesToRunningCases;
        atRiskShare = atRiskShare == null ? 0.8 : atRiskShare;
        firstResponse = firstResponse == null || firstResponse.isEmpty() ? Map.of(
                Urgency.URGENT, new ClockRule(Duration.ofHours(2), null),
                Urgency.MAJOR, new ClockRule(Duration.ofHours(24), null),
                Urgency.GENERAL, new ClockRule(null, 3)) : Map.copyOf(firstResponse);
        channelFirstResponse = channelFirstResponse == null ? Map.of(
                Channel.SOCIAL_MEDIA, Duration.ofHours(24), Channel.REGULATOR_PLATFORM, Duration.ofHours(24))
                : Map.copyOf(channelFirstResponse);
        calendar = calendar == null ? "default" : calendar;
        tierFirstResponse = tierFirstResponse == null ? Map.of() : Map.copyOf(tierFirstResponse);
        progressUpdate = progressUpdate == null ? new ProgressUpdates(null, null, null) : progressUpdate;
        resolution = resolution == null || resolution.isEmpty() ? Map.of(
                Urgency.URGENT, new ClockRule(Duration.ofHours(48), null),
                Urgency.MAJOR, new ClockRule(Duration.ofHours(48), null),
                Urgency.GENERAL, new ClockRule(null, 5)) : Map.copyOf(resolution);
        maxPause = maxPause == null ? Duration.ofDays(7) : maxPause;
        supervisorCallback = supervisorCallback == null ? Duration.ofMinutes(30) : supervisorCallback;
        initialPlan = initialPlan == null ? Duration.ofHours(2) : initialPlan;
        timeBase = timeBase == null ? Map.of() : Map.copyOf(timeBase);
        if (atRiskShare <= 0 || atRiskShare >= 1) {
            throw new IllegalArgumentException("complaint.sla.at-risk-share lies between 0 and 1, e.g. 0.8");
        }
    }

    public static SlaProperties defaults() {
        return new SlaProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
