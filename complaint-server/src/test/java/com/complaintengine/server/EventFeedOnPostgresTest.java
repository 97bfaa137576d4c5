package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6: the public event feed on a real engine and PostgreSQL. Consumers page through it and resume across a
 * restart, follow it as server-sent events and resume with Last-Event-ID, never past a position a transaction in
 * flight may still fill; a revision-1 event stored by an earlier schema is served in the revision-2 shape.
 */
class EventFeedOnPostgresTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(3);
    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.start(Engine.newDataDirectory(), "--complaint.feed.gap-timeout=" + GAP_TIMEOUT.toSeconds() + "s");
    }

    @AfterAll
    static void stop() {
        engine.closeAndDelete();
    }

    private static Api auditor() {
        return engine.api().as(Api.AUDITOR);
    }

    /** A complaint received, classified, acknowledged and with an internal note: about ten events. */
    private static String complaintWithSteps() {
        Api api = engine.api();
        String id = api.receive();
        String base = "/api/complaints/" + id;
        assertThat(api.post(base + "/classification", Bodies.classification()).status()).isEqualTo(204);
        assertThat(api.post(base + "/acknowledgement", Bodies.acknowledgement()).status()).isEqualTo(204);
        assertThat(api.post(base + "/communications",
                "{\"direction\": \"INTERNAL\", \"channel\": \"note\", \"content\": \"checked the unit's log\"}").status())
                .isEqualTo(204);
        return id;
    }

    private static List<String> storedEventIds() {
        return engine.jdbc().queryForList("select event_identifier from domain_event_entry order by global_index",
                String.class);
    }

    private static JsonNode page(long after, int limit) {
        Api.Response response = auditor().get("/api/events?after=" + after + "&limit=" + limit);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json();
    }

    /** Reads pages of {@code limit} from {@code after} until caught up; returns the events read and the last cursor. */
    private static long readToEnd(long after, int limit, List<JsonNode> into) {
        long cursor = after;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = page(cursor, limit);
            page.get("events").forEach(into::add);
            cursor = page.get("next").asLong();
            if (page.get("caughtUp").asBoolean()) {
                return cursor;
            }
        }
        throw new AssertionError("the feed never caught up");
    }

    @Test
    @DisplayName("issue 6: a consumer reads the whole feed in pages, resumes after a server restart, and has every stored event once, in order")
    void pagesResumeAcrossRestart() {
        for (int i = 0; i < 3; i++) {
            complaintWithSteps();
        }
        List<JsonNode> read = new ArrayList<>();
        // Read three pages, then stop (the consumer keeps only its cursor).
        long cursor = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode page = page(cursor, 4);
            assertThat(page.get("events")).hasSize(4);
            page.get("events").forEach(read::add);
            cursor = page.get("next").asLong();
        }
        engine.restart();
        complaintWithSteps();
        readToEnd(cursor, 4, read);

        List<String> ids = read.stream().map(e -> e.get("id").asString()).toList();
        assertThat(ids).as("every stored event, in the store's order, none twice").containsExactlyElementsOf(storedEventIds());
        List<Long> positions = read.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        JsonNode first = read.get(0);
        assertThat(first.get("specversion").asString()).isEqualTo("1.0");
        assertThat(first.get("type").asString()).isEqualTo("ComplaintReceived");
        assertThat(first.get("revision").asString()).isEqualTo("1");
        assertThat(first.get("source").asString()).isEqualTo("/complaint-engine");
        assertThat(first.get("subject").asString()).isEqualTo(first.get("complaintid").asString());
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(Instant.parse(first.get("time").asString())).isBefore(Instant.now());
        assertThat(first.get("data").get("complaintId").asString()).isEqualTo(first.get("complaintid").asString());
        assertThat(first.get("data").get("facts").asString()).isEqualTo("restarts 3 times within 5 minutes of power-on");
    }

    @Test
    @DisplayName("issue 6: the stream sends each event with its position as id, and resumes after Last-Event-ID with nothing lost or repeated")
    void streamResumesFromLastEventId() throws IOException {
        complaintWithSteps();
        complaintWithSteps();
        List<String> stored = storedEventIds();
        int half = stored.size() / 2;
        List<SseEvent> received = new ArrayList<>(readStream("", null, half));
        assertThat(received).hasSize(half);
        engine.restart();
        String lastEventId = received.get(received.size() - 1).id();
        received.addAll(readStream("", lastEventId, stored.size() - half));

        assertThat(received.stream().map(e -> engine.jdbc().queryForObject(
                "select event_identifier from domain_event_entry where global_index = ?", String.class,
                Long.parseLong(e.id()))).toList()).containsExactlyElementsOf(stored);
        assertThat(received).allSatisfy(e -> {
            JsonNode data = Api.JSON.readTree(e.data());
            assertThat(e.name()).isEqualTo(data.get("type").asString());
            assertThat(e.id()).isEqualTo(Long.toString(data.get("position").asLong()));
        });
    }

    @Test
    @DisplayName("issue 6/9: a stream filtered by complaint sends that complaint's events, all of them in order, and no other")
    void aFilteredStreamSendsItsComplaintOnly() throws IOException {
        complaintWithSteps();
        String wanted = complaintWithSteps();
        complaintWithSteps();
        List<String> its = engine.jdbc().queryForList("select event_identifier from domain_event_entry"
                + " where aggregate_identifier = ? order by global_index", String.class, wanted);
        List<SseEvent> received = readStream("?complaintId=" + wanted, null, its.size());
        assertThat(received.stream().map(e -> engine.jdbc().queryForObject(
                "select event_identifier from domain_event_entry where global_index = ?", String.class,
                Long.parseLong(e.id()))).toList()).containsExactlyElementsOf(its);
        assertThat(received).allSatisfy(e -> assertThat(Api.JSON.readTree(e.data()).get("complaintid").asString())
                .isEqualTo(wanted));
    }

    record SseEvent(String id, String name, String data) {
    }

    /** Opens the stream (with its query and Last-Event-ID when given), reads {@code count} events, and closes it. */
    private static List<SseEvent> readStream(String query, String lastEventId, int count) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + engine.api().port()
                + "/api/events/stream" + query).toURL().openConnection();
        List<SseEvent> events = new ArrayList<>();
        try {
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (Api.AUDITOR + ":" + Api.password(Api.AUDITOR)).getBytes(StandardCharsets.UTF_8)));
            if (lastEventId != null) {
                connection.setRequestProperty("Last-Event-ID", lastEventId);
            }
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getContentType()).startsWith("text/event-stream");
            Instant deadline = Instant.now().plusSeconds(30);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                while (events.size() < count && Instant.now().isBefore(deadline)) {
                    String line;
                    try {
                        line = reader.readLine();
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("no event within 5 s; got " + events.size() + " of " + count, e);
                    }
                    if (line == null) {
                        break;
                    }
                    if (line.isEmpty()) {
                        if (id != null) {
                            events.add(new SseEvent(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    }
                }
            }
        } finally {
            connection.disconnect();
        }
        assertThat(events).as("events from the stream").hasSize(count);
        return events;
    }

    @Test
    @DisplayName("issue 6: a page ends before a position a transaction in flight may still fill, serves it once committed, and passes a rolled-back one after the gap timeout")
    void pagesNeverSkipAPositionCommittedLate() throws Exception {
        String first = complaintWithSteps();
        long cursor = readToEnd(0, 1000, new ArrayList<>());
        DataSource dataSource = engine.bean(DataSource.class);

        // A transaction in flight holds the next position while a later event is committed.
        long late;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try {
                late = copyOfLastEvent(slow, first);
                String second = engine.api().receive();
                List<JsonNode> meanwhile = new ArrayList<>();
                long next = readToEnd(cursor, 1000, meanwhile);
                assertThat(meanwhile).as("nothing is served past the open position").isEmpty();
                assertThat(next).isEqualTo(cursor);
                slow.commit();
                List<JsonNode> after = new ArrayList<>();
                cursor = readToEnd(cursor, 1000, after);
                assertThat(after.get(0).get("position").asLong()).isEqualTo(late);
                assertThat(after.get(0).get("complaintid").asString()).isEqualTo(first);
                assertThat(after.subList(1, after.size())).allSatisfy(e -> assertThat(e.get("complaintid").asString())
                        .isEqualTo(second));
            } finally {
                if (!slow.getAutoCommit()) {
                    slow.rollback();
                }
            }
        }

        // A rolled-back insert leaves a hole for good: passed once the event after it is older than the gap timeout.
        try (Connection failed = dataSource.getConnection()) {
            failed.setAutoCommit(false);
            copyOfLastEvent(failed, first);
            failed.rollback();
        }
        String third = engine.api().receive();
        List<JsonNode> blocked = new ArrayList<>();
        assertThat(readToEnd(cursor, 1000, blocked)).isEqualTo(cursor);
        assertThat(blocked).isEmpty();
        long from = cursor;
        List<JsonNode> passed = new ArrayList<>();
        Awaitility.await().atMost(GAP_TIMEOUT.multipliedBy(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
            passed.clear();
            readToEnd(from, 1000, passed);
            return !passed.isEmpty();
        });
        assertThat(passed).allSatisfy(e -> assertThat(e.get("complaintid").asString()).isEqualTo(third));
        assertThat(passed.get(0).get("position").asLong()).isGreaterThan(from + 1);
    }

    /** Inserts (without committing) a copy of the complaint's last event as its next one; returns its position. */
    private static long copyOfLastEvent(Connection connection, String complaintId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                select ?, aggregate_identifier, sequence_number + 1, type, ?, payload_type, payload_revision, payload, meta_data
                  from domain_event_entry where aggregate_identifier = ?
                 order by sequence_number desc limit 1
                returning global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, Instant.now().toString());
            insert.setString(3, complaintId);
            try (var rows = insert.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getLong(1);
            }
        }
    }

    @Test
    @DisplayName("issue 6: filters by event type (repeatable) and complaint id; the cursor still moves past what they skip")
    void filtersByTypeAndComplaint() {
        String one = complaintWithSteps();
        String other = complaintWithSteps();
        Api.Response byComplaint = auditor().get("/api/events?limit=1000&complaintId=" + one);
        assertThat(byComplaint.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        byComplaint.json().get("events").forEach(events::add);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.get("complaintid").asString()).isEqualTo(one));
        assertThat(events).extracting(e -> e.get("sequence").asLong()).isSorted().doesNotHaveDuplicates().startsWith(0L);
        assertThat(events.size()).isEqualTo(engine.jdbc().queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, one));

        Api.Response byTypes = auditor().get("/api/events?limit=1000&type=ComplaintReceived&type=ComplaintAcknowledged");
        Set<String> types = new HashSet<>();
        Set<String> complaints = new HashSet<>();
        byTypes.json().get("events").forEach(e -> {
            types.add(e.get("type").asString());
            complaints.add(e.get("complaintid").asString());
        });
        assertThat(types).containsExactlyInAnyOrder("ComplaintReceived", "ComplaintAcknowledged");
        assertThat(complaints).contains(one, other);
        assertThat(byTypes.json().get("next").asLong()).isEqualTo(engine.jdbc().queryForObject(
                "select max(global_index) from domain_event_entry", Long.class));
        assertThat(auditor().get("/api/events?limit=1000&type=ComplaintReceived,ComplaintAcknowledged").json().get("events"))
                .hasSize(byTypes.json().get("events").size());
    }

    @Test
    @DisplayName("issue 6: an unknown or invalid parameter is a 400 problem naming it, on the page and on the stream")
    void strictParameters() {
        assertProblem(auditor().get("/api/events?limt=5"), "limt");
        assertProblem(auditor().get("/api/events?after=-1"), "after");
        assertProblem(auditor().get("/api/events?after=abc"), "after");
        assertProblem(auditor().get("/api/events?limit=0"), "limit");
        assertProblem(auditor().get("/api/events?limit=100000"), "limit");
        assertProblem(auditor().get("/api/events?type=ComplaintRecieved"), "type");
        assertProblem(auditor().get("/api/events/stream?from=3"), "from");
        assertProblem(auditor().send("GET", "/api/events/stream", null, java.util.Map.of("Last-Event-ID", "x")),
                "Last-Event-ID");
        assertThat(engine.api().as(Api.AGENT).get("/api/events").status()).isEqualTo(403);
        assertThat(engine.api().as(Api.ADMIN).get("/api/events?limit=1").status()).isEqualTo(200);
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    @DisplayName("issue 6: a revision-1 EvidenceAdded stored by the earlier schema still loads and is served as revision 2")
    void revisionOneEvidenceIsServedUpcast() {
        String id = complaintWithSteps();
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        long sequence = engine.jdbc().queryForObject(
                "select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?", Long.class, id);
        String aggregateType = engine.jdbc().queryForObject(
                "select type from domain_event_entry where aggregate_identifier = ? and sequence_number = 0", String.class, id);
        // The JSON exactly as the revision-1 schema wrote it: no hashAlgorithm.
        String payload = "{\"complaintId\":\"" + id + "\",\"source\":\"SYSTEM\",\"description\":\"fault log\","
                + "\"reference\":\"crm://logs/1\",\"contentHash\":\"" + hash + "\"}";
        String metaData = "{\"operator\":\"" + Api.OPERATOR + "\",\"operatorRole\":\"HANDLER\",\"occurredAt\":\""
                + Instant.now() + "\"}";
        String eventId = UUID.randomUUID().toString();
        engine.jdbc().update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                values (?, ?, ?, ?, ?, 'com.complaintengine.api.events.EvidenceAdded', '1', convert_to(?, 'UTF8'),
                        convert_to(?, 'UTF8'))""", eventId, id, sequence, aggregateType, Instant.now().toString(),
                payload, metaData);

        JsonNode served = auditor().get("/api/events?limit=1000&type=EvidenceAdded&complaintId=" + id).json().get("events");
        assertThat(served).hasSize(1);
        assertThat(served.get(0).get("id").asString()).isEqualTo(eventId);
        assertThat(served.get(0).get("revision").asString()).isEqualTo("2");
        assertThat(served.get(0).get("data").get("hashAlgorithm").asString()).isEqualTo("SHA-256");
        assertThat(served.get(0).get("data").get("contentHash").asString()).isEqualTo(hash);

        JsonNode history = auditor().get("/api/complaints/" + id + "/history?type=EvidenceAdded").json().get("events");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("revision").asString()).isEqualTo("2");
        assertThat(history.get(0).get("payload").get("hashAlgorithm").asString()).isEqualTo("SHA-256");

        // The aggregate loads the old event (through the upcaster) and takes the next command.
        assertThat(engine.api().post("/api/complaints/" + id + "/evidence", "{\"source\": \"DEPARTMENT\", "
                + "\"description\": \"repair report\", \"reference\": \"crm://reports/7\", \"contentHash\": \"" + hash + "\"}")
                .status()).isEqualTo(204);
        assertThat(engine.jdbc().queryForList("""
                select payload_revision from domain_event_entry
                 where aggregate_identifier = ? and payload_type like '%EvidenceAdded' order by sequence_number""",
                String.class, id)).as("the old row is never rewritten; new events are written as revision 2")
                .containsExactly("1", "2");
    }
}
