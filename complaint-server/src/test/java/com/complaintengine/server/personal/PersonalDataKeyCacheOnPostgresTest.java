package com.complaintengine.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.ErasedMarker;
import com.complaintengine.api.values.Money;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/**
 * Issue 9: the caches of personal-data keys never outlive an erasure (docs/decisions.md, "Personal-data keys cached
 * per unit of work"). Two {@link PersonalDataKeys} on one PostgreSQL stand for two nodes.
 */
class PersonalDataKeyCacheOnPostgresTest {

    private static EmbeddedPostgres database;
    private static JdbcTemplate jdbc;
    private static final MasterKey MASTER = new MasterKey(MasterKey.newDataKey());

    @BeforeAll
    static void database() throws Exception {
        database = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(database.getPostgresDatabase());
        String migration = new String(PersonalDataKeyCacheOnPostgresTest.class
                .getResourceAsStream("/db/migration/V7__personal_data_key.sql").readAllBytes(), StandardCharsets.UTF_8);
        jdbc.execute(migration);
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    @DisplayName("erased on another node, then read on this node with both caches warm: erased")
    void erasureOnAnotherNodeIsSeenWithWarmCaches() throws Exception {
        PersonalDataKeys thisNode = new PersonalDataKeys(jdbc, MASTER);
        PersonalDataKeys otherNode = new PersonalDataKeys(jdbc, MASTER);
        Serializer serializer = serializer(thisNode);
        SerializedObject<byte[]> stored = inUnitOfWork(() -> serializer.serialize(received("C-other-node"), byte[].class));
        // Warm: read in a unit of work (its cache), and the node-wide unwrapped key.
        assertThat(inUnitOfWork(() -> facts(serializer, stored))).isEqualTo("restarts after the update");

        assertThat(otherNode.destroy("C-other-node")).isTrue();

        assertThat(inUnitOfWork(() -> facts(serializer, stored))).isEqualTo(ErasedMarker.ERASED);
        assertThat(facts(serializer, stored)).isEqualTo(ErasedMarker.ERASED);
        assertThat(thisNode.forReading("C-other-node").erased()).isTrue();
    }

    @Test
    @DisplayName("erased within the unit of work that had read the key: the rest of that unit of work reads erased")
    void erasureInsideAWarmUnitOfWorkIsSeenAtOnce() throws Exception {
        PersonalDataKeys keys = new PersonalDataKeys(jdbc, MASTER);
        Serializer serializer = serializer(keys);
        SerializedObject<byte[]> stored = inUnitOfWork(() -> serializer.serialize(received("C-same-unit"), byte[].class));
        String[] seen = inUnitOfWork(() -> {
            String before = facts(serializer, stored);
            keys.destroy("C-same-unit");
            return new String[] {before, facts(serializer, stored)};
        });
        assertThat(seen).containsExactly("restarts after the update", ErasedMarker.ERASED);
    }

    @Test
    @DisplayName("an erased subject gets no new key from a unit of work that had cached its old one")
    void noNewKeyAfterErasure() throws Exception {
        PersonalDataKeys keys = new PersonalDataKeys(jdbc, MASTER);
        Serializer serializer = serializer(keys);
        inUnitOfWork(() -> serializer.serialize(received("C-no-new-key"), byte[].class));
        SerializedObject<byte[]> after = inUnitOfWork(() -> {
            keys.forReading("C-no-new-key");
            keys.destroy("C-no-new-key");
            return serializer.serialize(received("C-no-new-key"), byte[].class);
        });
        assertWrittenErasedWithoutAKey(after, "C-no-new-key");
    }

    @Test
    @DisplayName("a case's first event (it carries the customer's contact) creates the key in one statement, no look-up")
    void firstEventCreatesTheKeyWithoutALookUp() throws Exception {
        CountingJdbc counting = new CountingJdbc();
        Serializer serializer = serializer(new PersonalDataKeys(counting, MASTER));

        SerializedObject<byte[]> stored = inUnitOfWork(() -> serializer.serialize(received("C-one-statement"), byte[].class));

        assertThat(counting.statements).isEqualTo(1);
        assertThat(inUnitOfWork(() -> facts(serializer, stored))).isEqualTo("restarts after the update");
    }

    @Test
    @DisplayName("a first event whose case already has a key (a retry) is sealed with the stored key, not a new one")
    void firstEventOfAKnownCaseUsesTheStoredKey() throws Exception {
        PersonalDataKeys keys = new PersonalDataKeys(jdbc, MASTER);
        Serializer serializer = serializer(keys);
        SerializedObject<byte[]> first = inUnitOfWork(() -> serializer.serialize(received("C-retry"), byte[].class));
        byte[] wrapped = jdbc.queryForObject("select wrapped_key from personal_data_key where subject_id = ?",
                byte[].class, "C-retry");

        SerializedObject<byte[]> again = inUnitOfWork(() -> serializer.serialize(received("C-retry"), byte[].class));

        assertThat(jdbc.queryForObject("select wrapped_key from personal_data_key where subject_id = ?",
                byte[].class, "C-retry")).isEqualTo(wrapped);
        assertThat(inUnitOfWork(() -> facts(serializer, again))).isEqualTo("restarts after the update");
        assertThat(inUnitOfWork(() -> facts(serializer, first))).isEqualTo("restarts after the update");
    }

    @Test
    @DisplayName("a first event of an erased case, in a fresh unit of work, is written erased and creates no key")
    void firstEventOfAnErasedCaseStaysErased() throws Exception {
        PersonalDataKeys keys = new PersonalDataKeys(jdbc, MASTER);
        Serializer serializer = serializer(keys);
        inUnitOfWork(() -> serializer.serialize(received("C-erased-first"), byte[].class));
        assertThat(keys.destroy("C-erased-first")).isTrue();

        SerializedObject<byte[]> after = inUnitOfWork(() -> serializer.serialize(received("C-erased-first"), byte[].class));

        assertWrittenErasedWithoutAKey(after, "C-erased-first");
    }

    @Test
    @DisplayName("a summary batch reads its complaints' keys in one statement, then decrypts each event without one")
    void batchReadsItsKeysInOneStatement() throws Exception {
        Serializer writer = serializer(new PersonalDataKeys(jdbc, MASTER));
        List<String> ids = List.of("C-batch-1", "C-batch-2", "C-batch-3");
        Map<String, SerializedObject<byte[]>> stored = new HashMap<>();
        for (String id : ids) {
            stored.put(id, inUnitOfWork(() -> writer.serialize(received(id), byte[].class)));
        }
        CountingJdbc counting = new CountingJdbc();
        PersonalDataKeys keys = new PersonalDataKeys(counting, MASTER);
        Serializer reader = serializer(keys);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(ids.stream()
                .<EventMessage<?>>map(id -> new GenericDomainEventMessage<>("Complaint", id, 0, received(id)))
                .toList());
        BatchKeyReadAhead readAhead = new BatchKeyReadAhead(keys);
        List<String> facts = new ArrayList<>();

        batch.executeWithResult(() -> readAhead.handle(batch, () -> facts.add(facts(reader,
                stored.get(((DomainEventMessage<?>) batch.getMessage()).getAggregateIdentifier())))));

        assertThat(facts).containsExactly("restarts after the update", "restarts after the update",
                "restarts after the update");
        assertThat(counting.statements).isEqualTo(1);
    }

    @Test
    @DisplayName("written in one pass and read in one parse: the event comes back equal, decimals and instants exact")
    void roundTripKeepsTheEventExactly() throws Exception {
        Serializer serializer = serializer(new PersonalDataKeys(jdbc, MASTER));
        ComplaintReceived event = received("C-round-trip");
        SerializedObject<byte[]> stored = inUnitOfWork(() -> serializer.serialize(event, byte[].class));
        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\":1299.00").contains("\"problemOccurredAt\":\"2026-11-20T08:00:00Z\"")
                .contains("\"complaintId\":\"C-round-trip\"").doesNotContain("restarts after the update");
        assertThat(stored.getType().getName()).isEqualTo(ComplaintReceived.class.getName());
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    /** The event was written with its personal fields erased, and the subject has no key (its tombstone row). */
    private static void assertWrittenErasedWithoutAKey(SerializedObject<byte[]> written, String subject) {
        assertThat(new String(written.getData(), StandardCharsets.UTF_8)).doesNotContain(PersonalDataSerializer.PREFIX)
                .contains(ErasedMarker.ERASED);
        assertThat(jdbc.queryForObject("select wrapped_key is null from personal_data_key where subject_id = ?",
                Boolean.class, subject)).isTrue();
    }

    private static ComplaintReceived received(String id) {
        return new ComplaintReceived(ComplaintId.of(id), Channel.HOTLINE, "400 hotline",
                new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), Instant.parse("2026-11-20T08:00:00Z"),
                "restarts after the update", "a new unit",
                new Demand(DemandType.EXCHANGE, new Money(new BigDecimal("1299.00"), "CNY")), "calm", Set.of(), 1, null);
    }

    private static String facts(Serializer serializer, SerializedObject<byte[]> stored) {
        return ((ComplaintReceived) serializer.deserialize(stored)).facts();
    }

    private static <T> T inUnitOfWork(Callable<T> work) throws Exception {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("test"));
        try {
            return unit.executeWithResult(work).getPayload();
        } finally {
            if (unit.isActive()) {
                unit.rollback();
            }
        }
    }

    /** The test database's template, counting the statements the keys run through it. */
    private static final class CountingJdbc extends JdbcTemplate {

        int statements;

        CountingJdbc() {
            super(database.getPostgresDatabase());
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            statements++;
            return super.query(sql, rowMapper, args);
        }

        @Override
        public void query(String sql, RowCallbackHandler handler, Object... args) {
            statements++;
            super.query(sql, handler, args);
        }

        @Override
        public int update(String sql, Object... args) {
            statements++;
            return super.update(sql, args);
        }
    }

    /** As PersonalDataConfiguration builds it, over a mapper configured as AxonConfiguration's. */
    private static Serializer serializer(PersonalDataKeys keys) {
        SimpleModule ids = new SimpleModule("typed-ids");
        ids.addSerializer(ComplaintId.class, ToStringSerializer.instance);
        ids.addDeserializer(ComplaintId.class, new JsonDeserializer<>() {
            @Override
            public ComplaintId deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return ComplaintId.of(parser.getValueAsString());
            }
        });
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JacksonSerializer jackson = JacksonSerializer.builder().objectMapper(mapper)
                .converter(new ChainingConverter(PersonalDataKeyCacheOnPostgresTest.class.getClassLoader())).build();
        return new PersonalDataSerializer(jackson, keys, mapper);
    }
}
