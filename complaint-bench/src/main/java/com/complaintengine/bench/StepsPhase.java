package com.complaintengine.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Phase {@code steps}: the two steps after intake that move a complaint's SLA clocks, each cancelling and scheduling
 * deadline rows — a classification (the clocks rescheduled to the new urgency) and an acknowledgement (the
 * first-response clock met) — timed one after the other on {@code --step-complaints} (100) complaints received for it,
 * while the deadlines of every complaint received before wait in {@code scheduled_tasks}. A cancel that read every
 * waiting deadline (Axon's own manager, before 2026-12-05) took seconds here at 200,000 waiting rows; intake alone
 * never cancels, so the intake phases did not show it.
 */
final class StepsPhase {

    /** URGENT where the intake's text suggests GENERAL: the clocks move to the shorter limits. */
    private static final String CLASSIFICATION = """
            {"type": "PRODUCT", "subtype": "QUALITY", "urgency": "URGENT"}""";
    private static final String ACKNOWLEDGEMENT = """
            {"channel": "phone", "message": "We are sorry; a technician is assigned.",
             "promise": "call back within 24 h"}""";

    private StepsPhase() {
    }

    static void run(Http agent, String jdbc, Map<String, String> o, Map<String, String> report) throws Exception {
        int complaints = Integer.parseInt(o.getOrDefault("step-complaints", "100"));
        List<Long> classifications = new ArrayList<>();
        List<Long> acknowledgements = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            String id = receive(agent);
            classifications.add(timed(agent, "/api/complaints/" + id + "/classification", CLASSIFICATION));
            acknowledgements.add(timed(agent, "/api/complaints/" + id + "/acknowledgement", ACKNOWLEDGEMENT));
        }
        report.put("classification (clocks rescheduled)", new Stats(classifications).p50p90p99max());
        report.put("acknowledgement (first response met)", new Stats(acknowledgements).p50p90p99max());
        if (jdbc != null) {
            report.put("deadline rows waiting after the steps", String.format("%,d", waitingDeadlines(jdbc)));
        }
        System.out.println("steps: classification " + report.get("classification (clocks rescheduled)")
                + "; acknowledgement " + report.get("acknowledgement (first response met)"));
    }

    private static String receive(Http agent) throws Exception {
        HttpResponse<String> created = agent.send(agent.post("/api/complaints", SnapshotPhase.COMPLAINT));
        Matcher id = SnapshotPhase.ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("intake answered " + created.statusCode() + ": " + created.body());
        }
        return id.group(1);
    }

    private static long timed(Http agent, String path, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = agent.send(agent.post(path, body));
        long elapsed = System.nanoTime() - start;
        SnapshotPhase.expect(response, 204);
        return elapsed;
    }

    private static long waitingDeadlines(String jdbc) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc);
             Statement query = connection.createStatement();
             ResultSet row = query.executeQuery(
                     "select count(*) from scheduled_tasks where task_name = 'AxonDeadline'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
