package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.server.DashboardCounterCheck;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 9: the summary projection keeps a batch's summaries in memory and writes them, one row per complaint, as the batch commits. */
class SummaryBatchOnPostgresTest {

    private static EmbeddedPostgres database;
    private static JdbcTemplate jdbc;
    private static ComplaintSummaryProjection projection;
    private static CountingStore store;
    private static RecentSummaries recent;
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    @BeforeAll
    static void database() throws Exception {
        database = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(database.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database.getPostgresDatabase());
        store = new CountingStore(jdbc);
        recent = new RecentSummaries(1000);
        projection = new ComplaintSummaryProjection(store, new SummaryChanges(), recent);
        // One row per insert statement on complaint_summary, by a statement trigger of the test's own.
        jdbc.execute("create table summary_write_log (at timestamptz default now())");
        jdbc.execute("create function log_summary_write() returns trigger language plpgsql as "
                + "$$ begin insert into summary_write_log default values; return null; end $$");
        jdbc.execute("create trigger summary_write_log after insert on complaint_summary "
                + "for each statement execute function log_summary_write()");
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    @DisplayName("events of one complaint in one batch fold in memory; the row is written at commit with the last version")
    void batchIsWrittenAtCommit() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch"));
        batch.execute(() -> {
            handle("C-batch", 0, received("C-batch"));
            handle("C-batch", 1, new ComplaintAcknowledged(ComplaintId.of("C-batch"), "PHONE", "we are on it", "in 3 days"));
            assertThat(count("C-batch")).as("nothing written before the batch commits").isZero();
        });
        assertThat(jdbc.queryForObject("select version from complaint_summary where complaint_id = ?", Long.class,
                "C-batch")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select status from complaint_summary where complaint_id = ?", String.class,
                "C-batch")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @DisplayName("a batch that rolls back writes nothing; the next batch folds onto the stored row")
    void rolledBackBatchWritesNothing() {
        DefaultUnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch"));
        handle("C-rollback", 0, received("C-rollback"));
        failed.rollback();
        assertThat(count("C-rollback")).isZero();

        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-rollback", 0,
                received("C-rollback")));
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-rollback", 1,
                new ComplaintAcknowledged(ComplaintId.of("C-rollback"), "PHONE", "noted", "soon")));
        assertThat(jdbc.queryForObject("select status from complaint_summary where complaint_id = ?", String.class,
                "C-rollback")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @DisplayName("a batch of 250 complaints, three events each, is written as 250 rows in three statements, the dashboard's counters equal to the rows")
    void largeBatchIsChunkedAndCounted() {
        long statementsBefore = summaryWrites();
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> {
            for (int i = 0; i < 250; i++) {
                String id = "C-many-" + i;
                handle(id, 0, received(id));
                handle(id, 1, new ComplaintAcknowledged(ComplaintId.of(id), "PHONE", "noted", "soon"));
            }
        });
        assertThat(jdbc.queryForObject("select count(*) from complaint_summary where complaint_id like 'C-many-%' "
                + "and version = 1 and status = 'ACKNOWLEDGED'", Integer.class)).isEqualTo(250);
        assertThat(summaryWrites() - statementsBefore).as("insert statements on complaint_summary").isEqualTo(3);
        assertThat(DashboardCounterCheck.kept(jdbc)).isEqualTo(DashboardCounterCheck.recomputed(jdbc));
    }

    @Test
    @DisplayName("a batch never moves a row backwards: an event already in the row (a redelivery) leaves it as it is")
    void redeliveredEventsLeaveTheRow() {
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> {
            handle("C-again", 0, received("C-again"));
            handle("C-again", 1, new ComplaintAcknowledged(ComplaintId.of("C-again"), "PHONE", "noted", "soon"));
        });
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() ->
                handle("C-again", 0, received("C-again")));
        assertThat(jdbc.queryForObject("select version || status from complaint_summary where complaint_id = ?",
                String.class, "C-again")).isEqualTo("1ACKNOWLEDGED");
    }

    @Test
    @DisplayName("a processor batch (Axon's batching unit of work) folds its events onto the stored rows and its own")
    void processorBatchFoldsOntoStoredRows() {
        handle("C-stored-1", 0, received("C-stored-1"));
        handle("C-stored-2", 0, received("C-stored-2"));
        List<DomainEventMessage<?>> events = List.of(
                message("C-stored-1", 1, new ComplaintAcknowledged(ComplaintId.of("C-stored-1"), "PHONE", "noted", "soon")),
                message("C-fresh", 0, received("C-fresh")),
                message("C-stored-2", 1, new ComplaintAcknowledged(ComplaintId.of("C-stored-2"), "PHONE", "noted", "soon")),
                message("C-fresh", 1, new ComplaintAcknowledged(ComplaintId.of("C-fresh"), "PHONE", "noted", "soon")));
        new BatchingUnitOfWork<>(events).execute(() -> {
            DomainEventMessage<?> event = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            projection.on(event.getPayload(), event);
        });
        for (String id : List.of("C-stored-1", "C-stored-2", "C-fresh")) {
            assertThat(jdbc.queryForObject("select version || status from complaint_summary where complaint_id = ?",
                    String.class, id)).as(id).isEqualTo("1ACKNOWLEDGED");
        }
    }

    @Test
    @DisplayName("outside a unit of work (a plain call) the summary is written at once")
    void withoutUnitOfWorkWritesAtOnce() {
        handle("C-direct", 0, received("C-direct"));
        assertThat(count("C-direct")).isEqualTo(1);
    }

    @Test
    @DisplayName("after a batch commits, the complaint's next event folds onto the summary in memory: no row read")
    void committedSummaryIsRememberedForTheNextEvent() {
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-recent", 0,
                received("C-recent")));
        long readsBefore = store.reads;
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-recent", 1,
                new ComplaintAcknowledged(ComplaintId.of("C-recent"), "PHONE", "noted", "soon")));

        assertThat(store.reads - readsBefore).as("rows read for the second batch").isZero();
        assertThat(jdbc.queryForObject("select version || status from complaint_summary where complaint_id = ?",
                String.class, "C-recent")).isEqualTo("1ACKNOWLEDGED");
    }

    @Test
    @DisplayName("a row another node moved on meanwhile is read, not overwritten from this node's older summary")
    void rowWrittenElsewhereIsRead() {
        ComplaintSummaryProjection otherNode = new ComplaintSummaryProjection(new ComplaintSummaryStore(jdbc),
                new SummaryChanges(), new RecentSummaries(1000));
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> {
            handle("C-moved", 0, received("C-moved"));
            handle("C-moved", 1, new ComplaintAcknowledged(ComplaintId.of("C-moved"), "PHONE", "noted", "soon"));
        });
        // The segment moved to the other node for event 2, and back here for event 3.
        HandlerAssigned assigned = new HandlerAssigned(ComplaintId.of("C-moved"), "li.ming", "service", null);
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() ->
                otherNode.on(assigned, message("C-moved", 2, assigned)));
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-moved", 3,
                new ComplaintAcknowledged(ComplaintId.of("C-moved"), "EMAIL", "still on it", "tomorrow")));

        assertThat(jdbc.queryForObject("select version || ' ' || handler from complaint_summary where complaint_id = ?",
                String.class, "C-moved")).isEqualTo("3 li.ming");
    }

    @Test
    @DisplayName("a batch that rolls back is not remembered, and a reset forgets every summary")
    void rollbackAndResetForget() {
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch")).execute(() -> handle("C-forget", 0,
                received("C-forget")));
        DefaultUnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("batch"));
        handle("C-forget", 1, new ComplaintAcknowledged(ComplaintId.of("C-forget"), "PHONE", "noted", "soon"));
        failed.rollback();

        assertThat(recent.before("C-forget", 2)).as("the rolled-back version 1").isNull();
        assertThat(recent.before("C-forget", 1)).as("the committed version 0").isNotNull();

        projection.reset();
        assertThat(recent.size()).isZero();
    }

    private static void handle(String id, long sequence, Object event) {
        projection.on(event, new GenericDomainEventMessage<>("Complaint", id, sequence, event));
    }

    /** Insert statements run on complaint_summary so far (PostgreSQL's own statistics count rows, not statements). */
    private static long summaryWrites() {
        return jdbc.queryForObject("select count(*) from summary_write_log", Long.class);
    }

    private static DomainEventMessage<?> message(String id, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Complaint", id, sequence, event);
    }

    private static int count(String id) {
        return jdbc.queryForObject("select count(*) from complaint_summary where complaint_id = ?", Integer.class, id);
    }

    /** The real store, counting the rows it reads. */
    private static final class CountingStore extends ComplaintSummaryStore {
        private long reads;

        CountingStore(JdbcTemplate jdbc) {
            super(jdbc);
        }

        @Override
        public Optional<ComplaintSummary> find(String id) {
            reads++;
            return super.find(id);
        }
    }

    private static ComplaintReceived received(String id) {
        return new ComplaintReceived(ComplaintId.of(id), Channel.HOTLINE, "400 hotline",
                new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), AT, "restarts", "a new unit", null,
                "calm", Set.of(), 1, null);
    }
}
