package com.complaintengine.server.integrity;

import com.complaintengine.server.ReadPacing;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/** Axon's JDBC storage engine whose tracked reads go through {@link ReadPacing}; everything else is Axon's own. */
final class PacedStorageEngine extends JdbcEventStorageEngine {

    private final ReadPacing pacing;

    PacedStorageEngine(Builder builder, ReadPacing pacing) {
        super(builder);
        this.pacing = pacing;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return pacing.fetch(batchSize, () -> super.fetchTrackedEvents(lastToken, batchSize));
    }
}
