package com.complaintengine.query.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the dashboard and the responsibility report: aggregations over {@code complaint_summary},
 * whose columns and document the summary projection keeps from the events.
 */
@Repository
public class ReportQueries {

    static final String OPEN = "s.status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED')";

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    public ReportQueries(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The dashboard from the counters the summary rows keep in {@code dashboard_cube} (per UTC day) and
     * {@code dashboard_histogram} (per UTC month), with their deltas not yet folded ({@link DashboardCounters}),
     * plus the rows of the cohort's partial days or months read directly,
     * so the answer is the same as aggregating every row of the cohort (percentiles within a histogram bucket,
     * {@link DurationHistogram}) while reading only counters and the edges.
     */
    public SlaDashboard dashboard(Cohort cohort) {
        List<Object> args = Cohort.args();
        List<Object> edgeArgs = Cohort.args();
        Cohort.Split days = cohort.split(Cohort.Grain.DAY, "day", args, edgeArgs);
        args.addAll(List.copyOf(args)); // the delta table's condition
        args.addAll(edgeArgs);
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byUrgency = new TreeMap<>();
        Map<String, Long> byDepartment = new TreeMap<>();
        Map<String, Long> slaNow = new HashMap<>();
        Map<String, long[]> clocks = new TreeMap<>();
        long[] totals = new long[2];
        jdbc.query("""
                select metric, key, department, sum(n) from (
                    select c.metric, c.key, c.department, c.n from dashboard_cube c where %1$s
                    union all
                    select c.metric, c.key, c.department, c.n from dashboard_cube_delta c where %1$s
                    union all
                    select x.metric, x.key, coalesce(s.primary_department, ''), x.n
                      from complaint_summary s cross join lateral dashboard_counts(s) x where %2$s) f
                 group by 1, 2, 3 having sum(n) <> 0""".formatted(days.periods(), days.edges()), rs -> {
                    String key = rs.getString(2);
                    long n = rs.getLong(4);
                    switch (rs.getString(1)) {
                        case "open.status" -> {
                            byStatus.merge(key, n, Long::sum);
                            String department = rs.getString(3);
                            byDepartment.merge(department.isEmpty() ? "unrouted" : department, n, Long::sum);
                        }
                        case "open.urgency" -> byUrgency.merge(key, n, Long::sum);
                        case "open.sla" -> slaNow.merge(key, n, Long::sum);
                        case "clock.seen" -> clocks.computeIfAbsent(key, k -> new long[2]);
                        case "clock.met" -> clocks.computeIfAbsent(key, k -> new long[2])[0] += n;
                        case "clock.breached" -> clocks.computeIfAbsent(key, k -> new long[2])[1] += n;
                        case "extensions" -> totals[0] += n;
                        case "escalations" -> totals[1] += n;
                        default -> { }
                    }
                }, args.toArray());
        Map<String, SlaDashboard.OnTime> onTime = new LinkedHashMap<>();
        clocks.forEach((clock, n) -> onTime.put(clock, SlaDashboard.OnTime.of(n[0], n[1])));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();

        List<Object> monthArgs = Cohort.args();
        List<Object> monthEdgeArgs = Cohort.args();
        Cohort.Split months = cohort.split(Cohort.Grain.MONTH, "month", monthArgs, monthEdgeArgs);
        monthArgs.addAll(List.copyOf(monthArgs));
        monthArgs.addAll(monthEdgeArgs);
        DurationHistogram firstResponse = new DurationHistogram();
        DurationHistogram resolution = new DurationHistogram();
        jdbc.query("""
                select metric, bucket, sum(n) from (
                    select c.metric, c.bucket, c.n from dashboard_histogram c where %1$s
                    union all
                    select c.metric, c.bucket, c.n from dashboard_histogram_delta c where %1$s
                    union all
                    select d.metric, d.bucket, 1 from complaint_summary s cross join lateral dashboard_durations(s) d
                     where %2$s) f
                 group by 1, 2""".formatted(months.periods(), months.edges()), rs -> {
                    (rs.getString(1).equals("first_response") ? firstResponse : resolution)
                            .add(rs.getInt(2), rs.getLong(3));
                }, monthArgs.toArray());

        List<Object> oldestArgs = Cohort.args();
        String where = cohort.where(oldestArgs);
        oldestArgs.add(properties.oldestOpenCases());
        List<SlaDashboard.OpenCase> oldest = jdbc.query("""
                select s.complaint_id, s.status, s.urgency, s.primary_department, s.sla_state, s.received_at
                  from complaint_summary s where\s""" + where + " and " + OPEN
                        + " order by s.received_at, s.complaint_id limit ?",
                (rs, n) -> new SlaDashboard.OpenCase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), oldestArgs.toArray());
        return new SlaDashboard(cohort.from(), cohort.to(), cohort.departments(),
                new SlaDashboard.Open(total, byStatus, byUrgency, byDepartment),
                slaNow.getOrDefault("AT_RISK", 0L), slaNow.getOrDefault("BREACHED", 0L), onTime,
                firstResponse.percentiles(), resolution.percentiles(), totals[0], totals[1], oldest);
    }

    public ResponsibilityReport responsibility(Cohort cohort) {
        List<Object> args = Cohort.args();
        String where = cohort.where(args);
        Object[] a = args.toArray();
        List<ResponsibilityReport.Line> departments = lines("coalesce(s.primary_department, 'unrouted')", "null",
                where, a);
        List<ResponsibilityReport.Line> handlers = lines("coalesce(s.handler, 'unassigned')",
                "max(coalesce(s.handling_department, s.primary_department))", where, a);
        Map<String, Long> kinds = counts("select coalesce(s.type, 'UNCLASSIFIED'), count(*) from complaint_summary s "
                + "where " + where + " group by 1 order by 1", a);
        List<ResponsibilityReport.Kind> filled = new ArrayList<>();
        kinds.forEach((type, complaints) -> filled.add(new ResponsibilityReport.Kind(type, complaints,
                kindCounts("s.primary_department", type, where, a),
                kindCounts("s.handling_department", type, where, a),
                kindCounts("jsonb_array_elements_text(s.document -> 'classification' -> 'routing' "
                        + "-> 'cooperatingDepartments')", type, where, a),
                kindCounts("case when s.document -> 'resolution' ->> 'approvedUpTo' is not null then "
                        + "s.document -> 'classification' -> 'routing' ->> 'decisionAuthority' end", type, where, a))));
        return new ResponsibilityReport(cohort.from(), cohort.to(), cohort.departments(), departments, handlers, filled);
    }

    private List<ResponsibilityReport.Line> lines(String key, String department, String where, Object[] a) {
        return jdbc.query("""
                select %s as name, %s as department, count(*) as received,
                       count(s.resolved_at) as resolved,
                       count(*) filter (where (s.document -> 'sla' -> 'RESOLUTION' ->> 'breaches')::int > 0) as overdue,
                       coalesce(sum((s.document -> 'sla' -> 'FIRST_RESPONSE' ->> 'breaches')::int), 0) as b_first,
                       coalesce(sum((s.document -> 'sla' -> 'RESOLUTION' ->> 'breaches')::int), 0) as b_resolution,
                       coalesce(sum((s.document -> 'sla' -> 'PROGRESS_UPDATE' ->> 'breaches')::int), 0) as b_progress,
                       coalesce(sum((s.document -> 'sla' -> 'SUPERVISOR_CALLBACK' ->> 'breaches')::int), 0) as b_callback,
                       coalesce(sum((s.document -> 'sla' -> 'INITIAL_PLAN' ->> 'breaches')::int), 0) as b_plan,
                       avg(extract(epoch from s.resolved_at - s.received_at)) as avg_handling,
                       percentile_cont(0.9) within group (order by extract(epoch from s.resolved_at - s.received_at))
                           as p90_handling,
                       count(*) filter (where s.resolved_at is not null or s.reopen_count > 0) as resolved_ever,
                       count(*) filter (where s.reopen_count > 0) as reopened,
                       coalesce(sum(s.escalation_count), 0) as escalations,
                       avg(s.score) as avg_score, count(s.score) as scored
                  from complaint_summary s where %s group by 1 order by 1""".formatted(key, department, where),
                (rs, n) -> line(rs), a);
    }

    private static ResponsibilityReport.Line line(ResultSet rs) throws SQLException {
        long resolved = rs.getLong("resolved");
        Map<String, Long> breaches = new LinkedHashMap<>();
        breaches.put("FIRST_RESPONSE", rs.getLong("b_first"));
        breaches.put("RESOLUTION", rs.getLong("b_resolution"));
        breaches.put("PROGRESS_UPDATE", rs.getLong("b_progress"));
        breaches.put("SUPERVISOR_CALLBACK", rs.getLong("b_callback"));
        breaches.put("INITIAL_PLAN", rs.getLong("b_plan"));
        double avgHandling = rs.getDouble("avg_handling");
        boolean anyResolved = !rs.wasNull();
        double p90 = rs.getDouble("p90_handling");
        double avgScore = rs.getDouble("avg_score");
        boolean anyScore = !rs.wasNull();
        return new ResponsibilityReport.Line(rs.getString("name"), rs.getString("department"), rs.getLong("received"),
                resolved, rs.getLong("overdue"), breaches,
                anyResolved ? Math.round(avgHandling) : null, anyResolved ? Math.round(p90) : null,
                ratio(rs.getLong("reopened"), rs.getLong("resolved_ever")), rs.getLong("escalations"),
                anyScore ? Math.round(avgScore * 100.0) / 100.0 : null, ratio(rs.getLong("scored"), resolved));
    }

    /** {@code part / whole} to four decimals, null when nothing is in the whole. */
    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private Map<String, Long> kindCounts(String expression, String type, String where, Object[] a) {
        List<Object> args = new ArrayList<>(List.of(a));
        args.add(type);
        return counts("select d, count(*) from (select " + expression + " as d from complaint_summary s where " + where
                + " and coalesce(s.type, 'UNCLASSIFIED') = ?) x where d is not null group by 1 order by 1",
                args.toArray());
    }

    Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }
}
