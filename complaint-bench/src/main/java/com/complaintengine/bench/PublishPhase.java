package com.complaintengine.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase {@code publish}, only when named: whether the broker publisher (issue 6, {@code complaint-publisher}) keeps up
 * with intake at maximum — the surge in which other services most need the events. Needs a server started with
 * {@code --complaint.publisher.enabled=true} and its RabbitMQ ({@code --amqp host:port}, {@code --amqp-user
 * user:password}, {@code --exchange}; defaults localhost:5672, guest:guest, complaint.events).
 *
 * <p>The bench binds a durable queue of its own to the exchange with {@code #}, as a consuming service would (the
 * broker confirms a persistent message routed to a durable queue only once it has written it), and consumes it.
 * First it waits until no message has come for 2 s (the events of earlier phases the publisher had not yet sent:
 * their count and time give a drain rate), then runs intake at maximum ({@code --clients}, {@code --seconds}) and
 * waits until every complaint answered 201 has its {@code ComplaintReceived} in the queue and then no message has
 * come for 2 s ({@code --publish-timeout}, 600 s, for each wait). Reported: the intake and (with {@code --jdbc}) the
 * events stored during the load, the delivery lag of each complaint (its 201 answer → its receipt at the consumer),
 * the load's messages received per second from the load's start to the last message, and how long after the load
 * the last one came. The queue is deleted at the end.
 */
final class PublishPhase {

    private PublishPhase() {
    }

    static void run(Http agent, String jdbc, Map<String, String> o, Map<String, String> report, int seconds,
                    int clients) throws Exception {
        String[] broker = o.getOrDefault("amqp", "localhost:5672").split(":");
        String[] user = o.getOrDefault("amqp-user", "guest:guest").split(":", 2);
        String exchange = o.getOrDefault("exchange", "complaint.events");
        long timeout = Long.parseLong(o.getOrDefault("publish-timeout", "600")) * 1_000_000_000L;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker[0]);
        factory.setPort(broker.length > 1 ? Integer.parseInt(broker[1]) : 5672);
        factory.setUsername(user[0]);
        factory.setPassword(user.length > 1 ? user[1] : "");

        Map<String, Long> receipts = new ConcurrentHashMap<>();
        AtomicLong messages = new AtomicLong();
        AtomicLong lastMessage = new AtomicLong(System.nanoTime());
        try (Connection connection = factory.newConnection("complaint-bench")) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            String queue = "complaint-bench-" + System.currentTimeMillis();
            channel.queueDeclare(queue, true, false, false, null);
            try {
                channel.queueBind(queue, exchange, "#");
                channel.basicConsume(queue, true, (tag, message) -> {
                    long now = System.nanoTime();
                    messages.incrementAndGet();
                    lastMessage.set(now);
                    Map<String, Object> headers = message.getProperties().getHeaders();
                    if (message.getEnvelope().getRoutingKey().endsWith(".ComplaintReceived") && headers != null
                            && headers.get("cloudEvents:subject") != null) {
                        receipts.putIfAbsent(headers.get("cloudEvents:subject").toString(), now);
                    }
                }, tag -> { });

                long waitStart = System.nanoTime();
                while (System.nanoTime() - lastMessage.get() < 2_000_000_000L && System.nanoTime() - waitStart < timeout) {
                    Thread.sleep(100);
                }
                long backlog = messages.get();
                double drained = Math.max(0, lastMessage.get() - waitStart) / 1e9;
                report.put("publish: backlog before the load", backlog == 0 ? "none"
                        : String.format("%,d messages in %.1f s = %,.0f/s", backlog, drained, backlog / drained));

                long headBefore = head(jdbc);
                long countBefore = messages.get();
                Map<String, Long> answered = new ConcurrentHashMap<>();
                long loadStart = System.nanoTime();
                Bench.Loop loop = Bench.closedLoop(agent, seconds, clients, answered::put);
                long loadEnd = System.nanoTime();
                long headAfter = head(jdbc);

                while (!receipts.keySet().containsAll(answered.keySet()) && System.nanoTime() - loadEnd < timeout) {
                    Thread.sleep(50);
                }
                // Then the rest of the load's events (a complaint's later ones come after its receipt).
                while (System.nanoTime() - lastMessage.get() < 2_000_000_000L && System.nanoTime() - loadEnd < timeout) {
                    Thread.sleep(100);
                }
                List<Long> lags = new ArrayList<>();
                int missing = 0;
                for (Map.Entry<String, Long> created : answered.entrySet()) {
                    Long receipt = receipts.get(created.getKey());
                    if (receipt == null) {
                        missing++;
                    } else {
                        lags.add(Math.max(0, receipt - created.getValue()));
                    }
                }
                long received = messages.get() - countBefore;
                report.put("publish: intake at maximum (" + clients + " clients, " + seconds + " s)",
                        String.format("%.0f/s (%d answered 201, %d errors)%s", loop.rate(), loop.latencies().count(),
                                loop.errors(), headBefore < 0 ? ""
                                        : String.format(", %,d events stored", headAfter - headBefore)));
                report.put("publish: delivery lag (201 → receipt in a durable queue)", new Stats(lags).p50p90p99max()
                        + (missing == 0 ? "" : String.format("; %d receipts NOT DELIVERED within the timeout", missing)));
                double span = (lastMessage.get() - loadStart) / 1e9;
                report.put("publish: messages of the load received",
                        String.format("%,d in %.1f s from the load's start = %,.0f/s; the last %.1f s after the load "
                                + "ended", received, span, received / span, Math.max(0, lastMessage.get() - loadEnd) / 1e9));
                System.out.println("publish: " + report.get("publish: delivery lag (201 → receipt in a durable queue)"));
            } finally {
                channel.queueDelete(queue);
            }
        }
    }

    /** The store's highest global index, or -1 without {@code --jdbc}. */
    static long head(String jdbc) throws Exception {
        if (jdbc == null) {
            return -1;
        }
        try (java.sql.Connection connection = DriverManager.getConnection(jdbc)) {
            return EventSeeder.head(connection);
        }
    }
}
