package com.complaintengine.query.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection and one confirm-mode channel to RabbitMQ, opened on first use and opened again after any failure
 * (no automatic recovery behind the processor's back: a failed publish fails the event, and the processor retries it).
 * {@link #publish} returns only once the broker has confirmed the message.
 */
class BrokerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

    private final PublisherProperties properties;
    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;
    private Channel channel;

    BrokerConnection(PublisherProperties properties) {
        this.properties = properties;
        factory.setHost(properties.host());
        factory.setPort(properties.port());
        factory.setUsername(properties.username());
        factory.setPassword(properties.password());
        factory.setVirtualHost(properties.virtualHost());
        factory.setConnectionTimeout((int) properties.connectionTimeout().toMillis());
        factory.setHandshakeTimeout((int) properties.connectionTimeout().toMillis());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(10);
    }

    /** Publishes and waits for the broker's confirm; throws when the broker refuses, is gone or does not answer in time. */
    synchronized void publish(String routingKey, AMQP.BasicProperties messageProperties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        try {
            Channel open = channel();
            open.basicPublish(properties.exchange(), routingKey, false, messageProperties, body);
            open.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            reset();
            throw e;
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            reset();
            connection = factory.newConnection("complaint-publisher");
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(properties.exchange(), BuiltinExchangeType.TOPIC, true);
            log.info("Publishing complaint events to RabbitMQ {}:{} exchange '{}'", properties.host(),
                    properties.port(), properties.exchange());
        }
        return channel;
    }

    private void reset() {
        Connection old = connection;
        connection = null;
        channel = null;
        if (old != null) {
            try {
                old.abort(1000);
            } catch (RuntimeException e) {
                log.debug("Closing a broken broker connection: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
