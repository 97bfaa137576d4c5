package com.complaintengine.server;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.query.admin.ProjectionAdmin;
import com.complaintengine.query.summary.ComplaintSummaryProjection;
import com.complaintengine.server.cluster.ClusterProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL: the JDBC storage engine over tables created by Flyway (snake_case names, payload
 * and metadata as bytea holding UTF-8 JSON), Jackson for every serializer, and pooled streaming
 * processors whose tokens live in the same database.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("time_stamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * The Jackson 2 mapper Axon serializes events, metadata and tokens with (Axon picks the bean by this
     * name). Instants as ISO-8601 text, decimals as written, typed ids as plain strings: the same
     * shapes as the HTTP API's Jackson 3 mapper ({@link ApiJsonConfiguration}).
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        SimpleModule typedIds = new SimpleModule("typed-ids");
        typedId(typedIds, ComplaintId.class, ComplaintId::of);
        typedId(typedIds, GroupComplaintId.class, GroupComplaintId::of);
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(typedIds)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A typed id is written as its plain value ({@code toString()}) and read back from it. */
    private static <T> void typedId(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return parse.apply(parser.getValueAsString());
            }
        });
    }

    /**
     * Axon's units of work run in Spring's transactions, so what one unit writes commits together: a command's events
     * with its deadline rows and keys, and a projection batch's rows with the processor's token. Axon 4.13's own
     * auto-configuration left this to {@code NoTransactionManager} under Spring Boot 4 (it found no transaction manager
     * when it was evaluated), and every statement committed by itself: a node killed between a batch's token and its
     * rows lost those events from the projection for good (issue 9, found by the kill -9 fault test; decisions.md).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * Axon's embedded event store without its shared read-ahead cache: each processor reads the event table through a
     * stream of its own, a query of {@code fetch-size} rows when its work packages have room, so what it holds in memory
     * is bounded by them. With the cache (Axon's default) one producer thread reads new events for every processor near
     * the head and chains them in memory; one call of its fetch holds the chain's node where it began until the table
     * has nothing new (a local variable, {@code EmbeddedEventStore.EventProducer.fetchData} in 4.13), and a processor
     * that stops asking holds its place until a cleaner detaches it (every 10 s). While a million events were appended
     * and the projections read them (the benchmark's seeding, 82 s), the fetch never ran dry: 245,701 cached events
     * (263 MB of payloads) filled the {@code -Xmx512m} heap and the server died of {@code OutOfMemoryError} (issue 9,
     * heap dumps of 2026-12-04; holding the cache to 2,000 events and a 100 ms cleaner did not help: the same dump).
     * Without the cache a processor that finds nothing new looks again when {@link ProcessorWakeUp} wakes it (a query,
     * 50 ms), and so also sees events appended by another node that soon (the producer polled every second).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return withoutSharedCache(EmbeddedEventStore.builder())
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /** The event store's reading of {@link #eventStore}, for its test. */
    static EmbeddedEventStore.Builder withoutSharedCache(EmbeddedEventStore.Builder builder) {
        return builder.optimizeEventConsumption(false);
    }

    /**
     * PostgreSQL reports a duplicate key as SQL state 23505 (error code 0), which Axon's default resolver (vendor
     * error codes) does not recognise: two commands appending the same sequence of one complaint then became a
     * 500 instead of Axon's {@code ConcurrencyException} (409). Axon's own resolver by SQL state does.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Events a projection handles in one transaction when that many are waiting (a replay, a surge); a quiet system
     * still handles each event as it comes. Axon's default is 1: a replay paid a commit and a token update per event.
     * The summary projection folds a batch's events per complaint in memory and writes each row once per batch
     * ({@code complaint.processors.batch-size}). A larger setting did not speed up a replay (1,000: 3,582 and 3,226
     * events/s against 3,905 with 100, docs/performance.md): a work package's queue holds ~1,024 stream positions.
     */
    static final int PROJECTION_BATCH_SIZE = 100;

    /**
     * How soon a processor looks at the store again when it found nothing new: Axon's coordinator waits a fixed 500 ms
     * on the embedded event store, which was most of the projection lag (issue 9, {@link ProcessorWakeUp}).
     */
    @Bean
    ProcessorWakeUp processorWakeUp(@Value("${complaint.processors.wake-up:50ms}") Duration interval,
                                    ReadPacing pacing) {
        return new ProcessorWakeUp(interval, pacing);
    }

    /** A processor at the head of the store reads again at the next wake-up, not at once ({@link ReadPacing}). */
    @Bean
    ReadPacing readPacing(@Value("${complaint.processors.paced-reads:true}") boolean paced) {
        return new ReadPacing(paced);
    }

    /** Every processing group runs as a pooled streaming processor, its segments claimed in token_entry. */
    @Bean
    ConfigurerModule pooledStreamingProcessors(Clock clock, ClusterProperties cluster, ProcessorWakeUp wakeUp,
            @Value("${complaint.processors.batch-size:" + PROJECTION_BATCH_SIZE + "}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("complaint.processors.batch-size must be at least 1, was " + batchSize);
        }
        return configurer -> {
            configurer.eventProcessing().configureDefaultStreamableMessageSource(c -> wakeUp.around(c.eventStore()));
            // A projection that fails on an event retries it instead of skipping it (Axon's default logs and moves on).
            configurer.eventProcessing().usingPooledStreamingEventProcessors()
                      .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            if (!cluster.processors()) {
                // A write node (docs/scaling.md): its processors exist, for the admin endpoints, but claim no segment.
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                        (c, builder) -> builder.maxClaimedSegments(0));
            }
            for (String projection : ProjectionAdmin.PROJECTIONS) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(projection,
                        (c, builder) -> builder.batchSize(batchSize)
                                               .initialSegmentCount(cluster.segments()));
            }
            configurer.eventProcessing().registerSequencingPolicy(ComplaintSummaryProjection.PROCESSING_GROUP,
                    c -> ComplaintSummaryProjection.SEQUENCING);
            // Axon stamps event messages with this clock; the same instant source as the domain.
            GenericEventMessage.clock = clock;
        };
    }
}
