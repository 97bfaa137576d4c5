package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 9: the summary projection keeps a batch's summaries in memory and writes them when the batch commits. */
class SummaryBatchOnPostgresTest {

    private static EmbeddedPostgres database;
    private static JdbcTemplate jdbc;
    private static ComplaintSummaryProjection projection;
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    @BeforeAll
    static void database() throws Exception {
        database = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(database.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database.getPostgresDatabase());
        projection = new ComplaintSummaryProjection(new ComplaintSummaryStore(jdbc), new SummaryChanges());
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
    @DisplayName("outside a unit of work (a plain call) the summary is written at once")
    void withoutUnitOfWorkWritesAtOnce() {
        handle("C-direct", 0, received("C-direct"));
        assertThat(count("C-direct")).isEqualTo(1);
    }

    private static void handle(String id, long sequence, Object event) {
        projection.on(event, new GenericDomainEventMessage<>("Complaint", id, sequence, event));
    }

    private static int count(String id) {
        return jdbc.queryForObject("select count(*) from complaint_summary where complaint_id = ?", Integer.class, id);
    }

    private static ComplaintReceived received(String id) {
        return new ComplaintReceived(ComplaintId.of(id), Channel.HOTLINE, "400 hotline",
                new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), AT, "restarts", "a new unit", null,
                "calm", Set.of(), 1, null);
    }
}
