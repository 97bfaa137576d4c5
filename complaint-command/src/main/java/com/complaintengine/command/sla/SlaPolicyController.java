package com.complaintengine.command.sla;

import com.complaintengine.api.commands.ApplySlaPolicy;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import com.complaintengine.command.web.Operator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the current SLA policy to running cases, when the configuration says it applies to them: every
 * complaint not yet archived gets its running clocks recomputed (each complaint decides which of its clocks
 * run under an older version). Without that publication, running clocks keep the version they started with.
 */
@RestController
class SlaPolicyController {

    private final EventStore eventStore;
    private final CommandGateway commandGateway;
    private final SlaPolicy policy;

    SlaPolicyController(EventStore eventStore, CommandGateway commandGateway, SlaPolicy policy) {
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
        this.policy = policy;
    }

    @PostMapping("/api/sla/policy/apply-to-running-cases")
    Map<String, Object> applyToRunningCases(Operator operator) {
        if (!policy.appliesToRunningCases()) {
            throw new ComplaintRefused(Refusal.POLICY_NOT_FOR_RUNNING_CASES);
        }
        Set<String> open = new LinkedHashSet<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                Object payload = stream.nextAvailable().getPayload();
                if (payload instanceof ComplaintReceived received) {
                    open.add(received.complaintId().value());
                } else if (payload instanceof ComplaintArchived archived) {
                    open.remove(archived.complaintId().value());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        open.forEach(id -> commandGateway.sendAndWait(new ApplySlaPolicy(ComplaintId.of(id)), operator.asMetaData()));
        return Map.of("policyVersion", policy.version(), "complaints", open.size());
    }
}
