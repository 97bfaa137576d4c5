package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.values.ErasedMarker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7 item 4 on a real PostgreSQL: personal fields are ciphertext at rest; an erasure (by request, or by the
 * retention job for archived cases) destroys the key, after which events as read, the history, the auditor's
 * replay, the projections and the case library show the fields as erased while every figure stays the same.
 */
class PersonalDataErasureHttpTest {

    private static final String NAME = "Lin Xiaoyu";
    private static final String CONTACT = "139-5555-0101";

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        // Archived complaints are past retention at once (P0D), and the retention job runs every second.
        engine = Engine.start(Engine.newDataDirectory(), "--complaint.archive.retention=P0D",
                "--complaint.privacy.retention-check=PT1S", "--db-scheduler.polling-interval=1s");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.closeAndDelete();
        }
    }

    private static String complaint(String name, String contact) {
        return Bodies.complaint().replace("Wang Fang", name).replace("138-0000-1111", contact);
    }

    private static String receive(String name, String contact) {
        Api.Response response = api.post("/api/complaints", complaint(name, contact));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String resolved(String name, String contact) {
        String id = receive(name, contact);
        String base = "/api/complaints/" + id;
        assertThat(api.post(base + "/classification", Bodies.classification()).status()).isEqualTo(204);
        assertThat(api.post(base + "/acknowledgement", Bodies.acknowledgement()).status()).isEqualTo(204);
        assertThat(api.post(base + "/resolution", Bodies.resolution()).status()).isEqualTo(204);
        return id;
    }

    private static String storedPayloads(String id) {
        return String.join("\n", engine.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?", String.class, id));
    }

    private static JsonNode received(String id) {
        return api.get("/api/complaints/" + id + "/history").json().get("events").get(0).get("payload");
    }

    /** The figures an analyst sees, without the instant they were computed at. */
    private static List<String> figures() {
        List<String> figures = new ArrayList<>();
        for (String path : List.of("/api/dashboard/sla", "/api/reports/responsibility", "/api/reports/trends")) {
            Api.Response response = api.as(Api.ANALYST).get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            JsonNode json = response.json();
            if (json instanceof ObjectNode object) {
                object.remove(List.of("generatedAt", "asOf", "computedAt"));
            }
            figures.add(path + " " + json);
        }
        return figures;
    }

    @Test
    @DisplayName("issue 7: a customer's name and contact are ciphertext at rest and gone from every reader after erasure; figures unchanged")
    void erasureByRequest() {
        String id = resolved(NAME, CONTACT);
        String base = "/api/complaints/" + id;
        assertThat(api.post(base + "/typical-case", """
                {"scenario": "Ms Lin's washer restarts", "wording": "We are sorry, Ms Lin.", "tags": ["lin-family"]}""")
                .status()).isEqualTo(204);
        // At rest: no clear name, contact or free text in the event store; readers get clear text.
        assertThat(storedPayloads(id)).doesNotContain(NAME, CONTACT, "restarts 3 times", "Ms Lin").contains("enc:v1:");
        assertThat(received(id).get("customer").get("name").asString()).isEqualTo(NAME);
        JsonNode before = api.awaitProjected(id);
        assertThat(before.get("intake").get("customer").get("contact").asString()).isEqualTo(CONTACT);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> caseLibraryEntry(id) != null);
        List<String> figuresBefore = figures();
        String feed = "/api/events?limit=1000&complaintId=" + id;
        assertThat(api.as(Api.AUDITOR).get(feed).json().toString()).contains(NAME, CONTACT);

        Api.Response erased = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"complaintId\": \"" + id + "\"}");
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().get("complaintIds").get(0).asString()).isEqualTo(id);

        // Events as read by Axon (aggregate sourcing, processors, the feed: all go through the event serializer).
        ComplaintReceived event = (ComplaintReceived) firstEvent(id).getPayload();
        assertThat(event.customer().name()).isEqualTo(ErasedMarker.ERASED);
        assertThat(event.customer().contact()).isEqualTo(ErasedMarker.ERASED);
        assertThat(event.facts()).isEqualTo(ErasedMarker.ERASED);
        assertThat(event.customer().tier().name()).isEqualTo("VIP");
        assertThat(event.demand().amount().value()).isEqualByComparingTo("1299.00");
        assertThat(event.affectedCount()).isEqualTo(1);

        // The history: erased fields, the erasure itself with who and why, every other fact kept.
        JsonNode history = api.as(Api.AUDITOR).get(base + "/history").json().get("events");
        JsonNode receivedPayload = history.get(0).get("payload");
        assertThat(receivedPayload.get("customer").get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(receivedPayload.get("customer").get("contact").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(receivedPayload.get("expectation").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(receivedPayload.get("channel").asString()).isEqualTo("HOTLINE");
        assertThat(history.toString()).doesNotContain(NAME, CONTACT, "Ms Lin", "enc:v1:");
        JsonNode erasure = history.get(history.size() - 1);
        assertThat(erasure.get("type").asString()).isEqualTo("CustomerDataErased");
        assertThat(erasure.get("operator").asString()).isEqualTo(Api.ADMIN);
        assertThat(erasure.get("payload").get("basis").asString()).isEqualTo("REQUEST");

        // The feed for other services: the same events, personal fields erased, the erasure itself at the end.
        JsonNode feedAfter = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> api.as(Api.AUDITOR).get(feed).json().get("events"),
                events -> events.toString().contains("CustomerDataErased"));
        assertThat(feedAfter.toString()).doesNotContain(NAME, CONTACT, "Ms Lin", "enc:v1:").contains(ErasedMarker.ERASED);
        assertThat(feedAfter.get(0).get("data").get("customer").get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(feedAfter.get(0).get("data").get("channel").asString()).isEqualTo("HOTLINE");

        // The projection and the auditor's replay, by the same fold.
        JsonNode after = api.awaitProjected(id);
        assertThat(after.get("personalDataErased").asBoolean()).isTrue();
        assertThat(after.get("intake").get("customer").get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(after.get("intake").get("customer").get("contact").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(after.get("resolution").get("summary").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(after.get("classification")).isEqualTo(before.get("classification"));
        assertThat(after.get("resolution").get("amount")).isEqualTo(before.get("resolution").get("amount"));
        assertThat(after.toString()).doesNotContain(NAME, CONTACT);
        JsonNode replayed = api.as(Api.AUDITOR).get(base + "?asOf=" + Instant.now().plusSeconds(60)).json();
        assertThat(replayed.get("intake")).isEqualTo(after.get("intake"));
        assertThat(replayed.get("personalDataErased").asBoolean()).isTrue();

        // The case library keeps the case without its words.
        JsonNode libraryEntry = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> caseLibraryEntry(id), e -> e != null && e.toString().contains(ErasedMarker.ERASED));
        assertThat(libraryEntry.toString()).doesNotContain("Ms Lin", "lin-family");

        // The key is gone; the figures are identical.
        assertThat(engine.jdbc().queryForObject(
                "select wrapped_key is null and erased_at is not null from personal_data_key where subject_id = ?",
                Boolean.class, id)).isTrue();
        assertThat(figures()).isEqualTo(figuresBefore);

        // Once only; and a later step on the case stores no new personal data (no new key for an erased case).
        Api.Response again = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"complaintId\": \"" + id + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("code").asString()).isEqualTo("already-erased");
        assertThat(api.post(base + "/confirmation", """
                {"satisfied": false, "channel": "phone", "comment": "Lin Xiaoyu still unhappy"}""").status()).isEqualTo(204);
        assertThat(storedPayloads(id)).doesNotContain(NAME);
        assertThat(api.get(base + "/history").json().toString()).doesNotContain(NAME, "Lin Xiaoyu");
        assertThat(engine.jdbc().queryForObject(
                "select count(*) from personal_data_key where subject_id = ? and wrapped_key is not null",
                Long.class, id)).as("a new key for an erased case").isZero();
    }

    @Test
    @DisplayName("issue 7: erasure by contact finds every complaint of the customer, however the number is written")
    void erasureByContact() {
        String first = receive("Zhou Min", "137 0000 2222");
        String second = receive("Zhou Min", "137-0000-2222");
        String other = receive("Qian Hao", "137-0000-3333");

        Api.Response erased = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"contact\": \"(137) 0000 2222\"}");
        assertThat(erased.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        erased.json().get("complaintIds").forEach(n -> ids.add(n.asString()));
        assertThat(ids).containsExactlyInAnyOrder(first, second);
        assertThat(received(second).get("customer").get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(received(other).get("customer").get("name").asString()).isEqualTo("Qian Hao");
        assertThat(received(first).get("customer").get("contact").asString()).isEqualTo(ErasedMarker.ERASED);

        Api.Response none = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"contact\": \"137-0000-2222\"}");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asString()).isEqualTo("no-personal-data");
    }

    @Test
    @DisplayName("issue 7: a group complaint's representatives and free texts are erased; headcount and channel stay")
    void groupErasure() {
        Api.Response created = api.post("/api/group-complaints", """
                {"representatives": [{"name": "Sun Hua", "contact": "137-0000-5555"}, {"name": "Zhou Yi", "contact": "137-0000-6666"},
                                     {"name": "Wu Fei", "contact": "137-0000-7777"}],
                 "coreDemand": "repair the elevators of Sun Hua's building", "headcount": 86,
                 "scope": "buildings 3-5, 86 households", "channel": "STORE_COUNTER",
                 "channelDetail": "on-site gathering at the property office", "specialCircumstances": ["ELDERLY"]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(storedPayloads(id)).doesNotContain("Sun Hua", "137-0000-5555");

        Api.Response erased = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"groupComplaintId\": \"" + id + "\"}");
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().get("groupComplaintIds").get(0).asString()).isEqualTo(id);
        JsonNode events = api.as(Api.AUDITOR).get("/api/group-complaints/" + id + "/history").json().get("events");
        JsonNode registered = events.get(0).get("payload");
        assertThat(registered.get("representatives").get(0).get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(registered.get("representatives").get(2).get("contact").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(registered.get("coreDemand").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(registered.get("headcount").asInt()).isEqualTo(86);
        assertThat(registered.get("channel").asString()).isEqualTo("STORE_COUNTER");
        assertThat(events.toString()).doesNotContain("Sun Hua", "137-0000-5555", "Zhou Yi");
        assertThat(events.get(events.size() - 1).get("type").asString()).isEqualTo("GroupPersonalDataErased");
        assertThat(api.as(Api.ADMIN).post("/api/admin/erasures", "{\"groupComplaintId\": \"" + id + "\"}").status())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("issue 7: a bad erasure request is a 400 naming the field; an unknown case 404; only ADMIN may erase")
    void badErasureRequests() {
        Api admin = api.as(Api.ADMIN);
        Api.Response empty = admin.post("/api/admin/erasures", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("complaintId");
        Api.Response two = admin.post("/api/admin/erasures", "{\"complaintId\": \"C-1\", \"contact\": \"1\"}");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("errors").get(0).get("field").asString()).isEqualTo("contact");
        assertThat(admin.post("/api/admin/erasures", "{\"complaintId\": \"C-no-such-case\"}").status()).isEqualTo(404);
        String id = receive("Sun Li", "136-1111-0000");
        assertThat(api.as(Api.SUPERVISOR).post("/api/admin/erasures", "{\"complaintId\": \"" + id + "\"}").status())
                .isEqualTo(403);
        assertThat(received(id).get("customer").get("name").asString()).isEqualTo("Sun Li");
    }

    @Test
    @DisplayName("001 §2.4: the retention job erases archived complaints past retention, recorded as RETENTION by system")
    void retentionErasesArchivedCases() {
        String archived = resolved("Zhao Lei", "135-2222-0000");
        String open = resolved("Zhao Lei", "135-2222-0000");
        assertThat(api.post("/api/complaints/" + archived + "/archive", Bodies.archive()).status()).isEqualTo(204);

        JsonNode erasure = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> lastEvent(archived), e -> "CustomerDataErased".equals(e.get("type").asString()));
        assertThat(erasure.get("payload").get("basis").asString()).isEqualTo("RETENTION");
        assertThat(erasure.get("operator").asString()).isEqualTo("system");
        assertThat(received(archived).get("customer").get("name").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/complaints/" + archived)
                .json(), s -> s.get("personalDataErased").asBoolean()).get("status").asString()).isEqualTo("ARCHIVED");
        // A resolved but not archived case keeps its data.
        assertThat(received(open).get("customer").get("name").asString()).isEqualTo("Zhao Lei");
        assertThat(lastEvent(open).get("type").asString()).isNotEqualTo("CustomerDataErased");
    }

    private static JsonNode lastEvent(String id) {
        JsonNode events = api.get("/api/complaints/" + id + "/history").json().get("events");
        return events.get(events.size() - 1);
    }

    private static JsonNode caseLibraryEntry(String id) {
        for (JsonNode item : api.get("/api/case-library?limit=100").json().get("items")) {
            if (id.equals(item.get("complaintId").asString())) {
                return item;
            }
        }
        return null;
    }

    private static DomainEventMessage<?> firstEvent(String id) {
        DomainEventStream stream = engine.bean(EventStore.class).readEvents(id);
        return stream.next();
    }
}
