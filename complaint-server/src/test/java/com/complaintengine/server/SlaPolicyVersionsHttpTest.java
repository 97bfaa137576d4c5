package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 12: a new policy version does not rewrite running clocks unless it is published for running cases. */
class SlaPolicyVersionsHttpTest {

    private static JsonNode lastFirstResponse(Api api, String id) {
        JsonNode last = null;
        for (JsonNode event : api.get("/api/complaints/" + id + "/history").json().get("events")) {
            JsonNode payload = event.get("payload");
            if (payload.has("clock") && "FIRST_RESPONSE".equals(payload.get("clock").asString()) && payload.has("dueAt")) {
                last = event;
            }
        }
        return last;
    }

    @Test
    @DisplayName("restarted under a new version, running clocks keep theirs until the version is applied to running cases")
    void newVersionAppliesOnlyWhenPublished() {
        Path data = Engine.newDataDirectory();
        Engine v1 = Engine.start(data);
        String id;
        Instant receivedAt;
        try {
            Api api = v1.api();
            id = api.post("/api/complaints", Bodies.complaint().replace("restarts 3 times within 5 minutes of power-on",
                    "the machine caught fire and a child was injured")).json().get("id").asString();
            JsonNode started = lastFirstResponse(api, id);
            assertThat(started.get("payload").get("policyVersion").asString()).isEqualTo("2026-11-23");
            receivedAt = Instant.parse(started.get("payload").get("startedAt").asString());
            Api.Response unpublished = api.post("/api/sla/policy/apply-to-running-cases", "{}");
            assertThat(unpublished.status()).isEqualTo(409);
            assertThat(unpublished.json().get("code").asString()).isEqualTo("policy-not-for-running-cases");
        } finally {
            v1.close();
        }

        Engine v2 = Engine.start(data, "--complaint.sla.version=2027-01", "--complaint.sla.applies-to-running-cases=true",
                "--complaint.sla.first-response.URGENT.duration=PT1H");
        try {
            Api api = v2.api();
            assertThat(lastFirstResponse(api, id).get("payload").get("policyVersion").asString()).isEqualTo("2026-11-23");

            Api.Response applied = api.post("/api/sla/policy/apply-to-running-cases", "{}");

            assertThat(applied.status()).isEqualTo(200);
            assertThat(applied.json().get("complaints").asInt()).isEqualTo(1);
            JsonNode rescheduled = lastFirstResponse(api, id);
            assertThat(rescheduled.get("type").asString()).isEqualTo("SlaClockRescheduled");
            assertThat(rescheduled.get("payload").get("reason").asString()).isEqualTo("policy 2027-01 applies to running cases");
            assertThat(Instant.parse(rescheduled.get("payload").get("dueAt").asString())).isEqualTo(receivedAt.plus(Duration.ofHours(1)));
        } finally {
            v2.closeAndDelete();
        }
    }
}
