package com.complaintengine.server.personal;

import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code personal_data_key} table: one data key per subject (a complaint or a group complaint), wrapped by the
 * {@link MasterKey}. Statements run in the caller's transaction (the event append, the erasure), so a key is created
 * with the case's first event and destroyed with its erasure event, atomically. No cache: an erasure takes effect on
 * every node at once.
 */
public class PersonalDataKeys {

    /** A subject's key: {@code key} null and {@code erased} false when it has none yet. */
    public record KeyState(SecretKey key, boolean erased) {

        static final KeyState NONE = new KeyState(null, false);
        static final KeyState ERASED = new KeyState(null, true);
    }

    private final JdbcTemplate jdbc;
    private final MasterKey master;

    public PersonalDataKeys(JdbcTemplate jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    /** The key to read a subject's fields with; never creates one. */
    public KeyState forReading(String subject) {
        List<KeyState> rows = jdbc.query("select wrapped_key, erased_at is not null from personal_data_key where subject_id = ?",
                (rs, n) -> rs.getBoolean(2) ? KeyState.ERASED : new KeyState(unwrap(rs.getBytes(1), subject), false),
                subject);
        return rows.isEmpty() ? KeyState.NONE : rows.get(0);
    }

    /**
     * The key to write a subject's fields with, created on first use (two writers racing for the first key both end
     * up with the one stored); {@link KeyState#ERASED} for an erased subject, which never gets a new key.
     */
    public KeyState forWriting(String subject, String contact) {
        KeyState state = forReading(subject);
        if (state != KeyState.NONE) {
            return state;
        }
        jdbc.update("""
                insert into personal_data_key (subject_id, wrapped_key, contact_digest) values (?, ?, ?)
                on conflict (subject_id) do nothing""",
                subject, master.wrap(MasterKey.newDataKey(), subject),
                contact == null || contact.isBlank() ? null : master.contactDigest(contact));
        return forReading(subject);
    }

    /** Destroys the subject's key for good (a tombstone row stays); true when there was personal data to erase. */
    public boolean destroy(String subject) {
        int changed = jdbc.update("""
                insert into personal_data_key (subject_id, wrapped_key, erased_at) values (?, null, now())
                on conflict (subject_id) do update set wrapped_key = null, contact_digest = null, erased_at = now()
                 where personal_data_key.erased_at is null""", subject);
        return changed > 0;
    }

    /** The subjects not yet erased whose customer gave this contact. */
    public List<String> subjectsWithContact(String contact) {
        return jdbc.queryForList("""
                select subject_id from personal_data_key where contact_digest = ? and wrapped_key is not null
                 order by created_at, subject_id""", String.class, master.contactDigest(contact));
    }

    private SecretKey unwrap(byte[] wrapped, String subject) {
        return new SecretKeySpec(master.unwrap(wrapped, subject), "AES");
    }
}
