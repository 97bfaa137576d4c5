package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole lifecycle over HTTP against the real engine on real PostgreSQL. */
class ComplaintLifecycleHttpTest {

    private static Api api;

    @BeforeAll
    static void engine() {
        api = Engine.shared().api();
    }

    @Test
    @DisplayName("intake answers 201 with the id and a Location header")
    void intakeAnswersCreatedWithLocation() {
        Api.Response response = api.post("/api/complaints", Bodies.complaint());

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        assertThat(id).isNotBlank();
        assertThat(response.header("Location")).isEqualTo("/api/complaints/" + id);
    }

    @Test
    @DisplayName("intake → classify → acknowledge → escalate → resolve → archive, each step in the history (001 §1.3)")
    void walksTheWholeLifecycle() {
        Instant before = Instant.now();
        String id = api.receive();
        String base = "/api/complaints/" + id;

        assertThat(api.post(base + "/classification", Bodies.classification()).status()).isEqualTo(204);
        assertThat(api.post(base + "/acknowledgement", Bodies.acknowledgement()).status()).isEqualTo(204);
        assertThat(api.post(base + "/escalations", Bodies.escalation()).status()).isEqualTo(204);
        assertThat(api.post(base + "/resolution", Bodies.resolution()).status()).isEqualTo(204);
        assertThat(api.post(base + "/archive", Bodies.archive()).status()).isEqualTo(204);

        Api.Response history = api.get(base + "/history");
        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        history.json().get("events").forEach(events::add);
        // The first-response clock starts at receipt as suggested (GENERAL), is recomputed for URGENT, and is met;
        // the progress-update clock starts with the first response, shortens on escalation, stops at resolution.
        // The resolution clock runs beside them from receipt, is recomputed for URGENT and met by the resolution.
        // URGENT also starts the supervisor's 30-minute callback clock (never met here: no supervisor called).
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("ComplaintReceived",
                "SlaClockStarted", "SlaClockStarted", "ComplaintClassified", "SlaClockRescheduled", "SlaClockRescheduled",
                "SlaClockStarted", "ComplaintAcknowledged", "SlaClockMet", "SlaClockStarted", "ComplaintEscalated",
                "SlaClockRescheduled", "ComplaintResolved", "SlaClockMet", "SlaClockStopped", "SlaClockStopped",
                "ComplaintArchived");
        assertThat(events).extracting(e -> e.get("payload").has("clock") ? e.get("payload").get("clock").asString() : "")
                          .containsExactly("", "FIRST_RESPONSE", "RESOLUTION", "", "FIRST_RESPONSE", "RESOLUTION",
                                  "SUPERVISOR_CALLBACK", "", "FIRST_RESPONSE", "PROGRESS_UPDATE", "", "PROGRESS_UPDATE", "",
                                  "RESOLUTION", "PROGRESS_UPDATE", "SUPERVISOR_CALLBACK", "");
        assertThat(events).extracting(e -> e.get("sequence").asLong())
                          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("operator").asString()).isEqualTo(Api.OPERATOR);
            assertThat(e.get("revision").asString()).isEqualTo("1");
            assertThat(Instant.parse(e.get("occurredAt").asString())).isBetween(before, Instant.now());
        });
        JsonNode received = events.get(0).get("payload");
        assertThat(received.get("complaintId").asString()).isEqualTo(id);
        assertThat(received.get("facts").asString()).isEqualTo("restarts 3 times within 5 minutes of power-on");
        assertThat(received.get("expectation").asString()).isEqualTo("wants a replacement unit");
        assertThat(received.get("demand").get("amount").get("value").decimalValue()).isEqualByComparingTo("1299.00");
        JsonNode classified = events.get(3).get("payload");
        assertThat(classified.get("tag").asString()).isEqualTo("PRODUCT-QUALITY-URGENT");
        assertThat(classified.get("routing").get("primaryDepartment").asString()).isEqualTo("technology");
        assertThat(events.get(10).get("payload").get("to").asString()).isEqualTo("MAJOR");
        assertThat(events.get(12).get("payload").get("amount").get("value").toString()).isEqualTo("300.50");

        JsonNode state = awaitState(id, "ARCHIVED");
        assertThat(state.get("classification").get("urgency").asString()).isEqualTo("URGENT");
        assertThat(state.get("classification").get("routing").get("primaryDepartment").asString()).isEqualTo("technology");
        assertThat(state.get("escalation").get("level").asString()).isEqualTo("MAJOR");
        assertThat(state.get("resolution").get("remedy").asString()).isEqualTo("COMPENSATION");
        assertThat(state.get("version").asLong()).isEqualTo(16);
        assertThat(state.get("sla").get("RESOLUTION").get("state").asString()).isEqualTo("MET");
        assertThat(state.get("sla").get("PROGRESS_UPDATE").get("state").asString()).isEqualTo("STOPPED");
        assertThat(state.get("sla").get("FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(state.get("sla").get("FIRST_RESPONSE").get("policyVersion").asString()).isEqualTo("2026-11-23");
        assertThat(state.get("intake").get("customer").get("tier").asString()).isEqualTo("VIP");
        assertThat(state.get("timeline").get("acknowledgedAt").asString()).isEqualTo(events.get(7).get("occurredAt").asString());
        assertThat(Instant.parse(state.get("retainUntil").asString()))
                .isAfter(Instant.parse(events.get(16).get("occurredAt").asString()).plus(Duration.ofDays(3 * 365)));
    }

    @Test
    @DisplayName("a reclassification needs a reason and routes anew")
    void reclassifiesWithAReason() {
        String id = api.receive();
        String base = "/api/complaints/" + id;
        api.post(base + "/classification", Bodies.classification());

        Api.Response reclassified = api.post(base + "/reclassification",
                "{\"type\":\"SERVICE\",\"subtype\":\"ATTITUDE\",\"urgency\":\"GENERAL\",\"reason\":\"the product works; the complaint is about the agent\"}");

        assertThat(reclassified.status()).isEqualTo(204);
        JsonNode state = api.awaitProjected(id);
        assertThat(state.get("classification").get("type").asString()).isEqualTo("SERVICE");
        assertThat(state.get("classification").get("tag").asString()).isEqualTo("SERVICE-ATTITUDE-GENERAL");
        assertThat(state.get("classification").get("routing").get("primaryDepartment").asString()).isEqualTo("operations");
    }

    @Test
    @DisplayName("the resolution clock pauses while waiting on the customer and resumes, over HTTP")
    void pausesAndResumesTheResolutionClock() {
        String id = api.receive();
        String base = "/api/complaints/" + id;

        assertThat(api.post(base + "/resolution-clock/pause",
                "{\"waitingOn\": \"CUSTOMER\", \"waitingFor\": \"photos of the unit\"}").status()).isEqualTo(204);
        assertThat(api.awaitProjected(id).get("sla").get("RESOLUTION").get("state").asString()).isEqualTo("PAUSED");
        Api.Response twice = api.post(base + "/resolution-clock/pause",
                "{\"waitingOn\": \"CUSTOMER\", \"waitingFor\": \"more photos\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("not-pausable");

        assertThat(api.post(base + "/resolution-clock/resume", "{\"note\": \"photos received\"}").status()).isEqualTo(204);
        JsonNode resolution = api.awaitProjected(id).get("sla").get("RESOLUTION");
        assertThat(resolution.get("state").asString()).isEqualTo("RUNNING");
    }

    static JsonNode awaitState(String id, String status) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                      .until(() -> api.get("/api/complaints/" + id),
                              r -> r.status() == 200 && status.equals(r.json().get("status").asString()))
                      .json();
    }
}
