package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 12 what-if: the stored history of a period replayed under another policy, writing nothing. */
class SlaWhatIfHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    @Test
    @DisplayName("a zero first-response and resolution limit would have breached both complaints of the period")
    void replaysThePeriodUnderAnotherPolicy() {
        Instant from = Instant.now();
        String answered = api.receive();
        api.post("/api/complaints/" + answered + "/classification", "{\"type\": \"PRODUCT\", \"subtype\": \"QUALITY\", \"urgency\": \"GENERAL\"}");
        api.post("/api/complaints/" + answered + "/acknowledgement", Bodies.acknowledgement());
        String unanswered = api.receive();
        Instant to = Instant.now().plusSeconds(1);
        long before = engine.eventCount();

        Api.Response asConfigured = api.post("/api/sla/what-if", "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"policy\": {}}");
        Api.Response strict = api.post("/api/sla/what-if", "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"policy\": "
                + "{\"version\": \"strict\", \"firstResponse\": {\"GENERAL\": {\"duration\": \"PT0S\"}},"
                + " \"resolution\": {\"GENERAL\": {\"duration\": \"PT0S\"}}}}");

        assertThat(asConfigured.status()).isEqualTo(200);
        assertThat(asConfigured.json().get("complaints").asInt()).isEqualTo(2);
        assertThat(asConfigured.json().get("whatIfBreaches").size()).isZero();
        JsonNode report = strict.json();
        assertThat(report.get("complaints").asInt()).isEqualTo(2);
        assertThat(report.get("recordedBreaches").size()).isZero();
        assertThat(report.get("whatIfBreaches").get("FIRST_RESPONSE").asInt()).isEqualTo(2);
        assertThat(report.get("whatIfBreaches").get("RESOLUTION").asInt()).isEqualTo(2);
        List<String> newly = new ArrayList<>();
        report.get("newlyBreached").forEach(n -> newly.add(n.asString()));
        assertThat(newly).contains(answered + " FIRST_RESPONSE", unanswered + " FIRST_RESPONSE");
        assertThat(engine.eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("an impossible policy is a 400 on policy")
    void refusesAnImpossiblePolicy() {
        Api.Response response = api.post("/api/sla/what-if", "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2027-01-01T00:00:00Z\","
                + " \"policy\": {\"firstResponse\": {\"URGENT\": {\"duration\": \"PT1H\", \"workingDays\": 1}}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("policy");
    }
}
