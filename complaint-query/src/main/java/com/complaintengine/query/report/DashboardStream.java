package com.complaintengine.query.report;

import com.complaintengine.query.summary.SummaryChanges;
import com.complaintengine.query.web.SseSubscribers;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live dashboards over server-sent events: each subscriber gets its dashboard at once, then again whenever the
 * summary projection has written since (checked every {@code interval}, so a burst of events is one update),
 * and a comment line as heartbeat so proxies keep the connection open. "Written since" is this node's own change
 * counter or, for the segments other nodes process, the newest {@code updated_at} of the summary table (one
 * indexed query per interval while anyone listens).
 */
@Component
public class DashboardStream {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);
    static final Duration INTERVAL = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int MAX_SUBSCRIBERS = 200;

    private final ReportQueries reports;
    private final SummaryChanges changes;
    private final JdbcTemplate jdbc;
    private final SseSubscribers<Subscriber> subscribers;

    public DashboardStream(ReportQueries reports, SummaryChanges changes, JdbcTemplate jdbc) {
        this.reports = reports;
        this.changes = changes;
        this.jdbc = jdbc;
        this.subscribers = new SseSubscribers<>("dashboard streams", MAX_SUBSCRIBERS, INTERVAL, HEARTBEAT, this::tick);
    }

    private static final class Subscriber extends SseSubscribers.Subscriber {
        final Cohort cohort;
        volatile String seen = "";

        Subscriber(SseEmitter emitter, Cohort cohort) {
            super(emitter);
            this.cohort = cohort;
        }
    }

    /** A new subscription; refused (503) beyond {@link #MAX_SUBSCRIBERS} open streams. */
    public SseEmitter subscribe(Cohort cohort) {
        subscribers.checkCapacity();
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Subscriber subscriber = subscribers.add(new Subscriber(emitter, cohort));
        subscribers.execute(() -> send(subscriber, generation(), new HashMap<>()));
        return emitter;
    }

    /** What the dashboards were computed from: this node's writes and the newest write of any node. */
    private String generation() {
        Timestamp newest = null;
        try {
            newest = jdbc.queryForObject("select max(updated_at) from complaint_summary", Timestamp.class);
        } catch (RuntimeException e) {
            log.debug("Could not read the newest summary change: {}", e.toString());
        }
        return changes.generation() + "/" + newest;
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        String generation = generation();
        // Subscribers watching the same cohort share one computation per tick.
        Map<Cohort, SlaDashboard> computed = new HashMap<>();
        for (Subscriber subscriber : subscribers.all()) {
            if (!subscriber.seen.equals(generation)) {
                send(subscriber, generation, computed);
            } else {
                try {
                    subscribers.heartbeatIfQuiet(subscriber);
                } catch (IOException | IllegalStateException e) {
                    subscribers.drop(subscriber);
                }
            }
        }
    }

    private void send(Subscriber subscriber, String generation, Map<Cohort, SlaDashboard> computed) {
        try {
            SlaDashboard dashboard = computed.computeIfAbsent(subscriber.cohort, reports::dashboard);
            subscribers.send(subscriber, SseEmitter.event().name("dashboard").data(dashboard));
            subscriber.seen = generation;
        } catch (IOException | IllegalStateException e) {
            subscribers.drop(subscriber);
        } catch (RuntimeException e) {
            log.warn("Could not compute a live dashboard: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        subscribers.stop();
    }
}
