package com.complaintengine.command.intake;

import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.values.ComplaintId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records new complaints. With an idempotency key, the key, the request's fingerprint and the new id are
 * stored in the same transaction as the complaint's first event, so a retried request finds the first
 * answer and a concurrent duplicate waits on the key's row instead of writing a second complaint.
 */
@Service
public class Intake {

    private final CommandGateway commandGateway;
    private final ComplaintIdGenerator ids;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Intake(CommandGateway commandGateway, ComplaintIdGenerator ids, JdbcTemplate jdbc, Clock clock) {
        this.commandGateway = commandGateway;
        this.ids = ids;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of the recorded complaint, and whether this answer repeats an earlier one. */
    public record Outcome(ComplaintId id, boolean replayed) {
    }

    /**
     * @param fingerprintSource a canonical text of the request; equal requests give equal texts
     * @param command           builds the command for the id chosen
     */
    @Transactional
    public Outcome receive(String idempotencyKey, String fingerprintSource,
                           Function<ComplaintId, ReceiveComplaint> command, MetaData metaData) {
        ComplaintId id = ids.next();
        if (idempotencyKey != null) {
            String fingerprint = sha256(fingerprintSource);
            int claimed = jdbc.update("""
                    insert into idempotency_key (idempotency_key, request_fingerprint, complaint_id, created_at)
                    values (?, ?, ?, ?) on conflict (idempotency_key) do nothing""",
                    idempotencyKey, fingerprint, id.value(), Timestamp.from(clock.instant()));
            if (claimed == 0) {
                return replay(idempotencyKey, fingerprint);
            }
        }
        commandGateway.sendAndWait(command.apply(id), metaData);
        return new Outcome(id, false);
    }

    private Outcome replay(String key, String fingerprint) {
        List<String[]> rows = jdbc.query(
                "select request_fingerprint, complaint_id from idempotency_key where idempotency_key = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, key);
        String[] first = rows.get(0);
        if (!first[0].equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        return new Outcome(ComplaintId.of(first[1]), true);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
