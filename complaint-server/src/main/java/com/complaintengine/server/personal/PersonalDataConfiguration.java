package com.complaintengine.server.personal;

import com.complaintengine.query.summary.ComplaintSummaryProjection;
import com.complaintengine.query.summary.PersonalDataReadAhead;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasable personal data (issue 7): the master key, the key table, Axon's event serializer wrapped by
 * {@link PersonalDataSerializer}, erasures and the retention job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    /**
     * The configured key; without one, the embedded default's key file, generated at the first start. With an
     * external database a key must be configured: a generated file would be lost with the container.
     */
    @Bean
    MasterKey masterKey(PersonalDataProperties properties, Environment environment) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKey.of(properties.masterKey());
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            throw new IllegalStateException("set COMPLAINT_PRIVACY_MASTER_KEY (complaint.privacy.master-key), the base64 "
                    + "of 32 random bytes, e.g. from `openssl rand -base64 32`: an external database needs a master key "
                    + "kept outside it");
        }
        log.info("Privacy master key from {}", properties.masterKeyFile().toAbsolutePath());
        return MasterKey.fromFile(properties.masterKeyFile());
    }

    @Bean
    PersonalDataKeys personalDataKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        return new PersonalDataKeys(jdbc, masterKey);
    }

    /** The summary projection's rebuild reads the keys of a thousand events' complaints at once (issue 9). */
    @Bean
    PersonalDataReadAhead personalDataReadAhead(PersonalDataKeys keys) {
        return keys::preload;
    }

    /** The summary projection reads a batch's keys in one statement ({@link BatchKeyReadAhead}). */
    @Bean
    ConfigurerModule summaryBatchKeyReadAhead(PersonalDataKeys keys) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(
                ComplaintSummaryProjection.PROCESSING_GROUP, c -> new BatchKeyReadAhead(keys));
    }

    /** Axon's event serializer (Jackson, the mapper of {@code AxonConfiguration}) with encrypted personal fields. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper, RevisionResolver revisionResolver,
                               PersonalDataKeys keys) {
        JacksonSerializer jackson = JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(getClass().getClassLoader()))
                .objectMapper(mapper)
                .build();
        return new PersonalDataSerializer(jackson, keys, mapper);
    }

    @Bean
    Erasures erasures(CommandGateway commands, PersonalDataKeys keys, PlatformTransactionManager transactions,
                      JdbcTemplate jdbc) {
        return new Erasures(commands, keys, new TransactionTemplate(transactions), jdbc);
    }

    /** Archived complaints past their retention are erased (001 §2.4), once in a cluster, every retention-check. */
    @Bean
    RecurringTask<Void> personalDataRetention(Erasures erasures, PersonalDataProperties properties, Clock clock) {
        return Tasks.recurring("personal-data-retention", FixedDelay.of(properties.retentionCheck()))
                .execute((instance, context) -> {
                    int erased = erasures.eraseExpired(clock.instant());
                    if (erased > 0) {
                        log.info("Retention: erased the personal data of {} archived complaint(s)", erased);
                    }
                });
    }
}
