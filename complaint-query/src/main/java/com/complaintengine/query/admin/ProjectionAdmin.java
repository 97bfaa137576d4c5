package com.complaintengine.query.admin;

import com.complaintengine.query.DaemonThreads;
import com.complaintengine.query.library.CaseLibraryProjection;
import com.complaintengine.query.summary.ComplaintSummaryProjection;
import com.complaintengine.query.summary.SummaryBulkFold;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The read models' processors: where each stands against the head of the event store, and their rebuild
 * (stop, reset the tokens, start: the reset handlers empty the tables and the processor replays every event
 * while the server goes on answering, with figures filling up until the replay is caught up).
 *
 * <p>The summary projection is rebuilt, by default ({@code complaint.projections.rebuild=fold}), by
 * {@link SummaryBulkFold} instead of a replay: after the reset the processor stays stopped on this node while the
 * fold writes every complaint's summary once, then its segments' tokens are set to the instant the fold read and it
 * starts from there. Should the fold fail or the node stop, the tokens are still the reset's: the processor (here
 * after a failure, or on any node later) replays from the beginning as with {@code complaint.projections.rebuild=replay}.
 */
@Service
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    /** The projections that may be rebuilt; publishers to other services are not projections and never replay. */
    public static final List<String> PROJECTIONS = List.of(ComplaintSummaryProjection.PROCESSING_GROUP,
            CaseLibraryProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final SummaryBulkFold fold;
    private final TransactionManager transactions;
    private final boolean foldSummaries;
    private final ExecutorService folding = Executors.newSingleThreadExecutor(DaemonThreads.named("summary-rebuild"));
    private volatile Future<?> runningFold;
    private volatile boolean closing;

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, SummaryBulkFold fold,
                           TransactionManager transactions, ObjectProvider<MeterRegistry> meters,
                           @Value("${complaint.projections.rebuild:fold}") String rebuild) {
        if (!rebuild.equals("fold") && !rebuild.equals("replay")) {
            throw new IllegalArgumentException("complaint.projections.rebuild must be fold or replay, was " + rebuild);
        }
        this.processing = processing;
        this.jdbc = jdbc;
        this.fold = fold;
        this.transactions = transactions;
        this.foldSummaries = rebuild.equals("fold");
        meters.ifAvailable(this::registerMetrics);
    }

    /**
     * Where one projection stands on this node; {@code position} is the lowest segment's, {@code lag} events behind the
     * head. {@code processorsHere} is false on a write node ({@code complaint.cluster.processors=false}: its processors
     * may claim no segment), whose share is always empty: the projection's state is read on a node that runs them.
     */
    public record Status(String name, boolean running, boolean replaying, boolean caughtUp, int segments,
                         Long position, long head, Long lag, Double replayProgress, String error,
                         boolean processorsHere) {
    }

    public List<Status> statuses() {
        long head = head();
        return PROJECTIONS.stream().map(name -> status(name, head)).toList();
    }

    public Status status(String name) {
        return status(name, head());
    }

    /** Starts a rebuild; refused when the projection is already replaying or another node holds its segments. */
    public synchronized Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processesHere(processor)) {
            // After its reset the projection would wait for a node that runs the processors, and this node's status
            // (no segments) could never show the rebuild's end.
            throw new RebuildRefused("this node runs no event processors (complaint.cluster.processors=false, a write"
                    + " node): send the rebuild to a node that runs them (docs/scaling.md)");
        }
        Status current = status(name);
        if (current.replaying()) {
            throw new RebuildRefused("the projection " + name + " is already being rebuilt");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            processor.start();
            throw new RebuildRefused("the projection " + name + " could not be reset (" + e.getClass().getSimpleName()
                    + "): another node may still be processing it; stop its processors first (docs/scaling.md)");
        }
        if (foldSummaries && name.equals(ComplaintSummaryProjection.PROCESSING_GROUP)) {
            runningFold = folding.submit(() -> foldThenStart(processor));
        } else {
            processor.start();
        }
        return status(name);
    }

    /**
     * The summary projection's rebuild by {@link SummaryBulkFold}, on its own thread, with the processor stopped on this
     * node; the processor starts after it whatever happened, unless the server is stopping.
     */
    private void foldThenStart(StreamingEventProcessor processor) {
        long started = System.nanoTime();
        try {
            TrackingToken folded = fold.run();
            int moved = folded == null ? 0 : moveOnTo(processor.getName(), folded);
            log.info("Rebuilt {} by folding {} events complaint by complaint in {} ms; {} segments go on from {}",
                    processor.getName(), fold.progress().folded(), (System.nanoTime() - started) / 1_000_000, moved,
                    folded);
        } catch (SummaryBulkFold.CancelledFold cancelled) {
            log.info("Rebuild of {} stopped with the server; it replays from the beginning at the next start",
                    processor.getName());
            return;
        } catch (Exception | LinkageError e) {
            if (closing) {
                return;
            }
            log.warn("Rebuild of {} by folding failed ({}); the processor replays every event instead",
                    processor.getName(), e.toString(), e);
        }
        if (!closing) {
            processor.start();
        }
    }

    /**
     * Sets each segment still at the reset's replay (not yet past the fold's instant) to the fold's token; a segment
     * another node has claimed meanwhile goes on replaying there (its writes keep the later version of each row).
     */
    private int moveOnTo(String processorName, TrackingToken folded) {
        TokenStore tokens = processing.tokenStore(processorName);
        int moved = 0;
        for (int segment : transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName))) {
            try {
                boolean changed = transactions.fetchInTransaction(() -> {
                    TrackingToken stored = tokens.fetchToken(processorName, segment);
                    boolean behind = stored == null || !stored.covers(folded);
                    if (behind) {
                        tokens.storeToken(folded, processorName, segment);
                    }
                    tokens.releaseClaim(processorName, segment);
                    return behind;
                });
                moved += changed ? 1 : 0;
            } catch (UnableToClaimTokenException claimedElsewhere) {
                log.info("Segment {} of {} is claimed by another node: it replays there", segment, processorName);
            }
        }
        return moved;
    }

    @PreDestroy
    void stopFolding() throws InterruptedException {
        closing = true;
        folding.shutdownNow();
        folding.awaitTermination(10, TimeUnit.SECONDS);
    }

    private boolean folding() {
        Future<?> running = runningFold;
        return running != null && !running.isDone();
    }

    private Status status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = ProcessorLag.lowestPosition(processor);
        Long resetAt = segments.stream().map(EventTrackerStatus::getResetPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).max(Long::compare).orElse(null);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = replaying(processor, caughtUp, position, resetAt);
        boolean folding = name.equals(ComplaintSummaryProjection.PROCESSING_GROUP) && folding();
        replaying = replaying || folding;
        Double progress = folding ? fold.progress().fraction()
                : replaying && resetAt != null && position != null && resetAt > 0
                ? Math.min(1.0, Math.round(Math.max(0, position) * 10000.0 / resetAt) / 10000.0) : null;
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName()).findFirst()
                .orElse(null);
        return new Status(name, processor.isRunning(), replaying, caughtUp, segments.size(),
                position, head, ProcessorLag.lag(position, head), progress, error,
                processesHere(processor));
    }

    /** A write node's processors are built to claim no segment (Axon's {@code maxClaimedSegments(0)}). */
    private static boolean processesHere(StreamingEventProcessor processor) {
        return processor.maxCapacity() > 0;
    }

    private StreamingEventProcessor processor(String name) {
        if (!PROJECTIONS.contains(name)) {
            throw new UnknownProjection(name);
        }
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjection(name));
    }

    /**
     * A rebuild is under way until the processor has processed every event that was stored when it was reset.
     * (Axon itself keeps the replay flag until an event beyond that point arrives, which on a quiet system may be
     * much later; that is not what an administrator waiting for the rebuild wants to know.)
     */
    private boolean replaying(StreamingEventProcessor processor, boolean caughtUp, Long position, Long resetAt) {
        if (!processor.isReplaying() && !replayTokenStored(processor.getName())) {
            return false;
        }
        return !(caughtUp && position != null && resetAt != null && position >= resetAt);
    }

    /**
     * Whether the stored tokens are still replay tokens: right after a reset no worker may have claimed a segment
     * yet, so the processor alone would not tell that a replay is pending.
     */
    private boolean replayTokenStored(String processorName) {
        Long replayTokens = jdbc.queryForObject("select count(*) from token_entry where processor_name = ? "
                + "and token_type like '%ReplayToken'", Long.class, processorName);
        return replayTokens != null && replayTokens > 0;
    }

    long head() {
        return ProcessorLag.head(jdbc);
    }

    private void registerMetrics(MeterRegistry registry) {
        for (String name : PROJECTIONS) {
            Gauge.builder("complaint.projection.lag", () -> {
                Long lag = status(name).lag();
                return lag == null ? Double.NaN : lag;
            }).tag("projection", name).description("events between the event store's head and the projection")
                    .baseUnit("events").register(registry);
            Gauge.builder("complaint.projection.replaying", () -> processor(name).isReplaying()
                            || name.equals(ComplaintSummaryProjection.PROCESSING_GROUP) && folding() ? 1 : 0)
                    .tag("projection", name).description("1 while the projection is being rebuilt")
                    .register(registry);
        }
    }

    /** The name is not one of {@link #PROJECTIONS}. */
    public static class UnknownProjection extends RuntimeException {
        UnknownProjection(String name) {
            super("no projection named " + name + "; projections: " + String.join(", ", PROJECTIONS));
        }
    }

    /** A rebuild that cannot start now. */
    public static class RebuildRefused extends RuntimeException {
        RebuildRefused(String message) {
            super(message);
        }
    }

    Map<String, Object> describe() {
        return Map.of("projections", statuses());
    }
}
