package com.complaintengine.server.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadline manager of the SLA clocks (docs/decisions.md, "Deadline rows named by complaint and clock"): Axon's
 * db-scheduler manager as its auto-configuration builds it, with {@link ScopeKeyedDeadlineManager}'s row names. The
 * scheduler itself (polling, picking, firing once across nodes) is db-scheduler's Spring Boot starter's.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

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
}
