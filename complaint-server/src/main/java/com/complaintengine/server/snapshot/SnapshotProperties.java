package com.complaintengine.server.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Issue 9, snapshots of long-lived complaints. {@code threshold}: a snapshot is taken when a command's loading and
 * handling of a complaint has gone through this many events since its last snapshot (0: never). {@code queue}: at most
 * this many snapshots wait for the snapshotter's thread; beyond that a snapshot is skipped (and taken at a later
 * threshold), never making a command wait or fail.
 */
@ConfigurationProperties("complaint.snapshots")
public record SnapshotProperties(Integer threshold, Integer queue) {

    public SnapshotProperties {
        threshold = threshold == null ? 100 : threshold;
        queue = queue == null ? 1_000 : queue;
        if (threshold < 0) {
            throw new IllegalArgumentException("complaint.snapshots.threshold must be 0 (off) or more, not " + threshold);
        }
        if (queue < 1) {
            throw new IllegalArgumentException("complaint.snapshots.queue must be at least 1, not " + queue);
        }
    }
}
