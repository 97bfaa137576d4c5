package com.complaintengine.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures a running engine from outside, as its clients would, and reports every figure of issue 9 in one run:
 * <ol>
 *   <li>{@code max}: intake at maximum (closed loop: N clients, each posts when its last post was answered);</li>
 *   <li>{@code rate}: intake at a fixed rate (open loop, {@code --rate}, default half the maximum just measured), each
 *       latency measured from the INTENDED send time so a stalled server cannot hide queued requests (coordinated
 *       omission), and the projection lag (answer → case readable from the summary projection) under that load;</li>
 *   <li>{@code steps}: classification and acknowledgement latency, one after the other, with the deadlines of every
 *       complaint received so far waiting ({@link StepsPhase});</li>
 *   <li>{@code reference}: single-row insert transactions/s on the same PostgreSQL, one connection, and the ratio;</li>
 *   <li>{@code rebuild}: the store grown to {@code --events} events ({@link EventSeeder}), the raw rate of reading
 *       those rows with plain JDBC, then a full rebuild of the summary projection timed to its end;</li>
 *   <li>{@code queries}: the summary projection grown to {@code --complaints} rows ({@link SummarySeeder}), then
 *       dashboard and search latency;</li>
 *   <li>{@code snapshots}, only when named: command latency on complaints of ~10, ~100 and ~1,000 events
 *       ({@link SnapshotPhase}). Not in the default list: it took 23–65 s on the shared 2-core machine (the 1,000-event
 *       complaint is grown over HTTP), above a minute on a cold server;</li>
 *   <li>{@code publish}, only when named: whether the broker publisher keeps up with intake at maximum — the delivery
 *       lag of each complaint to a durable queue of the bench's, and the messages per second ({@link PublishPhase};
 *       the server started with {@code --complaint.publisher.enabled=true}).</li>
 *   <li>{@code deadlines}, only when named: how fast SLA deadlines that come due together are fired
 *       ({@link DeadlinePhase});</li>
 *   <li>{@code stream}, only when named: how far behind intake at maximum several event streams are
 *       ({@link StreamPhase});</li>
 *   <li>{@code floor}, only when named: how fast PostgreSQL alone takes an intake's rows, with no server in the path
 *       ({@link FloorPhase}; the server started with {@code --complaint.cluster.processors=false}).</li>
 * </ol>
 * and, over the whole run, the server's peak heap (actuator, sampled each second) and RSS (/proc, VmHWM); with
 * {@code max}, the CPU one intake cost the server, PostgreSQL, the bench and the machine ({@link CpuMeter}).
 *
 * <pre>./mvnw -q -pl complaint-bench exec:java -Dexec.args="--url http://localhost:8180 --user agent:PW --admin admin:PW
 *     --supervisor supervisor:PW --jdbc jdbc:postgresql://localhost:PORT/postgres?user=postgres --server-pid PID
 *     --master-key-file /tmp/bench-master.key --events 1000000 --complaints 1000000"</pre>
 * {@code --phases max,rate,steps,reference,rebuild,queries} chooses phases (default these six); {@code --warmup 180} seconds
 * of unreported closed-loop intake come before {@code max}, {@code rate} and {@code publish} (0: none);
 * {@code snapshots}, {@code publish}, {@code deadlines}, {@code stream} and {@code floor} run only when named, e.g.
 * {@code --phases snapshots --snapshot-repetitions 100 --snapshot-appends 20}. Talks to loopback only.
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
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    /** The figures of the run, in order, printed together at the end. */
    private static final Map<String, String> REPORT = new LinkedHashMap<>();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String url = o.getOrDefault("url", "http://localhost:8080");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        Set<String> phases = Set.of(o.getOrDefault("phases", "max,rate,steps,reference,rebuild,queries").split(","));
        Http agent = new Http(url, o.getOrDefault("user", "agent:"));
        Http admin = o.containsKey("admin") ? new Http(url, o.get("admin")) : null;
        Http supervisor = o.containsKey("supervisor") ? new Http(url, o.get("supervisor")) : null;
        String jdbc = o.get("jdbc");

        System.out.printf("complaint-bench %s: %s, phases %s%n", Instant.now(), url, phases);
        CpuMeter cpu = CpuMeter.of(o.get("server-pid"), jdbc);
        try (ServerSampler sampler = new ServerSampler(admin, o.get("server-pid"))) {
            double max = Double.NaN;
            int warmup = Integer.parseInt(o.getOrDefault("warmup", "180"));
            if (warmup > 0 && (phases.contains("max") || phases.contains("rate") || phases.contains("publish")
                    || phases.contains("stream"))) {
                // The server's JIT compiles for minutes under load on 2 cores (C2 took a fifth of its CPU in the first
                // 3 minutes): figures of a cold server measure the compiler, not the engine. Not reported as intake.
                double warm = closedLoop(agent, warmup, clients, false);
                REPORT.put("warm-up (closed loop, not counted)", String.format("%d s, %.0f/s", warmup, warm));
            }
            if (phases.contains("max")) {
                // What one intake cost the server, PostgreSQL, the bench and the machine at that rate.
                CpuMeter.Reading before = cpu.read();
                max = closedLoop(agent, seconds, clients, true);
                REPORT.put("intake max: CPU per intake", CpuMeter.perUnit(before, cpu.read(), max * seconds, seconds));
            }
            if (phases.contains("rate")) {
                double rate = o.containsKey("rate") ? Double.parseDouble(o.get("rate"))
                        : Double.isNaN(max) ? 50 : Math.max(1, Math.floor(max / 2));
                openLoop(agent, jdbc, rate, seconds, Integer.parseInt(o.getOrDefault("lag-every", "10")),
                        Integer.parseInt(o.getOrDefault("connections", "64")));
            }
            if (phases.contains("steps")) {
                StepsPhase.run(agent, jdbc, o, REPORT);
            }
            if (phases.contains("reference") && jdbc != null) {
                double reference = insertReference(jdbc, seconds);
                if (!Double.isNaN(max)) {
                    REPORT.put("ratio intake max / reference", String.format("%.4f", max / reference));
                }
            }
            if (phases.contains("rebuild") && jdbc != null && admin != null) {
                rebuild(jdbc, admin, o);
            }
            if (phases.contains("queries") && jdbc != null) {
                queries(jdbc, agent, supervisor, o);
            }
            if (phases.contains("snapshots")) {
                SnapshotPhase.run(agent, jdbc, o, REPORT);
            }
            if (phases.contains("publish")) {
                PublishPhase.run(agent, jdbc, o, REPORT, seconds, clients);
            }
            if (phases.contains("deadlines") && jdbc != null) {
                DeadlinePhase.run(jdbc, o, REPORT);
            }
            if (phases.contains("floor") && jdbc != null) {
                FloorPhase.run(jdbc, o, REPORT, seconds, clients);
            }
            if (phases.contains("stream") && jdbc != null) {
                StreamPhase.run(agent, url, jdbc, o, REPORT, seconds, clients);
            }
            REPORT.put("server peak heap used (sampled 1/s)", mb(sampler.peakHeapBytes()) + ", peak heap committed "
                    + mb(sampler.peakHeapCommittedBytes()));
            REPORT.put("server peak RSS (VmHWM)", mb(sampler.procKb("VmHWM") * 1024) + ", RSS now "
                    + mb(sampler.procKb("VmRSS") * 1024));
        }
        System.out.println();
        System.out.println("== complaint-bench results " + Instant.now());
        REPORT.forEach((k, v) -> System.out.printf("%-48s %s%n", k, v));
        System.exit(0);
    }

    /** Closed-loop intake at maximum rate; complaints per second, in the report when {@code report}. */
    private static double closedLoop(Http http, int seconds, int clients, boolean report) throws Exception {
        Loop loop = closedLoop(http, seconds, clients, null);
        if (!report) {
            System.out.printf("warm-up: %.0f/s (%d errors)%n", loop.rate(), loop.errors());
            return loop.rate();
        }
        REPORT.put("intake max (closed loop, " + clients + " clients, " + seconds + " s)",
                String.format("%.0f/s (%d answered 201, %d errors)", loop.rate(), loop.latencies().count(),
                        loop.errors()));
        REPORT.put("intake max latency", loop.latencies().p50p99p999());
        System.out.println("max: " + REPORT.get("intake max (closed loop, " + clients + " clients, " + seconds + " s)"));
        return loop.rate();
    }

    /** What a closed loop did: the latencies of the complaints answered 201, the other answers, complaints/s. */
    record Loop(Stats latencies, int errors, double rate) {
    }

    /**
     * Closed-loop intake: {@code clients} keep-alive connections, each posting again when answered, for
     * {@code seconds}; {@code created}, when given, is told each created complaint's id and when its 201 came.
     */
    static Loop closedLoop(Http http, int seconds, int clients, ObjLongConsumer<String> created) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try (KeepAlive connection = http.keepAlive()) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            KeepAlive.Answer answer = connection.post("/api/complaints", complaintBody());
                            long answered = System.nanoTime();
                            if (answer.status() != 201) {
                                errors.incrementAndGet();
                                continue;
                            }
                            latencies.add(answered - start);
                            Matcher id = created == null ? null : ID.matcher(answer.body());
                            if (id != null && id.find()) {
                                created.accept(id.group(1), answered);
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        Stats stats = new Stats(latencies);
        return new Loop(stats, errors.get(), stats.count() / (double) seconds);
    }

    /**
     * Open-loop intake: request i is due at start + i/rate whatever the earlier ones did, and is sent by the first of
     * {@code connections} keep-alive connections that is free; its latency runs from the instant it was due to its
     * answer, so time spent waiting for a free connection counts (no coordinated omission). Every
     * {@code lagEvery}-th complaint's projection lag is sampled ({@link LagProbe}).
     */
    private static void openLoop(Http http, String jdbc, double rate, int seconds, int lagEvery, int connections)
            throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        // {latency, due}: the slowest requests' instants, to set beside the server's and PostgreSQL's logs.
        ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        // The probe connects before the first request is due (its set-up is not the projection's lag).
        LagProbe probe = jdbc == null ? null : new LagProbe(jdbc, lags);
        long total = Math.round(rate * seconds);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 20_000_000;
        Instant startedAt = Instant.now().plusMillis(20);
        AtomicLong next = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(start);
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            senders.submit(() -> {
                try (KeepAlive connection = http.keepAlive()) {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long intended = start + i * interval;
                        for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        try {
                            KeepAlive.Answer answer = connection.post("/api/complaints", complaintBody());
                            long answered = System.nanoTime();
                            lastAnswer.accumulateAndGet(answered, Math::max);
                            if (answer.status() != 201) {
                                errors.incrementAndGet();
                                continue;
                            }
                            latencies.add(answered - intended);
                            timeline.add(new long[] {answered - intended, intended});
                            Matcher id = ID.matcher(answer.body());
                            if (probe != null && i % lagEvery == 0 && id.find()) {
                                probe.sample(id.group(1), answered);
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
            System.out.println("rate: requests still unanswered 120 s after the last was due");
        }
        senders.shutdownNow();
        if (probe != null) {
            probe.close();
        }
        Stats stats = new Stats(latencies);
        double achieved = stats.count() / ((lastAnswer.get() - start) / 1e9);
        String name = String.format("intake fixed rate (open loop, %.0f/s, %d s)", rate, seconds);
        REPORT.put(name, String.format("%d due, %d answered 201, %d errors; achieved %.0f/s (%d connections)", total,
                stats.count(), errors.get(), achieved, connections));
        REPORT.put("intake fixed-rate latency (from intended send)", stats.p50p99p999());
        REPORT.put("projection lag at fixed rate (ack → readable)", probe == null ? "not measured (needs --jdbc)"
                : new Stats(lags).p50p90p99max() + " (every " + lagEvery + "th complaint)");
        if (probe != null) {
            REPORT.put("projection lag: largest five (answered at)", probe.worst(5, start));
        }
        REPORT.put("intake fixed-rate: slowest ten (due at, UTC)", timeline.stream()
                .sorted((a, b) -> Long.compare(b[0], a[0])).limit(10)
                .map(s -> String.format("%.1f ms at %.1f s (%s)", s[0] / 1e6, (s[1] - start) / 1e9,
                        startedAt.plusNanos(s[1] - start).toString().substring(11, 23)))
                .collect(Collectors.joining(", ")));
        System.out.println("rate: " + REPORT.get(name) + "; " + stats.p50p99p999());
    }

    private static String complaintBody() {
        long n = SEQUENCE.incrementAndGet();
        return BODY.formatted(n, n % 10000, n);
    }

    /** The physical reference: one-row insert transactions per second on the same PostgreSQL, one connection. */
    private static double insertReference(String jdbc, int seconds) throws Exception {
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
            double rate = count / (double) seconds;
            REPORT.put("reference: single-row insert transactions", String.format("%.0f/s (%d in %d s, one connection)",
                    rate, count, seconds));
            System.out.println("reference: " + REPORT.get("reference: single-row insert transactions"));
            return rate;
        }
    }

    /** Seeds the store, reads it raw, rebuilds the summary projection and times it. */
    private static void rebuild(String jdbc, Http admin, Map<String, String> o) throws Exception {
        long target = Long.parseLong(o.getOrDefault("events", "0"));
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            if (target > 0 && o.containsKey("master-key-file")) {
                long t0 = System.nanoTime();
                long added = new EventSeeder(connection, Path.of(o.get("master-key-file")))
                        .seed(target, Integer.parseInt(o.getOrDefault("templates", "2000")));
                if (added > 0) {
                    REPORT.put("seeding: events cloned (COPY)", String.format("%,d in %.0f s", added,
                            (System.nanoTime() - t0) / 1e9));
                }
            }
            long events = EventSeeder.countEvents(connection);
            rawRead(connection, events);
        }
        settleOtherProjections(admin, Long.parseLong(o.getOrDefault("settle-timeout", "900")));
        long start = System.nanoTime();
        HttpResponse<String> answer = admin.send(admin.post("/api/admin/projections/complaint-summary/rebuild", ""));
        if (answer.statusCode() / 100 != 2) {
            REPORT.put("rebuild", "refused: " + answer.statusCode() + " " + answer.body());
            return;
        }
        long head = Long.parseLong(field(answer.body(), "head"));
        long timeout = System.nanoTime() + Duration.ofSeconds(Long.parseLong(o.getOrDefault("rebuild-timeout", "1200"))).toNanos();
        long lastPrint = 0;
        String status = answer.body();
        while (System.nanoTime() < timeout) {
            Thread.sleep(250);
            status = readPatiently(admin, "/api/admin/projections/complaint-summary");
            if ("false".equals(field(status, "replaying")) && "true".equals(field(status, "caughtUp"))) {
                break;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                // A fold (the default) has no position until it hands over to the processor: its progress instead.
                System.out.printf("  rebuild at %s of %d (progress %s) after %.0f s%n", field(status, "position"), head,
                        field(status, "replayProgress"), (lastPrint - start) / 1e9);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        boolean done = "false".equals(field(status, "replaying"));
        REPORT.put("rebuild complaint-summary", String.format("%s %,d events in %.1f s = %,.0f events/s", done
                ? "rebuilt" : "NOT FINISHED (timeout), position " + field(status, "position") + " of",
                head, elapsed, (done ? head : Long.parseLong(field(status, "position"))) / elapsed));
        System.out.println("rebuild: " + REPORT.get("rebuild complaint-summary"));
    }

    /**
     * Waits until the other projections have processed the seeded events (they would otherwise compete with the
     * rebuild for the 2 cores); the summary projection's own catch-up is cut short by its reset.
     */
    private static void settleOtherProjections(Http admin, long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            String all = readPatiently(admin, "/api/admin/projections");
            boolean settled = true;
            for (String projection : all.split("\\{\"name\":")) {
                if (projection.startsWith("\"") && !projection.startsWith("\"complaint-summary\"")
                        && !"0".equals(field(projection, "lag"))) {
                    settled = false;
                }
            }
            if (settled) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("  other projections settled after %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Every column of every event row, in global order, through one cursor of plain JDBC. */
    private static void rawRead(Connection connection, long events) throws Exception {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery("select global_index, event_identifier, aggregate_identifier, "
                    + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                    + "from domain_event_entry order by global_index")) {
                while (rs.next()) {
                    bytes += rs.getString(2).length() + rs.getBytes(9).length + rs.getBytes(10).length;
                    rows++;
                }
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        double elapsed = (System.nanoTime() - start) / 1e9;
        REPORT.put("raw JDBC read of the event rows", String.format("%,d rows (%,d MB) in %.1f s = %,.0f rows/s",
                rows, bytes >> 20, elapsed, rows / elapsed));
        System.out.println("raw read: " + REPORT.get("raw JDBC read of the event rows"));
    }

    /** Dashboard and search latency over a projection of {@code --complaints} rows. */
    private static void queries(String jdbc, Http agent, Http supervisor, Map<String, String> o) throws Exception {
        long target = Long.parseLong(o.getOrDefault("complaints", "0"));
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            if (target > 0) {
                long t0 = System.nanoTime();
                long added = new SummarySeeder(connection).seed(target);
                if (added > 0) {
                    REPORT.put("seeding: summary rows inserted (SQL)", String.format("%,d in %.0f s", added,
                            (System.nanoTime() - t0) / 1e9));
                }
            }
            REPORT.put("complaints in the summary projection", String.format("%,d",
                    SummarySeeder.countSummaries(connection)));
        }
        int requests = Integer.parseInt(o.getOrDefault("query-requests", "50"));
        if (supervisor != null) {
            measure("dashboard GET /api/dashboard/sla", supervisor, List.of("/api/dashboard/sla"), requests);
        }
        measure("search status+urgency", agent, List.of("/api/complaints?status=IN_HANDLING&urgency=URGENT&limit=20"), requests);
        measure("search department+sla, sort due", agent,
                List.of("/api/complaints?department=logistics&sla=AT_RISK&sort=DUE_ASC&limit=20"), requests);
        measure("search q= (frequent word)", agent, List.of("/api/complaints?q=flickers&limit=20"), requests);
        measure("search q= + filters (rare)", agent,
                List.of("/api/complaints?q=charged%20twice&channel=APP&status=IN_HANDLING&limit=20"), requests);
        measure("search q= (no match: every row)", agent, List.of("/api/complaints?q=nosuchwordanywhere&limit=20"),
                Math.min(requests, 20));
    }

    /** Sequential GETs after 3 warm-up requests; latency p50/p99. */
    private static void measure(String name, Http http, List<String> paths, int requests) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < requests + 3; i++) {
            String path = paths.get(i % paths.size());
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(http.get(path));
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                REPORT.put(name, "answered " + response.statusCode() + ": " + response.body());
                return;
            }
            if (i >= 3) {
                latencies.add(elapsed);
            }
        }
        REPORT.put(name, new Stats(latencies).p50p99());
        System.out.println(name + ": " + REPORT.get(name));
    }

    /** A status read that may time out while the server is saturated: the question is asked again. */
    private static String readPatiently(Http http, String path) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.read(path);
            } catch (java.io.IOException | IllegalStateException e) {
                if (attempt == 10) {
                    throw e;
                }
                System.out.println("  " + path + " not answered (" + e.getMessage() + "), asking again");
                Thread.sleep(1000);
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : (bytes >> 20) + " MB";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
