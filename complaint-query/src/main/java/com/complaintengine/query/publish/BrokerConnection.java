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
 * One connection to RabbitMQ, opened on first use and opened again after any failure (no automatic recovery behind
 * the processor's back: a failed publish or confirm fails the batch, and the processor retries it), and one
 * confirm-mode channel per publishing thread: {@link #publish} sends without waiting, {@link #awaitConfirms} waits
 * until the broker has confirmed everything this thread sent since its last wait. A thread's channel carries only
 * that thread's messages, so one processor batch's wait is never held up by another segment's.
 */
class BrokerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

    private final PublisherProperties properties;
    private final ConnectionFactory factory = new ConnectionFactory();
    private final ThreadLocal<Channel> channels = new ThreadLocal<>();
    private Connection connection;

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

    /** Sends one message on this thread's channel; throws when the broker is gone. Not confirmed yet. */
    void publish(String routingKey, AMQP.BasicProperties messageProperties, byte[] body)
            throws IOException, TimeoutException {
        Channel channel = channel();
        try {
            channel.basicPublish(properties.exchange(), routingKey, false, messageProperties, body);
        } catch (IOException | RuntimeException e) {
            failed(channel);
            throw e;
        }
    }

    /**
     * Returns once the broker has confirmed every message this thread published since its last wait; throws when
     * it refused one, is gone or did not answer within the confirm timeout (the messages may then be sent again).
     */
    void awaitConfirms() throws IOException, TimeoutException, InterruptedException {
        Channel channel = channels.get();
        if (channel == null) {
            return; // nothing published on this thread
        }
        try {
            channel.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            failed(channel);
            throw e;
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        Channel channel = channels.get();
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        Channel created = connection().createChannel();
        created.confirmSelect();
        channels.set(created);
        return created;
    }

    private synchronized Connection connection() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            abort(connection);
            Connection opened = factory.newConnection("complaint-publisher");
            try (Channel declaring = opened.createChannel()) {
                declaring.exchangeDeclare(properties.exchange(), BuiltinExchangeType.TOPIC, true);
            } catch (IOException | TimeoutException | RuntimeException e) {
                abort(opened);
                throw e;
            }
            connection = opened;
            log.info("Publishing complaint events to RabbitMQ {}:{} exchange '{}'", properties.host(),
                    properties.port(), properties.exchange());
        }
        return connection;
    }

    /**
     * After any failure the whole connection is opened again (a cut connection may look open until its heartbeat
     * fails): every thread's channel on it closes, and their batches' waits fail and are retried.
     */
    private void failed(Channel channel) {
        channels.remove();
        Connection broken = channel.getConnection();
        synchronized (this) {
            if (broken == connection) {
                connection = null;
            }
        }
        abort(broken);
    }

    private static void abort(Connection old) {
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
        abort(connection);
        connection = null;
    }
}
