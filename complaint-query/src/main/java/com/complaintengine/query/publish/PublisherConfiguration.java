package com.complaintengine.query.publish;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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

    @Bean
    BrokerPublisher brokerPublisher(BrokerConnection connection, PublisherProperties properties,
                                    JsonMapper json) {
        return new BrokerPublisher(connection, properties, json);
    }
}
