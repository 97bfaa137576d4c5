package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.values.ErasedMarker;
import com.complaintengine.server.personal.PersonalFields;
import com.complaintengine.server.snapshot.SnapshotSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 on a real PostgreSQL: a complaint past the snapshot threshold gets a snapshot; loaded through it (also after
 * a restart, also after an erasure) it is the same complaint its events describe, its rules answer the same, its
 * history and chain are untouched; the snapshot holds no personal text in clear; a snapshot of another revision is
 * ignored; a snapshot that cannot be stored never fails a command. A threshold of 10 keeps the cases short.
 */
class SnapshotsOnPostgresTest {

    private static final int THRESHOLD = 10;
    private static final String OFFER_1 = "free repair at Ms Lin's flat, Lakeside Road 12";
    private static final String OFFER_2 = "a written apology signed for Ms Lin";

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = Engine.start(Engine.newDataDirectory(), "--complaint.snapshots.threshold=" + THRESHOLD);
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.closeAndDelete();
        }
    }

    /** Received, classified, acknowledged, two remedy options offered, then notes until past the threshold. */
    private static String longLived(int notes) {
        String id = api.receive();
        String base = "/api/complaints/" + id;
        ok(base + "/classification", Bodies.classification());
        ok(base + "/acknowledgement", Bodies.acknowledgement());
        ok(base + "/remedy-options", """
                {"options": [{"label": "option 1", "remedy": "REPAIR", "description": "%s"},
                             {"label": "option 2", "remedy": "APOLOGY", "description": "%s"}]}""".formatted(OFFER_1, OFFER_2));
        for (int i = 1; i <= notes; i++) {
            ok(base + "/communications", """
                    {"direction": "FROM_CUSTOMER", "channel": "phone", "content": "customer called again (%d)"}""".formatted(i));
        }
        return id;
    }

    private static void ok(String path, String body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path + " " + response.raw().body()).isEqualTo(204);
    }

    private static String refusal(String path, String body) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(path).isIn(409, 422);
        return response.json().get("code").asString();
    }

    /** The sequence number of the complaint's snapshot once the snapshotter (its own thread) has stored one. */
    private static long awaitSnapshot(String id) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> engine.jdbc().queryForList("select sequence_number from snapshot_event_entry where aggregate_identifier = ?",
                        Long.class, id), rows -> !rows.isEmpty()).get(0);
    }

    private static Map<String, Object> snapshotRow(String id) {
        return engine.jdbc().queryForMap("""
                select type, payload_type, payload_revision, sequence_number, convert_from(payload, 'UTF8') as payload
                  from snapshot_event_entry where aggregate_identifier = ?""", id);
    }

    private static long storedEvents(String id) {
        return engine.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
    }

    /** What a command starts from: the first message Axon's event store gives for the complaint. */
    private static DomainEventMessage<?> firstLoaded(String id) {
        DomainEventStream stream = engine.bean(EventStore.class).readEvents(id);
        return stream.next();
    }

    private static Class<Object> complaintType() throws ClassNotFoundException {
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) Class.forName(PersonalFields.COMPLAINT_AGGREGATE);
        return type;
    }

    /** The complaint's state as Axon's repository loads it for a command (through its snapshot, if any), as JSON. */
    private static String stateAsLoaded(String id) throws Exception {
        Repository<Object> repository = engine.bean(org.axonframework.config.Configuration.class).repository(complaintType());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Object root = repository.load(id).invoke(aggregate -> aggregate);
            return stateMapper().writeValueAsString(root);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The complaint's state folded from its stored events alone, from sequence 0, with no snapshot, as JSON. */
    private static String stateFromEvents(String id) throws Exception {
        AggregateModel<Object> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(complaintType(),
                engine.bean(ParameterResolverFactory.class), engine.bean(HandlerDefinition.class));
        DomainEventStream events = engine.bean(EventStore.class).readEvents(id, 0);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Object root = new GenericAggregateFactory<>(model).createAggregateRoot(id, events.peek());
            EventSourcedAggregate<Object> aggregate = EventSourcedAggregate.initialize(root, model, null,
                    NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(events);
            return stateMapper().writeValueAsString(aggregate.getAggregateRoot());
        } finally {
            unitOfWork.rollback();
        }
    }

    private static ObjectMapper stateMapper() {
        return SnapshotSerializers.stateMapper(engine.bean("defaultAxonObjectMapper", ObjectMapper.class));
    }

    private static List<JsonNode> history(String id) {
        List<JsonNode> events = new ArrayList<>();
        api.as(Api.AUDITOR).get("/api/complaints/" + id + "/history").json().get("events").forEach(events::add);
        return events;
    }

    private static JsonNode lastOfType(String id, String type) {
        List<JsonNode> events = history(id);
        JsonNode found = null;
        for (JsonNode event : events) {
            if (event.get("type").asString().equals(type)) {
                found = event;
            }
        }
        assertThat(found).as(type + " in the history of " + id).isNotNull();
        return found.get("payload");
    }

    /** Every stored event is in the history, in order, and nothing else (a snapshot is no event). */
    private static void assertHistoryIsTheStoredEvents(String id) {
        List<JsonNode> events = history(id);
        assertThat((long) events.size()).isEqualTo(storedEvents(id));
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
            assertThat(events.get(i).get("type").asString()).isNotEqualTo("Complaint");
        }
    }

    @Test
    @DisplayName("issue 9: past the threshold a complaint is snapshotted; after a restart it loads through the snapshot as its events say, and its rules answer the same")
    void snapshotSurvivesRestartAndRulesAnswerTheSame() throws Exception {
        String id = longLived(THRESHOLD + 2);
        String base = "/api/complaints/" + id;
        long at = awaitSnapshot(id);
        Map<String, Object> row = snapshotRow(id);
        assertThat(row.get("type")).isEqualTo("Complaint");
        assertThat(row.get("payload_type")).isEqualTo(PersonalFields.COMPLAINT_AGGREGATE);
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat(at).isGreaterThanOrEqualTo(THRESHOLD - 1).isLessThan(storedEvents(id));
        // The snapshot is not an event: the stream, the history and the hash chain are as they were.
        assertHistoryIsTheStoredEvents(id);
        assertThat(api.as(Api.AUDITOR).get(base + "/verification").json().get("intact").asBoolean()).isTrue();

        engine.restart();
        api = engine.api();

        DomainEventMessage<?> first = firstLoaded(id);
        assertThat(first.getPayloadType().getName()).as("loaded through the snapshot").isEqualTo(PersonalFields.COMPLAINT_AGGREGATE);
        assertThat(first.getSequenceNumber()).isEqualTo(at);
        assertThat(stateAsLoaded(id)).isEqualTo(stateFromEvents(id));

        // Rules that depend on state accumulated before the snapshot answer exactly as from the events.
        assertThat(refusal(base + "/classification", Bodies.classification())).isEqualTo("already-classified");
        assertThat(refusal(base + "/remedy-choice", "{\"label\": \"option 9\"}")).isEqualTo("no-such-option");
        ok(base + "/remedy-choice", "{\"label\": \"option 1\"}");
        // The chosen option comes from the snapshot's state: its description was sealed there and reads in clear.
        assertThat(lastOfType(id, "RemedyChosen").get("option").get("description").asString()).isEqualTo(OFFER_1);
        assertThat(refusal(base + "/resolution", "{\"remedy\": \"APOLOGY\", \"summary\": \"sorry\"}"))
                .isEqualTo("remedy-differs-from-choice");
        ok(base + "/resolution", "{\"remedy\": \"REPAIR\", \"summary\": \"repaired at home\"}");
        assertThat(api.awaitProjected(id).get("status").asString()).isEqualTo("RESOLVED");

        assertThat(stateAsLoaded(id)).isEqualTo(stateFromEvents(id));
        assertHistoryIsTheStoredEvents(id);
        assertThat(api.as(Api.AUDITOR).get(base + "/verification").json().get("intact").asBoolean()).isTrue();
        assertThat(api.as(Api.AUDITOR).get("/api/events?limit=1000&complaintId=" + id).json().get("events").size())
                .as("the feed serves the stored events only").isEqualTo((int) storedEvents(id));
    }

    @Test
    @DisplayName("issue 9: the snapshot holds the offered options sealed with the complaint's key; after an erasure it loads them as erased, like the events")
    void snapshotIsSealedAndErasedWithTheComplaint() throws Exception {
        String id = longLived(THRESHOLD + 2);
        String base = "/api/complaints/" + id;
        awaitSnapshot(id);
        String payload = snapshotRow(id).get("payload").toString();
        assertThat(payload).doesNotContain("Lakeside", "Ms Lin", "apology signed").contains("\"offered\"", "enc:v1:");
        assertThat(stateAsLoaded(id)).contains(OFFER_1, OFFER_2).isEqualTo(stateFromEvents(id));

        Api.Response erased = api.as(Api.ADMIN).post("/api/admin/erasures", "{\"complaintId\": \"" + id + "\"}");
        assertThat(erased.status()).isEqualTo(200);

        assertThat(firstLoaded(id).getPayloadType().getName()).as("loaded through the snapshot")
                .isEqualTo(PersonalFields.COMPLAINT_AGGREGATE);
        String throughSnapshot = stateAsLoaded(id);
        assertThat(throughSnapshot).doesNotContain(OFFER_1, OFFER_2).contains(ErasedMarker.ERASED)
                .contains("\"personalDataErased\":true").isEqualTo(stateFromEvents(id));
        // The next step on the case behaves as without a snapshot: the option is chosen, its words are erased.
        ok(base + "/remedy-choice", "{\"label\": \"option 2\"}");
        assertThat(lastOfType(id, "RemedyChosen").get("option").get("description").asString()).isEqualTo(ErasedMarker.ERASED);
        assertThat(refusal(base + "/remedy-choice", "{\"label\": \"option 9\"}")).isEqualTo("no-such-option");
        assertThat(String.join("\n", engine.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?", String.class, id)))
                .doesNotContain("Lakeside", "Ms Lin", "apology signed");
        assertHistoryIsTheStoredEvents(id);
    }

    @Test
    @DisplayName("issue 9: a snapshot of another revision of the complaint is ignored; the complaint loads from its events")
    void snapshotOfAnotherRevisionIsIgnored() {
        // What the store would hold had the complaint's fields meant something else: it says "archived".
        String fake = "{\"id\": \"%s\", \"archived\": true, \"resolved\": true}";
        String ignored = longLived(THRESHOLD + 2);
        String used = longLived(THRESHOLD + 2);
        awaitSnapshot(ignored);
        awaitSnapshot(used);
        engine.jdbc().update("update snapshot_event_entry set payload_revision = '0', payload = convert_to(?, 'UTF8') "
                + "where aggregate_identifier = ?", fake.formatted(ignored), ignored);
        engine.jdbc().update("update snapshot_event_entry set payload = convert_to(?, 'UTF8') where aggregate_identifier = ?",
                fake.formatted(used), used);

        // The same row with this revision's number is read (so the filter, not luck, is what ignores the other)...
        assertThat(firstLoaded(used).getPayloadType().getName()).isEqualTo(PersonalFields.COMPLAINT_AGGREGATE);
        assertThat(refusal("/api/complaints/" + used + "/remedy-choice", "{\"label\": \"option 1\"}")).isEqualTo("archived");
        // ...while revision 0 is passed over: the complaint is rebuilt from sequence 0 and is not archived.
        DomainEventMessage<?> first = firstLoaded(ignored);
        assertThat(first.getSequenceNumber()).isZero();
        assertThat(first.getPayloadType().getSimpleName()).isEqualTo("ComplaintReceived");
        ok("/api/complaints/" + ignored + "/remedy-choice", "{\"label\": \"option 1\"}");
        assertThat(lastOfType(ignored, "RemedyChosen").get("option").get("description").asString()).isEqualTo(OFFER_1);
    }

    @Test
    @DisplayName("issue 9: a snapshot that cannot be stored only logs; the commands that triggered it succeed")
    void failedSnapshotNeverFailsACommand() {
        // Every insert into the snapshot table fails; a sequence (not rolled back) counts the attempts.
        engine.jdbc().execute("create sequence snapshot_attempt");
        engine.jdbc().execute("""
                create function refuse_snapshot() returns trigger language plpgsql as $$
                begin perform nextval('snapshot_attempt'); raise exception 'snapshot refused by the test'; end $$""");
        engine.jdbc().execute("create trigger refuse_snapshot before insert on snapshot_event_entry "
                + "for each row execute function refuse_snapshot()");
        try {
            String id = longLived(THRESHOLD + 5);
            ok("/api/complaints/" + id + "/remedy-choice", "{\"label\": \"option 1\"}");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> engine.jdbc().queryForObject(
                    "select is_called from snapshot_attempt", Boolean.class));
            assertThat(engine.jdbc().queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                    Long.class, id)).isZero();
            assertHistoryIsTheStoredEvents(id);
            assertThat(lastOfType(id, "RemedyChosen").get("option").get("label").asString()).isEqualTo("option 1");
        } finally {
            engine.jdbc().execute("drop trigger refuse_snapshot on snapshot_event_entry");
            engine.jdbc().execute("drop function refuse_snapshot()");
            engine.jdbc().execute("drop sequence snapshot_attempt");
        }
    }
}
