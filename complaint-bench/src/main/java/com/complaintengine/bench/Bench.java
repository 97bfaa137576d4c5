package com.complaintengine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a running engine from outside, as a client would: intake throughput and latency over HTTP,
 * projection lag (command answered → case visible in the read model), and a physical reference (single-row
 * insert transactions per second on the same PostgreSQL). Bounded in time; talks to loopback only.
 *
 * <pre>./mvnw -q -pl complaint-bench exec:java -Dexec.args="--url http://localhost:8080 --seconds 20 --clients 8
 *     --user agent:PASSWORD --jdbc jdbc:postgresql://localhost:PORT/postgres?user=postgres --server-pid PID"</pre>
 * {@code --user} is a local user with the AGENT role (HTTP Basic), as printed at the engine's first start.
 */
public final class Bench {

    private static final String BODY = """
            {"channel": "HOTLINE", "channelDetail": "400 hotline, option 2",
             "customer": {"name": "Bench Customer %d", "contact": "138-0000-%04d", "tier": "REGULAR"},
             "occurredAt": "2026-11-20T08:00:00Z",
             "facts": "restarts 3 times within 5 minutes of power-on (load test %d)",
             "expectation": "wants a replacement unit",
             "demand": {"type": "EXCHANGE", "amount": {"value": 1299.00, "currency": "CNY"}},
             "emotion": "calm", "affectedCount": 1}""";

    /** The HTTP Basic credentials of {@code --user name:password}. */
    private static String authorization = "";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int lagEvery = Integer.parseInt(options.getOrDefault("lag-every", "20"));
        authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                options.getOrDefault("user", "agent:").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        System.out.printf("complaint-bench %s: %s, %d s, %d clients%n", Instant.now(), url, seconds, clients);
        intake(url, seconds, clients, lagEvery);
        if (options.containsKey("jdbc")) {
            insertReference(options.get("jdbc"), seconds);
        }
        if (options.containsKey("server-pid")) {
            memory(options.get("server-pid"));
        }
    }

    /** Closed-loop intake at maximum rate: each client posts its next complaint when the last one answered. */
    private static void intake(String url, int seconds, int clients, int lagEvery) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long n = sequence.incrementAndGet();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/complaints"))
                                .header("Content-Type", "application/json").header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(n, n % 10000, n))).build();
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long answered = System.nanoTime();
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            continue;
                        }
                        latencies.add(answered - start);
                        if (n % lagEvery == 0) {
                            String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                            lags.add(lag(http, url, id, answered));
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        List<Long> sorted = sorted(latencies);
        System.out.printf("intake: %d complaints in %d s = %.0f/s, errors %d%n", sorted.size(), seconds,
                sorted.size() / (double) seconds, errors.get());
        System.out.printf("intake latency ms: p50 %.1f  p99 %.1f  p99.9 %.1f%n", ms(sorted, 0.50), ms(sorted, 0.99),
                ms(sorted, 0.999));
        List<Long> lagSorted = sorted(lags);
        System.out.printf("projection lag ms (%d samples): p50 %.1f  p99 %.1f%n", lagSorted.size(), ms(lagSorted, 0.50),
                ms(lagSorted, 0.99));
    }

    /** Time from the command's answer until the case is readable from the projection. */
    private static long lag(HttpClient http, String url, String id, long answered) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url + "/api/complaints/" + id))
                .header("Authorization", authorization).GET().build();
        for (int i = 0; i < 2000; i++) {
            if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return System.nanoTime() - answered;
            }
            Thread.sleep(1);
        }
        return Duration.ofSeconds(10).toNanos();
    }

    /** The physical reference: one-row insert transactions per second on the same PostgreSQL, one connection. */
    private static void insertReference(String jdbc, int seconds) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create temporary table bench_reference (id bigserial primary key, payload bytea not null)");
            }
            byte[] payload = BODY.formatted(1, 1, 1).getBytes();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_reference (payload) values (?)")) {
                while (System.nanoTime() < end) {
                    insert.setBytes(1, payload);
                    insert.executeUpdate();
                    count++;
                }
            }
            System.out.printf("reference: %d single-row insert transactions in %d s = %.0f/s%n", count, seconds,
                    count / (double) seconds);
        }
    }

    /** Peak resident memory of the server process, from /proc (Linux). */
    private static void memory(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                System.out.println("server " + line.replaceAll("\\s+", " "));
            }
        }
    }

    private static List<Long> sorted(java.util.Collection<Long> values) {
        List<Long> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
