package com.complaintengine.query.summary;

import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.query.DaemonThreads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The summary projection's rebuild in one pass over the event store, complaint by complaint (issue 9): every
 * complaint event up to the store's head is read in the complaint's own order ({@code aggregate_identifier,
 * sequence_number}, the store's unique index), folded by the same {@link SummaryFold} the projection uses, and each
 * complaint's summary is written once, by multi-row statements, on {@value #WRITERS} other threads while the next
 * ones are folded.
 * The processor replaying the store in global order wrote a complaint's row once per batch holding one of its events
 * (its events lie far apart in the store) and read it back or kept it in memory in between.
 *
 * <p>All reading happens in one {@code repeatable read} transaction, so the fold sees one instant of the store, and
 * {@link #run} returns the tracking token of that instant: its head, with the positions below it that the instant did
 * not show (transactions still open then, or rolled back) as the token's gaps, the way Axon's own stream would have
 * left them. The processor goes on from that token; an event that commits later in one of those gaps is still
 * handled. The links of complaints to group cases ({@link GroupIssueOpened}) are written first, so each summary's
 * upsert finds its group as the projection's does.
 */
@Component
public class SummaryBulkFold {

    /** Axon's JDBC storage engine's default: positions further back than this are not kept as gaps of a token. */
    static final int MAX_GAP_OFFSET = 10_000;
    private static final String COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";
    /** Rows fetched per round trip from the store's cursor, and events deserialized per unit of work. */
    private static final int FETCH_SIZE = 1_000;
    /**
     * Threads writing chunks of summaries, each over its own connection: PostgreSQL's work per row (nine indexes, one of
     * them the facts' trigram index, and the dashboard's triggers) is the larger part of a rebuild, and one writer kept
     * it on one core.
     */
    static final int WRITERS = 2;
    /** Chunks of summaries written or waiting at most; more and the fold waits for the writers. */
    private static final int CHUNKS_IN_FLIGHT = 2 * WRITERS;

    private final DataSource dataSource;
    private final ComplaintSummaryStore store;
    private final SummaryChanges changes;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final PersonalDataReadAhead readAhead;
    private final int chunkSize;
    private final AtomicLong folded = new AtomicLong();
    private final AtomicLong toFold = new AtomicLong();

    public SummaryBulkFold(DataSource dataSource, ComplaintSummaryStore store, SummaryChanges changes,
                           ObjectProvider<org.axonframework.config.Configuration> axon,
                           ObjectProvider<PersonalDataReadAhead> readAhead,
                           @Value("${complaint.projections.rebuild-chunk:1000}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("complaint.projections.rebuild-chunk must be at least 1, was " + chunkSize);
        }
        this.dataSource = dataSource;
        this.store = store;
        this.changes = changes;
        this.axon = axon;
        this.readAhead = readAhead.getIfAvailable(() -> subjects -> { });
        this.chunkSize = chunkSize;
    }

    /** How far the running (or last) fold got: events folded, and complaint events it has to fold (0 before). */
    public Progress progress() {
        return new Progress(folded.get(), toFold.get());
    }

    public record Progress(long folded, long toFold) {
        public Double fraction() {
            return toFold == 0 ? null : Math.min(1.0, Math.round(folded * 10000.0 / toFold) / 10000.0);
        }
    }

    /**
     * Folds every complaint event of the store into {@code complaint_summary} (which the caller has emptied) and
     * returns the token the projection's processor goes on from; null for an empty store (the processor starts at
     * its beginning). Stops with {@link CancelledFold} when the thread is interrupted; a failure leaves the rows
     * written so far, which a replay from the beginning overwrites (the store's upsert keeps the later version).
     */
    public TrackingToken run() throws SQLException {
        folded.set(0);
        toFold.set(0);
        org.axonframework.config.Configuration configuration = axon.getObject();
        Serializer serializer = configuration.eventSerializer();
        EventUpcaster upcasters = configuration.upcasterChain();
        ExecutorService writer = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("summary-rebuild-writer"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long head = single(connection, "select coalesce(max(global_index), 0) from domain_event_entry");
                if (head == 0) {
                    connection.commit();
                    return null;
                }
                List<Long> gaps = gaps(connection, head);
                toFold.set(single(connection, "select count(*) from domain_event_entry where type = '"
                        + ComplaintSummaryProjection.COMPLAINT + "' and global_index <= ?", head));
                writeLinks(connection, head, serializer, upcasters);
                fold(connection, head, serializer, upcasters, writer);
                connection.commit();
                return GapAwareTrackingToken.newInstance(head, gaps);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } finally {
            writer.shutdownNow();
        }
    }

    private static long single(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The positions up to {@value #MAX_GAP_OFFSET} below the head that this instant of the store does not show. */
    static List<Long> gaps(Connection connection, long head) throws SQLException {
        long from = Math.max(1, head - MAX_GAP_OFFSET);
        List<Long> gaps = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select global_index from domain_event_entry where global_index >= ? and global_index <= ? order by 1")) {
            statement.setLong(1, from);
            statement.setLong(2, head);
            try (ResultSet rows = statement.executeQuery()) {
                long expected = from;
                while (rows.next()) {
                    long index = rows.getLong(1);
                    for (long missing = expected; missing < index; missing++) {
                        gaps.add(missing);
                    }
                    expected = index + 1;
                }
            }
        }
        return gaps;
    }

    /** The group links up to the head, the last one of each complaint, before any summary is written. */
    private void writeLinks(Connection connection, long head, Serializer serializer, EventUpcaster upcasters)
            throws SQLException {
        String type = serializer.typeForClass(GroupIssueOpened.class).getName();
        Map<String, String> links = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                + " from domain_event_entry where payload_type = ? and global_index <= ? order by global_index")) {
            statement.setString(1, type);
            statement.setLong(2, head);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                inBatches(rows, serializer, upcasters, event -> {
                    if (event.getPayload() instanceof GroupIssueOpened opened
                            && ComplaintSummaryProjection.linkedComplaint(opened) != null) {
                        links.put(opened.complaintId(), opened.groupId().value());
                    }
                });
            }
        }
        store.saveLinks(links);
    }

    private void fold(Connection connection, long head, Serializer serializer, EventUpcaster upcasters,
                      ExecutorService writer) throws SQLException {
        Deque<Future<?>> writing = new ArrayDeque<>();
        try (PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                + " from domain_event_entry where type = ? and global_index <= ?"
                + " order by aggregate_identifier, sequence_number")) {
            statement.setString(1, ComplaintSummaryProjection.COMPLAINT);
            statement.setLong(2, head);
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                Folding folding = new Folding(chunk -> {
                    awaitRoom(writing);
                    writing.add(writer.submit(() -> {
                        store.saveAll(chunk);
                        changes.changed();
                    }));
                });
                inBatches(rows, serializer, upcasters, folding);
                folding.finish();
            }
        }
        while (!writing.isEmpty()) {
            await(writing.poll());
        }
    }

    /** Folds consecutive events of one complaint, handing on each complaint's summary when its events end. */
    private final class Folding implements Consumer<DomainEventMessage<?>> {
        private final Consumer<List<ComplaintSummary>> write;
        private List<ComplaintSummary> chunk = new ArrayList<>();
        private String complaint;
        private ComplaintSummary summary;

        Folding(Consumer<List<ComplaintSummary>> write) {
            this.write = write;
        }

        @Override
        public void accept(DomainEventMessage<?> message) {
            if (!message.getAggregateIdentifier().equals(complaint)) {
                done();
                complaint = message.getAggregateIdentifier();
            }
            ComplaintSummary next = SummaryFold.moved(summary, message.getPayload(), message.getSequenceNumber(),
                    ComplaintSummaryProjection.occurredAt(message));
            if (next != null) {
                summary = next;
            }
            folded.incrementAndGet();
        }

        private void done() {
            if (summary != null) {
                chunk.add(summary);
                summary = null;
                if (chunk.size() >= chunkSize) {
                    write.accept(chunk);
                    chunk = new ArrayList<>();
                }
            }
        }

        void finish() {
            done();
            if (!chunk.isEmpty()) {
                write.accept(chunk);
            }
        }
    }

    /**
     * Hands each event of the cursor to {@code consumer}, {@value #FETCH_SIZE} at a time in a unit of work where the
     * personal-data keys of their complaints are read ahead in one statement (the event serializer remembers keys for a
     * unit of work, docs/decisions.md); stops when the thread is interrupted.
     */
    private void inBatches(ResultSet rows, Serializer serializer, EventUpcaster upcasters,
                           Consumer<DomainEventMessage<?>> consumer) throws SQLException {
        List<DomainEventData<?>> batch = new ArrayList<>(FETCH_SIZE);
        Set<String> subjects = new LinkedHashSet<>();
        boolean more = true;
        while (more) {
            more = rows.next();
            if (more) {
                String aggregate = rows.getString(1);
                subjects.add(aggregate);
                batch.add(new GenericDomainEventEntry<>(rows.getString(3), aggregate, rows.getLong(2), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9)));
            }
            if (batch.size() == FETCH_SIZE || !more && !batch.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledFold();
                }
                inUnitOfWork(batch, subjects, serializer, upcasters, consumer);
                batch.clear();
                subjects.clear();
            }
        }
    }

    private void inUnitOfWork(List<DomainEventData<?>> batch, Set<String> subjects, Serializer serializer,
                              EventUpcaster upcasters, Consumer<DomainEventMessage<?>> consumer) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            readAhead.prepare(subjects);
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(batch.stream(), serializer,
                    upcasters);
            while (events.hasNext()) {
                consumer.accept(events.next());
            }
            unit.commit();
        } catch (RuntimeException e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            throw e;
        }
    }

    private static void awaitRoom(Deque<Future<?>> writing) {
        while (writing.size() >= CHUNKS_IN_FLIGHT) {
            await(writing.poll());
        }
        // A chunk that already failed stops the fold now rather than at the end.
        for (Future<?> chunk : writing) {
            if (chunk.isDone()) {
                await(chunk);
            }
        }
    }

    private static void await(Future<?> chunk) {
        try {
            chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledFold();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("writing summaries failed", e.getCause());
        }
    }

    /** The rebuild was stopped (the server is shutting down). */
    public static final class CancelledFold extends RuntimeException {
        CancelledFold() {
            super("the rebuild was stopped");
        }
    }
}
