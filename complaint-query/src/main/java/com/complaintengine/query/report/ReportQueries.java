package com.complaintengine.query.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public SlaDashboard dashboard(Cohort cohort) {
        List<Object> args = Cohort.args();
        String where = cohort.where(args);
        Object[] a = args.toArray();
        Map<String, Long> byStatus = counts("select s.status, count(*) from complaint_summary s where " + where
                + " and " + OPEN + " group by 1 order by 1", a);
        Map<String, Long> byUrgency = counts("select coalesce(s.urgency, 'UNCLASSIFIED'), count(*) from complaint_summary s"
                + " where " + where + " and " + OPEN + " group by 1 order by 1", a);
        Map<String, Long> byDepartment = counts("select coalesce(s.primary_department, 'unrouted'), count(*) "
                + "from complaint_summary s where " + where + " and " + OPEN + " group by 1 order by 1", a);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> slaNow = counts("select s.sla_state, count(*) from complaint_summary s where " + where
                + " and " + OPEN + " and s.sla_state in ('AT_RISK', 'BREACHED') group by 1", a);
        Map<String, SlaDashboard.OnTime> onTime = new LinkedHashMap<>();
        jdbc.query("""
                select c.key,
                       count(*) filter (where c.value ->> 'state' = 'MET' and (c.value ->> 'breaches')::int = 0),
                       count(*) filter (where (c.value ->> 'breaches')::int > 0)
                  from complaint_summary s, jsonb_each(s.document -> 'sla') c
                 where\s""" + where + " group by c.key order by c.key",
                rs -> {
                    onTime.put(rs.getString(1), SlaDashboard.OnTime.of(rs.getLong(2), rs.getLong(3)));
                }, a);
        Percentiles firstResponse = percentiles("s.first_response_at - s.received_at", "s.first_response_at is not null",
                where, a);
        Percentiles resolution = percentiles("s.resolved_at - s.received_at", "s.resolved_at is not null", where, a);
        long[] totals = jdbc.queryForObject("select coalesce(sum(s.extension_count), 0), "
                + "coalesce(sum(s.escalation_count), 0) from complaint_summary s where " + where,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, a);
        List<Object> oldestArgs = new ArrayList<>(args);
        oldestArgs.add(properties.oldestOpenCases());
        List<SlaDashboard.OpenCase> oldest = jdbc.query("""
                select s.complaint_id, s.status, s.urgency, s.primary_department, s.sla_state, s.received_at
                  from complaint_summary s where\s""" + where + " and " + OPEN
                        + " order by s.received_at, s.complaint_id limit ?",
                (rs, n) -> new SlaDashboard.OpenCase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), oldestArgs.toArray());
        return new SlaDashboard(cohort.from(), cohort.to(), cohort.departments(),
                new SlaDashboard.Open(total, byStatus, byUrgency, byDepartment),
                slaNow.getOrDefault("AT_RISK", 0L), slaNow.getOrDefault("BREACHED", 0L), onTime, firstResponse,
                resolution, totals[0], totals[1], oldest);
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

    private Percentiles percentiles(String duration, String condition, String where, Object[] a) {
        return jdbc.queryForObject("select count(*), percentile_cont(" + Percentiles.SQL + ") within group "
                + "(order by extract(epoch from " + duration + ")) from complaint_summary s where " + where + " and "
                + condition, (rs, n) -> Percentiles.of(rs.getLong(1), doubles(rs.getArray(2))), a);
    }

    private static Double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Double[] result = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] == null ? null : ((Number) values[i]).doubleValue();
        }
        return result;
    }

    Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }
}
