package com.complaintengine.server.personal;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code personal_data_key} table: one data key per subject (a complaint or a group complaint), wrapped by the
 * {@link MasterKey}. Statements run in the caller's transaction (the event append, the erasure), so a key is created
 * with the case's first event and destroyed with its erasure event, atomically.
 *
 * <p>Two caches, neither of which can outlive an erasure (docs/decisions.md, "Personal-data keys cached per unit of
 * work"): a subject's key state is remembered for the rest of the current Axon unit of work only (one command, one
 * processor batch), so every unit of work that begins after an erasure has returned reads the key row again, on
 * every node; and the unwrapping of a key (AES-GCM under the master key) is remembered per wrapped value, used only
 * after the row has been read and found to still hold exactly that wrapped value.
 */
public class PersonalDataKeys {

    /** A subject's key: {@code key} null and {@code erased} false when it has none yet. */
    public record KeyState(SecretKey key, boolean erased) {

        static final KeyState NONE = new KeyState(null, false);
        static final KeyState ERASED = new KeyState(null, true);
    }

    /** The resource of the root unit of work that holds its subjects' key states. */
    static final String UNIT_OF_WORK_CACHE = PersonalDataKeys.class.getName() + ".keys";
    private static final int UNWRAPPED_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    /** Subject → its last unwrapped key and the wrapped value it came from; least recently used dropped first. */
    private final Map<String, Unwrapped> unwrapped = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Unwrapped> eldest) {
            return size() > UNWRAPPED_LIMIT;
        }
    };

    private record Unwrapped(byte[] wrapped, SecretKey key) {
    }

    public PersonalDataKeys(JdbcTemplate jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    /** The key to read a subject's fields with; never creates one. */
    public KeyState forReading(String subject) {
        KeyState known = cached(subject);
        if (known != null) {
            return known;
        }
        KeyState state = lookUp(subject);
        remember(unitOfWorkCache(), subject, state);
        return state;
    }

    /** The subject's key state as the current unit of work knows it; null when it does not. */
    private static KeyState cached(String subject) {
        Map<String, KeyState> scoped = unitOfWorkCache();
        return scoped == null ? null : scoped.get(subject);
    }

    /**
     * Reads the key states of many subjects in one statement into the current unit of work's cache, where
     * {@link #forReading} then finds them (the summary projection's rebuild, a thousand events at a time); does nothing
     * outside a unit of work. Subjects without a key are left to {@link #forReading}.
     */
    public void preload(Collection<String> subjects) {
        Map<String, KeyState> scoped = unitOfWorkCache();
        if (scoped == null) {
            return;
        }
        String[] unknown = subjects.stream().filter(subject -> !scoped.containsKey(subject)).distinct()
                .toArray(String[]::new);
        if (unknown.length == 0) {
            return;
        }
        jdbc.query("select subject_id, wrapped_key, erased_at is not null from personal_data_key where subject_id = any(?)",
                (ResultSet rs) -> {
                    String subject = rs.getString(1);
                    remember(scoped, subject, keyState(rs.getBytes(2), rs.getBoolean(3), subject));
                }, (Object) unknown);
    }

    private KeyState lookUp(String subject) {
        List<KeyState> rows = jdbc.query("select wrapped_key, erased_at is not null from personal_data_key where subject_id = ?",
                (rs, n) -> keyState(rs.getBytes(1), rs.getBoolean(2), subject), subject);
        return rows.isEmpty() ? KeyState.NONE : rows.get(0);
    }

    /** A key row's state: erased, or its wrapped key unwrapped. */
    private KeyState keyState(byte[] wrapped, boolean erased, String subject) {
        return erased ? KeyState.ERASED : new KeyState(unwrap(wrapped, subject), false);
    }

    /**
     * The key to write a subject's fields with, created on first use (two writers racing for the first key both end
     * up with the one stored); {@link KeyState#ERASED} for an erased subject, which never gets a new key. A
     * {@code contact} comes only with a case's first event (the customer's, in {@code ComplaintReceived}), whose
     * subject has no key row yet: its key is inserted straight away, and the row read only when the insert finds one
     * there (a complaint received into an existing group, a retry) — one statement instead of two per intake.
     */
    public KeyState forWriting(String subject, String contact) {
        boolean firstEvent = contact != null && !contact.isBlank();
        KeyState known = firstEvent ? cached(subject) : forReading(subject);
        if (known != null && known != KeyState.NONE) {
            return known;
        }
        byte[] raw = MasterKey.newDataKey();
        int inserted = jdbc.update("""
                insert into personal_data_key (subject_id, wrapped_key, contact_digest) values (?, ?, ?)
                on conflict (subject_id) do nothing""",
                subject, master.wrap(raw, subject), firstEvent ? master.contactDigest(contact) : null);
        if (inserted == 0) {
            return forReading(subject); // another writer's key came first: use the one stored
        }
        KeyState created = new KeyState(new SecretKeySpec(raw, "AES"), false);
        remember(unitOfWorkCache(), subject, created);
        return created;
    }

    /** Destroys the subject's key for good (a tombstone row stays); true when there was personal data to erase. */
    public boolean destroy(String subject) {
        int changed = jdbc.update("""
                insert into personal_data_key (subject_id, wrapped_key, erased_at) values (?, null, now())
                on conflict (subject_id) do update set wrapped_key = null, contact_digest = null, erased_at = now()
                 where personal_data_key.erased_at is null""", subject);
        Map<String, KeyState> scoped = unitOfWorkCache();
        if (scoped != null) {
            scoped.put(subject, KeyState.ERASED);
        }
        synchronized (unwrapped) {
            unwrapped.remove(subject);
        }
        return changed > 0;
    }

    /** The subjects not yet erased whose customer gave this contact. */
    public List<String> subjectsWithContact(String contact) {
        return jdbc.queryForList("""
                select subject_id from personal_data_key where contact_digest = ? and wrapped_key is not null
                 order by created_at, subject_id""", String.class, master.contactDigest(contact));
    }

    /** Unwrapped once per wrapped value: the row was just read and still holds it, so the key is live. */
    private SecretKey unwrap(byte[] wrapped, String subject) {
        synchronized (unwrapped) {
            Unwrapped known = unwrapped.get(subject);
            if (known != null && Arrays.equals(known.wrapped(), wrapped)) {
                return known.key();
            }
        }
        SecretKey key = new SecretKeySpec(master.unwrap(wrapped, subject), "AES");
        synchronized (unwrapped) {
            unwrapped.put(subject, new Unwrapped(wrapped.clone(), key));
        }
        return key;
    }

    /** The key states of the current unit of work's root (shared by its nested units); null outside one. */
    private static Map<String, KeyState> unitOfWorkCache() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(UNIT_OF_WORK_CACHE, name -> new HashMap<>());
    }

    /** NONE is not remembered: a key may be created later in the same unit of work. */
    private static void remember(Map<String, KeyState> scoped, String subject, KeyState state) {
        if (scoped != null && state != KeyState.NONE) {
            scoped.put(subject, state);
        }
    }
}
