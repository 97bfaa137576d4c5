package com.complaintengine.server.snapshot;

import com.complaintengine.query.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of long-lived complaints (issue 9, docs/decisions.md "Snapshots for long-lived complaints"): every
 * {@code complaint.snapshots.threshold} events Axon's snapshotter writes the complaint's state to
 * {@code snapshot_event_entry}, on a thread of its own after the command has committed, so a snapshot never delays a
 * command and a failed one is only logged. The state is serialized by {@link SnapshotSerializers}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SnapshotConfiguration.class);

    /** The bean name {@code @Aggregate(snapshotTriggerDefinition = ...)} of the complaint names. */
    static final String COMPLAINT_TRIGGER = "complaintSnapshotTrigger";

    @Bean(COMPLAINT_TRIGGER)
    SnapshotTriggerDefinition complaintSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        if (properties.threshold() == 0) {
            log.info("Snapshots of complaints are off (complaint.snapshots.threshold=0)");
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

    /**
     * The snapshotter's thread: one thread, a bounded queue. A snapshot that finds the queue full is refused with a
     * {@link RejectedExecutionException} and a warning: Axon's snapshotter then forgets that it was in progress (a
     * silently dropped task would leave the complaint marked "in progress" on this node for good), and the exception
     * reaches only the command's after-commit or clean-up phase, whose errors Axon's unit of work logs and suppresses,
     * so the command's answer is unchanged (SnapshotThreadTest). The next threshold tries again. Queued snapshots are
     * dropped at shutdown: the events are all there. Deliberately not an {@code Executor} bean: Spring Boot's
     * application task executor backs off when one exists.
     */
    static final class SnapshotThread implements DisposableBean {

        final ThreadPoolExecutor executor;

        SnapshotThread(int queue) {
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                    DaemonThreads.named("complaint-snapshotter"),
                    (task, pool) -> {
                        log.warn("Snapshot skipped: {} snapshots already wait (complaint.snapshots.queue)",
                                pool.getQueue().size());
                        throw new RejectedExecutionException("the snapshot queue is full");
                    });
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }

    @Bean
    SnapshotThread snapshotThread(SnapshotProperties properties) {
        return new SnapshotThread(properties.queue());
    }

    /** Axon's Spring snapshotter as its auto-configuration builds it, with the executor above instead of the caller. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    SnapshotThread thread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(thread.executor)
                .build();
    }
}
