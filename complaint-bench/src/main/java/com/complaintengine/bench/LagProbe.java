package com.complaintengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

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

    private final String jdbc;
    private final Queue<Long> lags;
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean sampling = true;
    private volatile Exception failure;

    LagProbe(String jdbc, Queue<Long> lags) {
        this.jdbc = jdbc;
        this.lags = lags;
        this.thread = new Thread(this::poll, "lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** A complaint answered 201 at {@code answered} (System.nanoTime). */
    void sample(String complaintId, long answered) {
        waiting.put(complaintId, answered);
    }

    private void poll() {
        try (Connection connection = DriverManager.getConnection(jdbc);
             PreparedStatement visible = connection.prepareStatement(
                     "select complaint_id from complaint_summary where complaint_id = any (?)")) {
            while (sampling || !waiting.isEmpty()) {
                if (!waiting.isEmpty()) {
                    visible.setArray(1, connection.createArrayOf("varchar", waiting.keySet().toArray()));
                    try (ResultSet rows = visible.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            Long answered = waiting.remove(rows.getString(1));
                            if (answered != null) {
                                lags.add(now - answered);
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
                it.remove();
            }
        }
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
