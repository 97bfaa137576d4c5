package com.complaintengine.server;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's counters (Flyway V10) as they are kept, counters plus unfolded deltas, and as recomputed from
 * every summary row with the same contribution functions: equal whenever the triggers did their bookkeeping.
 */
public final class DashboardCounterCheck {

    private DashboardCounterCheck() {
    }

    public static Map<String, Long> kept(JdbcTemplate jdbc) {
        return keyed(jdbc, """
                select day || '/' || department || '/' || metric || '/' || key, sum(n) from (
                    select * from dashboard_cube union all select * from dashboard_cube_delta) x
                 group by 1 having sum(n) <> 0
                union all
                select month || '/' || department || '/' || metric || '/' || bucket, sum(n) from (
                    select * from dashboard_histogram union all select * from dashboard_histogram_delta) x
                 group by 1 having sum(n) <> 0""");
    }

    public static Map<String, Long> recomputed(JdbcTemplate jdbc) {
        return keyed(jdbc, """
                select (s.received_at at time zone 'UTC')::date || '/' || coalesce(s.primary_department, '') || '/'
                       || c.metric || '/' || c.key, sum(c.n)
                  from complaint_summary s cross join lateral dashboard_counts(s) c group by 1 having sum(c.n) <> 0
                union all
                select date_trunc('month', s.received_at at time zone 'UTC')::date || '/'
                       || coalesce(s.primary_department, '') || '/' || d.metric || '/' || d.bucket, count(*)
                  from complaint_summary s cross join lateral dashboard_durations(s) d group by 1""");
    }

    private static Map<String, Long> keyed(JdbcTemplate jdbc, String sql) {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query(sql, rs -> {
            rows.put(rs.getString(1), rs.getLong(2));
        });
        return rows;
    }
}
