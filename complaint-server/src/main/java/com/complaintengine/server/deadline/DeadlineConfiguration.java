package com.complaintengine.server.deadline;

import com.complaintengine.query.DaemonThreads;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline manager of the SLA clocks (docs/decisions.md, "Deadline rows named by complaint and clock"): Axon's
 * db-scheduler manager as its auto-configuration builds it, with {@link ScopeKeyedDeadlineManager}'s row names. The
 * scheduler itself (polling, picking, firing once across nodes) is db-scheduler's Spring Boot starter's.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);
    private static final int RENAME_BATCH = 500;

    @Bean
    ScopeKeyedDeadlineManager deadlineManager(Scheduler scheduler, Configuration axon,
                                              @Qualifier("eventSerializer") Serializer serializer,
                                              TransactionManager transactionManager,
                                              DeadlineManagerSpanFactory spanFactory,
                                              ObjectProvider<DbSchedulerCustomizer> customizer, JdbcTemplate jdbc) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // The starter starts and stops the scheduler.
                .startScheduler(false)
                .stopScheduler(false);
        // The task data serializer the starter builds the scheduler with, so the scheduler reads what is written here.
        com.github.kagkarlsson.scheduler.serializer.Serializer taskData = customizer.stream()
                .flatMap(c -> c.serializer().stream()).findFirst()
                .orElse(DbSchedulerConfigurationSupport.SPRING_JAVA_SERIALIZER);
        return new ScopeKeyedDeadlineManager(builder, serializer, spanFactory, taskData, jdbc);
    }

    /**
     * Whether the SLA deadlines fire on time (issue 9: a surge's clocks run out together, hours later):
     * {@code complaint.deadlines.due} — deadline rows whose time has come and that have not fired yet (being fired
     * included), and {@code complaint.deadlines.lateness} — seconds since the oldest of them came due (0 when none).
     * Read from {@code scheduled_tasks}, so every node shows the same figures.
     */
    @Bean
    MeterBinder deadlineLateness(JdbcTemplate jdbc) {
        String due = "select count(*) from scheduled_tasks where task_name = ? and execution_time <= now()";
        String lateness = "select coalesce(extract(epoch from now() - min(execution_time)), 0) from scheduled_tasks"
                + " where task_name = ? and execution_time <= now()";
        return registry -> {
            Gauge.builder("complaint.deadlines.due", () -> jdbc.queryForObject(due, Long.class,
                            ScopeKeyedDeadlineManager.TASK_NAME))
                    .description("SLA deadlines whose time has come and that have not fired yet")
                    .baseUnit("deadlines").register(registry);
            Gauge.builder("complaint.deadlines.lateness", () -> jdbc.queryForObject(lateness, Double.class,
                            ScopeKeyedDeadlineManager.TASK_NAME))
                    .description("seconds since the oldest SLA deadline not yet fired came due")
                    .baseUnit("seconds").register(registry);
        };
    }

    /**
     * Once started, the rows an earlier version named by a bare uuid get their keyed names, on a thread of its own so
     * that start-up does not wait for it (with nothing to rename: one look-up in an empty partial index, V11).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> earlierDeadlineRowsRenamed(ScopeKeyedDeadlineManager deadlines,
                                                                          PlatformTransactionManager transactions) {
        return ready -> DaemonThreads.named("deadline-rows-rename").newThread(() -> {
            try {
                int renamed = deadlines.renameEarlierRows(new TransactionTemplate(transactions), RENAME_BATCH);
                if (renamed > 0) {
                    log.info("{} deadline rows of the earlier naming renamed by complaint and clock", renamed);
                }
            } catch (RuntimeException e) {
                log.warn("Renaming the deadline rows of the earlier naming stopped; they fire as before, but a cancel"
                        + " does not find them (their clocks then ignore them)", e);
            }
        }).start();
    }
}
