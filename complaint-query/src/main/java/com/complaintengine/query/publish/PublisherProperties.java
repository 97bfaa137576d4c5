package com.complaintengine.query.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The broker publisher ({@code complaint.publisher}), off unless {@code enabled}: the RabbitMQ to publish to, the
 * topic {@code exchange} (declared durable), the number of {@code partitions} complaints are spread over (routing
 * key {@code <partition>.<EventType>}, partition = floorMod(complaintId.hashCode(), partitions)), how long to wait
 * for the broker's confirm and for a connection, the CloudEvents {@code source}, and how many events the publisher's
 * processor sends in one batch before it waits for their confirms and commits its token ({@code batch-size}).
 */
@ConfigurationProperties("complaint.publisher")
public record PublisherProperties(boolean enabled,
                                  String host,
                                  Integer port,
                                  String username,
                                  String password,
                                  String virtualHost,
                                  String exchange,
                                  Integer partitions,
                                  Duration confirmTimeout,
                                  Duration connectionTimeout,
                                  String source,
                                  Integer batchSize) {

    public PublisherProperties {
        host = host == null ? "localhost" : host;
        port = port == null ? 5672 : port;
        username = username == null ? "guest" : username;
        password = password == null ? "guest" : password;
        virtualHost = virtualHost == null ? "/" : virtualHost;
        exchange = exchange == null ? "complaint.events" : exchange;
        partitions = partitions == null ? 16 : partitions;
        confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(5) : confirmTimeout;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
        source = source == null ? "/complaint-engine" : source;
        batchSize = batchSize == null ? 100 : batchSize;
        if (partitions < 1 || port < 1 || confirmTimeout.isNegative() || confirmTimeout.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("complaint.publisher needs partitions >= 1, a port, a positive "
                    + "confirm-timeout and batch-size >= 1");
        }
    }
}
