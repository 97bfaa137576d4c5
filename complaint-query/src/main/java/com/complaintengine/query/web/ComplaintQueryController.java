package com.complaintengine.query.web;

import com.complaintengine.api.queries.FindComplaint;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.query.history.ComplaintHistory;
import com.complaintengine.query.history.ComplaintReplay;
import com.complaintengine.query.history.HistoryEntry;
import com.complaintengine.query.report.ReportProperties;
import com.complaintengine.query.summary.ComplaintSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of one complaint: its current state (projection), its state at an instant (replayed from the events)
 * and its history (event store), which can be narrowed to a period and to event types.
 */
@RestController
class ComplaintQueryController {

    private static final String EVENTS_PACKAGE = "com.complaintengine.api.events.";

    private final QueryGateway queryGateway;
    private final ComplaintHistory history;
    private final ComplaintReplay replay;
    private final ReportProperties properties;

    ComplaintQueryController(QueryGateway queryGateway, ComplaintHistory history, ComplaintReplay replay,
                             ReportProperties properties) {
        this.queryGateway = queryGateway;
        this.history = history;
        this.replay = replay;
        this.properties = properties;
    }

    /** The case now, or with {@code asOf} as it stood at that instant (folded from its events up to it). */
    @GetMapping("/api/complaints/{id}")
    ComplaintSummary complaint(@PathVariable String id, @RequestParam Map<String, String> parameters) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "asOf");
        Instant asOf = p.instant("asOf");
        if (asOf != null) {
            return replay.asOf(complaintId(id).value(), asOf).orElseThrow(() -> new UnknownComplaint(id));
        }
        Optional<ComplaintSummary> summary = queryGateway.query(new FindComplaint(complaintId(id)),
                ResponseTypes.optionalInstanceOf(ComplaintSummary.class)).join();
        return summary.orElseThrow(() -> new UnknownComplaint(id));
    }

    @GetMapping("/api/complaints/{id}/history")
    Map<String, Object> history(@PathVariable String id, @RequestParam Map<String, String> parameters) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "from", "to", "type");
        Instant from = p.instant("from");
        Instant to = p.instant("to");
        QueryParameters.period(from, to);
        Set<String> types = eventTypes(p.list("type"));
        List<HistoryEntry> events = history.of(complaintId(id).value());
        if (events.isEmpty()) {
            throw new UnknownComplaint(id);
        }
        List<HistoryEntry> selected = events.stream()
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .filter(e -> from == null || !Instant.parse(e.occurredAt()).isBefore(from))
                .filter(e -> to == null || Instant.parse(e.occurredAt()).isBefore(to))
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complaintId", id);
        answer.put("events", selected);
        return answer;
    }

    /** A group complaint's history (002) is read the same way: its events in order from the store. */
    @GetMapping("/api/group-complaints/{id}/history")
    Map<String, Object> groupHistory(@PathVariable String id) {
        List<HistoryEntry> events = id.length() > 64 ? List.of() : history.of(id);
        if (events.isEmpty()) {
            throw new UnknownComplaint(id);
        }
        return Map.of("groupId", id, "events", events);
    }

    /** Event type names as the history shows them; a name that is no event of the contract is refused. */
    private static Set<String> eventTypes(List<String> names) {
        for (String name : names) {
            boolean known;
            try {
                known = name.matches("[A-Za-z]{1,80}") && Class.forName(EVENTS_PACKAGE + name).isRecord();
            } catch (ClassNotFoundException e) {
                known = false;
            }
            if (!known) {
                throw new BadQueryParameter("type", "'" + name + "' is not an event type (e.g. ComplaintReceived)");
            }
        }
        return Set.copyOf(names);
    }

    private static ComplaintId complaintId(String id) {
        try {
            return ComplaintId.of(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownComplaint(id);
        }
    }
}
