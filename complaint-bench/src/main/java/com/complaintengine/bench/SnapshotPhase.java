package com.complaintengine.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase {@code snapshots} (issue 9, "load time flat from 10 to 1,000 events"): one complaint per size (default 10, 100
 * and 1,000 events) grown over HTTP with notes ({@code POST .../communications}, direction INTERNAL: one event each, no
 * clock, no rule limits how many), then, round-robin over the sizes so drift hits each alike:
 * <ul>
 *   <li>{@code --snapshot-repetitions} (100) refused commands per complaint: a second classification, answered 409
 *       {@code already-classified}. Axon loads the whole complaint (snapshot + later events, or every event) and
 *       writes nothing, so the size stays fixed: this is the load time as a client sees it;</li>
 *   <li>{@code --snapshot-appends} (20) accepted notes per complaint: load + one event appended and committed (the
 *       complaint grows by that many events during the measurement).</li>
 * </ul>
 * The server's snapshot threshold is its own setting ({@code complaint.snapshots.threshold}); start it with 0 to measure
 * without snapshots. With {@code --jdbc} the stored events and the snapshot's sequence of each complaint are reported.
 */
final class SnapshotPhase {

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final String COMPLAINT = """
            {"channel": "HOTLINE", "customer": {"name": "Snapshot Bench", "contact": "138-0000-0001", "tier": "REGULAR"},
             "occurredAt": "2026-11-20T08:00:00Z", "facts": "long-lived case for the snapshot benchmark",
             "expectation": "a repair", "demand": {"type": "REPAIR"}, "emotion": "calm", "affectedCount": 1}""";
    private static final String CLASSIFICATION = """
            {"type": "PRODUCT", "subtype": "QUALITY", "urgency": "GENERAL"}""";
    private static final String NOTE = """
            {"direction": "INTERNAL", "channel": "phone", "content": "called the customer back (%d)"}""";
    private static final int WARM_UP = 20;

    private SnapshotPhase() {
    }

    static void run(Http agent, String jdbc, Map<String, String> o, Map<String, String> report) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : o.getOrDefault("snapshot-sizes", "10,100,1000").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        int repetitions = Integer.parseInt(o.getOrDefault("snapshot-repetitions", "100"));
        int appends = Integer.parseInt(o.getOrDefault("snapshot-appends", "20"));

        Map<Integer, String> complaints = new LinkedHashMap<>();
        for (int size : sizes) {
            long t0 = System.nanoTime();
            String id = grow(agent, size);
            complaints.put(size, id);
            System.out.printf("snapshots: complaint %s grown to %d events in %.1f s%n", id, size, (System.nanoTime() - t0) / 1e9);
        }
        Map<Integer, List<Long>> refused = new LinkedHashMap<>();
        Map<Integer, List<Long>> accepted = new LinkedHashMap<>();
        sizes.forEach(size -> {
            refused.put(size, new ArrayList<>());
            accepted.put(size, new ArrayList<>());
        });
        for (int i = 0; i < WARM_UP; i++) {
            for (String id : complaints.values()) {
                timeRefused(agent, id);
            }
        }
        for (int i = 0; i < repetitions; i++) {
            for (int size : sizes) {
                refused.get(size).add(timeRefused(agent, complaints.get(size)));
            }
        }
        for (int i = 0; i < appends; i++) {
            for (int size : sizes) {
                accepted.get(size).add(timeNote(agent, complaints.get(size), 1_000_000 + i));
            }
        }
        for (int size : sizes) {
            String id = complaints.get(size);
            report.put("snapshots: ~" + size + " events, refused command (load only)",
                    new Stats(refused.get(size)).p50p99());
            report.put("snapshots: ~" + size + " events, accepted note (load + append)",
                    new Stats(accepted.get(size)).p50p99() + ", " + size + " → " + (size + appends) + " events");
            if (jdbc != null) {
                report.put("snapshots: ~" + size + " events, store", stored(jdbc, id));
            }
        }
        report.forEach((k, v) -> {
            if (k.startsWith("snapshots:")) {
                System.out.println(k + ": " + v);
            }
        });
    }

    /** A complaint with exactly {@code size} stored events (at least its intake and classification). */
    private static String grow(Http agent, int size) throws Exception {
        HttpResponse<String> created = agent.send(agent.post("/api/complaints", COMPLAINT));
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("intake answered " + created.statusCode() + ": " + created.body());
        }
        String complaint = id.group(1);
        expect(agent.send(agent.post("/api/complaints/" + complaint + "/classification", CLASSIFICATION)), 204);
        int events = events(agent, complaint);
        for (int n = events; n < size; n++) {
            expect(agent.send(agent.post("/api/complaints/" + complaint + "/communications", NOTE.formatted(n))), 204);
        }
        return complaint;
    }

    private static int events(Http agent, String complaint) throws Exception {
        String history = agent.read("/api/complaints/" + complaint + "/history");
        int count = 0;
        for (int at = history.indexOf("\"sequence\":"); at >= 0; at = history.indexOf("\"sequence\":", at + 1)) {
            count++;
        }
        return count;
    }

    private static long timeRefused(Http agent, String complaint) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = agent.send(agent.post("/api/complaints/" + complaint + "/classification",
                CLASSIFICATION));
        long elapsed = System.nanoTime() - start;
        expect(response, 409);
        return elapsed;
    }

    private static long timeNote(Http agent, String complaint, int n) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = agent.send(agent.post("/api/complaints/" + complaint + "/communications",
                NOTE.formatted(n)));
        long elapsed = System.nanoTime() - start;
        expect(response, 204);
        return elapsed;
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + response.body());
        }
    }

    /** Stored events and the snapshot (its sequence number, or none) of a complaint, read with SQL. */
    private static String stored(String jdbc, String complaint) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc);
             PreparedStatement query = connection.prepareStatement("""
                     select (select count(*) from domain_event_entry where aggregate_identifier = ?),
                            (select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?)""")) {
            query.setString(1, complaint);
            query.setString(2, complaint);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long events = row.getLong(1);
                long snapshot = row.getLong(2);
                boolean none = row.wasNull();
                return complaint + ": " + events + " events stored, "
                        + (none ? "no snapshot" : "snapshot at sequence " + snapshot);
            }
        }
    }
}
