package com.complaintengine.command.sla.whatif;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Replays the stored history of the complaints received in a period under another SLA policy and counts
 * which clocks would have been breached (issue 12 "what-if"): possible only because every step is kept
 * as an event. It reads the store and writes nothing. First-response and resolution clocks are replayed,
 * pauses included; the periodic clocks depend on the policy's own earlier answers and are not.
 */
public final class SlaWhatIf {

    private final EventStore eventStore;

    public SlaWhatIf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The answer: complaints in the period, breaches as recorded, breaches under the other policy, and which changed. */
    public record Report(Instant from, Instant to, int complaints, Map<SlaClock, Integer> recordedBreaches,
                         Map<SlaClock, Integer> whatIfBreaches, List<String> newlyBreached, List<String> noLongerBreached) {
    }

    /** One complaint's facts that the clocks depend on. */
    private static final class Case {
        Instant receivedAt;
        Channel channel;
        CustomerTier tier;
        Urgency urgency = Urgency.GENERAL;
        Instant acknowledgedAt;
        Instant resolvedAt;
        Instant pausedAt;
        final List<Instant[]> pauses = new ArrayList<>();
        final Map<SlaClock, Boolean> breached = new EnumMap<>(SlaClock.class);
    }

    public Report replay(Instant from, Instant to, SlaPolicy policy, Instant now) {
        Map<String, Case> cases = new LinkedHashMap<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                fold(cases, stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        Map<SlaClock, Integer> recorded = new EnumMap<>(SlaClock.class);
        Map<SlaClock, Integer> whatIf = new EnumMap<>(SlaClock.class);
        List<String> newly = new ArrayList<>();
        List<String> noLonger = new ArrayList<>();
        int complaints = 0;
        for (Map.Entry<String, Case> entry : cases.entrySet()) {
            Case c = entry.getValue();
            if (c.receivedAt == null || c.receivedAt.isBefore(from) || !c.receivedAt.isBefore(to)) {
                continue;
            }
            complaints++;
            SlaPolicy.Due firstDue = policy.firstResponse(c.receivedAt, c.urgency, c.channel, c.tier);
            SlaPolicy.Due resolutionDue = policy.resolution(c.receivedAt, c.urgency);
            Instant resolutionDueAt = resolutionDue.dueAt();
            for (Instant[] pause : c.pauses) {
                resolutionDueAt = policy.afterPause(resolutionDueAt, pause[0], pause[1], resolutionDue.timeBase());
            }
            if (c.pausedAt != null) {
                resolutionDueAt = policy.afterPause(resolutionDueAt, c.pausedAt, now, resolutionDue.timeBase());
            }
            compare(entry.getKey(), SlaClock.FIRST_RESPONSE, c, late(c.acknowledgedAt, firstDue.dueAt(), now), recorded,
                    whatIf, newly, noLonger);
            compare(entry.getKey(), SlaClock.RESOLUTION, c, late(c.resolvedAt, resolutionDueAt, now), recorded, whatIf,
                    newly, noLonger);
        }
        return new Report(from, to, complaints, recorded, whatIf, newly, noLonger);
    }

    private static boolean late(Instant metAt, Instant dueAt, Instant now) {
        return metAt == null ? now.isAfter(dueAt) : metAt.isAfter(dueAt);
    }

    private static void compare(String id, SlaClock clock, Case c, boolean wouldBreach, Map<SlaClock, Integer> recorded,
                                Map<SlaClock, Integer> whatIf, List<String> newly, List<String> noLonger) {
        boolean did = c.breached.getOrDefault(clock, false);
        if (did) {
            recorded.merge(clock, 1, Integer::sum);
        }
        if (wouldBreach) {
            whatIf.merge(clock, 1, Integer::sum);
        }
        if (wouldBreach && !did) {
            newly.add(id + " " + clock);
        } else if (did && !wouldBreach) {
            noLonger.add(id + " " + clock);
        }
    }

    private static void fold(Map<String, Case> cases, EventMessage<?> event) {
        Object payload = event.getPayload();
        Object at = event.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        Instant when = at == null ? event.getTimestamp() : Instant.parse(at.toString());
        if (payload instanceof ComplaintReceived e) {
            Case c = cases.computeIfAbsent(e.complaintId().value(), k -> new Case());
            c.receivedAt = when;
            c.channel = e.channel();
            c.tier = e.customer() == null ? null : e.customer().tier();
        } else if (payload instanceof ComplaintClassified e) {
            with(cases, e.complaintId().value(), c -> c.urgency = e.urgency());
        } else if (payload instanceof ComplaintReclassified e) {
            with(cases, e.complaintId().value(), c -> c.urgency = e.urgency());
        } else if (payload instanceof ComplaintAcknowledged e) {
            with(cases, e.complaintId().value(), c -> c.acknowledgedAt = when);
        } else if (payload instanceof ComplaintResolved e) {
            with(cases, e.complaintId().value(), c -> c.resolvedAt = c.resolvedAt == null ? when : c.resolvedAt);
        } else if (payload instanceof SlaClockPaused e) {
            with(cases, e.complaintId().value(), c -> c.pausedAt = e.pausedAt());
        } else if (payload instanceof SlaClockResumed e) {
            with(cases, e.complaintId().value(), c -> {
                if (c.pausedAt != null) {
                    c.pauses.add(new Instant[] {c.pausedAt, e.resumedAt()});
                }
                c.pausedAt = null;
            });
        } else if (payload instanceof SlaBreached e) {
            with(cases, e.complaintId().value(), c -> c.breached.put(e.clock(), true));
        }
    }

    private static void with(Map<String, Case> cases, String id, java.util.function.Consumer<Case> change) {
        Case c = cases.get(id);
        if (c != null) {
            change.accept(c);
        }
    }

}
