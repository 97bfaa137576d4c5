package com.complaintengine.server.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several nodes on one PostgreSQL ({@code complaint.cluster.*}, docs/scaling.md).
 *
 * @param balance      whether this node hands segments beyond its fair share to the other nodes
 * @param heartbeat    how often the node writes its heartbeat and looks at its share
 * @param nodeTimeout  a node whose heartbeat is older than this is counted as gone
 * @param release      how long a released segment is left for the other nodes before this node may claim it again
 * @param segments     how many segments each projection's stream is split into when its tokens are first created
 *                     (an existing token table keeps its count): the most nodes that process one projection at once
 * @param processors   whether this node runs the event processors (the projections and the broker publisher); a node
 *                     with {@code false} is a write node: it answers commands and queries, claims no segment, and is
 *                     not counted when the other nodes share the segments out
 */
@ConfigurationProperties("complaint.cluster")
public record ClusterProperties(Boolean balance, Duration heartbeat, Duration nodeTimeout, Duration release,
                                Integer segments, Boolean processors) {

    public ClusterProperties {
        balance = balance == null || balance;
        heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
        nodeTimeout = nodeTimeout == null ? Duration.ofSeconds(30) : nodeTimeout;
        release = release == null ? Duration.ofSeconds(20) : release;
        // Axon's default of 16 cost a tenth of the server's CPU at intake: its coordinator counts every segment's
        // queue for each event it hands out (issue 9, docs/performance.md).
        segments = segments == null ? 4 : segments;
        processors = processors == null || processors;
        if (segments < 1) {
            throw new IllegalArgumentException("complaint.cluster.segments must be at least 1");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "complaint.cluster: heartbeat must be positive and node-timeout at least twice the heartbeat");
        }
    }
}
