package com.complaintengine.server.cluster;

import com.complaintengine.query.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fair shares of the event processors' segments between the nodes of one engine. A pooled streaming processor
 * claims every unclaimed segment it can, so the first node to start would keep all of them: each node therefore
 * writes a heartbeat to {@code cluster_node}, counts the live nodes, and releases the segments it holds beyond
 * {@code ceil(segments / nodes)} for {@code complaint.cluster.release}, during which the other nodes claim them.
 * When a node stops or dies its claims expire and the remaining nodes take its segments over (Axon's claim
 * timeout), so no segment stays unprocessed. A write node ({@code complaint.cluster.processors=false}) claims none
 * (its processors may claim no segment, {@code AxonConfiguration}); it writes its heartbeat marked as such, is left
 * out of the others' count, and warns while no node runs the processors.
 */
@Component
@EnableConfigurationProperties(ClusterProperties.class)
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final ClusterProperties properties;
    private final String nodeId;
    /** Whether this write node last saw no node running the processors (starts false: nothing said yet). */
    private volatile boolean noProcessingNode;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("segment-balancer"));

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, JdbcTemplate jdbc,
                           ClusterProperties properties, @Value("${server.port:0}") int port) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.properties = properties;
        this.nodeId = nodeId(port);
    }

    /**
     * The node's name in {@code cluster_node}: its host and port when the port is fixed, so a node restarted after a
     * crash takes its predecessor's row instead of counting it as another live node for {@code node-timeout} and
     * leaving it segments that nobody processes (issue 9: seen after each kill -9 of FaultsOnPostgresTest). Two
     * processes cannot listen on one host and port; with a random port every start is a node of its own.
     */
    static String nodeId(int port) {
        if (port > 0) {
            try {
                return InetAddress.getLocalHost().getHostName() + ":" + port;
            } catch (UnknownHostException e) {
                log.warn("Host name unknown ({}): this node's restarts count as new nodes", e.getMessage());
            }
        }
        return UUID.randomUUID().toString();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One heartbeat and, when balancing, one look at this node's share. Never throws: it runs again later. */
    void round() {
        try {
            int processingNodes = heartbeat();
            if (!properties.processors()) {
                warnWhileNoNodeProcesses(processingNodes);
            } else if (properties.balance()) {
                balance(Math.max(1, processingNodes));
            }
        } catch (RuntimeException e) {
            log.warn("Cluster heartbeat or balancing failed, trying again in {}: {}", properties.heartbeat(), e.toString());
        }
    }

    /**
     * Writes this node's heartbeat and answers how many nodes that run the event processors are alive (this one
     * included if it runs them). Times are the database's, so the nodes' own clocks need not agree.
     */
    int heartbeat() {
        jdbc.update("""
                insert into cluster_node (node_id, started_at, heartbeat_at, processors) values (?, now(), now(), ?)
                on conflict (node_id) do update set heartbeat_at = now(), processors = excluded.processors""",
                nodeId, properties.processors());
        double timeout = properties.nodeTimeout().toMillis() / 1000.0;
        jdbc.update("delete from cluster_node where heartbeat_at < now() - make_interval(secs => ?)", 2 * timeout);
        Integer count = jdbc.queryForObject("select count(*) from cluster_node"
                + " where heartbeat_at >= now() - make_interval(secs => ?) and processors", Integer.class, timeout);
        return count == null ? 0 : count;
    }

    /** On a write node: one warning when the last node running the processors goes, one line when one is back. */
    private void warnWhileNoNodeProcesses(int processingNodes) {
        boolean none = processingNodes == 0;
        if (none != noProcessingNode) {
            noProcessingNode = none;
            if (none) {
                log.warn("No live node runs the event processors (this node has complaint.cluster.processors=false):"
                        + " projections, the dashboard and the event feed stand still until one starts");
            } else {
                log.info("{} live node(s) run the event processors", processingNodes);
            }
        }
    }

    private void balance(int nodes) {
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()) {
                int segments = tokenStore.fetchSegments(entry.getKey()).length;
                int fairShare = fairShare(segments, nodes);
                List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
                held.sort(null);
                for (int i = fairShare; i < held.size(); i++) {
                    log.info("Releasing segment {} of {} for another node ({} nodes, fair share {} of {})",
                            held.get(i), entry.getKey(), nodes, fairShare, segments);
                    processor.releaseSegment(held.get(i), properties.release().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** The most segments one of {@code nodes} nodes should hold: all of them rounded up, so none is left over. */
    static int fairShare(int segments, int nodes) {
        return (segments + nodes - 1) / Math.max(1, nodes);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            jdbc.update("delete from cluster_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not sign off from cluster_node: {}", e.toString());
        }
    }
}
