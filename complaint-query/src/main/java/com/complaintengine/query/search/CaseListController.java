package com.complaintengine.query.search;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.query.report.ReportProperties;
import com.complaintengine.query.search.CaseSearch.Scope;
import com.complaintengine.query.search.CaseSearch.Sort;
import com.complaintengine.query.summary.ComplaintSummary.SlaState;
import com.complaintengine.query.web.QueryParameters;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/complaints}: the case list with its filters, sorts and keyset paging. */
@RestController
class CaseListController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final CaseList cases;
    private final ReportProperties properties;

    CaseListController(CaseList cases, ReportProperties properties) {
        this.cases = cases;
        this.properties = properties;
    }

    @GetMapping("/api/complaints")
    CasePage list(@RequestParam Map<String, String> parameters) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "status", "urgency", "type", "subtype",
                "channel", "department", "handler", "escalation", "sla", "scope", "receivedFrom", "receivedTo", "q",
                "sort", "limit", "cursor");
        Instant from = p.instant("receivedFrom");
        Instant to = p.instant("receivedTo");
        QueryParameters.period(from, to);
        Sort sort = p.oneOf("sort", Sort.class, Sort.RECEIVED_DESC);
        String cursor = p.text("cursor", 400);
        return cases.search(new CaseSearch(p.enums("status", ComplaintStatus.class), p.enums("urgency", Urgency.class),
                p.list("type"), p.list("subtype"), p.enums("channel", Channel.class), p.list("department"),
                p.list("handler"), p.enums("escalation", EscalationLevel.class), p.enums("sla", SlaState.class),
                p.oneOf("scope", Scope.class, Scope.ALL), from, to, p.text("q", 200), sort,
                p.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT), cursor == null ? null : CaseList.decode(cursor, sort)));
    }
}
