package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 7: the operator of every event is the authenticated user, with the role used and their department. */
class OperatorFromPrincipalHttpTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    private static List<Map<String, Object>> metaData(String id) {
        return engine.jdbc().queryForList("""
                select payload_type, meta_data ->> 'operator' as operator, meta_data ->> 'operatorRole' as role,
                       meta_data ->> 'operatorDepartment' as department, (meta_data ->> 'departmentScope') is not null as scope
                from event_json where complaint_id = ? order by sequence_number""", id);
    }

    @Test
    @DisplayName("the logged-in user is the operator; an X-Operator header naming someone else is ignored")
    void operatorIsThePrincipal() {
        Api.Response received = api.as(Api.AGENT).post("/api/complaints", Bodies.complaint(),
                Map.of("X-Operator", "someone-else"));
        assertThat(received.status()).isEqualTo(201);
        String id = received.json().get("id").asString();

        JsonNode events = api.get("/api/complaints/" + id + "/history").json().get("events");
        assertThat(events.size()).isGreaterThan(0);
        events.forEach(e -> assertThat(e.get("operator").asString()).isEqualTo(Api.AGENT));
        assertThat(metaData(id)).allSatisfy(row -> {
            assertThat(row.get("operator")).isEqualTo(Api.AGENT);
            assertThat(row.get("role")).isEqualTo("AGENT");
            assertThat(row.get("department")).isNull();
        });
    }

    @Test
    @DisplayName("a handler's events carry the role HANDLER and their department; the department scope stays on the command")
    void handlerStepsCarryRoleAndDepartment() {
        String id = api.receive();
        api.post("/api/complaints/" + id + "/classification", Bodies.classification());
        assertThat(api.as(Api.HANDLER).post("/api/complaints/" + id + "/evidence", "{\"source\": \"SYSTEM\", "
                + "\"description\": \"fault log\", \"reference\": \"crm://logs/1\", \"contentHash\": \"" + HASH + "\"}")
                .status()).isEqualTo(204);

        Map<String, Object> evidence = metaData(id).stream()
                .filter(row -> row.get("payload_type").toString().endsWith("EvidenceAdded")).findFirst().orElseThrow();
        assertThat(evidence.get("operator")).isEqualTo(Api.HANDLER);
        assertThat(evidence.get("role")).isEqualTo("HANDLER");
        assertThat(evidence.get("department")).isEqualTo("technology");
        assertThat(metaData(id)).allSatisfy(row -> assertThat(row.get("scope")).isEqualTo(false));
    }

    @Test
    @DisplayName("a supervisor's first response meets the URGENT callback clock (001 §2.3); the same step by an agent does not")
    void roleUsedDecidesTheCallback() {
        String bySupervisor = api.receive();
        api.post("/api/complaints/" + bySupervisor + "/classification", Bodies.classification());
        assertThat(api.as(Api.SUPERVISOR).post("/api/complaints/" + bySupervisor + "/acknowledgement",
                Bodies.acknowledgement()).status()).isEqualTo(204);
        String byAgent = api.receive();
        api.post("/api/complaints/" + byAgent + "/classification", Bodies.classification());
        assertThat(api.as(Api.AGENT).post("/api/complaints/" + byAgent + "/acknowledgement",
                Bodies.acknowledgement()).status()).isEqualTo(204);

        assertThat(callbackMet(bySupervisor)).isTrue();
        assertThat(callbackMet(byAgent)).isFalse();
    }

    @Test
    @DisplayName("a user with several roles may choose one of them with X-Operator-Role, never a role they do not hold")
    void roleHeaderChoosesAmongOwnRolesOnly() {
        String id = api.receive();
        api.post("/api/complaints/" + id + "/classification", Bodies.classification());
        long before = engine.eventCount();
        assertThat(api.as(Api.AGENT).post("/api/complaints/" + id + "/acknowledgement", Bodies.acknowledgement(),
                Map.of("X-Operator-Role", "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(engine.eventCount()).isEqualTo(before);

        // agent-li holds every role: by default the least far-reaching that allows the step (AGENT), here SUPERVISOR.
        assertThat(api.post("/api/complaints/" + id + "/acknowledgement", Bodies.acknowledgement(),
                Map.of("X-Operator-Role", "SUPERVISOR")).status()).isEqualTo(204);
        assertThat(callbackMet(id)).isTrue();
        assertThat(metaData(id).stream().filter(row -> row.get("payload_type").toString().endsWith("ComplaintAcknowledged"))
                               .findFirst().orElseThrow().get("role")).isEqualTo("SUPERVISOR");
    }

    private static boolean callbackMet(String id) {
        JsonNode events = api.get("/api/complaints/" + id + "/history").json().get("events");
        for (JsonNode e : events) {
            if (e.get("type").asString().equals("SlaClockMet") && e.get("payload").get("clock").asString().equals("SUPERVISOR_CALLBACK")) {
                return true;
            }
        }
        return false;
    }
}
