package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintengine.api.values.SlaClock;
import com.complaintengine.command.sla.SlaDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9: the SLA deadline rows are named by complaint and clock (ScopeKeyedDeadlineManager), so a cancel touches
 * only the complaint's own rows and a schedule writes its row without looking first. What a statement read or wrote is
 * PostgreSQL's own count for the transaction ({@code pg_stat_xact_user_tables}), the manager called inside it.
 */
class DeadlineRowsOnPostgresTest {

    private static final String FIRST_RESPONSE_AT_RISK = SlaDeadline.atRiskName(SlaClock.FIRST_RESPONSE);

    private static ScopeDescriptor complaint(String id) {
        return new AggregateScopeDescriptor("Complaint", id);
    }

    private static final List<String> COUNTS =
            List.of("seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch", "n_tup_ins", "n_tup_del");

    /**
     * Rows read, inserted and deleted in {@code scheduled_tasks}, and its index and sequential scans, by {@code work}:
     * the view also holds the connection's earlier counts not yet reported, so the counts before are subtracted.
     */
    private static Map<String, Long> countedInOneTransaction(Engine engine, Runnable work) {
        JdbcTemplate jdbc = engine.jdbc();
        String counts = "select " + String.join(", ", COUNTS.stream().map(c -> "coalesce(" + c + ", 0) " + c).toList())
                + " from pg_stat_xact_user_tables where relname = 'scheduled_tasks'";
        return new TransactionTemplate(engine.bean(PlatformTransactionManager.class)).execute(status -> {
            Map<String, Object> before = jdbc.queryForMap(counts);
            work.run();
            Map<String, Object> after = jdbc.queryForMap(counts);
            Map<String, Long> done = new HashMap<>();
            COUNTS.forEach(c -> done.put(c, (Long) after.get(c) - (Long) before.get(c)));
            return done;
        });
    }

    /** A clock's due deadline an hour from now, as the aggregate schedules it; the id the manager returned. */
    private static String scheduleDueInAnHour(DeadlineManager deadlines, SlaClock clock, String complaintId) {
        Instant dueAt = Instant.now().plusSeconds(3_600);
        return deadlines.schedule(dueAt, SlaDeadline.dueName(clock), new SlaDeadline(clock, SlaDeadline.Kind.DUE, dueAt),
                complaint(complaintId));
    }

    private static long waiting(Engine engine, String id, String deadlineName) {
        return engine.jdbc().queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'"
                + " and task_instance like ?", Long.class, "Complaint:" + id + "|" + deadlineName + "|%");
    }

    @Test
    @DisplayName("cancelling one complaint's clock deletes its own row and reads no other complaint's deadline")
    void cancelReadsOnlyTheComplaintsOwnRows() {
        Engine engine = Engine.shared();
        Api api = engine.api();
        for (int i = 0; i < 60; i++) {
            api.receive();
        }
        String id = api.receive();
        DeadlineManager deadlines = engine.bean(DeadlineManager.class);
        engine.jdbc().execute("analyze scheduled_tasks");
        long waitingInAll = engine.jdbc().queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'AxonDeadline'", Long.class);
        assertThat(waitingInAll).isGreaterThan(100);
        assertThat(waiting(engine, id, FIRST_RESPONSE_AT_RISK)).isEqualTo(1);

        Map<String, Long> counts = countedInOneTransaction(engine,
                () -> deadlines.cancelAllWithinScope(FIRST_RESPONSE_AT_RISK, complaint(id)));

        assertThat(counts.get("n_tup_del")).isEqualTo(1L);
        assertThat(counts.get("seq_tup_read")).isEqualTo(0L);
        assertThat(counts.get("idx_tup_fetch")).isLessThanOrEqualTo(1L);
        assertThat(waiting(engine, id, FIRST_RESPONSE_AT_RISK)).isZero();
        assertThat(engine.jdbc().queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'",
                Long.class)).isEqualTo(waitingInAll - 1);
    }

    @Test
    @DisplayName("a deadline is written with one insert, no look-up of the table first")
    void scheduleInsertsWithoutALookUp() {
        Engine engine = Engine.shared();
        String id = engine.api().receive();
        DeadlineManager deadlines = engine.bean(DeadlineManager.class);

        Map<String, Long> counts = countedInOneTransaction(engine,
                () -> scheduleDueInAnHour(deadlines, SlaClock.FIRST_RESPONSE, id));

        assertThat(counts.get("n_tup_ins")).isEqualTo(1L);
        assertThat(counts.get("seq_scan")).isEqualTo(0L);
        assertThat(counts.get("idx_scan")).isEqualTo(0L);
        assertThat(waiting(engine, id, SlaDeadline.dueName(SlaClock.FIRST_RESPONSE))).isEqualTo(1);
    }

    @Test
    @DisplayName("a deadline row is kept in three indexes: the primary key, whose names compare byte by byte, the pick's and the heartbeat's")
    void aRowIsKeptInThePrimaryKeyThePicksAndTheHeartbeatsIndexes() {
        Engine engine = Engine.shared();

        // V12: the cancel's range of names is served by the primary key; no second index on the names, none unread.
        assertThat(engine.jdbc().queryForObject("select c.collname from pg_attribute a join pg_collation c"
                + " on c.oid = a.attcollation where a.attrelid = 'scheduled_tasks'::regclass"
                + " and a.attname = 'task_instance'", String.class)).isEqualTo("C");
        assertThat(engine.jdbc().queryForList("select indexname from pg_indexes where tablename = 'scheduled_tasks'",
                String.class)).containsExactlyInAnyOrder("scheduled_tasks_pkey", "scheduled_tasks_execution_time",
                "scheduled_tasks_last_heartbeat", "scheduled_tasks_unkeyed");
        // The partial index holds only names of the earlier kind (no "|"): a row written now is not in it.
        assertThat(engine.jdbc().queryForObject("select pg_get_expr(indpred, indrelid) from pg_index"
                + " where indexrelid = 'scheduled_tasks_unkeyed'::regclass", String.class))
                .isEqualTo("(strpos(task_instance, '|'::text) = 0)");
    }

    @Test
    @DisplayName("a deadline is cancelled by the id its schedule returned")
    void cancelScheduleByTheReturnedId() {
        Engine engine = Engine.shared();
        String id = engine.api().receive();
        DeadlineManager deadlines = engine.bean(DeadlineManager.class);
        String name = SlaDeadline.dueName(SlaClock.RESOLUTION);
        String scheduleId = scheduleDueInAnHour(deadlines, SlaClock.RESOLUTION, id);
        String another = scheduleDueInAnHour(deadlines, SlaClock.RESOLUTION, id);
        assertThat(waiting(engine, id, name)).isEqualTo(2);

        deadlines.cancelSchedule(name, scheduleId);

        String prefix = "Complaint:" + id + "|" + name + "|";
        assertThat(engine.jdbc().queryForList("select task_instance from scheduled_tasks where task_instance like ?",
                String.class, prefix + "%")).containsExactly(prefix + another);
    }

    @Test
    @DisplayName("a unit of work's deadlines are written at its commit, in the order of its schedules and cancels")
    void schedulesOfOneUnitOfWorkAreWrittenAtCommitInOrderWithCancels() {
        Engine engine = Engine.shared();
        // A complaint of no intake: no row of its own but the ones scheduled here (their deadline is an hour away).
        String id = "batch-" + UUID.randomUUID();
        DeadlineManager deadlines = engine.bean(DeadlineManager.class);
        String firstResponse = SlaDeadline.dueName(SlaClock.FIRST_RESPONSE);
        String resolution = SlaDeadline.dueName(SlaClock.RESOLUTION);
        String[] kept = new String[2];

        new TransactionTemplate(engine.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            scheduleDueInAnHour(deadlines, SlaClock.FIRST_RESPONSE, id);
            kept[0] = scheduleDueInAnHour(deadlines, SlaClock.RESOLUTION, id);
            deadlines.cancelAllWithinScope(firstResponse, complaint(id));
            kept[1] = scheduleDueInAnHour(deadlines, SlaClock.FIRST_RESPONSE, id);
            assertThat(waiting(engine, id, firstResponse) + waiting(engine, id, resolution)).isZero();
            unitOfWork.commit();
        });

        // The row scheduled after the cancel survives it; the one before it does not.
        String prefix = "Complaint:" + id + "|";
        assertThat(engine.jdbc().queryForList("select task_instance from scheduled_tasks where task_instance like ?"
                + " order by task_instance", String.class, prefix + "%")).containsExactlyInAnyOrder(
                prefix + firstResponse + "|" + kept[1], prefix + resolution + "|" + kept[0]);
    }

    @Test
    @DisplayName("Axon's cancel of a name in every scope, between two schedules of one unit of work, removes only the earlier row")
    void cancelAllBetweenTwoSchedulesOfOneUnitOfWorkKeepsTheLaterRow() {
        Engine engine = Engine.shared();
        String id = "cancel-all-" + UUID.randomUUID();
        // A name of its own, so that cancelling it in every scope touches no other test's rows.
        String name = "test-deadline-" + UUID.randomUUID();
        DeadlineManager deadlines = engine.bean(DeadlineManager.class);
        String[] later = new String[1];

        new TransactionTemplate(engine.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            deadlines.schedule(Instant.now().plusSeconds(3_600), name, "earlier", complaint(id));
            deadlines.cancelAll(name);
            later[0] = deadlines.schedule(Instant.now().plusSeconds(3_600), name, "later", complaint(id));
            unitOfWork.commit();
        });

        String prefix = "Complaint:" + id + "|" + name + "|";
        assertThat(engine.jdbc().queryForList("select task_instance from scheduled_tasks where task_instance like ?",
                String.class, prefix + "%")).containsExactly(prefix + later[0]);
    }

    @Test
    @DisplayName("rows named before issue 9 are renamed after start (an unreadable one skipped) and then cancelled; a row being fired is left to finish, the command answered")
    void earlierRowsAreRenamedAndAFiringRowIsLeft() {
        Engine engine = Engine.start(Engine.newDataDirectory());
        try {
            Api api = engine.api();
            String earlier = api.receive();
            String firing = api.receive();
            String untouched = api.receive();
            for (String id : List.of(earlier, firing)) {
                assertThat(api.post("/api/complaints/" + id + "/classification", Bodies.classification()).status())
                        .isEqualTo(204);
            }
            // What a node before issue 9 wrote: the same rows under bare uuids.
            assertThat(waiting(engine, earlier, FIRST_RESPONSE_AT_RISK)).isEqualTo(1);
            List<String> uuids = engine.jdbc().queryForList("update scheduled_tasks set task_instance = gen_random_uuid()::text"
                    + " where task_instance like ? returning task_instance", String.class, "Complaint:" + earlier + "|%");
            assertThat(uuids).hasSizeGreaterThan(1);
            // And one whose data this version cannot read, named to come first: it must not stop the renaming.
            String unreadable = "00000000-0000-0000-0000-000000000000";
            engine.jdbc().update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                    + " picked, version) values ('AxonDeadline', ?, '\\x00'::bytea, now() + interval '30 days', false, 1)",
                    unreadable);
            String bareRows = "select task_instance from scheduled_tasks where task_name = 'AxonDeadline'"
                    + " and strpos(task_instance, '|') = 0";
            assertThat(engine.jdbc().queryForList(bareRows, String.class)).hasSize(uuids.size() + 1);
            // A row db-scheduler has picked and is firing right now.
            assertThat(engine.jdbc().update("update scheduled_tasks set picked = true, picked_by = 'another node',"
                    + " last_heartbeat = now() where task_instance like ?",
                    "Complaint:" + firing + "|" + FIRST_RESPONSE_AT_RISK + "|%")).isEqualTo(1);
            String rowsOfUntouched = "select count(*) from scheduled_tasks where task_instance like 'Complaint:"
                    + untouched + "|%'";
            long untouchedBefore = engine.jdbc().queryForObject(rowsOfUntouched, Long.class);

            // The new version starts on the rows the earlier one left, and renames them, keeping their uuids.
            engine.restart();
            api = engine.api();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(engine.jdbc().queryForList(bareRows, String.class)).containsExactly(unreadable));
            for (String uuid : uuids) {
                assertThat(engine.jdbc().queryForObject("select count(*) from scheduled_tasks where task_instance like ?",
                        Long.class, "Complaint:" + earlier + "|%|" + uuid)).isEqualTo(1);
            }

            // Acknowledging meets the first-response clock, which cancels both of its deadline names.
            assertThat(api.post("/api/complaints/" + earlier + "/acknowledgement", Bodies.acknowledgement()).status())
                    .isEqualTo(204);
            assertThat(waiting(engine, earlier, FIRST_RESPONSE_AT_RISK)).isZero();
            assertThat(api.post("/api/complaints/" + firing + "/acknowledgement", Bodies.acknowledgement()).status())
                    .isEqualTo(204);
            assertThat(waiting(engine, firing, FIRST_RESPONSE_AT_RISK)).isEqualTo(1);
            assertThat(engine.jdbc().queryForObject(rowsOfUntouched, Long.class)).isEqualTo(untouchedBefore);
        } finally {
            engine.closeAndDelete();
        }
    }
}
