package com.complaintengine.query.report;

import com.complaintengine.query.report.TrendReport.Granularity;
import com.complaintengine.query.web.BadQueryParameter;
import com.complaintengine.query.web.QueryParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The operations team's figures: the SLA dashboard, the responsibility report (JSON or CSV) and the trends. */
@RestController
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReportQueries reports;
    private final TrendQueries trends;
    private final ReportProperties properties;
    private final Clock clock;
    private final DashboardStream stream;

    ReportController(ReportQueries reports, TrendQueries trends, ReportProperties properties, Clock clock,
                     DashboardStream stream) {
        this.stream = stream;
        this.reports = reports;
        this.trends = trends;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/sla")
    SlaDashboard dashboard(@RequestParam Map<String, String> parameters) {
        return reports.dashboard(cohort(parameters));
    }

    /** The dashboard live: a {@code dashboard} event now and after every change of the figures (server-sent events). */
    @GetMapping(path = "/api/dashboard/sla/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter dashboardStream(@RequestParam Map<String, String> parameters) {
        return stream.subscribe(cohort(parameters));
    }

    /** JSON by default; CSV with {@code format=csv} or {@code Accept: text/csv}. */
    @GetMapping("/api/reports/responsibility")
    ResponseEntity<?> responsibility(@RequestParam Map<String, String> parameters,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "from", "to", "department", "format");
        String format = p.text("format", 10);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new BadQueryParameter("format", "must be json or csv");
        }
        ResponsibilityReport report = reports.responsibility(cohort(p));
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"responsibility-report.csv\"")
                .body(ResponsibilityCsv.render(report));
    }

    /** Defaults: the last 12 months or 4 quarters up to now. */
    @GetMapping("/api/reports/trends")
    TrendReport trends(@RequestParam Map<String, String> parameters) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "granularity", "from", "to",
                "department");
        Granularity granularity = p.oneOf("granularity", Granularity.class, Granularity.MONTH);
        Instant to = p.instant("to");
        Instant from = p.instant("from");
        QueryParameters.period(from, to);
        Instant end = to == null ? clock.instant() : to;
        Instant start = from != null ? from : TrendQueries.next(granularity, trends.periodStart(granularity, end),
                granularity == Granularity.MONTH ? -11 : -3).atStartOfDay(properties.zone()).toInstant();
        if (!start.isBefore(end)) {
            throw new BadQueryParameter("from", "must be before to (or now)");
        }
        return trends.trends(granularity, start, end, p.list("department"));
    }

    Cohort cohort(Map<String, String> parameters) {
        return cohort(QueryParameters.of(parameters, properties.zone(), "from", "to", "department"));
    }

    private static Cohort cohort(QueryParameters p) {
        Instant from = p.instant("from");
        Instant to = p.instant("to");
        QueryParameters.period(from, to);
        List<String> departments = p.list("department");
        return new Cohort(from, to, departments);
    }
}
