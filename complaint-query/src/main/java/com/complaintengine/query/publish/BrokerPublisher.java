package com.complaintengine.query.publish;

import com.complaintengine.api.values.MetaDataKeys;
import com.rabbitmq.client.AMQP;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every event of the store to RabbitMQ (issue 6), in its own pooled streaming processor
 * ({@value #PROCESSING_GROUP}, tokens in PostgreSQL). The events of one batch of the processor
 * ({@code complaint.publisher.batch-size}) are sent one after the other, and the batch waits for the broker's confirms
 * of all of them before its transaction, which moves the processor's token, commits; when a confirm does not come the
 * batch fails and nothing of it is committed: the segment is released and retried with Axon's back-off, and the
 * events are published again (at least once, never lost). Waiting per event held the publisher to a broker round
 * trip and a token commit per event, behind intake in a surge (docs/performance.md, "the broker publisher"). Events of
 * one complaint are handled in order by one segment (Axon's sequencing per aggregate), sent in order on one channel
 * within a batch and after the previous batch's confirms, and routed to one partition, so their order holds in every
 * queue bound to that partition. Not a projection: never listed for rebuild.
 */
@ProcessingGroup(BrokerPublisher.PROCESSING_GROUP)
public class BrokerPublisher {

    public static final String PROCESSING_GROUP = "complaint-publisher";
    /** CloudEvents AMQP binding: attributes as application properties with this prefix. */
    public static final String HEADER_PREFIX = "cloudEvents:";
    /** The unit-of-work resource marking a batch whose confirms are awaited before it commits. */
    private static final String CONFIRMS = BrokerPublisher.class.getName() + ".confirms";

    private final BrokerConnection connection;
    private final PublisherProperties properties;
    private final JsonMapper json;

    /**
     * {@code json} is the HTTP API's mapper, so a message body is the same JSON as the feed's {@code data}. Not
     * Axon's event serializer: that one encrypts personal fields for storage (issue 7), and consumers get them in
     * clear (or as erased) exactly as the feed serves them.
     */
    BrokerPublisher(BrokerConnection connection, PublisherProperties properties, JsonMapper json) {
        this.connection = connection;
        this.properties = properties;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) throws Exception {
        String type = event.getPayloadType().getSimpleName();
        String complaintId = event.getAggregateIdentifier();
        byte[] body = json.writeValueAsBytes(payload);
        connection.publish(routingKey(complaintId, type, properties.partitions()), messageProperties(event, type),
                body);
        if (!CurrentUnitOfWork.isStarted()) {
            connection.awaitConfirms();
            return;
        }
        // Once per batch: its confirms awaited when it prepares to commit, in the thread that published it.
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(CONFIRMS, name -> {
            batch.onPrepareCommit(unit -> awaitConfirms());
            return Boolean.TRUE;
        });
    }

    private void awaitConfirms() {
        try {
            connection.awaitConfirms();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotConfirmed(e);
        } catch (Exception e) {
            throw new NotConfirmed(e);
        }
    }

    /** The broker did not confirm a batch's messages: the batch is not committed and will be published again. */
    static class NotConfirmed extends RuntimeException {
        NotConfirmed(Exception cause) {
            super("the broker did not confirm the batch's messages: " + cause, cause);
        }
    }

    /** {@code <partition>.<EventType>}: all events of one complaint share a partition. */
    static String routingKey(String complaintId, String type, int partitions) {
        return partition(complaintId, partitions) + "." + type;
    }

    /** {@code floorMod(complaintId.hashCode(), partitions)}: Java's String hash, the same in every language that copies it. */
    static int partition(String complaintId, int partitions) {
        return Math.floorMod(complaintId.hashCode(), partitions);
    }

    private AMQP.BasicProperties messageProperties(DomainEventMessage<?> event, String type) {
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        Object occurredAt = event.getMetaData().get(MetaDataKeys.OCCURRED_AT);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(HEADER_PREFIX + "specversion", "1.0");
        headers.put(HEADER_PREFIX + "id", event.getIdentifier());
        headers.put(HEADER_PREFIX + "source", properties.source());
        headers.put(HEADER_PREFIX + "type", type);
        headers.put(HEADER_PREFIX + "subject", event.getAggregateIdentifier());
        headers.put(HEADER_PREFIX + "time", occurredAt == null ? event.getTimestamp().toString() : occurredAt.toString());
        headers.put(HEADER_PREFIX + "datacontenttype", "application/json");
        headers.put(HEADER_PREFIX + "complaintid", event.getAggregateIdentifier());
        headers.put(HEADER_PREFIX + "sequence", event.getSequenceNumber());
        if (revision != null) {
            headers.put(HEADER_PREFIX + "revision", revision.value());
        }
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken().position().ifPresent(position -> headers.put(HEADER_PREFIX + "position", position));
        }
        return new AMQP.BasicProperties.Builder()
                .messageId(event.getIdentifier())
                .type(type)
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .timestamp(Date.from(event.getTimestamp()))
                .appId("complaint-engine")
                .headers(headers)
                .build();
    }
}
