package com.complaintengine.command.archive;

import java.time.Instant;
import java.time.ZoneOffset;

/** Computes until when an archived complaint is retained, from the configured period. */
public final class RetentionPolicy {

    private final ArchiveProperties properties;

    public RetentionPolicy(ArchiveProperties properties) {
        this.properties = properties;
    }

    public Instant retainUntil(Instant archivedAt) {
        return archivedAt.atZone(ZoneOffset.UTC).plus(properties.retention()).toInstant();
    }
}
