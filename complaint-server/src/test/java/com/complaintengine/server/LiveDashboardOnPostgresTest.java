package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * #5 item 8: an open dashboard learns of a breach without a reload. A real engine with a 3-second first-response
 * limit; the test holds the server-sent event stream open and waits for a dashboard showing the breach.
 */
class LiveDashboardOnPostgresTest {

    @Test
    @DisplayName("a breach reaches an open dashboard stream as a new dashboard event")
    void breachShowsWithoutReload() throws Exception {
        Engine engine = Engine.start(Engine.newDataDirectory(), "--complaint.sla.first-response.URGENT.duration=PT3S",
                "--db-scheduler.polling-interval=1s");
        try {
            Api api = engine.api();
            BlockingQueue<JsonNode> dashboards = new LinkedBlockingQueue<>();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port()
                            + "/api/dashboard/sla/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (Api.ANALYST + ":" + Api.password(Api.ANALYST)).getBytes()))
                    .GET().build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            try {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> dashboards.add(Api.JSON.readTree(line.substring(5)))));
                reader.setDaemon(true);
                reader.start();

                JsonNode first = dashboards.poll(10, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(first.get("breachedNow").asLong()).isZero();

                String urgent = Bodies.complaint().replace("restarts 3 times within 5 minutes of power-on",
                        "the machine caught fire and a child was injured");
                assertThat(api.post("/api/complaints", urgent).status()).isEqualTo(201);

                List<JsonNode> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                JsonNode breached = null;
                while (breached == null && System.nanoTime() < deadline) {
                    JsonNode next = dashboards.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        seen.add(next);
                        if (next.get("breachedNow").asLong() == 1) {
                            breached = next;
                        }
                    }
                }
                assertThat(breached).as("dashboards received: %s", seen).isNotNull();
                assertThat(breached.get("open").get("total").asLong()).isEqualTo(1);
                assertThat(seen.stream().anyMatch(d -> d.get("open").get("total").asLong() == 1
                        && d.get("breachedNow").asLong() == 0)).as("the intake was shown before the breach").isTrue();
            } finally {
                response.body().close();
            }
        } finally {
            engine.closeAndDelete();
        }
    }
}
