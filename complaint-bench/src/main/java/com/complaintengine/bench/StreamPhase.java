package com.complaintengine.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase {@code stream}, only when named: how the server-sent event stream ({@code GET /api/events/stream}) follows
 * intake at maximum. {@code --streams} (5) clients, as {@code --auditor user:password}, open a stream at the store's
 * head (read from {@code --jdbc}); then intake runs at maximum ({@code --clients}, {@code --seconds}); each stream is
 * read until it has gone quiet for 3 s. For each stream: the events received and the delay of each
 * {@code ComplaintReceived} from its {@code time} (when the server received the complaint) to its arrival here —
 * p50/p99/max per stream, so a stream left behind the others shows.
 */
final class StreamPhase {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    private StreamPhase() {
    }

    static void run(Http agent, String url, String jdbc, Map<String, String> o, Map<String, String> report, int seconds,
                    int clients) throws Exception {
        int count = Integer.parseInt(o.getOrDefault("streams", "5"));
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                o.getOrDefault("auditor", "auditor:").getBytes(StandardCharsets.UTF_8));
        long head = PublishPhase.head(jdbc);
        List<HttpURLConnection> connections = new ArrayList<>();
        List<ConcurrentLinkedQueue<Long>> delays = new ArrayList<>();
        List<AtomicLong> received = new ArrayList<>();
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        for (int i = 0; i < count; i++) {
            ConcurrentLinkedQueue<Long> mine = new ConcurrentLinkedQueue<>();
            AtomicLong events = new AtomicLong();
            delays.add(mine);
            received.add(events);
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/api/events/stream?after="
                    + Math.max(0, head)).toURL().openConnection();
            connection.setRequestProperty("Authorization", authorization);
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setReadTimeout(0);
            connections.add(connection);
            if (connection.getResponseCode() != 200) {
                report.put("stream", "the stream answered " + connection.getResponseCode() + " (--auditor user:password?)");
                return;
            }
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.startsWith("data:")) {
                            continue;
                        }
                        long now = System.currentTimeMillis();
                        events.incrementAndGet();
                        lastEvent.set(System.nanoTime());
                        Matcher type = TYPE.matcher(line);
                        Matcher time = TIME.matcher(line);
                        if (type.find() && type.group(1).equals("ComplaintReceived") && time.find()) {
                            mine.add((now - Instant.parse(time.group(1)).toEpochMilli()) * 1_000_000);
                        }
                    }
                } catch (Exception e) {
                    // the connection is closed at the end of the phase
                } finally {
                    connection.disconnect();
                }
            }, "stream-reader-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        Bench.Loop loop = Bench.closedLoop(agent, seconds, clients, null);
        long loadEnd = System.nanoTime();
        while (System.nanoTime() - lastEvent.get() < 3_000_000_000L && System.nanoTime() - loadEnd < 600_000_000_000L) {
            Thread.sleep(100);
        }
        double trailing = Math.max(0, lastEvent.get() - loadEnd) / 1e9;
        report.put("stream: intake at maximum (" + clients + " clients, " + seconds + " s)", String.format(
                "%.0f/s (%d answered 201), %,d events stored", loop.rate(), loop.latencies().count(),
                PublishPhase.head(jdbc) - head));
        for (int i = 0; i < count; i++) {
            report.put("stream " + (i + 1) + " of " + count + ": ComplaintReceived delay", String.format("%s; %,d events",
                    new Stats(delays.get(i)).p50p90p99max(), received.get(i).get()));
        }
        report.put("stream: the last event after the load ended", String.format("%.1f s", trailing));
        // Closing the connections ends the readers (a read blocked on a socket does not see an interrupt).
        connections.forEach(HttpURLConnection::disconnect);
    }
}
