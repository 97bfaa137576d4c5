package com.complaintengine.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's floor under intake: the rows one intake writes, written straight into the same PostgreSQL by
 * {@code --clients} connections in a closed loop for {@code --seconds}, with no server in the path. An intake
 * here is one transaction of the command side — the complaint's three events, its two deadline rows and its
 * personal-data key, as {@code POST /api/complaints} writes them — and a share of a transaction of the projection
 * side: every {@code --floor-batch} (8) intakes one multi-row insert of their summaries, whose statement triggers
 * add the dashboard's deltas. The rows are clones of the newest complaint received over HTTP: the same bytes with
 * new time-ordered ids, as the server makes them.
 *
 * <p>It writes less than the server does — none of the server's reads (the chain's previous hash, the projections'
 * look-ups, db-scheduler's, the tokens), no upsert's conflict check, no token updates — so its rate is an upper
 * bound: no server, however fast, takes intakes faster than PostgreSQL takes their rows on the same cores. With the
 * CPU it cost per intake it says how much of the two cores the database alone needs per complaint.
 *
 * <p>{@code --floor-intakes-per-transaction K} (1) commits the command side every K intakes instead: what a
 * group commit of intakes would save PostgreSQL.
 *
 * <p>The server must run without processors ({@code --complaint.cluster.processors=false}): a processor would
 * read the clones' events, whose personal fields stay sealed to the template's id. The phase deletes every row it
 * wrote at its end (its summaries through the dashboard's delete trigger).
 */
final class FloorPhase {

    private static final String EVENT_INSERT = "insert into domain_event_entry (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DEADLINE_INSERT = "insert into scheduled_tasks (task_name, task_instance, task_data,"
            + " execution_time, picked, version, priority) values (?, ?, ?, ?::timestamptz, false, 1, ?)";
    private static final String KEY_INSERT = "insert into personal_data_key (subject_id, wrapped_key, contact_digest)"
            + " values (?, ?, ?)";

    /** The template complaint's rows as stored (events, deadline rows, key, summary) and its id, to replace. */
    private record Template(String id, List<Object[]> events, List<Object[]> deadlines, Object[] key,
                            List<String> summaryColumns, List<String> summaryTypes, Object[] summary) {
    }

    private FloorPhase() {
    }

    static void run(String jdbc, Map<String, String> o, Map<String, String> report, int seconds, int clients)
            throws Exception {
        int batch = Integer.parseInt(o.getOrDefault("floor-batch", "8"));
        boolean upsert = "upsert".equals(o.getOrDefault("floor-summary", "insert"));
        int perTransaction = Integer.parseInt(o.getOrDefault("floor-intakes-per-transaction", "1"));
        Template template;
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            refuseWithProcessors(connection);
            template = template(connection);
        }
        CpuMeter cpu = CpuMeter.of(o.get("server-pid"), jdbc);
        List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
        AtomicLong intakes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                written.add(mine);
                loop(jdbc, template, summaryInsert(template, batch, upsert), batch, perTransaction, end, mine,
                        intakes);
                return null;
            }));
        }
        try {
            for (Future<?> loop : loops) {
                loop.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            // The loops' backends have ended; the postmaster adds their time to its own once it has reaped them.
            Thread.sleep(500);
            CpuMeter.Reading after = cpu.read();
            String name = String.format("floor: intake's rows, no server (%d connections, %d s)", clients, seconds);
            report.put(name, String.format("%,.0f intakes/s (%,d; %d per command transaction; summaries %d per %s)",
                    intakes.get() / elapsed, intakes.get(), perTransaction, batch, upsert ? "upsert" : "insert"));
            report.put("floor: CPU per intake", CpuMeter.perUnit(before, after, intakes.get(), elapsed));
            System.out.println("floor: " + report.get(name) + "; " + report.get("floor: CPU per intake"));
        } finally {
            // Also after a failed loop: the clones must not stay in the store (their personal fields are sealed to
            // the template's id, so no projection could read them).
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            long removed = remove(jdbc, template, written);
            System.out.printf("floor: removed the %,d complaints it wrote%n", removed);
        }
    }

    private static void refuseWithProcessors(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from cluster_node where processors"
                     + " and heartbeat_at > now() - interval '1 minute'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the floor phase needs a server without processors: restart it with "
                        + "--complaint.cluster.processors=false (" + rs.getLong(1) + " node(s) run processors)");
            }
        }
    }

    /** The newest complaint with exactly an intake's rows: 3 events, 2 deadline rows, a live key, a summary. */
    private static Template template(Connection connection) throws SQLException {
        String id = null;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select e.aggregate_identifier from domain_event_entry e
                 where e.type = 'Complaint' and e.sequence_number = 2
                   and not exists (select 1 from domain_event_entry later
                                    where later.aggregate_identifier = e.aggregate_identifier and later.sequence_number = 3)
                   and exists (select 1 from personal_data_key k where k.subject_id = e.aggregate_identifier
                                and k.wrapped_key is not null)
                   and exists (select 1 from complaint_summary c where c.complaint_id = e.aggregate_identifier)
                 order by e.global_index desc limit 1""")) {
            if (rs.next()) {
                id = rs.getString(1);
            }
        }
        if (id == null) {
            throw new IllegalStateException("no complaint of an intake's shape to clone; run the intake first");
        }
        List<Object[]> events = rows(connection, "select event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number", id);
        List<Object[]> deadlines = rows(connection, "select task_name, task_instance, task_data, execution_time::text,"
                + " priority from scheduled_tasks where task_instance like ? order by task_instance",
                "Complaint:" + id + "|%");
        List<Object[]> keys = rows(connection, "select subject_id, wrapped_key, contact_digest from personal_data_key"
                + " where subject_id = ?", id);
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Object[] summary;
        try (PreparedStatement select = connection.prepareStatement("select * from complaint_summary where complaint_id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                ResultSetMetaData meta = rs.getMetaData();
                summary = new Object[meta.getColumnCount()];
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                    types.add(meta.getColumnTypeName(i));
                    summary[i - 1] = rs.getString(i);
                }
            }
        }
        if (events.size() != 3 || deadlines.size() != 2 || keys.size() != 1) {
            throw new IllegalStateException("complaint " + id + " is not of an intake's shape: " + events.size()
                    + " events, " + deadlines.size() + " deadline rows, " + keys.size() + " keys");
        }
        System.out.println("floor: template complaint " + id);
        return new Template(id, events, deadlines, keys.get(0), columns, types, summary);
    }

    private static List<Object[]> rows(Connection connection, String sql, String parameter) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void loop(String jdbc, Template t, String summaryInsert, int batch, int perTransaction, long end,
                             List<String> mine, AtomicLong intakes) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            connection.setAutoCommit(false);
            List<String> pending = new ArrayList<>();
            try (PreparedStatement events = connection.prepareStatement(EVENT_INSERT);
                 PreparedStatement deadlines = connection.prepareStatement(DEADLINE_INSERT);
                 PreparedStatement key = connection.prepareStatement(KEY_INSERT);
                 PreparedStatement summaries = connection.prepareStatement(summaryInsert)) {
                while (System.nanoTime() < end) {
                    String id = timeOrderedId();
                    for (Object[] e : t.events()) {
                        events.setString(1, timeOrderedId());
                        events.setString(2, id);
                        events.setLong(3, ((Number) e[2]).longValue());
                        for (int i = 3; i < 7; i++) {
                            events.setString(i + 1, (String) e[i]);
                        }
                        events.setBytes(8, replace((byte[]) e[7], t.id(), id));
                        events.setBytes(9, replace((byte[]) e[8], t.id(), id));
                        events.addBatch();
                    }
                    events.executeBatch();
                    for (Object[] d : t.deadlines()) {
                        deadlines.setString(1, (String) d[0]);
                        deadlines.setString(2, ((String) d[1]).replace(t.id(), id));
                        deadlines.setBytes(3, replace((byte[]) d[2], t.id(), id));
                        deadlines.setString(4, (String) d[3]);
                        deadlines.setObject(5, d[4]);
                        deadlines.addBatch();
                    }
                    deadlines.executeBatch();
                    key.setString(1, id);
                    key.setBytes(2, (byte[]) t.key()[1]);
                    key.setString(3, (String) t.key()[2]);
                    key.executeUpdate();
                    mine.add(id);
                    if (mine.size() % perTransaction == 0) {
                        connection.commit();
                    }
                    pending.add(id);
                    intakes.incrementAndGet();
                    if (pending.size() == batch) {
                        int p = 1;
                        for (String summaryId : pending) {
                            for (int c = 0; c < t.summary().length; c++) {
                                String value = (String) t.summary()[c];
                                summaries.setString(p++, value == null ? null : value.replace(t.id(), summaryId));
                            }
                        }
                        summaries.executeUpdate();
                        connection.commit();
                        pending.clear();
                    }
                }
                connection.commit(); // the last, partial transaction's intakes were counted
            }
        }
    }

    /**
     * {@code insert into complaint_summary (…) values (?::type, …), …} for {@code rows} rows; with {@code upsert} the
     * projection's own conflict clause (every column replaced where the stored version is older).
     */
    private static String summaryInsert(Template t, int rows, boolean upsert) {
        StringBuilder row = new StringBuilder("(");
        for (int c = 0; c < t.summaryColumns().size(); c++) {
            row.append(c == 0 ? "" : ", ").append("?::").append(t.summaryTypes().get(c));
        }
        row.append(')');
        String insert = "insert into complaint_summary (" + String.join(", ", t.summaryColumns()) + ") values "
                + String.join(", ", Collections.nCopies(rows, row));
        if (!upsert) {
            return insert;
        }
        List<String> set = new ArrayList<>();
        t.summaryColumns().stream().filter(c -> !c.equals("complaint_id")).forEach(c -> set.add(c + " = excluded." + c));
        return insert + " on conflict (complaint_id) do update set " + String.join(", ", set)
                + " where complaint_summary.version < excluded.version";
    }

    /** Deletes what the loops wrote; the number of complaints. */
    private static long remove(String jdbc, Template t, List<List<String>> written) throws SQLException {
        List<String> ids = new ArrayList<>();
        written.forEach(ids::addAll);
        try (Connection connection = DriverManager.getConnection(jdbc)) {
            connection.setAutoCommit(false);
            for (int from = 0; from < ids.size(); from += 10_000) {
                Object[] chunk = ids.subList(from, Math.min(ids.size(), from + 10_000)).toArray();
                java.sql.Array array = connection.createArrayOf("varchar", chunk);
                List<String> instances = new ArrayList<>();
                for (Object id : chunk) {
                    for (Object[] d : t.deadlines()) {
                        instances.add(((String) d[1]).replace(t.id(), (String) id));
                    }
                }
                for (String sql : List.of("delete from complaint_summary where complaint_id = any (?)",
                        "delete from personal_data_key where subject_id = any (?)",
                        "delete from domain_event_entry where aggregate_identifier = any (?)")) {
                    try (PreparedStatement delete = connection.prepareStatement(sql)) {
                        delete.setArray(1, array);
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from scheduled_tasks where task_name = ? and task_instance = any (?)")) {
                    delete.setString(1, (String) t.deadlines().get(0)[0]);
                    delete.setArray(2, connection.createArrayOf("text", instances.toArray()));
                    delete.executeUpdate();
                }
                connection.commit();
            }
        }
        return ids.size();
    }

    /** The bytes with every occurrence of one id replaced by another of the same length (byte for byte). */
    private static byte[] replace(byte[] bytes, String from, String to) {
        if (bytes == null) {
            return null;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A version 7 UUID, as the server makes its ids: the millisecond first, so indexes grow at their right edge. */
    private static String timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
