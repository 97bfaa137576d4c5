package com.complaintengine.query.web;

import com.complaintengine.api.queries.FindComplaint;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.query.history.ComplaintHistory;
import com.complaintengine.query.history.HistoryEntry;
import com.complaintengine.query.summary.ComplaintSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads of one complaint: its current state (projection) and its full history (event store). */
@RestController
class ComplaintQueryController {

    private final QueryGateway queryGateway;
    private final ComplaintHistory history;

    ComplaintQueryController(QueryGateway queryGateway, ComplaintHistory history) {
        this.queryGateway = queryGateway;
        this.history = history;
    }

    @GetMapping("/api/complaints/{id}")
    ComplaintSummary complaint(@PathVariable String id) {
        Optional<ComplaintSummary> summary = queryGateway.query(new FindComplaint(complaintId(id)),
                ResponseTypes.optionalInstanceOf(ComplaintSummary.class)).join();
        return summary.orElseThrow(() -> new UnknownComplaint(id));
    }

    @GetMapping("/api/complaints/{id}/history")
    Map<String, Object> history(@PathVariable String id) {
        List<HistoryEntry> events = history.of(complaintId(id).value());
        if (events.isEmpty()) {
            throw new UnknownComplaint(id);
        }
        return Map.of("complaintId", id, "events", events);
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

    @ExceptionHandler(UnknownComplaint.class)
    ProblemDetail unknown(UnknownComplaint unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Complaint not found");
        problem.setProperty("code", "complaint-not-found");
        return problem;
    }

    private static ComplaintId complaintId(String id) {
        try {
            return ComplaintId.of(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownComplaint(id);
        }
    }

    static class UnknownComplaint extends RuntimeException {
        UnknownComplaint(String id) {
            super("no complaint with id " + id);
        }
    }
}
