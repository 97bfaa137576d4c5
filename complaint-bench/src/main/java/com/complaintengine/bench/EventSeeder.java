package com.complaintengine.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Grows the event store to a given number of events, fast, for the rebuild figure: clones the stored complaints
 * (those made through HTTP) under new complaint ids, straight into {@code domain_event_entry} with COPY.
 *
 * <p>Personal fields are encrypted with a data key bound to the complaint id (AES-GCM, the id as associated data),
 * so a clone cannot reuse its template's ciphertext: each clone gets its own data key, wrapped by the master key
 * under its own id (a {@code personal_data_key} row), and its template's personal fields are decrypted once and
 * encrypted again under the clone's key. The same scheme as {@code server.personal.MasterKey}; the master key is the
 * server's (its key file). The events of one round are written sequence by sequence (all clones' first events,
 * then all second events...), so the events of one complaint lie as far apart in the store as a round is large.
 *
 * <p>What a clone does not get: a contact digest (null: it cannot be found by an erasure request by contact),
 * deadlines, a consistent tamper-evidence chain (its metadata keeps the template's chain hashes, so the chain
 * verification reports clones as broken). Nothing of that is read by a projection rebuild.
 */
final class EventSeeder {

    private static final Pattern ENCRYPTED = Pattern.compile("\"enc:v1:([A-Za-z0-9+/=]+)\"");
    private static final String PREFIX = "enc:v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** One stored event of a template complaint: its payload cut at the personal fields, which are kept decrypted. */
    private record TemplateEvent(long sequence, String type, String timestamp, String payloadType, String revision,
                                 List<String> literals, List<byte[]> plainFields, String metaData) {
    }

    private final Connection connection;
    private final SecretKey master;
    private final Cipher cipher;

    EventSeeder(Connection connection, Path masterKeyFile) throws Exception {
        this.connection = connection;
        byte[] raw = Base64.getDecoder().decode(Files.readString(masterKeyFile).trim());
        this.master = new SecretKeySpec(raw, "AES");
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    static long countEvents(Connection connection) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The store's highest global index, 0 when it is empty. */
    static long head(Connection connection) throws Exception {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Adds clones until the store holds at least {@code target} events; the number of events added. */
    long seed(long target, int templateLimit) throws Exception {
        long existing = countEvents(connection);
        if (existing >= target) {
            return 0;
        }
        Map<String, List<TemplateEvent>> templates = templates(templateLimit);
        if (templates.isEmpty()) {
            throw new IllegalStateException("no complaint with a live data key to clone; run the intake first");
        }
        int maxSequence = templates.values().stream().mapToInt(List::size).max().orElse(0);
        long added = 0;
        long start = System.nanoTime();
        while (existing + added < target) {
            Map<String, String> ids = new LinkedHashMap<>();
            templates.keySet().forEach(old -> ids.put(old, UUID.randomUUID().toString()));
            Map<String, SecretKey> cloneKeys = new HashMap<>();
            StringBuilder keys = new StringBuilder();
            for (String id : ids.values()) {
                byte[] dataKey = new byte[32];
                RANDOM.nextBytes(dataKey);
                keys.append(id).append(",\\x").append(HEX.formatHex(encrypt(master, dataKey, id))).append('\n');
                cloneKeys.put(id, new SecretKeySpec(dataKey, "AES"));
            }
            copy("copy personal_data_key (subject_id, wrapped_key) from stdin (format csv)", keys);
            StringBuilder rows = new StringBuilder();
            long inRound = 0;
            for (int sequence = 0; sequence < maxSequence && existing + added + inRound < target; sequence++) {
                for (Map.Entry<String, List<TemplateEvent>> template : templates.entrySet()) {
                    if (sequence >= template.getValue().size() || existing + added + inRound >= target) {
                        continue;
                    }
                    String oldId = template.getKey();
                    String newId = ids.get(oldId);
                    row(rows, template.getValue().get(sequence), oldId, newId, cloneKeys.get(newId));
                    inRound++;
                    if (rows.length() > 8_000_000) {
                        copyEvents(rows);
                    }
                }
            }
            copyEvents(rows);
            added += inRound;
            System.out.printf("  seeded %,d events (%,d complaints) in %.0f s%n", added,
                    added / Math.max(1, templates.values().stream().mapToInt(List::size).sum() / templates.size()),
                    (System.nanoTime() - start) / 1e9);
        }
        return added;
    }

    private void row(StringBuilder rows, TemplateEvent e, String oldId, String newId, SecretKey key) throws Exception {
        StringBuilder payload = new StringBuilder(1024);
        for (int i = 0; i < e.literals().size(); i++) {
            payload.append(e.literals().get(i).replace(oldId, newId));
            if (i < e.plainFields().size()) {
                payload.append('"').append(PREFIX)
                        .append(Base64.getEncoder().encodeToString(encrypt(key, e.plainFields().get(i), newId))).append('"');
            }
        }
        rows.append(UUID.randomUUID()).append(',').append(newId).append(',').append(e.sequence()).append(',')
            .append(e.type()).append(',').append(e.timestamp()).append(',').append(e.payloadType()).append(',')
            .append(e.revision() == null ? "" : e.revision()).append(",\\x")
            .append(HEX.formatHex(payload.toString().getBytes(StandardCharsets.UTF_8))).append(",\\x")
            .append(HEX.formatHex(e.metaData().replace(oldId, newId).getBytes(StandardCharsets.UTF_8))).append('\n');
    }

    private void copyEvents(StringBuilder rows) throws Exception {
        if (rows.length() > 0) {
            copy("copy domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                    + "payload_type, payload_revision, payload, meta_data) from stdin (format csv)", rows);
            rows.setLength(0);
        }
    }

    private void copy(String sql, StringBuilder data) throws Exception {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    /** Complaints with a live key (not erased), their events with the personal fields decrypted. */
    private Map<String, List<TemplateEvent>> templates(int limit) throws Exception {
        Map<String, SecretKey> keys = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select k.subject_id, k.wrapped_key from personal_data_key k
                 where k.wrapped_key is not null
                   and exists (select 1 from domain_event_entry e where e.aggregate_identifier = k.subject_id
                               and e.type = 'Complaint' and e.sequence_number = 0)
                 order by k.created_at limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1), new SecretKeySpec(decrypt(master, rs.getBytes(2), rs.getString(1)), "AES"));
                }
            }
        }
        Map<String, List<TemplateEvent>> templates = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,
                       meta_data from domain_event_entry where aggregate_identifier = any (?) order by aggregate_identifier,
                       sequence_number""")) {
            select.setArray(1, connection.createArrayOf("varchar", keys.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String payload = new String(rs.getBytes(7), StandardCharsets.UTF_8);
                    List<String> literals = new ArrayList<>();
                    List<byte[]> fields = new ArrayList<>();
                    Matcher m = ENCRYPTED.matcher(payload);
                    int at = 0;
                    while (m.find()) {
                        literals.add(payload.substring(at, m.start()));
                        fields.add(decrypt(keys.get(id), Base64.getDecoder().decode(m.group(1)), id));
                        at = m.end();
                    }
                    literals.add(payload.substring(at));
                    templates.computeIfAbsent(id, k -> new ArrayList<>()).add(new TemplateEvent(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), literals, fields,
                            new String(rs.getBytes(8), StandardCharsets.UTF_8)));
                }
            }
        }
        // A template must be complete from its first event on, or its clones would not start with a receipt.
        templates.values().removeIf(events -> events.get(0).sequence() != 0);
        return templates;
    }

    private byte[] encrypt(SecretKey key, byte[] plain, String subject) throws Exception {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    private byte[] decrypt(SecretKey key, byte[] ivAndSealed, String subject) throws Exception {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ivAndSealed, 0, 12));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ivAndSealed, 12, ivAndSealed.length - 12);
    }

}
