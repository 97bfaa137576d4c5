package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 item 3 and fault (c): two server processes on one PostgreSQL. The database runs apart from both
 * nodes; node A runs in the test's JVM, node B in a process of its own.
 */
class ScaleOutOnPostgresTest {

    private static final String SUMMARY = "complaint-summary";
    private static final String[] CLUSTER = {"--complaint.cluster.heartbeat=PT1S", "--complaint.cluster.node-timeout=PT5S",
            "--complaint.cluster.release=PT10S", "--complaint.sla.first-response.URGENT.duration=PT3S",
            "--db-scheduler.polling-interval=1s"};

    @Test
    @DisplayName("two nodes split the segments, every command lands once, concurrent updates are applied or 409, deadlines fire once")
    void twoNodesOnOneDatabase() throws Exception {
        EmbeddedPostgres database = database();
        String url = database.getJdbcUrl("postgres", "postgres");
        Engine a = Engine.start(Engine.newDataDirectory(), nodeArgs(url));
        NodeProcess b = null;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            b = NodeProcess.start("scale-out-b", url, CLUSTER);
            JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(url, true));
            Api[] nodes = {a.api(), b.api()};

            // 1. The summary projection's 4 segments (complaint.cluster.segments) end up split, 2 and 2, between the nodes.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(owners(sql, SUMMARY).values()).containsExactlyInAnyOrder(2L, 2L));

            // 2. Forty complaints, each through either node, four of them urgent with a 3-second limit.
            List<Future<String>> received = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Api node = nodes[i % 2];
                String body = i % 10 == 0 ? urgent() : Bodies.complaint();
                received.add(clients.submit(() -> {
                    Api.Response answer = node.post("/api/complaints", body);
                    assertThat(answer.status()).isEqualTo(201);
                    return answer.json().get("id").asString();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : received) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }

            // 3. One hundred concurrent updates of one complaint, fifty through each node: applied or 409, none lost.
            String target = ids.get(1);
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Api node = nodes[i % 2];
                String note = "{\"direction\": \"FROM_CUSTOMER\", \"channel\": \"SMS\", \"content\": \"call number " + i + "\"}";
                updates.add(() -> node.post("/api/complaints/" + target + "/communications", note).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(updates, 120, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
            Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(byStatus.keySet()).as("answers %s", byStatus).isSubsetOf(200, 201, 204, 409);
            long applied = statuses.stream().filter(s -> s < 300).count();
            assertThat(applied).as("updates applied (%s)", byStatus).isPositive();
            long stored = count(sql, "select count(*) from event_json where complaint_id = ? and payload_type like '%.CommunicationRecorded'",
                    target);
            assertThat(stored).as("communications stored vs answered 2xx (%s)", byStatus).isEqualTo(applied);

            // 4. Every complaint is projected once, at its last event, whichever node's segment holds it.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(count(sql, "select count(*) from complaint_summary")).isEqualTo(40);
                assertThat(count(sql, """
                        select count(*) from complaint_summary s
                         where s.version <> (select max(sequence_number) from domain_event_entry e
                                              where e.aggregate_identifier = s.complaint_id)""")).isZero();
            });
            JsonNode projected = nodes[0].get("/api/complaints/" + target).json();
            assertThat(projected.get("activity").get("otherCommunications").asLong())
                    .as("a communication counted twice or not at all").isEqualTo(applied);

            // 5. The urgent complaints' first-response deadlines fire once each, on whichever node polls first.
            List<String> urgentIds = List.of(ids.get(0), ids.get(10), ids.get(20), ids.get(30));
            for (String id : urgentIds) {
                await().atMost(Duration.ofSeconds(30)).until(() -> breaches(sql, id) >= 1);
            }
            Thread.sleep(3_000);
            for (String id : urgentIds) {
                assertThat(breaches(sql, id)).as("breaches of %s", id).isEqualTo(1);
            }
            // A node with the processors says so in its projection status.
            nodes[0].get("/api/admin/projections").json().get("projections").forEach(status ->
                    assertThat(status.get("processorsHere").asBoolean()).as(status.toString()).isTrue());
            // Both nodes are in the cluster table while they run.
            assertThat(count(sql, "select count(*) from cluster_node")).isEqualTo(2);
        } finally {
            clients.shutdownNow();
            if (b != null) {
                b.close();
            }
            a.closeAndDelete();
            database.close();
        }
    }

    @Test
    @DisplayName("a write node (complaint.cluster.processors=false) claims no segment, is left out of the share, its commands are projected by the other node, a rebuild sent to it is refused")
    void aWriteNodeLeavesTheSegmentsToTheOthers() throws Exception {
        EmbeddedPostgres database = database();
        String url = database.getJdbcUrl("postgres", "postgres");
        Engine writeNode = Engine.start(Engine.newDataDirectory(), nodeArgs(url, "--complaint.cluster.processors=false"));
        // Axon names a segment's owner by the process (pid@host): the write node runs in this JVM.
        String writeOwner = ManagementFactory.getRuntimeMXBean().getName();
        NodeProcess b = null;
        try {
            b = NodeProcess.start("write-node-b", url, CLUSTER);
            JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(url, true));
            String segmentOwners = "select distinct owner from token_entry where owner is not null";

            // 1. The other node takes every segment of every processor, and keeps all four of the summary's through a
            //    release period and more (counted as one of two nodes it would hand two of them out, for nobody).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(owners(sql, SUMMARY).values()).containsExactly(4L));
            String processingOwner = owners(sql, SUMMARY).keySet().iterator().next();
            assertThat(processingOwner).isNotEqualTo(writeOwner);
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < until) {
                assertThat(owners(sql, SUMMARY)).containsExactly(Map.entry(processingOwner, 4L));
                assertThat(sql.queryForList(segmentOwners, String.class)).containsExactly(processingOwner);
                Thread.sleep(500);
            }
            assertThat(sql.queryForList("select node_id || ' ' || processors from cluster_node order by processors",
                    String.class)).hasSize(2).first().asString().endsWith(" false");

            // 2. Complaints taken by the write node are projected by the other one.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Api.Response answer = writeNode.api().post("/api/complaints", Bodies.complaint());
                assertThat(answer.status()).isEqualTo(201);
                ids.add(answer.json().get("id").asString());
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(sql.queryForList("select complaint_id from complaint_summary", String.class))
                            .containsExactlyInAnyOrderElementsOf(ids));

            // 3. Alone, the write node still takes commands and still processes nothing.
            b.close();
            b = null;
            Api.Response alone = writeNode.api().post("/api/complaints", Bodies.complaint());
            assertThat(alone.status()).isEqualTo(201);
            assertThat(count(sql, "select count(*) from domain_event_entry where aggregate_identifier = ?",
                    alone.json().get("id").asString())).isPositive();
            Thread.sleep(5_000);
            assertThat(sql.queryForList(segmentOwners, String.class)).doesNotContain(writeOwner);
            assertThat(count(sql, "select count(*) from complaint_summary")).isEqualTo(10);

            // 4. The write node's projection status says that its (empty) share is not where the projections run.
            JsonNode statuses = writeNode.api().get("/api/admin/projections").json().get("projections");
            assertThat(statuses.size()).isEqualTo(2);
            statuses.forEach(status -> {
                assertThat(status.get("processorsHere").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.get("segments").asInt()).as(status.toString()).isZero();
            });

            // 5. With no other node holding the segments, as a rebuild asks, one sent to the write node is refused (its
            //    status could never show the end, and no node would process after the reset) and resets nothing.
            Api.Response refused = writeNode.api().post("/api/admin/projections/complaint-summary/rebuild", "");
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("rebuild-refused");
            assertThat(refused.json().get("detail").asString()).contains("complaint.cluster.processors=false");
            assertThat(count(sql, "select count(*) from token_entry where processor_name = ? and token_type like ?",
                    SUMMARY, "%ReplayToken")).isZero();
            assertThat(count(sql, "select count(*) from complaint_summary")).isEqualTo(10);
        } finally {
            if (b != null) {
                b.close();
            }
            writeNode.closeAndDelete();
            database.close();
        }
    }

    /** The database both nodes share, apart from either of them. */
    private static EmbeddedPostgres database() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(Engine.newDataDirectory()).setCleanDataDirectory(true).start();
    }

    /** The arguments of the node in this JVM: the cluster's settings, the shared database, then {@code extra}. */
    private static String[] nodeArgs(String url, String... extra) {
        List<String> args = new ArrayList<>(List.of(CLUSTER));
        args.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static String urgent() {
        return Bodies.complaint().replace("restarts 3 times within 5 minutes of power-on",
                "the machine caught fire and a child was injured");
    }

    private static Map<String, Long> owners(JdbcTemplate sql, String processor) {
        return sql.queryForList("select owner, count(*) as segments from token_entry where processor_name = ? "
                        + "and owner is not null group by owner", processor).stream()
                .collect(Collectors.toMap(row -> (String) row.get("owner"), row -> ((Number) row.get("segments")).longValue()));
    }

    private static long breaches(JdbcTemplate sql, String id) {
        return count(sql, "select count(*) from event_json where complaint_id = ? and payload_type like '%.SlaBreached' "
                + "and payload->>'clock' = 'FIRST_RESPONSE'", id);
    }

    private static long count(JdbcTemplate sql, String query, Object... args) {
        Long count = sql.queryForObject(query, Long.class, args);
        return count == null ? 0 : count;
    }
}
