package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.query.summary.SummaryBulkFold;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The summary projection's rebuild by folding the store complaint by complaint ({@link SummaryBulkFold}, issue 9),
 * on real PostgreSQL: every row as the projection wrote it, nothing lost of what is taken in while it runs or of a
 * transaction still open at its instant, and a fold that fails hands over to a replay from the beginning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class SummaryRebuildOnPostgresTest {

    private static final int COMPLAINTS = 600;
    private static Engine engine;
    private static Api api;
    private static GeneratedHistory history;

    @BeforeAll
    static void load() {
        engine = Engine.start(Engine.newDataDirectory());
        api = engine.api();
        history = new GeneratedHistory(20261204L, COMPLAINTS);
        history.appendTo(engine.bean(EventStore.class));
        history.awaitProjected(engine.jdbc(), Duration.ofMinutes(3));
        assertThat(history.cases.stream().filter(c -> c.groupId != null)).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        engine.closeAndDelete();
    }

    @Test
    @Order(1)
    @DisplayName("the fold writes every row as the projection wrote it, keeps an open transaction's position as a gap, "
            + "and complaints taken in while it runs are projected")
    void foldEqualsProjection() throws Exception {
        Map<String, String> before = rows();
        long gap = rolledBackPosition();
        Set<String> takenIn = ConcurrentHashMap.newKeySet();
        AtomicBoolean intake = new AtomicBoolean(true);
        Thread agent = new Thread(() -> {
            while (intake.get()) {
                takenIn.add(api.receive());
            }
        });
        agent.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> takenIn.size() >= 3);
            Api.Response started = api.post("/api/admin/projections/complaint-summary/rebuild", "");
            assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
            assertThat(started.json().get("replaying").asBoolean()).isTrue();
            // Replaying no more: the fold is done and the processor goes on from its instant (intake goes on too).
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                    !api.get("/api/admin/projections/complaint-summary").json().get("replaying").asBoolean());
            int duringRebuild = takenIn.size();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> takenIn.size() >= duringRebuild + 3);
        } finally {
            intake.set(false);
            agent.join();
        }
        awaitRebuilt();

        SummaryBulkFold.Progress progress = engine.bean(SummaryBulkFold.class).progress();
        assertThat(progress.folded()).as("the rebuild was a fold of every complaint event stored at its instant")
                .isEqualTo(progress.toFold()).isGreaterThanOrEqualTo(history.versionSum() + COMPLAINTS);
        Map<String, String> after = rows();
        before.forEach((id, row) -> assertThat(after.get(id)).as(id).isEqualTo(row));
        // Every complaint taken in before, during and after the fold, with all three intake events.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engine.jdbc().queryForObject(
                "select count(*) from complaint_summary where version >= 2 and complaint_id = any(?)", Long.class,
                (Object) takenIn.toArray(String[]::new))).isEqualTo(takenIn.size()));
        assertThat(engine.jdbc().queryForObject("select count(*) from complaint_summary", Long.class))
                .isEqualTo(COMPLAINTS + takenIn.size());
        assertThat(DashboardCounterCheck.kept(engine.jdbc())).isEqualTo(DashboardCounterCheck.recomputed(engine.jdbc()));
        // The token the processor went on from kept the position of the rolled-back insert as a gap, as Axon's stream
        // does: an event committing there later would still be handled.
        List<String> tokens = engine.jdbc().queryForList("select token_type || ' ' || convert_from(token, 'UTF8') from token_entry "
                + "where processor_name = 'complaint-summary'", String.class);
        assertThat(tokens).isNotEmpty().allSatisfy(token -> assertThat(token).doesNotContain("ReplayToken")
                .containsPattern("\"gaps\":\\[[0-9,]*\\b" + gap + "\\b"));
    }

    @Test
    @Order(2)
    @DisplayName("a fold that fails leaves its rebuild to a replay of every event, with the same rows")
    void failedFoldFallsBackToReplay(CapturedOutput output) {
        Map<String, String> before = rows();
        JdbcTemplate jdbc = engine.jdbc();
        // The first statement that writes summaries fails, later ones pass (a sequence is not rolled back).
        jdbc.execute("create sequence summary_write_attempt");
        jdbc.execute("""
                create function fail_first_summary_write() returns trigger language plpgsql as $$
                begin
                  if nextval('summary_write_attempt') = 1 then
                    raise exception 'the first summary write of this test fails';
                  end if;
                  return null;
                end $$""");
        jdbc.execute("create trigger fail_first_summary_write before insert on complaint_summary "
                + "for each statement execute function fail_first_summary_write()");
        try {
            Api.Response started = api.post("/api/admin/projections/complaint-summary/rebuild", "");
            assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
            awaitRebuilt();
            Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(rows()).isEqualTo(before));
            assertThat(jdbc.queryForObject("select last_value from summary_write_attempt", Long.class))
                    .as("the fold's write failed once, the replay's passed").isGreaterThan(1);
            // The path, not only the outcome: the fold failed on that write and handed the rebuild to the replay
            // (with complaint.projections.rebuild=replay the same rows would come from the replay alone).
            assertThat(output.getOut()).contains("Rebuild of complaint-summary by folding failed")
                    .contains("the first summary write of this test fails");
            SummaryBulkFold.Progress progress = engine.bean(SummaryBulkFold.class).progress();
            assertThat(progress.toFold()).isPositive();
            assertThat(DashboardCounterCheck.kept(jdbc)).isEqualTo(DashboardCounterCheck.recomputed(jdbc));
        } finally {
            jdbc.execute("drop trigger fail_first_summary_write on complaint_summary");
            jdbc.execute("drop function fail_first_summary_write()");
            jdbc.execute("drop sequence summary_write_attempt");
        }
    }

    private static void awaitRebuilt() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = api.get("/api/admin/projections/complaint-summary").json();
            return !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean();
        });
    }

    /** Every summary row: version, group, the columns lists read and the whole document. */
    private static Map<String, String> rows() {
        Map<String, String> rows = new TreeMap<>();
        engine.jdbc().query("select complaint_id, concat_ws('|', version, status, urgency, sla_state, next_due_at, "
                + "group_id, received_at, updated_at, document::text) from complaint_summary",
                (java.sql.ResultSet rs) -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        return rows;
    }

    /** A position of the event table taken by a transaction that rolled back: a gap forever. */
    private static long rolledBackPosition() {
        JdbcTemplate jdbc = engine.jdbc();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        long[] position = new long[1];
        transaction.executeWithoutResult(status -> {
            position[0] = jdbc.queryForObject("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload)
                    values (gen_random_uuid()::text, 'rolled-back', 0, 'Complaint', '2026-12-04T00:00:00Z', 'none', '')
                    returning global_index""", Long.class);
            status.setRollbackOnly();
        });
        return position[0];
    }
}
