package com.complaintengine.server.integrity;

import com.complaintengine.server.ReadPacing;
import com.complaintengine.server.personal.PersonalDataKeys;
import com.complaintengine.server.snapshot.SnapshotSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JDBC storage engine as Axon's auto-configuration builds it (same event serializer, upcasters, snapshot filter,
 * connections and transactions, the Flyway schema of {@code AxonConfiguration}), with the chained append step and the
 * snapshot serializer of {@link SnapshotSerializers} (personal fields of a complaint's state encrypted, issue 9). Snapshots
 * are appended by Axon's own statement to {@code snapshot_event_entry}: they are not events and take no chain link.
 * The processors' reads at the head of the store are paced ({@link PacedStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("defaultAxonObjectMapper") ObjectMapper eventMapper,
                                          RevisionResolver revisionResolver, PersonalDataKeys personalDataKeys,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${complaint.event-store.fetch-size:100}") int fetchSize,
                                          ReadPacing readPacing) {
        return new PacedStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(fetchSize)
                .snapshotSerializer(SnapshotSerializers.of(eventMapper, revisionResolver, personalDataKeys))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new ChainingAppendEvents()), readPacing);
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc) {
        return new ChainVerifier(jdbc);
    }
}
