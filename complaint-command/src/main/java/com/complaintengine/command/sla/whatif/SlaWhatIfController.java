package com.complaintengine.command.sla.whatif;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.sla.SlaPolicy;
import com.complaintengine.command.sla.SlaProperties;
import com.complaintengine.command.sla.calendar.BusinessCalendars;
import com.complaintengine.command.web.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What would a different SLA policy have done to the complaints of a period? The given limits replace
 * the current policy's (anything not given stays as configured), and the stored history is replayed.
 */
@RestController
class SlaWhatIfController {

    private final SlaWhatIf whatIf;
    private final SlaProperties current;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaWhatIfController(EventStore eventStore, SlaProperties current, BusinessCalendars calendars, Clock clock) {
        this.whatIf = new SlaWhatIf(eventStore);
        this.current = current;
        this.calendars = calendars;
        this.clock = clock;
    }

    record PolicyChanges(String version,
                         Map<Urgency, SlaProperties.ClockRule> firstResponse,
                         Map<Channel, Duration> channelFirstResponse,
                         Map<CustomerTier, Duration> tierFirstResponse,
                         Map<Urgency, SlaProperties.ClockRule> resolution) {
    }

    record WhatIfRequest(@NotNull Instant from, @NotNull Instant to, @NotNull @Valid PolicyChanges policy) {
    }

    @PostMapping("/api/sla/what-if")
    SlaWhatIf.Report whatIf(@Valid @RequestBody WhatIfRequest request) {
        if (!request.from().isBefore(request.to())) {
            throw new InvalidField("to", "must be after from");
        }
        PolicyChanges p = request.policy();
        SlaProperties alternative;
        SlaPolicy policy;
        try {
            alternative = new SlaProperties(p.version() == null ? "what-if" : p.version(), false, current.atRiskShare(),
                    merge(current.firstResponse(), p.firstResponse()), merge(current.channelFirstResponse(), p.channelFirstResponse()),
                    merge(current.tierFirstResponse(), p.tierFirstResponse()), current.progressUpdate(),
                    merge(current.resolution(), p.resolution()), current.maxPause(), current.supervisorCallback(),
                    current.initialPlan(), current.timeBase(), current.calendar());
            policy = new SlaPolicy(alternative, calendars);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("policy", e.getMessage());
        }
        return whatIf.replay(request.from(), request.to(), policy, clock.instant());
    }

    private static <K, V> Map<K, V> merge(Map<K, V> base, Map<K, V> changes) {
        if (changes == null || changes.isEmpty()) {
            return base;
        }
        Map<K, V> merged = new java.util.HashMap<>(base);
        merged.putAll(changes);
        return merged;
    }
}
