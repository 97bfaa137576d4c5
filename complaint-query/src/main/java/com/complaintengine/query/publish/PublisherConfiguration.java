package com.complaintengine.query.publish;

import com.complaintengine.query.admin.ProcessorLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The broker publisher exists only with {@code complaint.publisher.enabled=true}: the embedded default has no broker. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublisherProperties.class)
@ConditionalOnProperty(prefix = "complaint.publisher", name = "enabled", havingValue = "true")
class PublisherConfiguration {

    @Bean(destroyMethod = "close")
    BrokerConnection brokerConnection(PublisherProperties properties) {
        return new BrokerConnection(properties);
    }

    /** The publisher's processor handles up to {@code batch-size} waiting events in one batch (Axon's default is 1). */
    @Bean
    ConfigurerModule publisherBatches(PublisherProperties properties) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                BrokerPublisher.PROCESSING_GROUP, (c, builder) -> builder.batchSize(properties.batchSize()));
    }

    /**
     * {@code complaint.publisher.lag} (events): how far the publisher's segments on this node are behind the event
     * store's head — what the services subscribing to the broker have still to receive. NaN on a node that holds
     * none of its segments (a write node, or they are all on another node), as the projections' lag.
     */
    @Bean
    MeterBinder publisherLag(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return registry -> Gauge.builder("complaint.publisher.lag", () -> processing
                        .eventProcessor(BrokerPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                        .map(ProcessorLag::lowestPosition)
                        .map(position -> ProcessorLag.lag(position, ProcessorLag.head(jdbc)))
                        .map(Long::doubleValue).orElse(Double.NaN))
                .description("events between the event store's head and the broker publisher on this node")
                .baseUnit("events").register(registry);
    }

    @Bean
    BrokerPublisher brokerPublisher(BrokerConnection connection, PublisherProperties properties,
                                    JsonMapper json) {
        return new BrokerPublisher(connection, properties, json);
    }
}
