package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
