package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 item 5 on a real PostgreSQL: each event's metadata chains it to the previous event of its complaint, and
 * GET .../verification recomputes the chain from the stored rows; a row altered, removed or renumbered with SQL
 * (bypassing the engine) is reported as the first broken link.
 */
class TamperEvidenceHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    private static String classified() {
        String id = api.receive();
        assertThat(api.post("/api/complaints/" + id + "/classification", Bodies.classification()).status()).isEqualTo(204);
        assertThat(api.post("/api/complaints/" + id + "/acknowledgement", Bodies.acknowledgement()).status()).isEqualTo(204);
        return id;
    }

    private static JsonNode verify(String id) {
        Api.Response response = api.as(Api.AUDITOR).get("/api/complaints/" + id + "/verification");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static long events(String id) {
        return engine.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
    }

    @Test
    @DisplayName("an untouched complaint verifies: every link holds, the head hash is the last event's chainHash")
    void intactChain() {
        String id = classified();
        JsonNode verification = verify(id);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(events(id));
        assertThat(verification.get("unchained").asInt()).isZero();
        assertThat(verification.get("firstBrokenLink").isNull()).isTrue();
        String lastHash = engine.jdbc().queryForObject("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'chainHash' from domain_event_entry
                 where aggregate_identifier = ? order by sequence_number desc limit 1""", String.class, id);
        assertThat(verification.get("headHash").asString()).hasSize(64).isEqualTo(lastHash);
        assertThat(api.as(Api.ADMIN).get("/api/complaints/" + id + "/verification").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a payload altered with SQL is detected at that event: content-altered, with its sequence and id")
    void alteredPayloadIsDetected() {
        String id = classified();
        String eventId = engine.jdbc().queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                String.class, id);
        int changed = engine.jdbc().update("""
                update domain_event_entry
                   set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"affectedCount":1', '"affectedCount":2'), 'UTF8')
                 where aggregate_identifier = ? and sequence_number = 0""", id);
        assertThat(changed).isEqualTo(1);
        assertThat(engine.jdbc().queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                 where aggregate_identifier = ? and sequence_number = 0""", String.class, id)).contains("\"affectedCount\":2");

        JsonNode verification = verify(id);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        JsonNode broken = verification.get("firstBrokenLink");
        assertThat(broken.get("sequence").asLong()).isZero();
        assertThat(broken.get("eventId").asString()).isEqualTo(eventId);
        assertThat(broken.get("eventType").asString()).isEqualTo("ComplaintReceived");
        assertThat(broken.get("problem").asString()).isEqualTo("content-altered");
    }

    @Test
    @DisplayName("an operator rewritten in one event's metadata is detected at that event")
    void alteredMetaDataIsDetected() {
        String id = classified();
        long target = events(id) - 1;
        engine.jdbc().update("""
                update domain_event_entry
                   set meta_data = convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb, '{operator}', '"someone-else"')::text, 'UTF8')
                 where aggregate_identifier = ? and sequence_number = ?""", id, target);
        JsonNode broken = verify(id).get("firstBrokenLink");
        assertThat(broken.get("sequence").asLong()).isEqualTo(target);
        assertThat(broken.get("problem").asString()).isEqualTo("content-altered");
    }

    @Test
    @DisplayName("a deleted event is detected where the sequence breaks")
    void deletedEventIsDetected() {
        String id = classified();
        engine.jdbc().update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 2", id);
        JsonNode broken = verify(id).get("firstBrokenLink");
        assertThat(broken.get("sequence").asLong()).isEqualTo(3);
        assertThat(broken.get("problem").asString()).isEqualTo("sequence-gap");
    }

    @Test
    @DisplayName("a whole row replaced by another of the same case, renumbered, breaks the link after it")
    void swappedEventsAreDetected() {
        String id = classified();
        // Swap the contents of events 1 and 2 by renumbering them: each row still matches its own hash only if the
        // sequence were not hashed; it is, so the first of them is reported.
        engine.jdbc().update("update domain_event_entry set sequence_number = -1 where aggregate_identifier = ? and sequence_number = 1", id);
        engine.jdbc().update("update domain_event_entry set sequence_number = 1 where aggregate_identifier = ? and sequence_number = 2", id);
        engine.jdbc().update("update domain_event_entry set sequence_number = 2 where aggregate_identifier = ? and sequence_number = -1", id);
        JsonNode broken = verify(id).get("firstBrokenLink");
        assertThat(broken.get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("problem").asString()).isEqualTo("content-altered");
    }

    @Test
    @DisplayName("a group complaint's chain verifies too; unknown ids are a 404 problem; handlers and agents may not verify")
    void accessAndGroupComplaints() {
        Api.Response group = api.post("/api/group-complaints", """
                {"representatives": [{"name": "Li Wei", "contact": "138-1111-2222"}, {"name": "Chen Jie", "contact": "138-1111-3333"},
                 {"name": "Zhang Min", "contact": "138-1111-4444"}],
                 "coreDemand": "restore the heating", "headcount": 40, "scope": "buildings 3-5",
                 "channel": "STORE_COUNTER", "channelDetail": "gathering at the service hall", "specialCircumstances": []}""");
        assertThat(group.status()).as(group.raw().body()).isEqualTo(201);
        String groupId = group.json().get("id").asString();
        JsonNode verification = api.as(Api.AUDITOR).get("/api/group-complaints/" + groupId + "/verification").json();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(events(groupId));

        Api.Response unknown = api.as(Api.AUDITOR).get("/api/complaints/C-no-such-case/verification");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        String id = api.receive();
        assertThat(api.as(Api.HANDLER).get("/api/complaints/" + id + "/verification").status()).isEqualTo(403);
        assertThat(api.as(Api.AGENT).get("/api/complaints/" + id + "/verification").status()).isEqualTo(403);
    }
}
