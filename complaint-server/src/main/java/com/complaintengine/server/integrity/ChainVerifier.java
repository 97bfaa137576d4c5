package com.complaintengine.server.integrity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes an aggregate's hash chain from its stored rows (never from Axon's deserialized events, which an
 * upcaster or the personal-data serializer may have changed) and reports the first broken link.
 */
public class ChainVerifier {

    /** The first link that does not hold: where, which event, and what is wrong. */
    public record BrokenLink(long sequence, String eventId, String eventType, String problem, String detail) {
    }

    /**
     * The outcome: {@code intact} when every link holds; {@code unchained} counts leading events stored before the
     * chain existed (they are not protected); {@code headHash} is the last event's hash, to be kept elsewhere by
     * whoever wants to detect a rewrite of the whole chain.
     */
    public record Verification(String aggregateId, boolean intact, int events, int unchained, String headHash,
                               BrokenLink firstBrokenLink) {
    }

    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the aggregate has no stored events. */
    public Optional<Verification> verify(String aggregateId) {
        List<ChainHash.Row> rows = jdbc.query("""
                select event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                  from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (rs, n) -> new ChainHash.Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)),
                aggregateId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String previous = "";
        int unchained = 0;
        for (int i = 0; i < rows.size(); i++) {
            ChainHash.Row row = rows.get(i);
            String type = simpleName(row.payloadType());
            if (row.sequence() != i) {
                return broken(aggregateId, rows.size(), unchained, new BrokenLink(row.sequence(), row.eventId(), type,
                        "sequence-gap", "expected sequence " + i + " but found " + row.sequence()
                        + ": an event was removed or renumbered"));
            }
            String recorded = ChainHash.recorded(row.metaData(), ChainHash.KEY);
            if (recorded == null) {
                if (i == unchained) {
                    // Stored before the chain existed: not protected, reported as such.
                    unchained++;
                    continue;
                }
                return broken(aggregateId, rows.size(), unchained, new BrokenLink(row.sequence(), row.eventId(), type,
                        "hash-missing", "the event's metadata has no " + ChainHash.KEY
                        + " although earlier events of the chain have one"));
            }
            String recordedPrevious = ChainHash.recorded(row.metaData(), ChainHash.PREVIOUS_KEY);
            String recomputed;
            try {
                recomputed = ChainHash.of(recordedPrevious == null ? previous : recordedPrevious, row);
            } catch (RuntimeException unreadable) {
                return broken(aggregateId, rows.size(), unchained, new BrokenLink(row.sequence(), row.eventId(), type,
                        "content-altered", "the stored metadata is no longer readable JSON"));
            }
            if (!recomputed.equals(recorded)) {
                return broken(aggregateId, rows.size(), unchained, new BrokenLink(row.sequence(), row.eventId(), type,
                        "content-altered", "the stored row (payload, metadata or columns) no longer matches its hash "
                        + recorded + "; recomputed " + recomputed));
            }
            if (!previous.equals(recordedPrevious)) {
                return broken(aggregateId, rows.size(), unchained, new BrokenLink(row.sequence(), row.eventId(), type,
                        "link-broken", "the event chains to " + recordedPrevious + " but the event before it hashes to "
                        + (previous.isEmpty() ? "nothing (first event)" : previous)
                        + ": an earlier event was altered, removed or reordered"));
            }
            previous = recorded;
        }
        return Optional.of(new Verification(aggregateId, true, rows.size(), unchained, previous.isEmpty() ? null : previous,
                null));
    }

    private static Optional<Verification> broken(String aggregateId, int events, int unchained, BrokenLink link) {
        return Optional.of(new Verification(aggregateId, false, events, unchained, null, link));
    }

    private static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
