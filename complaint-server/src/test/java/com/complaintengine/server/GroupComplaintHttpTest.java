package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 002 end to end over HTTP: the 86 households whose elevators keep failing. */
class GroupComplaintHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    private static void ok(String path, String body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " " + response.raw().body()).isBetween(200, 299);
    }

    @Test
    @DisplayName("002: register → CRITICAL, read back, task force, 3 samples, 2 issues closed, group closed")
    void elevatorsOf86Households() {
        Api.Response created = api.post("/api/group-complaints", """
                {"representatives": [{"name": "Sun", "contact": "137-0000-2222"}, {"name": "Zhou", "contact": "137-0000-3333"},
                                     {"name": "Wu", "contact": "137-0000-4444"}],
                 "coreDemand": "repair the elevators completely within three days", "headcount": 86,
                 "scope": "buildings 3-5, 86 households", "channel": "STORE_COUNTER",
                 "channelDetail": "on-site gathering at the property office", "specialCircumstances": ["ELDERLY"]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String base = "/api/group-complaints/" + id;
        assertThat(created.header("Location")).isEqualTo(base);

        long before = engine.eventCount();
        Api.Response early = api.post(base + "/issues", "{\"description\": \"building 3\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("read-back-required");
        assertThat(engine.eventCount()).isEqualTo(before);

        ok(base + "/read-back", "{\"representative\": \"Sun\", \"channel\": \"in person\"}");
        ok(base + "/task-force", "{\"leader\": \"vp-wu\", \"coreMembers\": [\"customer-service\", \"property\", \"legal\"], \"helpers\": [\"recorder\"]}");
        for (String member : List.of("3-1-101", "4-2-502", "5-1-1201")) {
            ok(base + "/verification-samples", "{\"member\": \"" + member + "\", \"finding\": \"elevator log shows 5 stops\", \"claimHeld\": true}");
        }
        String first = api.post(base + "/issues", "{\"description\": \"elevator of building 3\"}").json().get("issueId").asString();
        String second = api.post(base + "/issues", "{\"issueId\": \"B4\", \"description\": \"elevator of building 4\"}").json().get("issueId").asString();
        assertThat(second).isEqualTo("B4");
        ok(base + "/issues/" + first + "/closure", "{\"resolution\": \"motor replaced\"}");
        Api.Response tooEarly = api.post(base + "/closure", "{}");
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("open-issues-remain");
        ok(base + "/issues/B4/closure", "{\"resolution\": \"control board replaced\"}");
        ok(base + "/closure", "{\"summary\": \"both elevators repaired and inspected\"}");

        List<String> types = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        api.get(base + "/history").json().get("events").forEach(events::add);
        events.forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("GroupComplaintRegistered", "GroupComplaintEscalated", "GroupReadBackConfirmed",
                "GroupTaskForceFormed", "VerificationSampleRecorded", "VerificationSampleRecorded",
                "VerificationSampleRecorded", "GroupIssueOpened", "GroupIssueOpened", "GroupIssueClosed",
                "GroupIssueClosed", "GroupComplaintClosed");
        assertThat(events.get(0).get("payload").get("groupId").asString()).isEqualTo(id);
        assertThat(events.get(1).get("payload").get("to").asString()).isEqualTo("CRITICAL");
        assertThat(events).allSatisfy(e -> assertThat(e.get("operator").asString()).isEqualTo(Api.OPERATOR));
    }

    @Test
    @DisplayName("002: more than 10 people with fewer than 3 representatives is refused and writes nothing")
    void largeGroupNeedsRepresentatives() {
        long before = engine.eventCount();
        Api.Response refused = api.post("/api/group-complaints", """
                {"representatives": [{"name": "Sun", "contact": "137-0000-2222"}], "coreDemand": "refund deposits",
                 "headcount": 200, "scope": "200 households", "channel": "WEBSITE"}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("representatives-required");
        assertThat(engine.eventCount()).isEqualTo(before);
    }
}
