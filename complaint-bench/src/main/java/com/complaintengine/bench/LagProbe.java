package com.complaintengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Projection lag: the time from a complaint's 201 answer until its row is in the summary projection (the row that
 * {@code GET /api/complaints/{id}} and the dashboard read). One thread asks PostgreSQL every {@value #POLL_MS} ms which
 * of the sampled complaints the projection now holds, all of them in one statement, so sampling adds one cheap query
 * per poll instead of an HTTP request per sample and poll (polled over HTTP every 2 ms from 4 threads, the probe
 * itself had sent the server more requests than the intake it measured). The lag is read after the query returns:
 * it errs on the high side by the query's time and up to one poll interval.
 */
final class LagProbe implements AutoCloseable {

    private static final int POLL_MS = 5;
    private static final long GIVE_UP = Duration.ofSeconds(30).toNanos();

    private final Connection connection;
    private final PreparedStatement visible;
    private final Queue<Long> lags;
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    /** Each sample's answer instant (System.nanoTime) and lag, to tell a steady lag from stalls at moments of the run. */
    private final Queue<long[]> timeline = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean sampling = true;
    private volatile Exception failure;

    /**
     * Connects and runs the probe's query once before returning: the first samples of a run waited for the probe's
     * own connection (a cold JVM's driver loading and log-in, ~0.5–0.8 s), which showed as the run's largest lags.
     */
    LagProbe(String jdbc, Queue<Long> lags) throws SQLException {
        this.lags = lags;
        this.connection = DriverManager.getConnection(jdbc);
        this.visible = connection.prepareStatement("select complaint_id from complaint_summary where complaint_id = any (?)");
        visible.setArray(1, connection.createArrayOf("varchar", new Object[] {"lag-probe-warm-up"}));
        try (ResultSet none = visible.executeQuery()) {
            none.next();
        }
        this.thread = new Thread(this::poll, "lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** A complaint answered 201 at {@code answered} (System.nanoTime). */
    void sample(String complaintId, long answered) {
        waiting.put(complaintId, answered);
    }

    private void poll() {
        try (connection; visible) {
            while (sampling || !waiting.isEmpty()) {
                if (!waiting.isEmpty()) {
                    visible.setArray(1, connection.createArrayOf("varchar", waiting.keySet().toArray()));
                    try (ResultSet rows = visible.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            Long answered = waiting.remove(rows.getString(1));
                            if (answered != null) {
                                lags.add(now - answered);
                                timeline.add(new long[] {answered, now - answered});
                            }
                        }
                        giveUpOnOld(now);
                    }
                }
                LockSupport.parkNanos(POLL_MS * 1_000_000L);
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** A complaint not projected after 30 s counts as 30 s, so a stuck projection shows instead of hiding. */
    private void giveUpOnOld(long now) {
        for (Iterator<Map.Entry<String, Long>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> entry = it.next();
            if (now - entry.getValue() > GIVE_UP) {
                lags.add(GIVE_UP);
                timeline.add(new long[] {entry.getValue(), GIVE_UP});
                it.remove();
            }
        }
    }

    /**
     * The {@code n} largest lags with the second of the run (from {@code start}, System.nanoTime) at which their
     * complaint was answered, e.g. {@code "612 ms at 3.2 s"}: stalls show as clusters at one moment.
     */
    String worst(int n, long start) {
        return timeline.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(n)
                .map(s -> String.format("%.0f ms at %.1f s", s[1] / 1e6, (s[0] - start) / 1e9))
                .collect(Collectors.joining(", "));
    }

    /** Waits until every sample is projected (or given up on). */
    @Override
    public void close() throws Exception {
        sampling = false;
        thread.join(Duration.ofSeconds(60).toMillis());
        if (failure != null) {
            throw failure;
        }
    }
}
