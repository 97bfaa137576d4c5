package com.complaintengine.query.report;

import com.complaintengine.query.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Folds the dashboard's deltas (appended by the triggers on {@code complaint_summary}, Flyway V10) into its counters
 * every {@link #INTERVAL}, so a dashboard reads counters plus the last second's deltas. One statement moves both
 * tables' deltas (deleted and added in key order in one transaction: nothing counted twice or lost, whatever fails);
 * on several nodes an advisory lock lets one fold at a time and the others skip that round.
 */
@Component
public class DashboardCounters {

    private static final Logger log = LoggerFactory.getLogger(DashboardCounters.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** The advisory lock key of the fold (any fixed number no other code of the engine uses). */
    private static final long LOCK = 0x64617368L;

    private final JdbcTemplate jdbc;
    private volatile boolean failing;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dashboard-counters"));

    public DashboardCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        timer.scheduleWithFixedDelay(this::foldQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Moves the deltas into the counters now; the number of delta rows moved, -1 when another node was folding. */
    public long fold() {
        return jdbc.queryForObject("""
                with lock as (select pg_try_advisory_xact_lock(?) as held),
                moved as (delete from dashboard_cube_delta where (select held from lock)
                          returning day, department, metric, key, n),
                folded as (insert into dashboard_cube (day, department, metric, key, n)
                           select day, department, metric, key, sum(n) from moved
                            group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
                           on conflict (day, department, metric, key) do update set n = dashboard_cube.n + excluded.n
                           returning 1),
                moved_durations as (delete from dashboard_histogram_delta where (select held from lock)
                                    returning month, department, metric, bucket, n),
                folded_durations as (insert into dashboard_histogram (month, department, metric, bucket, n)
                           select month, department, metric, bucket, sum(n) from moved_durations
                            group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
                           on conflict (month, department, metric, bucket)
                           do update set n = dashboard_histogram.n + excluded.n
                           returning 1)
                select case when (select held from lock)
                            then (select count(*) from moved) + (select count(*) from moved_durations)
                            else -1 end""", Long.class, LOCK);
    }

    private void foldQuietly() {
        try {
            fold();
            failing = false;
        } catch (RuntimeException e) {
            // The deltas stay where they are (the statement is one transaction) and are read with the counters:
            // the figures stay right, only reading them costs more until a fold succeeds.
            if (!failing) {
                log.warn("Could not fold the dashboard's deltas into its counters (retried every {}): {}", INTERVAL,
                        e.toString());
            }
            failing = true;
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
