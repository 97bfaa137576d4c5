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

/** The seed documents' cases walked end to end over HTTP, on real PostgreSQL. */
class ProcedureScenariosHttpTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static Api api;

    @BeforeAll
    static void engine() {
        api = Engine.shared().api();
    }

    private static String receive(String body) {
        Api.Response response = api.post("/api/complaints", body);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void ok(String path, String body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " " + response.raw().body()).isEqualTo(204);
    }

    private static List<JsonNode> history(String id) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/complaints/" + id + "/history").json().get("events").forEach(events::add);
        return events;
    }

    /** The procedure's events; the SLA clocks that run beside them are asserted in their own tests. */
    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).filter(type -> !type.startsWith("Sla")).toList();
    }

    private static JsonNode first(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("001: the washing machine that restarts — handled, extended with consent, reopened, confirmed, archived")
    void washingMachineThatRestarts() {
        String id = receive("""
                {"channel": "HOTLINE", "channelDetail": "400 hotline, option 2",
                 "customer": {"name": "Li Na", "contact": "139-1234-5678", "tier": "REGULAR"},
                 "occurredAt": "2026-11-16T09:00:00Z",
                 "facts": "7th day after purchase: restarts 3 times within 5 minutes of power-on",
                 "expectation": "return the machine",
                 "demand": {"type": "REFUND", "amount": {"value": "2999.00", "currency": "CNY"}},
                 "emotion": "raised voice because the first call did not help"}""");
        String base = "/api/complaints/" + id;

        ok(base + "/classification", "{\"type\": \"PRODUCT\", \"subtype\": \"QUALITY\", \"urgency\": \"GENERAL\"}");
        ok(base + "/acknowledgement", "{\"channel\": \"phone\", \"message\": \"a technician will inspect\", \"promise\": \"call back within 24 h\"}");
        ok(base + "/assignment", "{\"handler\": \"handler-chen\", \"department\": \"technology\"}");
        ok(base + "/evidence", "{\"source\": \"SYSTEM\", \"description\": \"fault log of the unit\", \"reference\": \"crm://fault-logs/88123\", \"contentHash\": \"" + HASH + "\"}");
        ok(base + "/communications", "{\"direction\": \"TO_CUSTOMER\", \"channel\": \"SMS\", \"content\": \"inspection booked for Thursday\"}");
        ok(base + "/extensions", "{\"clock\": \"resolution\", \"newDueAt\": \"" + Instant.now().plus(Duration.ofDays(2))
                + "\", \"reason\": \"spare board arrives Friday\", \"consent\": {\"channel\": \"phone\", \"givenAt\": \"" + Instant.now() + "\"}}");
        ok(base + "/resolution", "{\"remedy\": \"REPAIR\", \"summary\": \"main board replaced\"}");
        ok(base + "/confirmation", "{\"satisfied\": false, \"comment\": \"restarted again the next day\"}");
        JsonNode reopened = api.awaitProjected(id);
        assertThat(reopened.get("status").asString()).isEqualTo("IN_HANDLING");
        assertThat(reopened.get("resolution").get("remedy").isNull()).isTrue();

        ok(base + "/resolution", "{\"remedy\": \"EXCHANGE\", \"summary\": \"machine exchanged for a new one\"}");
        ok(base + "/confirmation", "{\"satisfied\": true, \"score\": 5, \"channel\": \"phone\"}");
        ok(base + "/archive", "{}");

        assertThat(types(history(id))).containsExactly("ComplaintReceived", "ComplaintClassified",
                "ComplaintAcknowledged", "HandlerAssigned", "EvidenceAdded", "CommunicationRecorded",
                "DeadlineExtended", "ComplaintResolved", "OutcomeConfirmed", "ComplaintReopened",
                "ComplaintResolved", "OutcomeConfirmed", "ComplaintArchived");
        JsonNode state = api.awaitProjected(id);
        assertThat(state.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(state.get("assignment").get("handler").asString()).isEqualTo("handler-chen");
        assertThat(state.get("activity").get("updatesToCustomer").asInt()).isEqualTo(1);
        assertThat(state.get("activity").get("evidence").asInt()).isEqualTo(1);
        assertThat(state.get("activity").get("extensions").asInt()).isEqualTo(1);
        assertThat(state.get("activity").get("reopened").asInt()).isEqualTo(1);
        assertThat(state.get("outcome").get("score").asInt()).isEqualTo(5);
        assertThat(state.get("resolution").get("remedy").asString()).isEqualTo("EXCHANGE");
    }

    @Test
    @DisplayName("000: a renovation delay with a 600,000 CNY claim goes straight to CRITICAL and gets a task force")
    void renovationDelayWithLargeClaim() {
        String id = receive("""
                {"channel": "STORE_COUNTER", "customer": {"name": "Zhao Lei", "contact": "zhao@example.com", "tier": "VIP"},
                 "occurredAt": "2026-10-01T00:00:00Z",
                 "facts": "renovation handed over 3 months late; the contract was torn up at the counter",
                 "expectation": "penalty for the delay",
                 "demand": {"type": "COMPENSATION", "amount": {"value": 600000, "currency": "CNY"}},
                 "emotion": "angry after being told only 5% is paid under the contract",
                 "specialCircumstances": ["EXPOSURE_THREAT"]}""");
        String base = "/api/complaints/" + id;

        List<JsonNode> intake = history(id);
        assertThat(types(intake)).containsExactly("ComplaintReceived", "ComplaintEscalated");
        JsonNode escalated = first(intake, "ComplaintEscalated").get("payload");
        assertThat(escalated.get("to").asString()).isEqualTo("CRITICAL");
        assertThat(escalated.get("trigger").asString()).isEqualTo("AUTOMATIC");
        assertThat(escalated.get("rules").toString()).isEqualTo("[\"large-claim\",\"media-or-regulator-risk\"]");

        Api.Response incomplete = api.post(base + "/task-force", "{\"leader\": \"vp-wu\", \"coreMembers\": [\"cs-lead\"]}");
        assertThat(incomplete.status()).isEqualTo(400);
        ok(base + "/task-force", """
                {"leader": "vp-wu", "coreMembers": ["customer-service", "renovation-unit", "legal"],
                 "helpers": ["recorder"]}""");
        JsonNode state = api.awaitProjected(id);
        assertThat(state.get("escalation").get("level").asString()).isEqualTo("CRITICAL");
        assertThat(state.get("escalation").get("taskForce").get("leader").asString()).isEqualTo("vp-wu");

        // 003 §5: tiered options; beyond the handler's 5,000 CNY the decision authority approves first.
        ok(base + "/classification", "{\"type\": \"DELIVERY\", \"subtype\": \"INSTALLATION_ERROR\", \"urgency\": \"MAJOR\"}");
        ok(base + "/acknowledgement", "{\"channel\": \"in person\", \"message\": \"the vice-president will meet you\"}");
        String options = """
                {"options": [
                  {"label": "option 1", "remedy": "COMPENSATION", "amount": {"value": "30000", "currency": "CNY"},
                   "description": "penalty of 5% plus 30,000 CNY goodwill"},
                  {"label": "option 2", "remedy": "REPAIR", "description": "free repair of every defect within 2 weeks"}]}""";
        Api.Response beyondAuthority = api.post(base + "/remedy-options", options);
        assertThat(beyondAuthority.status()).isEqualTo(422);
        assertThat(beyondAuthority.json().get("code").asString()).isEqualTo("approval-required");
        assertThat(api.as(Api.APPROVER).post(base + "/remedy-approvals",
                "{\"upTo\": {\"value\": \"50000\", \"currency\": \"CNY\"}, \"note\": \"approved by the vice-president\"}")
                .status()).isEqualTo(204);
        ok(base + "/remedy-options", options);
        ok(base + "/remedy-choice", "{\"label\": \"option 1\"}");
        Api.Response otherRemedy = api.post(base + "/resolution", "{\"remedy\": \"REPAIR\", \"summary\": \"repaired\"}");
        assertThat(otherRemedy.json().get("code").asString()).isEqualTo("remedy-differs-from-choice");
        ok(base + "/resolution", "{\"remedy\": \"COMPENSATION\", \"amount\": {\"value\": \"30000.00\", \"currency\": \"CNY\"}, \"summary\": \"option 1 paid\"}");

        List<JsonNode> events = history(id);
        assertThat(types(events)).containsSubsequence("RemedyApproved", "RemedyOptionsOffered", "RemedyChosen",
                "ComplaintResolved");
        JsonNode approved = events.stream().filter(e -> e.get("type").asString().equals("RemedyApproved")).findFirst().orElseThrow();
        assertThat(approved.get("operator").asString()).isEqualTo("vp-wu");
        JsonNode resolved = api.awaitProjected(id);
        assertThat(resolved.get("resolution").get("chosen").get("label").asString()).isEqualTo("option 1");
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
    }

    @Test
    @DisplayName("002: 86 households about the elevators — more than 10 people is CRITICAL at once")
    void elevatorComplaintOf86Households() {
        String id = receive("""
                {"channel": "STORE_COUNTER", "channelDetail": "on-site gathering at the property office",
                 "customer": {"name": "Representative Sun", "contact": "137-0000-2222", "tier": "REGULAR"},
                 "occurredAt": "2026-11-01T00:00:00Z",
                 "facts": "elevators of buildings 3-5 broke down 5 times this month",
                 "expectation": "complete repair within three days",
                 "demand": {"type": "REPAIR"},
                 "emotion": "owners threaten to call the press",
                 "specialCircumstances": ["ELDERLY", "MEDIA_PRESENT"], "affectedCount": 86}""");

        JsonNode escalated = first(history(id), "ComplaintEscalated").get("payload");
        assertThat(escalated.get("to").asString()).isEqualTo("CRITICAL");
        assertThat(escalated.get("rules").toString()).isEqualTo("[\"group-size\",\"media-or-regulator-risk\"]");
        assertThat(escalated.get("reason").asString()).contains("86 people affected");
    }

    @Test
    @DisplayName("000 §1.4: the credit-card annual fee promised by sales that no system applied — refunded")
    void creditCardAnnualFee() {
        String id = receive("""
                {"channel": "HOTLINE", "customer": {"name": "Qian Yu", "contact": "135-5555-6666", "tier": "VIP"},
                 "occurredAt": "2026-11-05T00:00:00Z",
                 "facts": "charged the annual fee although sales promised the first year free",
                 "expectation": "the fee refunded",
                 "demand": {"type": "REFUND", "amount": {"value": "300.00", "currency": "CNY"}},
                 "emotion": "calm but disappointed"}""");
        String base = "/api/complaints/" + id;

        ok(base + "/classification", "{\"type\": \"OTHER\", \"subtype\": \"POLICY_MISUNDERSTANDING\", \"urgency\": \"GENERAL\"}");
        ok(base + "/acknowledgement", "{\"channel\": \"phone\", \"message\": \"we are checking the sales record\"}");
        ok(base + "/evidence", "{\"source\": \"DEPARTMENT\", \"description\": \"sales record promising the first year free\", \"reference\": \"sales://contracts/5521\", \"contentHash\": \"" + HASH + "\"}");
        ok(base + "/evidence", "{\"source\": \"SYSTEM\", \"description\": \"card system: no fee waiver flag\", \"reference\": \"cards://accounts/flags\", \"contentHash\": \"" + HASH + "\"}");
        ok(base + "/resolution", "{\"remedy\": \"REFUND\", \"amount\": {\"value\": \"300.00\", \"currency\": \"CNY\"}, \"summary\": \"fee refunded; waiver flag set\"}");
        ok(base + "/confirmation", "{\"satisfied\": true}");

        JsonNode state = api.awaitProjected(id);
        assertThat(state.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(state.get("outcome").get("score").isNull()).isTrue();
        assertThat(state.get("classification").get("routing").get("primaryDepartment").asString()).isEqualTo("customer-service");
    }

    @Test
    @DisplayName("004: personal safety is always URGENT, and escalates at classification")
    void personalSafetyIsUrgent() {
        String id = api.receive();
        String base = "/api/complaints/" + id;

        Api.Response refused = api.post(base + "/classification",
                "{\"type\": \"PRODUCT\", \"subtype\": \"QUALITY\", \"urgency\": \"GENERAL\", \"personalSafety\": true}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("personal-safety-is-urgent");

        ok(base + "/classification", "{\"type\": \"PRODUCT\", \"subtype\": \"QUALITY\", \"urgency\": \"URGENT\", \"personalSafety\": true}");
        List<JsonNode> events = history(id);
        assertThat(types(events)).containsExactly("ComplaintReceived", "ComplaintClassified", "ComplaintEscalated");
        assertThat(first(events, "ComplaintEscalated").get("payload").get("rules").toString()).isEqualTo("[\"personal-safety\"]");
    }

    @Test
    @DisplayName("001 §2.3: an extension without the customer's consent is refused and writes nothing")
    void extensionNeedsConsent() {
        String id = api.receive();
        long before = Engine.shared().eventCount();

        Api.Response refused = api.post("/api/complaints/" + id + "/extensions",
                "{\"clock\": \"resolution\", \"newDueAt\": \"2030-01-01T00:00:00Z\", \"reason\": \"waiting for parts\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("consent");
        assertThat(Engine.shared().eventCount()).isEqualTo(before);
    }
}
