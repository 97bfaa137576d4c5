package com.complaintengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;

/**
 * Phase {@code deadlines}, only when named (needs {@code --jdbc}): how fast the engine fires SLA deadlines that come
 * due together — what a surge's complaints do when their clocks run out in the same minutes, two hours (urgent) or a
 * day later. The {@code --deadline-rows} (10,000) waiting deadline rows due soonest are made due now (their
 * {@code execution_time} set to the database's now; the deadline each row carries keeps its own due instant, so the
 * complaint's clock handles the firing as it would have then: an at-risk warning before the due instant, with the
 * due deadline scheduled). Then the rows are counted every 100 ms until none of them is left (or
 * {@code --deadline-timeout}, 600 s). Reported: the rows fired per second from the moment they were due, the time until
 * the first and the last had fired, and the events the firings appended. The server's {@code db-scheduler.*}
 * settings (polling interval, threads, strategy) decide it.
 */
final class DeadlinePhase {

    private static final String DUE_NOW = """
            update scheduled_tasks set execution_time = ?
             where (task_name, task_instance) in (
                   select task_name, task_instance from scheduled_tasks
                    where task_name = 'AxonDeadline' and not picked and execution_time > ?
                    order by execution_time limit ?)""";
    private static final String LEFT = """
            select count(*) from scheduled_tasks where task_name = 'AxonDeadline' and execution_time = ?""";

    private DeadlinePhase() {
    }

    static void run(String jdbc, Map<String, String> o, Map<String, String> report) throws Exception {
        int rows = Integer.parseInt(o.getOrDefault("deadline-rows", "10000"));
        long timeout = Long.parseLong(o.getOrDefault("deadline-timeout", "600")) * 1_000_000_000L;
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            long headBefore = EventSeeder.head(connection);
            long failingBefore = failing(connection);
            // One instant, the database's, that marks exactly the rows made due here (none other has it).
            Timestamp dueAt;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select date_trunc('milliseconds', clock_timestamp())")) {
                rs.next();
                dueAt = rs.getTimestamp(1);
            }
            int due;
            try (PreparedStatement update = connection.prepareStatement(DUE_NOW)) {
                update.setTimestamp(1, dueAt);
                update.setTimestamp(2, dueAt);
                update.setInt(3, rows);
                due = update.executeUpdate();
            }
            long start = System.nanoTime();
            if (due == 0) {
                report.put("deadlines", "no waiting deadline row to make due; run an intake phase first");
                return;
            }
            long firstFired = -1;
            long left = due;
            try (PreparedStatement count = connection.prepareStatement(LEFT)) {
                count.setTimestamp(1, dueAt);
                while (left > 0 && System.nanoTime() - start < timeout) {
                    Thread.sleep(100);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        left = rs.getLong(1);
                    }
                    if (firstFired < 0 && left < due) {
                        firstFired = System.nanoTime();
                    }
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long fired = due - left;
            report.put("deadlines: " + due + " rows made due at once", left == 0
                    ? String.format("all fired in %.1f s = %,.0f/s; the first after %.1f s", elapsed, fired / elapsed,
                            (firstFired - start) / 1e9)
                    : String.format("NOT ALL FIRED: %,d of %,d in %.0f s", fired, due, elapsed));
            report.put("deadlines: events appended by the firings", String.format("%,d; firings failed (rows"
                    + " rescheduled by db-scheduler): %d", EventSeeder.head(connection) - headBefore, failing(connection) - failingBefore));
            System.out.println("deadlines: " + report.get("deadlines: " + due + " rows made due at once"));
        }
    }

    /** Deadline rows whose last firing failed (db-scheduler moved them to a later try). */
    private static long failing(Connection connection) throws Exception {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'"
                     + " and consecutive_failures > 0")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
