package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9 item 5: metrics for Prometheus, with each projection's lag behind the event store, for operations only. */
class PrometheusMetricsHttpTest {

    private final Api api = Engine.shared().api();

    @Test
    @DisplayName("/actuator/prometheus shows the projections' lag and replay state to the admin, and to no one else")
    void prometheusScrape() {
        api.receive();
        // The summary projection has caught up with the intake: its lag is 0.
        Api.Response scrape = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> api.as(Api.ADMIN).get("/actuator/prometheus"),
                r -> r.status() == 200 && r.raw().body().lines().anyMatch(
                        line -> line.matches("complaint_projection_lag_events\\{.*projection=\"complaint-summary\".*} 0(\\.0)?")));
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.raw().body()).contains("complaint_projection_replaying{projection=\"case-library\"}")
                .contains("http_server_requests_seconds_count").contains("hikaricp_connections_active");
        assertThat(api.as(Api.ANALYST).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Spring Security's own meters are off; refusals still count by status in http_server_requests")
    void refusalsCountedWithoutSecurityObservations() {
        double unauthorizedBefore = requestsWithStatus(scrape(), 401);
        double forbiddenBefore = requestsWithStatus(scrape(), 403);

        assertThat(api.anonymous().get("/api/complaints").status()).isEqualTo(401);
        assertThat(api.withCredentials("nobody-in-metrics-test", "not-a-password").get("/api/complaints").status())
                .isEqualTo(401);
        assertThat(api.as(Api.ANALYST).get("/actuator/prometheus").status()).isEqualTo(403);

        String after = scrape();
        assertThat(requestsWithStatus(after, 401)).isGreaterThanOrEqualTo(unauthorizedBefore + 2);
        assertThat(requestsWithStatus(after, 403)).isGreaterThanOrEqualTo(forbiddenBefore + 1);
        assertThat(after.lines().filter(line -> line.startsWith("spring_security_"))).isEmpty();
    }

    @Test
    @DisplayName("complaint_deadlines_due and _lateness show an SLA deadline whose time has come and that has not fired")
    void deadlinesNotFiredOnTime() {
        double dueBefore = gauge(scrape(), "complaint_deadlines_due_deadlines");
        // A deadline row due an hour ago that a node has picked and not finished (db-scheduler leaves a picked row
        // with a fresh heartbeat alone): what a stuck or far-behind scheduler leaves.
        String name = "Complaint:metrics-test|sla-due:FIRST_RESPONSE|" + UUID.randomUUID();
        Engine engine = Engine.shared();
        engine.jdbc().update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                             last_heartbeat, version, priority)
                values ('AxonDeadline', ?, null, now() - interval '1 hour', true, 'metrics-test', now(), 1, 0)""", name);
        try {
            String scrape = scrape();
            assertThat(gauge(scrape, "complaint_deadlines_due_deadlines")).isGreaterThanOrEqualTo(dueBefore + 1);
            assertThat(gauge(scrape, "complaint_deadlines_lateness_seconds")).isGreaterThanOrEqualTo(3600);
        } finally {
            engine.jdbc().update("delete from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?",
                    name);
        }
        assertThat(gauge(scrape(), "complaint_deadlines_lateness_seconds")).isLessThan(3600);
    }

    private static double gauge(String scrape, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }

    private String scrape() {
        Api.Response scrape = api.as(Api.ADMIN).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.raw().body();
    }

    private static final Pattern REQUEST_COUNT =
            Pattern.compile("^http_server_requests_seconds_count\\{(.*)} ([0-9.E+]+)$", Pattern.MULTILINE);

    /** The number of HTTP requests answered with this status, over every method and URI. */
    private static double requestsWithStatus(String scrape, int status) {
        Matcher line = REQUEST_COUNT.matcher(scrape);
        double sum = 0;
        while (line.find()) {
            if (line.group(1).contains("status=\"" + status + "\"")) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
