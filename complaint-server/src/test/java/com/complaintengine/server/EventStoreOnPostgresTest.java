package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintengine.command.ids.TimeOrderedIds;
import com.complaintengine.query.admin.ProjectionAdmin;
import com.complaintengine.query.summary.ComplaintSummaryProjection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What lands in PostgreSQL: readable JSON events, no large objects, tokens in the database. */
class EventStoreOnPostgresTest {

    private static Engine engine;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        jdbc = engine.jdbc();
    }

    @Test
    @DisplayName("a ComplaintReceived payload is UTF-8 JSON that psql can read")
    void payloadIsReadableJson() {
        String id = engine.api().receive();

        Map<String, Object> row = jdbc.queryForMap("""
                select payload_type, payload_revision, convert_from(payload, 'UTF8')::jsonb ->> 'facts' as facts,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'operator' as operator
                  from domain_event_entry where aggregate_identifier = ? and sequence_number = 0""", id);

        assertThat(row.get("payload_type")).isEqualTo("com.complaintengine.api.events.ComplaintReceived");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        // Issue 7: personal fields are stored encrypted (and erasable); every other field stays readable JSON.
        assertThat((String) row.get("facts")).startsWith("enc:v1:").doesNotContain("restarts");
        assertThat(row.get("operator")).isEqualTo(Api.OPERATOR);
        assertThat(jdbc.queryForObject("select payload ->> 'channel' from event_json where complaint_id = ? and sequence_number = 0",
                String.class, id)).isEqualTo("HOTLINE");
        assertThat(jdbc.queryForObject("select payload -> 'demand' ->> 'type' from event_json where complaint_id = ? and sequence_number = 0",
                String.class, id)).isEqualTo("EXCHANGE");
    }

    @Test
    @DisplayName("new complaints, group complaints and stored events get time-ordered ids (version 7 UUIDs)")
    void newIdsAreTimeOrdered() {
        long before = System.currentTimeMillis();
        String first = engine.api().receive();
        String second = engine.api().receive();
        Api.Response registered = engine.api().post("/api/group-complaints", """
                {"representatives": [{"name": "Sun", "contact": "137-0000-2222"}], "coreDemand": "repair the lift",
                 "headcount": 8, "scope": "building 3", "channel": "STORE_COUNTER"}""");
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        String group = registered.json().get("id").asString();

        for (String id : List.of(first, second, group.substring("G-".length()))) {
            assertThat(UUID.fromString(id).version()).as(id).isEqualTo(7);
            assertThat(TimeOrderedIds.epochMillis(UUID.fromString(id))).isBetween(before, System.currentTimeMillis());
        }
        assertThat(TimeOrderedIds.epochMillis(UUID.fromString(second)))
                .isGreaterThanOrEqualTo(TimeOrderedIds.epochMillis(UUID.fromString(first)));
        List<String> eventIds = jdbc.queryForList("""
                select event_identifier from domain_event_entry where aggregate_identifier in (?, ?, ?)
                 order by global_index""", String.class, first, second, group);
        assertThat(eventIds).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(eventId -> assertThat(UUID.fromString(eventId).version()).isEqualTo(7));
    }

    @Test
    @DisplayName("event JSON and API JSON agree: ISO-8601 instants, decimals as written, ids as strings")
    void eventJsonAndApiJsonAgree() {
        String id = engine.api().receive();
        JsonMapper json = Api.JSON;

        JsonNode stored = json.readTree(jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                String.class, id));
        JsonNode served = engine.api().get("/api/complaints/" + id + "/history").json().get("events").get(0).get("payload");

        assertThat(stored.get("problemOccurredAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(stored.get("demand").get("amount").get("value").toString()).isEqualTo("1299.00");
        assertThat(stored.get("complaintId").isString()).isTrue();
        // Issue 7: the personal fields differ (ciphertext at rest, clear text served); every other field is identical.
        for (JsonNode node : List.of(stored, served)) {
            ((tools.jackson.databind.node.ObjectNode) node).remove(List.of("channelDetail", "facts", "expectation", "emotion"));
            ((tools.jackson.databind.node.ObjectNode) node.get("customer")).remove(List.of("name", "contact"));
        }
        assertThat(served).isEqualTo(stored);
    }

    @Test
    @DisplayName("no column of the schema is an oid large object; payloads are bytea")
    void noLargeObjects() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                 where table_schema = current_schema() and data_type = 'oid'""", String.class);
        String payloadType = jdbc.queryForObject("""
                select data_type from information_schema.columns
                 where table_schema = current_schema() and table_name = 'domain_event_entry' and column_name = 'payload'""",
                String.class);

        assertThat(oidColumns).isEmpty();
        assertThat(payloadType).isEqualTo("bytea");
    }

    @Test
    @DisplayName("the event store is Axon's JDBC engine and the tokens live in PostgreSQL, not in memory")
    void storageAndTokensAreInPostgres() {
        assertThat(engine.bean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(engine.bean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        String id = engine.api().receive();
        long globalIndex = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class, id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList("""
                select convert_from(token, 'UTF8')::jsonb ->> 'index' from token_entry
                 where processor_name = ? and token is not null""", String.class,
                ComplaintSummaryProjection.PROCESSING_GROUP))
                .anySatisfy(index -> assertThat(Long.parseLong(index)).isGreaterThanOrEqualTo(globalIndex)));
    }

    @Test
    @DisplayName("the projections read the store through streams the wake-up calls (not Axon's 500 ms re-poll)")
    void projectionsReadThroughTheWakeUp() {
        engine.api().receive();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(engine.bean(ProcessorWakeUp.class).streams())
                .isGreaterThanOrEqualTo(ProjectionAdmin.PROJECTIONS.size()));
    }

    @Test
    @DisplayName("Axon's units of work are Spring transactions: a unit rolled back leaves nothing of what it wrote")
    void unitsOfWorkAreTransactions() {
        TransactionManager axon = engine.bean(TransactionManager.class);
        assertThat(axon).isInstanceOf(SpringTransactionManager.class);
        String marker = "tx-" + System.nanoTime();

        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        rolledBack.attachTransaction(axon);
        jdbc.update("insert into cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())", marker);
        rolledBack.rollback();
        assertThat(jdbc.queryForObject("select count(*) from cluster_node where node_id = ?", Long.class, marker))
                .as("a row written in a unit of work that rolled back").isZero();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        committed.attachTransaction(axon);
        jdbc.update("insert into cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())", marker);
        committed.commit();
        assertThat(jdbc.queryForObject("select count(*) from cluster_node where node_id = ?", Long.class, marker))
                .isEqualTo(1);
        jdbc.update("delete from cluster_node where node_id = ?", marker);
    }
}
