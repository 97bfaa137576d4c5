package com.complaintengine.server.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The append step of the JDBC storage engine, as Axon's own (same columns, same order) plus the tamper-evidence
 * chain: each event's metadata gets {@link ChainHash#KEY}, chained to the previous event of the same aggregate,
 * which is read in the appending transaction (or taken from the same batch). Two nodes appending the same sequence
 * still collide on the (aggregate, sequence) unique constraint, so a chain never forks.
 */
class ChainingAppendEvents implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("the chained append expects bytea columns, not " + dataType);
        }
        PreparedStatement insert = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ") values (?,?,?,?,?,?,?,?,?)");
        Map<String, String> lastInBatch = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            byte[] plainMetaData = serializer.serialize(event.getMetaData(), byte[].class).getData();
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String previous = lastInBatch.containsKey(event.getAggregateIdentifier())
                    ? lastInBatch.get(event.getAggregateIdentifier())
                    : previous(connection, schema, event.getAggregateIdentifier(), event.getSequenceNumber());
            String hash = ChainHash.of(previous, new ChainHash.Row(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), plainMetaData));
            lastInBatch.put(event.getAggregateIdentifier(), hash);
            MetaData chained = event.getMetaData().and(ChainHash.PREVIOUS_KEY, previous).and(ChainHash.KEY, hash);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, serializer.serialize(chained, byte[].class).getData());
            insert.addBatch();
        }
        return insert;
    }

    /** The hash of the event before {@code sequence} in the aggregate; "" for the first or an unchained one. */
    private static String previous(Connection connection, EventSchema schema, String aggregateId, long sequence)
            throws SQLException {
        if (sequence == 0) {
            return "";
        }
        try (PreparedStatement select = connection.prepareStatement("select " + schema.metaDataColumn() + " from "
                + schema.domainEventTable() + " where " + schema.aggregateIdentifierColumn() + " = ? and "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence - 1);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return "";
                }
                String recorded = ChainHash.recorded(rows.getBytes(1), ChainHash.KEY);
                return recorded == null ? "" : recorded;
            }
        }
    }
}
